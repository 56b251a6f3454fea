"""Checking one record's values against its spec: every problem found at once, each naming its field."""

from datetime import date
from decimal import Decimal
from math import isfinite

from twindesk.domain.model.errors import FieldError, ValidationError, field_error
from twindesk.domain.model.fields import INT_MAX, INT_MIN, MAX_LINE, MAX_TEXT, Field, clean_value
from twindesk.domain.model.messages import Label, Problem
from twindesk.domain.model.specs import SPECS, RecordSpec


def _shown(value) -> str:
    if isinstance(value, Decimal) and value.is_finite() and -20 < value.adjusted() < 20:
        value = format(value.normalize(), "f")  # -2, not the column's rounding -2.000
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


_RANGED = frozenset({"int", "year", "decimal", "float"})  # the kinds a range is checked for


def _check_range(spec: RecordSpec, f: Field, value) -> FieldError | None:
    if value is None or f.kind not in _RANGED:
        return None
    label = Label(spec.kind, f.name, f.label)
    if f.positive and value <= 0:
        return field_error(f.name, f.label, "{label} must be more than zero (got {value}).", label=label,
                           value=_shown(value))
    if f.minimum is not None and value < f.minimum:
        return field_error(f.name, f.label, "{label} must be at least {limit:g} (got {value}).", label=label,
                           limit=f.minimum, value=_shown(value))
    if f.maximum is not None and value > f.maximum:
        return field_error(f.name, f.label, "{label} must be at most {limit:g} (got {value}).", label=label,
                           limit=f.maximum, value=_shown(value))
    return None


# Free text rarely repeats down a column; every other kind's typed values do (codes, countries, dates).
_FREE_TEXT = frozenset({"text", "longtext"})
# Raw values whose type and equality decide what they clean to (a Decimal's str keeps its places, a
# datetime equals one in another time zone, a float -0.0 equals 0.0: those are cleaned every time).
_SAME_WHEN_EQUAL = frozenset({str, int, bool, date, type(None)})
_FAILED = object()
# How `Validator.new_record` takes a typed value of a field without the calls (see `_fast_plan`).
_LINE, _LONG, _WHOLE, _REAL, _DAY, _OTHER = range(6)
_SHAPES = {"text": _LINE, "longtext": _LONG, "int": _WHOLE, "year": _WHOLE, "ref": _WHOLE, "float": _REAL,
           "date": _DAY}
_NEVER_EMPTY = frozenset({int, float, bool, date, Decimal})  # their values never equal ""
_EXACT_FLOAT = 2**53  # a whole number up to this is the same as a float, however it is converted


class Validator:
    """`validate` for records of one kind: the defaults cleaned once, the rules' fields looked up once.

    With `remember` (an import's many rows), each distinct typed value of a field that is not free text
    is cleaned once: cleaning is pure, so the same value gives the same result, and a value that fails
    is cleaned again each time, so its message is built as for the first. The forms use it without.
    """

    def __init__(self, spec: RecordSpec, remember: bool = False):
        self.spec = spec
        self._names = frozenset(spec.by_name) | {"id"}
        self._rules = tuple((rule, frozenset(getattr(rule, "fields", ()))) for rule in spec.rules)
        # (name, field, its memo {(type, raw): cleaned} where its typed values repeat and are remembered,
        # whether a one-line text that may be empty)
        self._plan = tuple((f.name, f, {} if remember and f.kind not in _FREE_TEXT else None,
                            f.kind == "text", f.kind == "text" and not f.required) for f in spec.fields)
        self._defaults: dict[str, object] = {}  # field -> its default, cleaned and checked (never failing)
        self._fast: tuple | None = None  # new_record's plan, made on its first use

    def _value(self, f: Field, raw, errors: list):
        """What validate keeps for `raw` in field `f`, or _FAILED with the problem added to `errors`."""
        spec = self.spec
        try:
            value = clean_value(f, raw)
        except ValueError as exc:
            problem = exc if isinstance(exc, Problem) else str(exc)
            errors.append(field_error(f.name, f.label, "{label} “{value}” {problem}.",
                                      label=Label(spec.kind, f.name, f.label), value=_shown(raw), problem=problem))
            return _FAILED
        if value is None and f.default is not None and not f.required:
            value = clean_value(f, f.default)  # an emptied currency or order: the default, not NULL
        if f.required and value in (None, ""):
            errors.append(field_error(f.name, f.label, "{label} is required.", label=Label(spec.kind, f.name, f.label)))
            return _FAILED
        if value is not None and f.kind in _RANGED:
            problem = _check_range(spec, f, value)
            if problem:
                errors.append(problem)
                return _FAILED
        if value is None and f.kind in _FREE_TEXT:
            value = ""
        return value

    def _default(self, f: Field, errors: list):
        value = self._value(f, f.default, errors)
        if value is not _FAILED:
            self._defaults[f.name] = value
        return value

    def __call__(self, values: dict, *, partial: bool = False) -> dict:
        spec = self.spec
        if not self._names.issuperset(values):
            unknown = set(values) - self._names
            raise KeyError(f"{spec.kind} has no field(s) {', '.join(sorted(unknown))}")
        defaults = self._defaults
        cleaned: dict = {}
        errors: list[FieldError] = []
        for name, f, memo, line_text, may_be_empty in self._plan:
            if name in values:
                raw = values[name]
                t = type(raw)
                if line_text and t is str and (may_be_empty or raw.strip()):
                    # a one-line text that `_value` would take as it is (stripped): the common cell of
                    # an import, said here without the calls; anything else goes the whole way
                    text = raw.strip()
                    if len(text) <= MAX_LINE and "\n" not in text and "\r" not in text:
                        cleaned[name] = text
                        continue
                    value = self._value(f, raw, errors)
                elif memo is not None and t in _SAME_WHEN_EQUAL:
                    key = (t, raw)
                    value = memo.get(key, _FAILED)
                    if value is _FAILED:
                        value = self._value(f, raw, errors)
                        if value is not _FAILED:
                            memo[key] = value
                else:
                    value = self._value(f, raw, errors)
            elif partial:
                continue
            else:
                value = defaults.get(name, _FAILED)
                if value is _FAILED:
                    value = self._default(f, errors)
            if value is not _FAILED:
                cleaned[name] = value
        if "id" in values:
            cleaned["id"] = values["id"]
        if not partial:
            failed = {e.field for e in errors} if errors else ()
            if not failed:
                for complete in spec.completions:  # e.g. an agreement's expiry from its signing date and term
                    cleaned.update(complete(cleaned))
            for rule, fields in self._rules:
                # A rule over a field that is already wrong would only add a misleading second message
                # ("Give at least one name" when the one name given is too long).
                if failed and not fields.isdisjoint(failed):
                    continue
                errors.extend(rule(cleaned, spec))
        if errors:
            raise ValidationError(spec.label, errors)
        return cleaned


    # --- an import's new records ----------------------------------------------------------------------
    def new_record(self, values: dict, record_id) -> dict:
        """`self(merged)` for a new record's row: `merged` is `values` without its empty cells (they take
        the fields' defaults, as in a new form) and with `record_id` as "id". The same dict (in the same
        order) or the same ValidationError, faster: the defaults are one dict copied, and the loop is over
        the cells the row gives, each typed value the field would keep as it is (a one-line text, a whole
        number, a finite float, a date) taken without the calls. A row with any cell in doubt goes the
        whole way, so its messages are the usual ones in the usual order."""
        if self._fast is None:
            self._fast = self._fast_plan()
        by_name, template, needed = self._fast
        spec = self.spec
        cleaned = template.copy()
        for name, raw in values.items():
            if raw is None:
                continue  # an empty cell: the default, which the copy holds
            t = type(raw)
            if (not raw) if t is str else (t not in _NEVER_EMPTY and raw == ""):
                continue  # "", or what equals it
            how = by_name.get(name)
            if how is None:  # "id", or no field at all: the whole way says what it means
                return self._whole(values, record_id)
            f, memo, shape, ranged = how
            value = _FAILED
            if shape is _LINE:
                if t is str:
                    text = raw.strip()
                    if (text or not f.required) and len(text) <= MAX_LINE and "\n" not in text and "\r" not in text:
                        value = text
            elif shape is _WHOLE:
                if t is int and INT_MIN <= raw <= INT_MAX:
                    value = raw
            elif shape is _REAL:
                if t is float and isfinite(raw) or t is int and -_EXACT_FLOAT <= raw <= _EXACT_FLOAT:
                    value = float(raw)  # what parse_float's exact Decimal gives back
            elif shape is _DAY:
                if t is date:
                    value = raw
            elif shape is _LONG:
                if t is str:
                    text = raw.strip()
                    if (text or not f.required) and len(text) <= MAX_TEXT:
                        value = text
            if value is _FAILED:
                remembered = memo is not None and t in _SAME_WHEN_EQUAL
                if remembered:
                    value = memo.get((t, raw), _FAILED)
                if value is _FAILED:
                    errors: list[FieldError] = []
                    value = self._value(f, raw, errors)
                    if errors:
                        return self._whole(values, record_id)
                    if remembered:
                        memo[(t, raw)] = value
            elif ranged is not None:  # `_check_range` finds a problem: the whole way says it
                positive, low, high = ranged
                if positive and value <= 0 or low is not None and value < low or high is not None and value > high:
                    return self._whole(values, record_id)
            cleaned[name] = value
        for name in needed:  # required, without a default, and not given
            if cleaned[name] is _FAILED:
                return self._whole(values, record_id)
        cleaned["id"] = record_id
        for complete in spec.completions:
            cleaned.update(complete(cleaned))
        errors = []
        for rule, _fields in self._rules:
            errors.extend(rule(cleaned, spec))
        if errors:
            raise ValidationError(spec.label, errors)
        return cleaned

    def _whole(self, values: dict, record_id) -> dict:
        merged = {k: v for k, v in values.items() if v is not None and v != ""}
        merged["id"] = record_id
        return self(merged)

    def _fast_plan(self) -> tuple[dict, dict, tuple[str, ...]]:
        """(field name -> (field, memo, shape, (positive, minimum, maximum) or None), every field's default in field order
        (_FAILED where the field is required without one), those fields' names)."""
        by_name, template, needed = {}, {}, []
        for name, f, memo, _line_text, _may_be_empty in self._plan:
            ranged = (f.positive, f.minimum, f.maximum) if f.kind in _RANGED and (
                f.positive or f.minimum is not None or f.maximum is not None) else None
            by_name[name] = (f, memo, _SHAPES.get(f.kind, _OTHER), ranged)
            value = self._defaults.get(name, _FAILED)
            if value is _FAILED:
                value = self._default(f, [])
            if value is _FAILED:
                needed.append(name)
            template[name] = value
        return by_name, template, tuple(needed)


_VALIDATORS: dict[int, Validator] = {}  # id(spec) -> its Validator (which keeps the spec, so the id stays its)


def validate(kind: str | RecordSpec, values: dict, *, partial: bool = False) -> dict:
    """Clean and check `values` for a record of `kind`; return the cleaned values.

    With `partial`, only the fields present are checked (an edit of a few fields); otherwise missing
    fields take their defaults. Raises ValidationError listing every problem.
    """
    spec = kind if isinstance(kind, RecordSpec) else SPECS[kind]
    validator = _VALIDATORS.get(id(spec))
    if validator is None:
        validator = _VALIDATORS[id(spec)] = Validator(spec)
    return validator(values, partial=partial)
