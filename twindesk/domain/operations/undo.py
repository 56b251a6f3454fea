"""Undo of the last edit or delete: the rows as they were, taken just before the change.

`before_delete(kind, id)` keeps the record, everything its delete cascades to, and the links it
would clear (SET NULL); `before_edit(kind, id)` keeps the record's row. `undo(step)` writes them back
in one transaction, with the same IDs, so every reference to them holds again. If something changed
in between that makes that impossible (an ID taken, a parent gone), nothing is written and the
message says so.
"""

from dataclasses import dataclass, field

import peewee as pw

from twindesk.domain.model.errors import NotFound
from twindesk.domain.operations.records import MODEL_KINDS, get_instance, spec_for
from twindesk.store.errors import UserError
from twindesk.store.models import database


class UndoFailed(UserError):
    """The change cannot be undone any more; nothing was written."""


@dataclass
class UndoStep:
    action: str  # "delete" or "edit"
    kind: str
    record_id: int
    rows: list[tuple[type, list[dict]]] = field(default_factory=list)  # parents before children
    links: list[tuple[type, str, list[int], int]] = field(default_factory=list)  # model, fk field, ids, target


def _rows(model, ids: list[int]) -> list[dict]:
    return list(model.select().where(model.id.in_(ids)).order_by(model.id).dicts())


def _collect(model, ids: list[int], step: UndoStep, seen: set) -> None:
    for fk, child in model._meta.backrefs.items():
        on_delete = (fk.on_delete or "").upper()
        if on_delete == "CASCADE":
            child_ids = [i for (i,) in child.select(child.id).where(fk.in_(ids)).tuples()
                         if not (child is model and i in ids)]
            key = (child, tuple(child_ids))
            if child_ids and key not in seen:
                seen.add(key)
                step.rows.append((child, _rows(child, child_ids)))
                _collect(child, child_ids, step, seen)
        elif on_delete == "SET NULL":
            for target in ids:
                linked = [i for (i,) in child.select(child.id).where(fk == target).tuples()]
                if linked:
                    step.links.append((child, fk.name, linked, target))


def before_delete(kind: str, record_id: int) -> UndoStep:
    obj = get_instance(kind, record_id)
    model = type(obj)
    step = UndoStep("delete", kind, record_id, rows=[(model, _rows(model, [record_id]))])
    _collect(model, [record_id], step, set())
    return step


def before_edit(kind: str, record_id: int) -> UndoStep:
    model = spec_for(kind).model
    rows = _rows(model, [record_id])
    if not rows:
        raise NotFound(spec_for(kind).label, record_id)
    return UndoStep("edit", kind, record_id, rows=[(model, rows)])


def undo(step: UndoStep) -> None:
    label = spec_for(step.kind).label
    try:
        with database.atomic():
            if step.action == "edit":
                model, (row,) = step.rows[0]
                changed = model.update(**{k: v for k, v in row.items() if k != "id"}).where(
                    model.id == step.record_id).execute()
                if not changed:
                    raise UndoFailed(f"The {label} with ID {step.record_id} was deleted since; its edit cannot be "
                                     "undone.")
                return
            for model, rows in step.rows:
                model.insert_many(rows).execute()
            for model, column, ids, target in step.links:
                model.update({column: target}).where(model.id.in_(ids), getattr(model, column).is_null()).execute()
    except pw.IntegrityError as exc:
        kind = MODEL_KINDS.get(step.rows[0][0], label)
        raise UndoFailed(f"The {label} with ID {step.record_id} cannot be brought back: the data changed since "
                         f"({kind}: {exc}). Nothing was changed.") from exc


def describe(step: UndoStep) -> str:
    """What Undo would do, for the menu: "delete of partner 12"."""
    return f"{step.action} of {spec_for(step.kind).label} {step.record_id}"
