"""A staff list's rows as the import check takes them: every cell understood (`values.understand`),
dates at the precision given, references by name resolved across the whole import, and IDs given to
the new records that other rows name.

`ImportCheck(typed_by_staff=True)` hands every row here and gets back, in `prepare()`, rows whose
values `validation.validate` takes (references as IDs), the problems and notes found on the way,
and the records created for references (`references.Created`).

A new record another row refers to by name gets its ID now, above every ID the table ever handed out
and every ID the import names; the import creates it with that ID (as it creates a workbook's new rows
with theirs, `identity.py`), so the reference holds before anything is written.
"""

from dataclasses import dataclass, field
from datetime import date

from twindesk.domain.model import labels
from twindesk.domain.model.errors import FieldError, ValidationError, field_error
from twindesk.domain.model.fields import parse_int
from twindesk.domain.model.messages import Label, Problem
from twindesk.domain.model.validation import validate
from twindesk.domain.transfer.plan import Placeholders
from twindesk.domain.transfer.tables import KINDS, spec_of
from twindesk.domain.transfer.understanding.columns import understand_rows
from twindesk.domain.transfer.understanding.names import make_keys, plain_str
from twindesk.domain.transfer.understanding.references import NAMED, Candidate, Created, References
from twindesk.domain.transfer.understanding.values import NameRef, PartialDate, understand
from twindesk.store import dialect

Found = tuple[str, int, FieldError]  # (kind, line, what)
# Raw values whose type and equality decide what they mean, so a column's memo may hold them (not a
# datetime: equal to one in another time zone; not a float: -0.0 and NaN; a Decimal keeps its places).
_REMEMBERED = frozenset({str, int, bool, date})
_FIGURES = frozenset({"int", "year", "decimal", "float"})
_NOTHING = ("value", None)
_FAILED = object()  # a cell not understood: its problem is noted


@dataclass
class Prepared:
    rows: dict[str, list[tuple]]  # kind -> (line, record_id, values, uuid, version)
    problems: list[Found] = field(default_factory=list)
    notes: list[Found] = field(default_factory=list)
    failed: dict[tuple[str, int], set[str]] = field(default_factory=dict)  # fields already reported
    created: list[Created] = field(default_factory=list)


def _shown(raw) -> str:
    text = str(raw)
    return text if len(text) <= 40 else text[:37] + "…"


class StaffRows:
    def __init__(self, create_missing=False):
        self._rows: dict[str, list[tuple]] = {k: [] for k in KINDS}
        self._refs = References(create_missing)
        self._next_id: dict[str, int] = {}
        self.tentative = Placeholders()  # the ids numbered here (plan.py)
        # kind -> field -> {(type, raw[, country]): ("value", v) | ("problem", Problem)}: staff lists
        # repeat their countries, choices, currencies, dates and partners on row after row.
        self._memos: dict[str, dict[str, dict]] = {k: {} for k in KINDS}

    def add_rows(self, kind: str, rows: list[tuple]) -> None:
        """Many rows of one kind, each (line, record_id, values, uuid, version)."""
        self._rows[kind].extend(rows)

    # --- one row ----------------------------------------------------------------------------------------
    REMEMBERED = _REMEMBERED

    def memo(self, kind: str, name: str) -> dict:
        """The memo of field `name`'s column (see `meaning`)."""
        memos = self._memos[kind]
        memo = memos.get(name)
        if memo is None:
            memo = memos[name] = {}
        return memo

    def meaning(self, kind: str, f, raw, country) -> tuple[str, object]:
        """("value", what `raw` means) or ("problem", Problem), each distinct value of a column
        understood once per import (the column's memo; a choice's also by the row's country)."""
        if raw is None:
            return _NOTHING  # an empty cell means nothing, in any field
        t = type(raw)
        if t not in _REMEMBERED:
            return self.meaning_now(kind, f, raw, country)
        memos = self._memos[kind]
        memo = memos.get(f.name)
        if memo is None:
            memo = memos[f.name] = {}
        key = (t, raw, country) if f.kind == "code" else (t, raw)
        said = memo.get(key)
        if said is None:
            said = memo[key] = self.meaning_now(kind, f, raw, country)
        return said

    @staticmethod
    def meaning_now(kind: str, f, raw, country) -> tuple[str, object]:
        try:
            return "value", understand(kind, f, raw, country)
        except Problem as problem:
            return "problem", problem

    @staticmethod
    def _refused(out: Prepared, kind: str, line: int, f, raw, problem) -> None:
        name = f.name
        out.problems.append((kind, line, field_error(name, f.label, "{label} “{value}” {problem}.",
                                                     label=Label(kind, name, f.label), value=_shown(raw),
                                                     problem=problem)))
        out.failed.setdefault((kind, line), set()).add(name)

    def _cell(self, out: Prepared, kind: str, line: int, f, raw, country):
        """What `raw` means, or _FAILED (its problem noted)."""
        said, meant = self.meaning(kind, f, raw, country)
        if said == "value":
            return meant
        self._refused(out, kind, line, f, raw, meant)
        return _FAILED

    def _partial(self, out: Prepared, kind: str, line: int, name: str, raw, partial: PartialDate, cells: dict):
        """A year or a month alone: a partnership's signing date becomes its established year (the month
        in its notes); any other date field needs the whole date."""
        f = spec_of(kind).field(name)
        label = Label(kind, name, f.label)
        if kind == "partnership" and name == "signed_on" and cells.get("established_year") in (None, partial.year):
            cells["established_year"] = partial.year
            cells[name] = None
            if partial.month:
                notes = labels.field_label(kind, name, f.label, "zh_CN") + "：" + partial.zh()
                cells["notes"] = "\n".join(t for t in (str(cells.get("notes") or ""), notes) if t)
                template = "{label} “{value}” gives only the year and month: kept as the established year {year}, the month in the notes; the {label_lower} is left empty."  # noqa: E501
            else:
                template = "{label} “{value}” gives only the year: kept as the established year {year}; the {label_lower} is left empty."  # noqa: E501
            out.notes.append((kind, line, field_error(name, f.label, template, label=label, value=_shown(raw),
                                                      year=partial.year,
                                                      label_lower=Label(kind, name, f.label, lower=True))))
            return
        template = ("{label} “{value}” gives only the year and month: a full date is needed here, such as {example}."
                    if partial.month else
                    "{label} “{value}” gives only the year: a full date is needed here, such as {example}.")
        example = f"{partial.year}-{partial.month or 1:02d}-15"
        if kind == "partnership" and name == "signed_on":
            template = "{label} “{value}” gives the year {year}, but the established year is {other}."
        out.problems.append((kind, line, field_error(name, f.label, template, label=label, value=_shown(raw),
                                                     example=example, year=partial.year,
                                                     other=cells.get("established_year"))))
        out.failed.setdefault((kind, line), set()).add(name)

    def understand_row(self, out: Prepared, kind: str, line: int, values: dict) -> tuple[dict, dict]:
        """(cells validate takes, {ref field: (NameRef, country)}) of one row, its problems and notes
        said; `columns.understand_rows` gives the same for many rows at once."""
        by_name = spec_of(kind).by_name
        memos = self._memos[kind]
        cells, refs = {}, {}
        partial = extra = None
        country, country_failed = None, False
        if "country" in values and "country" in by_name:
            country = self._cell(out, kind, line, by_name["country"], values["country"], None)
            if country is _FAILED:
                country, country_failed = None, True
        for name, raw in values.items():
            f = by_name.get(name)
            if f is None:
                if "." not in name:
                    extra = [*(extra or ()), name]  # not a field: said below
                continue  # or context ("partner.country"): below
            if raw is None:
                cells[name] = None  # an empty cell means nothing, in any field
                continue
            if name == "country":
                if country_failed:
                    continue
                value = country
            else:
                t = type(raw)
                if t is str and f.kind == "text":  # names, titles: `understand` of a text, without a memo
                    said = ("value", plain_str(raw) or None)
                elif t is int and f.kind in _FIGURES:  # a figure typed as one is that figure (`_number`)
                    said = ("value", raw)
                elif t in _REMEMBERED:
                    memo = memos.get(name)
                    if memo is None:
                        memo = memos[name] = {}
                    key = (t, raw, country) if f.kind == "code" else (t, raw)
                    said = memo.get(key)
                    if said is None:
                        said = memo[key] = self.meaning_now(kind, f, raw, country)
                else:
                    said = self.meaning_now(kind, f, raw, country)
                if said[0] != "value":
                    self._refused(out, kind, line, f, raw, said[1])
                    continue
                value = said[1]
            shape = type(value)
            if shape is PartialDate:
                partial = [*(partial or ()), (name, raw, value)]
            elif shape is NameRef:
                ref_country = country if f.ref == "partner" and kind == "partner" else None
                context = f"{name}.country"
                if f.ref == "partner" and context in values:
                    ref_country = self._understand_context(out, kind, line, context, values[context])
                refs[name] = (value, ref_country)
                cells[name] = None
            else:
                cells[name] = value
        for name, raw, value in partial or ():
            self._partial(out, kind, line, name, raw, value, cells)
        if extra:
            raise KeyError(f"{kind} has no field(s) {', '.join(sorted(extra))}")
        return cells, refs

    def _understand_context(self, out: Prepared, kind: str, line: int, name: str, raw):
        country_field = spec_of("partner").field("country")
        said, meant = self.meaning("partner", country_field, raw, None)
        if said == "value":
            return meant
        out.problems.append((kind, line, field_error(name, country_field.label, "{label} “{value}” {problem}.",
                                                     label=Label("partner", "country", "Country"),
                                                     value=_shown(raw), problem=meant)))
        return None

    # --- the whole import -----------------------------------------------------------------------------
    def _new_id(self, kind: str) -> int:
        """An ID no record of `kind` ever had and no row of the import names."""
        if kind not in self._next_id:
            model = spec_of(kind).model
            table = model._meta.table_name
            highest = dialect.execute(f'SELECT coalesce(max(id), 0) FROM "{table}"').fetchone()[0]
            named = [self._explicit_id(r[1]) for r in self._rows[kind]]
            self._next_id[kind] = max([dialect.handed_out(table), highest, *(i for i in named if i)]) + 1
        self._next_id[kind] += 1
        self.tentative.add(kind, self._next_id[kind] - 1)
        return self._next_id[kind] - 1

    @staticmethod
    def _explicit_id(raw) -> int | None:
        try:
            return parse_int(raw)
        except ValueError:
            return None

    def prepare(self) -> Prepared:
        out = Prepared({k: [] for k in KINDS})
        understood = [(kind, line, record_id, cells, refs, uuid, version)
                      for kind in KINDS
                      for (line, record_id, _values, uuid, version), (cells, refs)
                      in zip(self._rows[kind], understand_rows(self, out, kind, self._rows[kind]), strict=True)]
        # the keys of every name the rows give or refer to, made together (names.make_keys)
        make_keys([cells.get(n) for kind, _l, _i, cells, _r, _u, _v in understood if kind in NAMED
                   for n in NAMED[kind]] + [ref.text for *_, refs, _u, _v in understood for ref, _c in refs.values()])
        failed = out.failed
        indexes = {kind: (self._refs.index(kind).add, fields) for kind, fields in NAMED.items()
                   if self._rows[kind]}  # the names of the kinds the import has rows of
        for kind, line, record_id, cells, _refs, _uuid, _version in understood:
            named = indexes.get(kind)
            if named is not None and (kind, line) not in failed:
                add, fields = named
                explicit = None if record_id is None else self._explicit_id(record_id)
                add(Candidate(kind, tuple([cells.get(n) or "" for n in fields]), cells.get("country"),
                              record_id=explicit, line=None if explicit else line))
        given: dict[tuple[str, int], int] = {}  # (kind, line) of a new row -> the ID it is given
        for kind, line, _record_id, cells, refs, _uuid, _version in understood:
            for name, (ref, country) in refs.items():
                found, error, note = self._refs.resolve(kind, line, name, ref.text, country)
                if note is not None:
                    out.notes.append((kind, line, note))
                if error is not None:
                    out.problems.append((kind, line, error))
                    out.failed.setdefault((kind, line), set()).add(name)
                elif isinstance(found, Created):
                    if found.record_id is None:
                        found.record_id = self._new_id(found.kind)
                    cells[name] = found.record_id
                elif found.record_id is not None:
                    cells[name] = found.record_id
                else:
                    key = (found.kind, found.line)
                    if key not in given:
                        given[key] = self._new_id(found.kind)
                    cells[name] = given[key]
        for kind, line, record_id, cells, _refs, uuid, version in understood:
            if given:
                record_id = given.get((kind, line), record_id)
            out.rows[kind].append((line, record_id, cells, uuid, version))
        for number, created in enumerate(self._refs.created.values(), start=1):
            try:
                validate(spec_of(created.kind), created.values)
            except ValidationError as exc:
                for kind, line, name in created.referenced_by:
                    for error in exc.errors:
                        out.problems.append((kind, line, error))
                    out.failed.setdefault((kind, line), set()).add(name)
                continue
            out.created.append(created)
            out.rows[created.kind].append((-number, created.record_id, created.values, None, None))
        return out
