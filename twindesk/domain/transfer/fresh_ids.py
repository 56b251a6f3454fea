"""A staff list's new records get their ids inside the import's own transaction, never from its check
(docs/architecture.md, "SQL on both engines": ids).

The check (understanding/rows.py) has to number the new rows other rows refer to (a partnership naming a
partner typed two rows up, a partner created for a name) before anything is written, so the references
can be checked and shown. Those numbers are only placeholders (`plan.Placeholders`): on a server other
staff insert meanwhile, and the table's sequence would hand the same ids to them. `give_fresh_ids` runs
inside the apply's operation: it takes the ids from the table's sequence (`nextval`; SQLite: the next
after every id stored or handed out, inside BEGIN IMMEDIATE) and puts them in place of the placeholders,
in the rows' own id and in every reference to them.
"""

from __future__ import annotations

from twindesk.domain.transfer.plan import Placeholders
from twindesk.domain.transfer.tables import KINDS, spec_of
from twindesk.store import dialect


def _numbers(table: str, count: int, named: set[int]) -> list[int]:
    """`count` ids no row ever had and no row of the import names."""
    if dialect.is_server():  # nextval only ever moves on: an id the import names itself is passed over
        out: list[int] = []
        while len(out) < count:
            out += [i for i in dialect.new_ids(table, count - len(out)) if i not in named]
        return out
    first = max([dialect.new_ids(table, 1)[0] - 1, *named]) + 1  # one writer: nothing to take
    return list(range(first, first + count))


def give_fresh_ids(plan) -> dict[str, dict[int, int]]:
    """Replace the plan's placeholder ids with ids taken now, in the rows (new ones: a placeholder is
    never a stored record's) and every reference to them; kind -> {placeholder: id}."""
    if not plan.tentative:
        return {}
    moved: dict[str, dict[int, int]] = {}
    for kind in KINDS:
        placeholders = sorted(plan.tentative.of(kind))
        if not placeholders:
            continue
        table = spec_of(kind).model._meta.table_name
        named = {r.record_id for r in plan.tables[kind].rows if r.record_id is not None} - set(placeholders)
        moved[kind] = dict(zip(placeholders, _numbers(table, len(placeholders), named), strict=True))
    for kind in KINDS:
        own = moved.get(kind, {})
        refs = [(i, moved[f.ref]) for i, f in enumerate(spec_of(kind).fields) if f.kind == "ref" and f.ref in moved]
        if not own and not refs:
            continue
        for row in plan.tables[kind].rows:
            if row.record_id in own and not row.update:
                row.record_id = own[row.record_id]
            if refs:
                values = list(row.values)
                for i, ids in refs:
                    if values[i] in ids:
                        values[i] = ids[values[i]]
                row.values = tuple(values)
    partnerships = moved.get("partnership", {})
    plan.history_in_import = {(partnerships.get(p, p), s) for p, s in plan.history_in_import}
    for created in plan.created:
        created.record_id = moved.get(created.kind, {}).get(created.record_id, created.record_id)
    plan.tentative = Placeholders()
    return moved
