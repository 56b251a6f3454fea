"""No lost updates: a save or delete names the version it was based on (docs/architecture.md, "Conflicts").

A form remembers the `version` of the record it opened. Its Save passes it on as `expected_version`;
inside the operation's transaction `check` reads the stored row under a lock (PostgreSQL: `SELECT …
FOR UPDATE`, so a second writer waits for the first to commit and then sees its version; SQLite:
`BEGIN IMMEDIATE` already lets one writer in at a time). If the version moved on, or the record is
gone, `RecordConflict` is raised before anything is written, with field by field what the person had
(base, from the history rows since that version), what they typed (mine) and what is stored now
(theirs), and who changed it when. Without `expected_version` (an import, the command line) nothing
is compared; the row is still locked, so two racing saves bump the version once each.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

import peewee as pw

from twindesk.domain.model.errors import ValidationError
from twindesk.domain.model.messages import Both, add_chinese
from twindesk.domain.model.specs import RecordSpec
from twindesk.domain.model.validation import validate
from twindesk.store import models as m
from twindesk.store.errors import UserError
from twindesk.store.messages import InLanguage, joined
from twindesk.store.models import database

CHANGED = ("The {record} with ID {id} was changed by {who} at {when} after you opened it, so nothing was "
           "saved. Changed fields: {fields}.")
DELETED = ("The {record} with ID {id} was deleted by {who} at {when} after you opened it, so nothing was "
           "saved.")
CHANGED_BEFORE_DELETE = ("The {record} with ID {id} was changed by {who} at {when} after you looked at it, "
                         "so it was not deleted. Changed fields: {fields}.")
PARTNERS_CHANGED = ("The partners of the visit with ID {id} were changed by {who} at {when} after you "
                    "opened it, so nothing was saved.")
NOBODY = Both("someone", "他人")
add_chinese({
    CHANGED: "ID 为 {id} 的{record}在您打开后已由 {who} 于 {when} 修改，因此未保存任何内容。改动的字段：{fields}。",
    DELETED: "ID 为 {id} 的{record}在您打开后已由 {who} 于 {when} 删除，因此未保存任何内容。",
    CHANGED_BEFORE_DELETE: "ID 为 {id} 的{record}在您查看后已由 {who} 于 {when} 修改，因此未删除。改动的字段：{fields}。",
    PARTNERS_CHANGED: "ID 为 {id} 的出访的友好伙伴在您打开后已由 {who} 于 {when} 修改，因此未保存任何内容。",
})


@dataclass(frozen=True)
class FieldDifference:
    """One field as the person had it (base), typed it (mine) and as it is stored now (theirs)."""

    field: str
    label: str  # English; `label_text(lang)` in the reader's language
    base: object
    mine: object
    theirs: object
    label_zh: str = ""
    changed_by: str = ""  # who changed this field last since base ("" when only I changed it)
    changed_at: datetime | None = None

    def label_text(self, lang: str = "en") -> str:
        return self.label_zh if lang.startswith("zh") and self.label_zh else self.label

    @property
    def mine_changed(self) -> bool:
        return not same(self.mine, self.base)

    @property
    def theirs_changed(self) -> bool:
        return not same(self.theirs, self.base)


class RecordConflict(UserError):
    """The record changed (or went) since the person's version: nothing was written."""

    def __init__(self, kind: str, record_id: int, record: Both, mine: dict, theirs: dict | None,
                 fields: list[FieldDifference], changed_by: str, changed_at: datetime | None,
                 their_version: int, *, deleting: bool = False, template: str | None = None):
        self.kind, self.record_id, self.mine, self.theirs = kind, record_id, mine, theirs
        self.fields, self.changed_by, self.changed_at = fields, changed_by, changed_at
        self.their_version, self.deleting = their_version, deleting
        if template is None:
            template = DELETED if theirs is None else CHANGED_BEFORE_DELETE if deleting else CHANGED
        super().__init__(template, record=record, id=record_id, who=changed_by or NOBODY,
                         when=f"{changed_at:%Y-%m-%d %H:%M}" if changed_at else "?",
                         fields=InLanguage(self._field_names))

    @property
    def deleted(self) -> bool:
        return self.theirs is None

    def _field_names(self, lang: str) -> str:
        return joined([d.label_text(lang) for d in self.fields if d.theirs_changed], lang) or "—"


def moment(at) -> datetime:
    """An operation's time, as SQLite hands it back (text) or as peewee does."""
    return at if isinstance(at, datetime) else datetime.fromisoformat(str(at))


def same(a, b) -> bool:
    """Equal as stored: an empty text and no value are the same."""
    return (None if a == "" else a) == (None if b == "" else b)


def lock_version(model, record_id: int) -> int | None:
    """The stored version of the record, its row locked until the operation ends (None: it is gone)."""
    query = model.select(model.version).where(model.id == record_id)
    if database.for_update:  # PostgreSQL; SQLite's BEGIN IMMEDIATE has already let in one writer only
        query = query.for_update()
    row = query.tuples().first()
    return None if row is None else row[0]


def check(spec: RecordSpec, record_id: int, expected_version: int | None, mine: dict, *,
          deleting: bool = False) -> None:
    """Lock the record; raise RecordConflict if it is not at `expected_version` (None: only lock it)."""
    stored = lock_version(spec.model, record_id)
    if expected_version is None or stored == expected_version or (deleting and stored is None):
        return  # a record deleted before it is deleted: NotFound says so
    raise conflict(spec, record_id, expected_version, mine, stored, deleting=deleting)


def conflict(spec: RecordSpec, record_id: int, since: int, mine: dict, stored: int | None, *,
             deleting: bool = False) -> RecordConflict:
    """What changed in the record since version `since`, beside what the person typed."""
    from twindesk.domain.operations import records  # records calls this module

    theirs = records.get(spec.kind, record_id) if stored is not None else None
    changes = _changes_since(spec, record_id, since)
    base = {**(theirs or {}), **_base_values(spec, changes)}
    mine = _cleaned(spec, mine)
    fields = []
    for f in spec.fields:
        if f.name == spec.parent:
            continue
        ours = mine.get(f.name, base.get(f.name))
        now = theirs.get(f.name) if theirs is not None else None
        if theirs is not None and same(ours, now):
            continue
        if theirs is None and f.name not in mine:
            continue
        by, at = changes.last_change.get(f.name, ("", None))
        fields.append(FieldDifference(f.name, spec.field_label(f.name, "en"), base.get(f.name), ours, now,
                                      spec.field_label(f.name, "zh_CN"), by, at))
    who, when = changes.who(deleted=theirs is None)
    return RecordConflict(spec.kind, record_id, spec.record_words(), mine, theirs, fields, who, when,
                          stored or 0, deleting=deleting)


@dataclass
class _Since:
    """The history rows of one record after a version: the oldest value of each field, who changed it."""

    first_old: dict[str, str | None] = field(default_factory=dict)  # column -> JSON of its value back then
    last_change: dict[str, tuple[str, datetime]] = field(default_factory=dict)  # field name -> (who, when)
    people: list[str] = field(default_factory=list)
    latest: datetime | None = None
    deleted_by: tuple[str, datetime] | None = None

    def who(self, *, deleted: bool) -> tuple[str, datetime | None]:
        if deleted and self.deleted_by is not None:
            return self.deleted_by
        return ", ".join(self.people), self.latest


def _changes_since(spec: RecordSpec, record_id: int, since: int) -> _Since:
    c, o = m.HistoryChange, m.HistoryOperation
    rows = (c.select(c.change, c.field, c.old, c.version, o.user, o.at)
            .join(o, on=(c.operation == o.id))
            .where(c.kind == spec.kind, c.record_id == record_id,
                   (c.version > since) | (c.change == "delete"))
            .order_by(c.id).tuples())
    names = {spec.model._meta.fields[f.name].column_name: f.name for f in spec.fields}
    out = _Since()
    for change, column, old, _version, user, at in rows:
        at = moment(at)
        if change == "delete":
            out.deleted_by = (user, at)
            continue
        if change == "update":
            out.first_old.setdefault(column, old)
            if column in names:
                out.last_change[names[column]] = (user, at)
        if user not in out.people:
            out.people.append(user)
        out.latest = at
    return out


def _base_values(spec: RecordSpec, changes: _Since) -> dict:
    out = {}
    for column, old in changes.first_old.items():
        model_field = spec.model._meta.columns.get(column)
        if model_field is None or model_field.name not in spec.by_name:
            continue
        value = None if old is None else json.loads(old)
        if not isinstance(model_field, pw.ForeignKeyField) and value is not None:
            value = model_field.python_value(value)
        out[model_field.name] = value
    return out


def _cleaned(spec: RecordSpec, mine: dict) -> dict:
    """What was typed, cleaned as a save would (as typed where it cannot be: it is shown, not stored)."""
    known = {k: v for k, v in mine.items() if k in spec.by_name}
    try:
        return validate(spec, known, partial=True)
    except ValidationError:
        return known


def partners_conflict(visit_id: int, expected: list[int], mine: list[int], stored: list[int],
                      version: int) -> RecordConflict:
    """A visit's partners changed since the panel showed them (the links are rows made anew each time)."""
    o = m.HistoryOperation
    last = (o.select(o.user, o.at).where(o.kind == "visit", o.record_id == visit_id, o.action == "link")
            .order_by(o.id.desc()).tuples().first())
    who, at = (last[0], moment(last[1])) if last else ("", None)
    difference = FieldDifference("partners", "Partners", expected, mine, stored, "友好伙伴", who, at)
    return RecordConflict("visit", visit_id, Both("visit", "出访"), {"partners": mine}, {"partners": stored},
                          [difference], who, at, version, template=PARTNERS_CHANGED)
