"""A document is edited or removed on the version the person saw, as records are (docs/architecture.md,
"Conflicts", "Documents").

`documents.edit(..., expected_version=N)` and `documents.detach(..., expected_versions={id: N})` call
`check` inside their operation: the row is read under a lock (PostgreSQL `SELECT … FOR UPDATE`;
SQLite's BEGIN IMMEDIATE lets one writer in), and a document changed or removed since version N raises
`RecordConflict` before anything is written, with title, kind, date and note field by field (base from
the history rows since N, mine as typed, theirs as stored) and who changed them when.
"""

from __future__ import annotations

from twindesk.domain.model.errors import ValidationError
from twindesk.domain.model.fields import Field
from twindesk.domain.model.messages import Both
from twindesk.domain.model.specs import RecordSpec
from twindesk.domain.model.vocabulary import DOCUMENT_KINDS
from twindesk.domain.operations import conflicts
from twindesk.domain.operations.conflicts import FieldDifference, RecordConflict
from twindesk.store import models as m

# The document's own fields, as its small form shows them (not a record kind of its own: no list, no
# workbook sheet of its own to import); what conflicts.py needs to read its history.
DOCUMENT_SPEC = RecordSpec("document", "document", m.Document, (
    Field("title", "Title"),
    Field("kind", "Kind", "code", vocabulary=DOCUMENT_KINDS),
    Field("dated_on", "Date", "date"),
    Field("note", "Note", "longtext"),
))
FIELDS = tuple(f.name for f in DOCUMENT_SPEC.fields)


def stored(doc_id: int) -> dict | None:
    """The document's fields as stored now (None: it is gone)."""
    row = m.Document.get_or_none(m.Document.id == doc_id)
    return None if row is None else {name: getattr(row, name) for name in FIELDS}


def check(doc_id: int, expected_version: int | None, mine: dict, *, deleting: bool = False) -> None:
    """Lock the document's row; raise RecordConflict if it is not at `expected_version` (None: only lock)."""
    now = conflicts.lock_version(m.Document, doc_id)
    if expected_version is None or now == expected_version or (deleting and now is None):
        return  # a document removed before it is removed: NotFound says so
    raise conflict(doc_id, expected_version, mine, now, deleting=deleting)


def _cleaned(mine: dict) -> dict:
    from twindesk.domain.operations import documents  # documents calls this module

    try:
        return {**mine, **documents.check_fields(mine)}
    except ValidationError:
        return dict(mine)


def conflict(doc_id: int, since: int, mine: dict, now: int | None, *, deleting: bool = False) -> RecordConflict:
    """What changed in the document since version `since`, beside what the person typed."""
    theirs = stored(doc_id) if now is not None else None
    changes = conflicts._changes_since(DOCUMENT_SPEC, doc_id, since)
    base = {**(theirs or {}), **conflicts._base_values(DOCUMENT_SPEC, changes)}
    mine = _cleaned({k: v for k, v in mine.items() if k in FIELDS})
    fields = []
    for f in DOCUMENT_SPEC.fields:
        ours = mine.get(f.name, base.get(f.name))
        current = theirs.get(f.name) if theirs is not None else None
        if theirs is not None and conflicts.same(ours, current):
            continue
        if theirs is None and f.name not in mine:
            continue
        by, at = changes.last_change.get(f.name, ("", None))
        fields.append(FieldDifference(f.name, DOCUMENT_SPEC.field_label(f.name, "en"), base.get(f.name), ours,
                                      current, DOCUMENT_SPEC.field_label(f.name, "zh_CN"), by, at))
    who, when = changes.who(deleted=theirs is None)
    return RecordConflict("document", doc_id, Both("document", "文件"), mine, theirs, fields, who, when, now or 0,
                          deleting=deleting)
