"""Who changed what, when: the history as a person reads it (docs/architecture.md, "History").

Three views share these queries: a record dialog's History tab and `twindesk history --record`
(`record_history`), Edit › Recent changes (`recent_changes`, `people`) and `twindesk history` without a
record (`changes`). The operations write the rows (domain/operations/door.py): per record and column,
old → new as JSON of the stored values. Here they are found; `history_reader.py` words them in the
reader's language: field labels from the specs, codes as their terms, dates as dates, references by name.

A record's history holds its own changes and its sub-records' (a visit's delegates, itinerary, gifts
and partner links; a partner's partnerships and contacts; a partnership's status lines; a shipment's
items), newest first, in the order the changes were committed. A record with ten thousand changes
answers at once: the rows come in one query, and each is worded when it is first read (a table reads
the rows on screen; see tests/benchmarks/bench_history.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from twindesk.domain.model.messages import Both
from twindesk.domain.model.specs import SPECS
from twindesk.domain.model.vocabulary import HISTORY_ACTIONS
from twindesk.domain.queries.history_reader import (
    PARTNERS,
    HistoryReader,
    HistoryRow,
    moment,
    one_line,  # noqa: F401 - the History tab cuts its cells with it (ui/records/history_panel.py)
    operation_summary,
    record_label,
    stored_value,
)
from twindesk.store import dialect

MORE = Both("(+{n} more)", "（另有 {n} 项）")
CHANGES = Both("{n} changes", "{n} 项修改")

# Who, as the history shows it: the staff name, and the database login beside it where that says more
# ("王芳 (wangfang)"); not when it is the name itself or the start of the name Settings had none for
# ("wang@pc-12"). Rows from before schema 5 have no login.
WHO = ("CASE WHEN o.db_user = '' OR o.db_user = o.\"user\" "
       "OR substr(o.\"user\", 1, length(o.db_user) + 1) = o.db_user || '@' "
       "THEN o.\"user\" ELSE o.\"user\" || ' (' || o.db_user || ')' END")

_SELECT = (f'SELECT c.id, c.operation_id, o.at, {WHO}, o.action, c.kind, c.record_id, c.change, c.field, '
           'c.old, c.new FROM history_change c JOIN history_operation o ON o.id = c.operation_id ')


@cache
def _children(kind: str) -> tuple[tuple[str, str], ...]:
    """(sub-record kind, its column naming the parent) for each kind of sub-record `kind` has."""
    out = []
    for spec in SPECS.values():
        if spec.parent and spec.field(spec.parent).ref == kind:
            out.append((spec.kind, spec.model._meta.fields[spec.parent].column_name))
    return tuple(out)


def shown_kinds(kind: str) -> frozenset[str]:
    """The kinds whose changes appear in a `kind` record's history: its own and its sub-records'."""
    links = {"visit_partner"} if kind == "visit" else set()
    return frozenset({kind, *links, *(child for child, _column in _children(kind))})


# --- one record's history ---------------------------------------------------------------------------


class RecordHistory(Sequence):
    """The rows of a history, newest first: fetched at once, each worded when first read."""

    def __init__(self, raw: list[tuple], lang: str):
        self._raw = raw
        self._reader = HistoryReader(lang)
        self._rows: dict[int, HistoryRow] = {}

    def __len__(self) -> int:
        return len(self._raw)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._raw)))]
        if index < 0:
            index += len(self._raw)
        row = self._rows.get(index)
        if row is None:
            row = self._rows[index] = self._reader.row(self._raw[index])  # IndexError past the end
        return row

    def __iter__(self) -> Iterator[HistoryRow]:
        return (self[i] for i in range(len(self._raw)))


def _child_ids(child: str, column: str, parent_id: int) -> list[int]:
    """The sub-records of `child` kind that belong, or belonged until deleted, to `parent_id`."""
    table = SPECS[child].model._meta.table_name if child in SPECS else child  # status_change's table differs
    live = dialect.execute(f'SELECT id FROM "{table}" WHERE "{column}" = ?', (parent_id,)).fetchall()
    gone = dialect.execute("SELECT DISTINCT record_id FROM history_change WHERE kind = ? AND change = 'delete' "
                           f"AND {dialect.json_int('old', column)} = ?", (child, parent_id)).fetchall()
    return sorted({i for (i,) in live} | {i for (i,) in gone})


def _link_rows(visit_id: int) -> list[tuple]:
    """A visit's partner-link changes, one synthetic "partners" row per operation: the partners the
    operation unlinked → those it linked (links are re-made whenever the list changes)."""
    ids = _child_ids("visit_partner", "visit_id", visit_id)
    if not ids:
        return []
    linked, ids_param = dialect.in_ids("c.record_id", ids)
    rows = dialect.execute(_SELECT + f"WHERE c.kind = 'visit_partner' AND {linked} ORDER BY c.id",
                           (ids_param,)).fetchall()
    by_operation: dict[int, list] = {}
    for raw in rows:
        change_id, operation_id, at, user, action, _kind, _rid, change, _column, old, new = raw
        entry = by_operation.get(operation_id)
        if entry is None:
            entry = by_operation[operation_id] = [change_id, operation_id, at, user, action, [], []]
        if change in ("delete", "create"):
            row = stored_value(old if change == "delete" else new) or {}
            (entry[5] if change == "delete" else entry[6]).append(row.get("partner_id"))
        elif change == "update" and _column == "partner_id":
            entry[5].append(stored_value(old))
            entry[6].append(stored_value(new))
    out = []
    for change_id, operation_id, at, user, action, unlinked, linked in by_operation.values():
        if unlinked != linked:
            out.append((change_id, operation_id, at, user, action, "visit", visit_id, "update", PARTNERS,
                        json.dumps(unlinked), json.dumps(linked)))
    return out


def record_history(kind: str, record_id: int, lang: str = "en") -> RecordHistory:
    """The changes of one record and of its sub-records, newest first (KeyError for an unknown kind)."""
    if kind not in SPECS:
        raise KeyError(f"unknown record kind {kind!r}")
    children = [(child, ids) for child, column in _children(kind)
                if (ids := _child_ids(child, column, record_id))]
    if not children:  # the common case, and the fastest: one index range, already in order
        raw = dialect.execute(_SELECT + "WHERE c.kind = ? AND c.record_id = ? ORDER BY c.id DESC",
                              (kind, record_id)).fetchall()
    else:
        where = ["(c.kind = ? AND c.record_id = ?)"]
        params: list = [kind, record_id]
        for child, ids in children:
            among, ids_param = dialect.in_ids("c.record_id", ids)
            where.append(f"(c.kind = ? AND {among})")
            params += [child, ids_param]
        raw = dialect.execute(_SELECT + "WHERE " + " OR ".join(where) + " ORDER BY c.id DESC", params).fetchall()
    if kind == "visit":
        links = _link_rows(record_id)
        if links:
            raw = sorted(raw + links, key=lambda r: r[0], reverse=True)
    return RecordHistory(raw, lang)


def record_exists(kind: str, record_id: int) -> bool:
    """Whether the record is stored now (its history can be asked for either way)."""
    return dialect.execute(f'SELECT 1 FROM "{SPECS[kind].model._meta.table_name}" WHERE id = ?',
                           (record_id,)).fetchone() is not None


def has_history(kind: str, record_id: int) -> bool:
    return dialect.execute("SELECT 1 FROM history_change WHERE kind = ? AND record_id = ? LIMIT 1",
                           (kind, record_id)).fetchone() is not None


# --- across all records -----------------------------------------------------------------------------


def _filters(since: date | datetime | None, person: str | None, kind: str | None) -> tuple[list[str], list]:
    where, params = [], []
    if since is not None:
        start = since if isinstance(since, datetime) else datetime.combine(since, datetime.min.time())
        where.append("o.at >= ?")
        params.append(f"{start:%Y-%m-%d %H:%M:%S}")
    if person:
        where.append('o."user" = ?')
        params.append(person)
    if kind:
        where.append("o.kind = ?")
        params.append(kind)
    return where, params


def changes(since: date | datetime | None = None, person: str | None = None, kind: str | None = None,
            limit: int | None = 200, offset: int = 0, lang: str = "en") -> RecordHistory:
    """Every record's changes, newest first: one row per record and field (`twindesk history`). An
    operation that wrote no rows of its own (a restore, the demo) is one row saying its summary."""
    where, params = _filters(since, person, kind)
    sql = (f"SELECT COALESCE(c.id, 0), o.id, o.at, {WHO}, o.action, COALESCE(c.kind, o.kind), "
           "COALESCE(c.record_id, o.record_id), c.change, COALESCE(c.field, o.summary), c.old, c.new "
           "FROM history_operation o LEFT JOIN history_change c ON c.operation_id = o.id "
           + (f"WHERE {' AND '.join(where)} " if where else "") + "ORDER BY o.id DESC, c.id DESC")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return RecordHistory(dialect.execute(sql, params).fetchall(), lang)


@dataclass(frozen=True)
class RecentChange:
    """One operation, for Edit › Recent changes: who did what to which record, and what it opens."""

    operation_id: int
    at: datetime
    user: str
    action: str
    action_label: str
    kind: str  # the record the operation was about ("" for an import, a restore, the demo)
    record_id: int | None
    record_label: str  # "partner 12"
    name: str  # the record's name where it has one
    what: str  # its first changes, "Population: — → 5,400,000; Website: … (+3 more)", or its summary
    count: int  # history rows it wrote

    @property
    def when(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M}"

    @property
    def opens(self) -> tuple[str, int] | None:
        """The record a double-click opens, if the operation was about one."""
        return (self.kind, self.record_id) if self.kind in SPECS and self.record_id is not None else None


SHOWN_PER_OPERATION = 3  # changes worded in a recent-changes row; the rest counted


def recent_changes(since: date | datetime | None = None, person: str | None = None, kind: str | None = None,
                   limit: int = 200, offset: int = 0, lang: str = "en") -> list[RecentChange]:
    """The latest operations across all records, newest first, filtered by who, the record's kind and
    the day from which on (`since`)."""
    where, params = _filters(since, person, kind)
    ops = dialect.execute(
        f'SELECT o.id, o.at, {WHO}, o.action, o.kind, o.record_id, o.summary FROM history_operation o '
        + (f"WHERE {' AND '.join(where)} " if where else "") + "ORDER BY o.id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset]).fetchall()
    if not ops:
        return []
    among, ids_param = dialect.in_ids("operation_id", [op[0] for op in ops])
    counts = dict(dialect.execute(f"SELECT operation_id, count(*) FROM history_change WHERE {among} "
                                  "GROUP BY operation_id", (ids_param,)).fetchall())
    reader = HistoryReader(lang)
    out = []
    for operation_id, at, user, action, op_kind, record_id, summary in ops:
        count = counts.get(operation_id, 0)
        first = dialect.execute(_SELECT + "WHERE c.operation_id = ? ORDER BY c.id LIMIT ?",
                             (operation_id, SHOWN_PER_OPERATION + 1)).fetchall() if count else []
        rows = [reader.row(raw) for raw in first[:SHOWN_PER_OPERATION]]
        parts = [r.what if (r.kind, r.record_id) == (op_kind, record_id) else f"{r.record_label}: {r.what}"
                 for r in rows]
        if count > len(rows):
            parts.append(MORE.text(lang).format(n=f"{count - len(rows):,}"))
        what = "; ".join(parts)
        if not op_kind:  # an import, a restore, the demo: what it was, and how much it changed
            what = operation_summary(summary, lang) + (f" · {CHANGES.text(lang).format(n=f'{count:,}')}" if count else "")
        name = ""
        if op_kind in SPECS and record_id is not None:
            name = reader.row_name(op_kind, _live_row(op_kind, record_id)) or ""
        out.append(RecentChange(operation_id, moment(at), user, action, HISTORY_ACTIONS.label(action, lang),
                                op_kind, record_id, record_label(op_kind, record_id, lang), name, what, count))
    return out


def _live_row(kind: str, record_id: int) -> dict | None:
    cur = dialect.execute(f'SELECT * FROM "{SPECS[kind].model._meta.table_name}" WHERE id = ?', (record_id,))
    rows = dialect.rows_as_dicts(cur)
    return rows[0] if rows else None


def record_name(kind: str, record_id: int, lang: str = "en") -> str:
    """What the record is called: from its row while it lives, else from the whole row its history kept
    when it was created or deleted ("" when neither is known). Undo names its steps with this."""
    row = _live_row(kind, record_id)
    if row is None:
        kept = dialect.execute("SELECT coalesce(old, new) FROM history_change WHERE kind = ? AND record_id = ? "
                               "AND change IN ('create', 'delete') ORDER BY id DESC LIMIT 1",
                               (kind, record_id)).fetchone()
        row = stored_value(kept[0]) if kept and kept[0] else None
    return HistoryReader(lang).row_name(kind, row if isinstance(row, dict) else None)


def people() -> list[str]:
    """Everyone who has changed something, for the person filter."""
    rows = dialect.execute('SELECT DISTINCT "user" FROM history_operation ORDER BY "user"').fetchall()
    return [u for (u,) in rows if u]


def kinds() -> list[str]:
    """The record kinds operations were about, for the kind filter (spec order)."""
    found = {k for (k,) in dialect.execute("SELECT DISTINCT kind FROM history_operation").fetchall()}
    return [k for k in SPECS if k in found]
