"""Undo and redo, several levels deep, built on the history (docs/architecture.md, "Undo").

Each operation that commits pushes one step. Undoing a step is itself an operation ("undo"): it reads
the step's history rows and puts every record back as it was — values restored, created rows removed
(a partnership's status line included), deleted rows re-inserted with their IDs and UUIDs — and the
history shows it like any other change, by whoever undid it, now. Redo undoes the undo.

A step that a later change has overtaken is refused with the reason, and nothing is written: a record
whose version moved on since, a deleted record, or a new record something has been added to since.
An import, a restore or the demo clears the history (`cleared_by` says which) rather than leave steps
that would revert earlier edits on top of it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import peewee as pw

from twindesk.domain.model import labels
from twindesk.domain.model.messages import Both
from twindesk.domain.model.specs import kind_model, model_kind
from twindesk.domain.operations import conflicts, door
from twindesk.store import dialect
from twindesk.store import models as m
from twindesk.store.errors import UserError
from twindesk.store.messages import message

LIMIT = 100  # steps kept


class UndoFailed(UserError):
    """The change cannot be undone any more; nothing was written."""


@dataclass
class UndoStep:
    operation_id: int  # the operation that Undo takes back (for a redo: the undo that Redo takes back)
    action: str  # what the person did: save, delete, link, reorder
    kind: str
    record_id: int | None
    # The version each record it changed must still have for the step to be taken back. Undo and redo
    # of later steps bring a record back to this step's state under a new version, and move it on.
    expect: dict[tuple[str, int], int] = field(default_factory=dict)

    @classmethod
    def of(cls, op: door.Operation, action: str, kind: str, record_id: int | None) -> UndoStep:
        return cls(op.id, action, kind, record_id, dict(op.versions))


class UndoHistory:
    """The steps this process can undo and redo (one per window; the command line never undoes)."""

    def __init__(self):
        self.undo_steps: list[UndoStep] = []
        self.redo_steps: list[UndoStep] = []
        self.cleared_by: str | None = None  # the action that last cleared it (import, restore, demo)

    def reset(self) -> None:
        self.undo_steps.clear()
        self.redo_steps.clear()
        self.cleared_by = None

    def committed(self, op: door.Operation, undoable: bool) -> None:
        """Called by the door on every commit, before the change notice goes out."""
        if op.action in ("undo", "redo"):  # the step taken back moves to the other list
            taken, other = ((self.undo_steps, self.redo_steps) if op.action == "undo"
                            else (self.redo_steps, self.undo_steps))
            step = taken.pop()
            self._moved_on(op)
            other.append(UndoStep.of(op, step.action, step.kind, step.record_id))
            return
        if not undoable:
            self.undo_steps.clear()
            self.redo_steps.clear()
            self.cleared_by = op.action
            return
        self.undo_steps.append(UndoStep.of(op, op.action, op.kind, op.record_id))
        del self.undo_steps[:-LIMIT]
        self.redo_steps.clear()
        self.cleared_by = None

    def next_undo(self) -> UndoStep | None:
        return self.undo_steps[-1] if self.undo_steps else None

    def next_redo(self) -> UndoStep | None:
        return self.redo_steps[-1] if self.redo_steps else None

    def undo(self, *, user: str = "") -> door.Changes:
        step = self.next_undo()
        if step is None:
            raise UndoFailed("There is nothing to undo.")
        return _revert(step, "undo", user).changes()

    def redo(self, *, user: str = "") -> door.Changes:
        step = self.next_redo()
        if step is None:
            raise UndoFailed("There is nothing to redo.")
        return _revert(step, "redo", user).changes()

    def _moved_on(self, op: door.Operation) -> None:
        for step in self.undo_steps + self.redo_steps:
            for key in step.expect.keys() & op.versions.keys():
                step.expect[key] = op.versions[key]


history = UndoHistory()


def _label(kind: str) -> str:
    from twindesk.domain.model.specs import SPECS

    return SPECS[kind].label if kind in SPECS else kind.replace("_", " ")


def _record(kind: str) -> Both:
    return Both(_label(kind), labels.record_label(_label(kind), "zh_CN"))


def _revert(step: UndoStep, action: str, user: str) -> door.Operation:
    """Put back every record `step.operation_id` changed, as one operation `action`."""
    try:
        with door.operation(action, kind=step.kind, record_id=step.record_id, user=user,
                            undoes=step.operation_id) as op:
            _put_back(step, op)
    except pw.IntegrityError as exc:
        raise UndoFailed("The change cannot be taken back: the data changed since ({reason}). "
                         "Nothing was changed.", reason=exc) from exc
    if op.id is None:
        raise UndoFailed("The change left nothing to take back.")
    return op


def _checked(step: UndoStep) -> dict[tuple[str, int], list[m.HistoryChange]]:
    """The step's history rows by record, once every record is as the step left it (else UndoFailed)."""
    rows = list(m.HistoryChange.select().where(m.HistoryChange.operation == step.operation_id)
                .order_by(m.HistoryChange.id))
    records: dict[tuple[str, int], list[m.HistoryChange]] = {}
    for row in rows:
        records.setdefault((row.kind, row.record_id), []).append(row)
    created = {key for key, changes in records.items() if changes[0].change == "create"}
    for (kind, record_id), changes in records.items():
        _refuse_if_overtaken(kind, record_id, changes[0].change, step.expect.get((kind, record_id)), created)
    return records


def overtaken(step: UndoStep) -> UndoFailed | None:
    """Why `step` can no longer be taken back (another person changed its records since, on a server),
    or None: the checks Undo itself makes, reading only (the Undo menu item says it beforehand)."""
    try:
        _checked(step)
    except UndoFailed as exc:
        return exc
    return None


def _put_back(step: UndoStep, op: door.Operation) -> None:
    records = _checked(step)
    created = {key for key, changes in records.items() if changes[0].change == "create"}
    dialect.defer_foreign_keys()  # re-inserted rows in any order
    for (kind, record_id), changes in records.items():
        model = kind_model(kind)
        first = changes[0]
        if first.change == "delete":
            op.track_new(model, record_id)
            _insert(model, json.loads(first.old))
        elif first.change == "update":
            op.track(model, [record_id])
            _restore_values(model, record_id, {c.field: json.loads(c.old) for c in changes}, op.user)
    for kind, record_id in reversed([key for key in records if key in created]):
        model = kind_model(kind)
        op.track(model, [record_id])
        model.delete().where(model.id == record_id).execute()


def _refuse_if_overtaken(kind: str, record_id: int, change: str, expected: int | None, created: set) -> None:
    model = kind_model(kind)
    conflicts.lock_version(model, record_id)  # no other writer changes it between this look and the undo
    current = door.rows_by_id(model, [record_id]).get(record_id)
    what = message("the {record} with ID {id}", record=_record(kind), id=record_id)
    if change == "delete":
        if current is not None:
            raise UndoFailed("Cannot take the change back: {what} exists again. Nothing was changed.", what=what)
        return
    if current is None:
        raise UndoFailed("Cannot take the change back: {what} has been deleted since. Nothing was changed.",
                         what=what)
    if current["version"] != expected:
        raise UndoFailed("Cannot take the change back: {what} was changed since by {who} at {when}. "
                         "Nothing was changed.", what=what, who=current["updated_by"], when=current["updated_at"])
    if change == "create":
        for fk, child in model._meta.backrefs.items():
            ids = [i for (i,) in child.select(child.id).where(fk == record_id).tuples()]
            added = [i for i in ids if (model_kind(child), i) not in created]
            if added:
                raise UndoFailed("Cannot take the change back: {count} {record} record(s) have been added to "
                                 "{what} since. Nothing was changed.", count=len(added),
                                 record=_record(model_kind(child)), what=what)


def _insert(model, row: dict) -> None:
    row = dict(row, version=row["version"] + 1)
    columns = ", ".join(f'"{c}"' for c in row)
    dialect.execute(f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({", ".join("?" * len(row))})',
                    _as_inserted(model, row))


def _as_inserted(model, row: dict) -> list:
    """The row's values as the history holds them (SQLite's), for an INSERT: PostgreSQL takes all of
    them as they are (dates and times as text) but a boolean, which the history holds as 0/1."""
    if not dialect.is_server():
        return list(row.values())
    booleans = {f.column_name for f in model._meta.sorted_fields if isinstance(f, pw.BooleanField)}
    return [bool(v) if c in booleans and v is not None else v for c, v in row.items()]


def _restore_values(model, record_id: int, old: dict[str, object], user: str) -> None:
    """Set the columns back through the model, so derived columns (search, pinyin) follow, and the
    record says who changed it last: whoever undid it, now."""
    obj = model.get_by_id(record_id)
    for column, value in old.items():
        f = model._meta.columns[column]
        if isinstance(f, pw.ForeignKeyField):
            setattr(obj, f.object_id_name, value)
        else:
            setattr(obj, f.name, f.python_value(value))
    obj.updated_by = user
    obj.save()


def describe(step: UndoStep) -> str:
    """What Undo would do, for the menu and messages: "delete of partner 12"."""
    return f"{step.action} of {_label(step.kind)} {step.record_id}" if step.kind else step.action
