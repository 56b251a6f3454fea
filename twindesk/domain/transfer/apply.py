"""Writing a checked import: a backup first, then every row in one operation, or nothing.

The import is one operation through the door (docs/architecture.md, "The one door"): under the write
lock, in one IMMEDIATE transaction, with a history row per record and changed field. It clears Undo
(an import is taken back by restoring its backup, not step by step).

Rows go in with `executemany` on the connection peewee holds (peewee's `insert_many` is ten times
slower for bulk loads, docs/architecture.md, "Measured on these machines"), parents before children, with foreign-key checks deferred to the
commit so a sheet may name a parent further down. As the window does, a partnership whose status
changes gets a dated line in its status history (unless the import brings that line itself), and a new
status without a date of its own is dated today. Records created with their workbook ID are restored as
they are.
"""

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import peewee as pw

from twindesk.domain.model.messages import Message
from twindesk.domain.operations.door import operation
from twindesk.domain.progress import Progress
from twindesk.domain.transfer.fresh_ids import give_fresh_ids
from twindesk.domain.transfer.plan import ImportPlan, LikelyDuplicate, PlannedRow
from twindesk.domain.transfer.tables import KINDS, TAG, column_of, spec_of
from twindesk.store import backups, dialect
from twindesk.store import models as m
from twindesk.store.errors import UserError

BATCH = 2000  # rows per executemany: progress and Cancel are looked at between batches


class ImportRefused(UserError):
    """The plan has problems or unconfirmed likely duplicates; nothing was written."""


@dataclass
class ApplyResult:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    backup: Path | None = None


def unconfirmed(plan: ImportPlan, accept_all: bool,
                confirmed: Collection[tuple[str, int]]) -> list[LikelyDuplicate]:
    """The likely duplicates the user has not confirmed: (kind, line) pairs in `confirmed` are."""
    if accept_all:
        return []
    return [d for d in plan.duplicates if (d.kind, d.line) not in confirmed]


class _Writer:
    """The SQL for one table, from the model's own column names."""

    def __init__(self, kind: str, user: str, stamp: str):
        self.spec = spec = spec_of(kind)
        model = spec.model
        self.table = model._meta.table_name
        self.fields = [getattr(model, f.name) for f in spec.fields]
        self.search = [spec.fields.index(spec.field(n)) for n in model.search_fields]
        pinyin = getattr(model, "pinyin_field", None)
        self.pinyin = spec.fields.index(spec.field(pinyin)) if pinyin else None
        columns = [column_of(spec, f.name) for f in spec.fields] + [TAG, "updated_at", "updated_by"]
        if self.search:
            columns.append("search_text")
        if self.pinyin is not None:
            columns.append("sort_zh")
        self.user, self.stamp = user, stamp
        quoted = [f'"{c}"' for c in columns]
        # A new record keeps the UUID and version its row carries; without them (a typed row, an older
        # workbook), the UUID is a fresh one and the version 1, as the columns' defaults give.
        identity = f"coalesce(?, {dialect.new_uuid_sql()}), coalesce(?, 1)"
        values = ", ".join("?" * (len(columns) + 1))
        self.insert_with_id = (f'INSERT INTO "{self.table}" ("id", "uuid", "version", "created_at", '
                               f'{", ".join(quoted)}) VALUES (?, {identity}, {values})')
        self.update = (f'UPDATE "{self.table}" SET {", ".join(f"{c} = ?" for c in quoted)}, '
                       f'"version" = "version" + 1 WHERE "id" = ?')

    def params(self, row: PlannedRow) -> list:
        values = row.values
        out = [f.db_value(v) for f, v in zip(self.fields, values, strict=True)]
        out += [bool(row.illustrative), self.stamp, self.user]
        if self.search:  # what models.BaseModel.save fills in, as the window's saves do
            out.append(m.search_key(*(values[i] for i in self.search)))
        if self.pinyin is not None:
            out.append(m.pinyin_key(values[self.pinyin]))
        return out


def _partnership_history(plan: ImportPlan, rows: list[PlannedRow], today: date) -> list[PlannedRow]:
    """Date new statuses (as the window does) and say which rows need a line in the status history:
    new ones without an ID, and those whose status the import changes. Rows restored with their
    workbook ID are left as they are."""
    spec = spec_of("partnership")
    i_status, i_since = (spec.fields.index(spec.field(n)) for n in ("status", "status_since"))
    needs = []
    for row in rows:
        status, since = row.values[i_status], row.values[i_since]
        if row.update:
            old_status, old_since = plan.stored_status[row.record_id]
            if status == old_status:
                continue
            if since is None or since == old_since:
                since = today
        elif row.record_id is None:
            since = since or today
        else:
            continue
        values = list(row.values)
        values[i_since] = since
        row.values = tuple(values)
        if row.record_id is None or (row.record_id, status) not in plan.history_in_import:
            needs.append(row)
    return needs


def _write_table(op, plan: ImportPlan, kind: str, writer: _Writer, progress: Progress, done: list[int],
                 total: int) -> tuple[int, int, dict[int, int]]:
    """Insert and update one table's rows; returns (created, updated, {line: new ID} of rows without one)."""
    rows = plan.tables[kind].rows
    new_ids: dict[int, int] = {}
    with_id = [r for r in rows if not r.update and r.record_id is not None]
    updates = [r for r in rows if r.update]
    model = writer.spec.model
    op.track(model, [r.record_id for r in updates])  # as they were, for the history
    op.created_in_bulk(model, [r.record_id for r in with_id])
    label = writer.spec.record_words()  # said in the reader's language by the progress
    for batch_rows, sql, make in (
        (with_id, writer.insert_with_id,
         lambda r: [r.record_id, r.uuid, r.version, writer.stamp, *writer.params(r)]),
        (updates, writer.update, lambda r: [*writer.params(r), r.record_id]),
    ):
        for start in range(0, len(batch_rows), BATCH):
            chunk = batch_rows[start:start + BATCH]
            dialect.executemany(sql, [make(r) for r in chunk])
            done[0] += len(chunk)
            progress.advance(done[0], total, Message("Writing {label} records…", {"label": label}))
    if with_id:
        dialect.ids_given(writer.table)
    # Rows without an ID (a staff list's, a typed row) get theirs here, ids the table never handed out
    # (dialect.new_ids), so they too go in with executemany; their history is written in bulk with the others'.
    fresh = [r for r in rows if not r.update and r.record_id is None]
    numbers = dialect.new_ids(writer.table, len(fresh))
    for start in range(0, len(fresh), BATCH):
        chunk = fresh[start:start + BATCH]
        params = []
        for number, r in zip(numbers[start:start + BATCH], chunk, strict=True):
            new_ids[r.line] = number
            params.append([number, r.uuid, r.version, writer.stamp, *writer.params(r)])
        dialect.executemany(writer.insert_with_id, params)
        done[0] += len(chunk)
        progress.advance(done[0], total, Message("Writing {label} records…", {"label": label}))
    op.created_in_bulk(model, new_ids.values())
    return len(rows) - len(updates), len(updates), new_ids


def apply_import(plan: ImportPlan, *, accept_all_duplicates: bool = False,
                 confirmed: Collection[tuple[str, int]] = (), user: str = "", now: datetime | None = None,
                 progress: Progress | None = None, db_path: Path | None = None) -> ApplyResult:
    """Back up the bound database, then write `plan` in one transaction.

    Refuses (ImportRefused, nothing written) a plan with problems, or with likely duplicates that are
    neither confirmed by (kind, line) nor accepted all at once. Cancel (progress) rolls everything back.
    """
    if plan.problems:
        raise ImportRefused("The import has {count} problem(s); nothing was written.", count=len(plan.problems))
    waiting = unconfirmed(plan, accept_all_duplicates, confirmed)
    if waiting:
        raise ImportRefused("{count} likely duplicate partner(s) are not confirmed; nothing was written.",
                            count=len(waiting))
    progress = progress or Progress()
    moment = (now or datetime.now()).replace(microsecond=0)
    stamp = moment.isoformat(sep=" ")
    db = m.database
    path = Path(db_path or db.obj.database)
    result = ApplyResult()
    total = sum(len(t.rows) for t in plan.tables.values())
    done = [0]
    if dialect.is_server():  # the server is backed up by PostgreSQL's own tools, not by a file copy
        summary, said = "import (the server's backups hold the data before it)", {}
    else:
        progress.advance(0, total, Message("Backing up the database…"))
        result.backup = backups.event_backup(db.connection(), path, "import", moment)
        summary, said = "import ({backup} holds the data before it)", {"backup": result.backup.name}
    try:
        with operation("import", summary=summary, summary_params=said,
                       user=user, everything=True, undoable=False) as op:
            dialect.defer_foreign_keys()  # a sheet may name a parent further down
            give_fresh_ids(plan)  # a staff list's new rows: ids taken now, not in the check (others insert)
            history: list[PlannedRow] = []
            history_ids: dict[int, int] = {}
            for kind in KINDS:
                if kind == "partnership":
                    history = _partnership_history(plan, plan.tables[kind].rows, moment.date())
                writer = _Writer(kind, op.user, stamp)
                created, updated, new_ids = _write_table(op, plan, kind, writer, progress, done, total)
                if kind == "partnership":
                    history_ids = new_ids
                result.created[kind], result.updated[kind] = created, updated
            result.created["status_change"] += _add_history(op, history, history_ids, op.user, stamp)
    except pw.IntegrityError as exc:  # the checks should have caught it; still, nothing is written
        raise UserError("The import would break the links between records ({reason}); "
                        "nothing was written.", reason=exc) from exc
    return result


def _add_history(op, rows: list[PlannedRow], new_ids: dict[int, int], user: str, stamp: str) -> int:
    spec = spec_of("partnership")
    i_status, i_since = (spec.fields.index(spec.field(n)) for n in ("status", "status_since"))
    sql = ('INSERT INTO "partnership_status_change" ("id", "created_at", "updated_at", "updated_by", '
           '"partnership_id", "status", "changed_on", "note") VALUES (?, ?, ?, ?, ?, ?, ?, \'\')')
    ids = dialect.new_ids("partnership_status_change", len(rows))
    params = [(number, stamp, stamp, user, row.record_id or new_ids[row.line], row.values[i_status],
               row.values[i_since].isoformat()) for number, row in zip(ids, rows, strict=True)]
    dialect.executemany(sql, params)
    op.created_in_bulk(m.PartnershipStatusChange, ids)
    return len(params)
