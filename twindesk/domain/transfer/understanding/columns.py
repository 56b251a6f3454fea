"""A kind's rows understood column by column: what `StaffRows.understand_row` makes of each row, in
one pass per column instead of one call per cell.

The rows of one sheet name the same fields in the same order. For each such group, every column's
cells are looked up in the column's memo (each distinct value understood once per import), the row's
country first, since a choice may depend on it (a Japanese 县 is a prefecture). A row whose cells all
mean plain values gets its cells and references by zip. A row with anything to say (a cell not
understood, a date to the month or year, a country beside a partner's name not understood, a column
that is no field) is understood on its own by `understand_row`, so its problems and notes come in the
order they always did; the memo makes that second look cheap.
"""

from math import isfinite
from operator import itemgetter

from twindesk.domain.transfer.tables import spec_of
from twindesk.domain.transfer.understanding.names import plain_str
from twindesk.domain.transfer.understanding.values import NameRef, PartialDate

_NOTHING = ("value", None)
_MEANT = itemgetter(1)
_SAID = itemgetter(0)
_VALUE_ONLY = frozenset({"value"})
_FIGURES = frozenset({"int", "year", "decimal", "float"})


def _says_something(said: tuple) -> bool:
    """A cell's meaning that `understand_row` has something to say about: a problem, or a date to the
    month or year."""
    return said[0] != "value" or type(said[1]) is PartialDate


def _meanings(staff, kind: str, f, cells, countries) -> list[tuple[str, object]]:
    """("value", v) or ("problem", Problem) for each cell of a column of field `f`."""
    if f.kind == "text":  # names, titles: the plain text (`understand` of a text), without a memo
        return [_NOTHING if v is None else ("value", plain_str(v) or None) if type(v) is str
                else staff.meaning(kind, f, v, None) for v in cells]
    if f.kind in _FIGURES:  # a figure typed as one is that figure (`values._number`)
        return [_NOTHING if v is None else ("value", v) if type(v) is int or type(v) is float and isfinite(v)
                else staff.meaning(kind, f, v, None) for v in cells]
    if f.kind == "ref":  # a name (`understand` of a name, without the column's memo): one meaning per text
        named: dict[str, tuple] = {}
        return [_NOTHING if v is None else (named.get(text) or named.setdefault(text, ("value", NameRef(text))))
                if type(v) is str and (text := plain_str(v)) and not text.isdigit()
                else staff.meaning(kind, f, v, None) for v in cells]
    memo = staff.memo(kind, f.name)
    remembered = staff.REMEMBERED
    if f.kind == "code":  # by the row's country too
        return [_NOTHING if v is None else
                (memo.get((type(v), v, c)) or staff.meaning(kind, f, v, c)) if type(v) in remembered
                else staff.meaning(kind, f, v, c) for v, c in zip(cells, countries, strict=True)]
    return [_NOTHING if v is None else
            (memo.get((type(v), v)) or staff.meaning(kind, f, v, None)) if type(v) in remembered
            else staff.meaning(kind, f, v, None) for v in cells]


def understand_rows(staff, out, kind: str, rows: list[tuple]) -> list[tuple[dict, dict]]:
    """(cells, refs) of each row (line, record_id, values, uuid, version), as `understand_row` says."""
    by_name = spec_of(kind).by_name
    done: list = [None] * len(rows)
    groups: dict[tuple, list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(tuple(row[2]), []).append(i)
    for names, members in groups.items():
        if any(n not in by_name and "." not in n for n in names):  # not a field: understand_row says so
            for i in members:
                done[i] = staff.understand_row(out, kind, rows[i][0], rows[i][2])
            continue
        alone = set()  # rows understood on their own
        columns = list(zip(*(rows[i][2].values() for i in members), strict=True))
        by_column = {}
        countries = [None] * len(members)
        if "country" in names and "country" in by_name:
            said = _meanings(staff, kind, by_name["country"], columns[names.index("country")], countries)
            by_column["country"] = said
            countries = [s[1] if s[0] == "value" else None for s in said]
        for name, cells in zip(names, columns, strict=True):
            f = by_name.get(name)
            if f is not None and name not in by_column:
                by_column[name] = _meanings(staff, kind, f, cells, countries)
            elif f is None:  # a partner's country beside its name ("partner.country")
                by_column[name] = [staff.meaning("partner", spec_of("partner").field("country"), v, None)
                                   for v in cells]
        for name, said in by_column.items():
            if name in by_name and by_name[name].kind == "text":
                continue  # a text is never refused, nor a date
            # `_says_something` of any cell, in C (sets of what is said and of the meanings' types);
            # then of each cell if need be
            if not set(map(_SAID, said)) <= _VALUE_ONLY or PartialDate in set(map(type, map(_MEANT, said))):
                alone.update(j for j, s in enumerate(said) if _says_something(s))
        fields = [n for n in names if n in by_name]
        meant = {n: list(map(_MEANT, by_column[n])) for n in fields}
        # each reference field: a name (NameRef) goes to the row's refs with the country that tells
        # namesakes apart (the row's own for a partner's parent, or the one beside the name,
        # "partner.country"), and its cell waits for the ID
        refs_at = []
        for n in fields:
            f = by_name[n]
            if f.kind == "ref":
                beside = by_column.get(f"{n}.country") if f.ref == "partner" else None
                place = [s[1] for s in beside] if beside is not None else \
                    countries if f.ref == "partner" and kind == "partner" else [None] * len(members)
                column = meant[n]
                refs_at.append((n, [(ref, c) if type(ref) is NameRef else None for ref, c in zip(column, place, strict=True)]))
                meant[n] = [None if type(ref) is NameRef else ref for ref in column]
        values = list(zip(*meant.values(), strict=True)) if fields else [()] * len(members)
        for j, i in enumerate(members):
            if j in alone:
                done[i] = staff.understand_row(out, kind, rows[i][0], rows[i][2])
                continue
            refs = {}
            for name, named in refs_at:
                if named[j] is not None:
                    refs[name] = named[j]
            done[i] = (dict(zip(fields, values[j], strict=True)), refs)
    return done
