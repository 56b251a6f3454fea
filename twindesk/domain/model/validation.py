"""Checking one record's values against its spec: every problem found at once, each naming its field."""

from decimal import Decimal

from twindesk.domain.model.errors import FieldError, ValidationError, field_error
from twindesk.domain.model.fields import Field, clean_value
from twindesk.domain.model.messages import Label, Problem
from twindesk.domain.model.specs import SPECS, RecordSpec


def _shown(value) -> str:
    if isinstance(value, Decimal) and value.is_finite() and -20 < value.adjusted() < 20:
        value = format(value.normalize(), "f")  # -2, not the column's rounding -2.000
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _check_range(spec: RecordSpec, f: Field, value) -> FieldError | None:
    if value is None or f.kind not in ("int", "year", "decimal", "float"):
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


def validate(kind: str | RecordSpec, values: dict, *, partial: bool = False) -> dict:
    """Clean and check `values` for a record of `kind`; return the cleaned values.

    With `partial`, only the fields present are checked (an edit of a few fields); otherwise missing
    fields take their defaults. Raises ValidationError listing every problem.
    """
    spec = kind if isinstance(kind, RecordSpec) else SPECS[kind]
    unknown = set(values) - set(spec.by_name) - {"id"}
    if unknown:
        raise KeyError(f"{spec.kind} has no field(s) {', '.join(sorted(unknown))}")
    cleaned: dict = {}
    errors: list[FieldError] = []
    for f in spec.fields:
        if f.name not in values:
            if partial:
                continue
            raw = f.default
        else:
            raw = values[f.name]
        try:
            value = clean_value(f, raw)
        except ValueError as exc:
            problem = exc if isinstance(exc, Problem) else str(exc)
            errors.append(field_error(f.name, f.label, "{label} “{value}” {problem}.",
                                      label=Label(spec.kind, f.name, f.label), value=_shown(raw), problem=problem))
            continue
        if value is None and f.default is not None and not f.required:
            value = clean_value(f, f.default)  # an emptied currency or order: the default, not NULL
        if f.required and value in (None, ""):
            errors.append(field_error(f.name, f.label, "{label} is required.", label=Label(spec.kind, f.name, f.label)))
            continue
        problem = _check_range(spec, f, value)
        if problem:
            errors.append(problem)
            continue
        if value is None and f.kind in ("text", "longtext"):
            value = ""
        cleaned[f.name] = value
    if "id" in values:
        cleaned["id"] = values["id"]
    if not partial:
        failed = {e.field for e in errors}
        for complete in spec.completions:
            if not failed:
                cleaned.update(complete(cleaned))
        for rule in spec.rules:
            # A rule over a field that is already wrong would only add a misleading second message
            # ("Give at least one name" when the one name given is too long).
            if failed.intersection(getattr(rule, "fields", ())):
                continue
            errors.extend(rule(cleaned, spec))
    if errors:
        raise ValidationError(spec.label, errors)
    return cleaned
