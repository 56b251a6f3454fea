"""Which record a workbook row is: matched by its UUID, checked against its ID, and whether its ID was
ever another record's (docs/architecture.md, "Identity").

An ID says where a record sits; a UUID says which record it is. A workbook carries both, so a row is
matched by its UUID, and its ID must agree:

- a UUID the database holds: that record (a blank ID takes its ID); an ID naming another record is a
  conflict;
- a UUID the database lacks, with an ID the database holds: the ID is another record's, a conflict;
- a UUID the database lacks, with an ID it lacks:
  - an ID never handed out (above the table's AUTOINCREMENT sequence): the record is created with that
    ID and UUID (an import into an empty database keeps both);
  - an ID handed out before: created again only when the history shows that very record (same UUID)
    deleted; the report says so. Any other record once had that ID, or the history cannot tell, so it is
    a conflict: the row may be from another database, and an ID must never stand for two records;
- no UUID (a workbook from before UUIDs, or a row typed by staff): matched by ID as before; an ID the
  database lacks is created with that ID, and the report notes when it was a deleted record's.

Nothing here writes; `check.ImportCheck` asks, row by row, chunk by chunk.
"""

import json
import uuid as uuidlib
from dataclasses import dataclass
from datetime import datetime

from peewee import fn

from twindesk.domain.model.errors import FieldError, field_error
from twindesk.domain.model.fields import parse_int
from twindesk.domain.model.messages import Both
from twindesk.domain.model.specs import model_kind
from twindesk.domain.transfer.tables import spec_of
from twindesk.store import dialect
from twindesk.store import models as m


@dataclass(frozen=True, slots=True)
class Stored:
    """A stored record's identity and who changed it last."""

    uuid: str
    version: int
    updated_by: str
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class Deleted:
    """The last deletion of an ID, from the history."""

    uuid: str | None
    version: int
    user: str
    at: datetime | None


@dataclass(frozen=True, slots=True)
class Match:
    """What a row is: `record_id` (None: the database gives one), whether it `exists`, the UUID and
    version a new record gets, and a note (a deleted record created again) or a conflict."""

    record_id: int | None
    exists: bool
    uuid: str | None = None
    version: int | None = None
    note: FieldError | None = None
    conflict: FieldError | None = None


def parse_uuid(raw) -> str:
    """A UUID cell as 32 lower-case hex digits (hyphens, braces and case are forgiven); ValueError if
    it is none."""
    if isinstance(raw, bool) or not isinstance(raw, str):
        raise ValueError(raw)
    return uuidlib.UUID(raw.strip()).hex


def parse_version(raw) -> int:
    version = parse_int(raw)
    if version is None or version < 1:
        raise ValueError(raw)
    return version


def _record(kind: str) -> Both:
    spec = spec_of(kind)
    return spec.record_words()


def _moment(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else "—"


class Identities:
    """The database's side of the matching, for one import: looked up chunk by chunk, kind by kind."""

    def __init__(self):
        self._sequence: dict[str, int] = {}
        self._deleted: dict[str, dict[int, Deleted]] = {}

    # --- lookups ---------------------------------------------------------------------------------------
    @staticmethod
    def stored(kind: str, ids: list[int], uuids: list[str]) -> tuple[dict[int, Stored], dict[str, int]]:
        """The records of `kind` with these IDs or UUIDs: {id: Stored}, {uuid: id}."""
        model = spec_of(kind).model
        by_id: dict[int, Stored] = {}
        columns = (model.id, model.uuid, model.version, model.updated_by, model.updated_at)
        if ids:  # an ID above the highest stored is no record's (the IDs a staff list's new rows are given)
            highest = model.select(fn.MAX(model.id)).scalar() or 0
            ids = [i for i in ids if i <= highest]
        for key, wanted in ((model.id, list(dict.fromkeys(ids))), (model.uuid, list(dict.fromkeys(uuids)))):
            for start in range(0, len(wanted), 500):
                query = model.select(*columns).where(key.in_(wanted[start:start + 500])).tuples()
                for record_id, *rest in query:
                    by_id[record_id] = Stored(*rest)
        return by_id, {s.uuid: i for i, s in by_id.items()}

    def _handed_out(self, kind: str) -> int:
        """The highest ID the table ever gave (AUTOINCREMENT's sequence; IDs at or below it were used)."""
        if kind not in self._sequence:
            self._sequence[kind] = dialect.handed_out(spec_of(kind).model._meta.table_name)
        return self._sequence[kind]

    def _deletions(self, kind: str) -> dict[int, Deleted]:
        if kind not in self._deleted:
            hc, ho = m.HistoryChange, m.HistoryOperation
            query = (hc.select(hc.record_id, hc.old, hc.version, ho.user, ho.at).join(ho)
                     .where((hc.kind == model_kind(spec_of(kind).model)) & (hc.change == "delete"))
                     .order_by(hc.id).tuples())
            found: dict[int, Deleted] = {}
            for record_id, old, version, user, at in query:  # the last deletion of an ID wins
                try:
                    row_uuid = json.loads(old).get("uuid") if old else None
                except (ValueError, AttributeError):
                    row_uuid = None
                found[record_id] = Deleted(row_uuid, version or 0, user, at)
            self._deleted[kind] = found
        return self._deleted[kind]

    # --- one row -----------------------------------------------------------------------------------------
    def match(self, kind: str, record_id: int | None, row_uuid: str | None, version: int | None,
              by_id: dict[int, Stored], by_uuid: dict[str, int]) -> Match:
        if row_uuid is None and (record_id is None or record_id in by_id):  # the common rows: no message
            return Match(record_id, True) if record_id is not None else Match(None, False, version=version)
        if row_uuid is None and record_id > self._handed_out(kind):  # the IDs a staff list's new rows are given
            return Match(record_id, False, uuid=row_uuid, version=version)
        record = _record(kind)
        if row_uuid is not None and row_uuid in by_uuid:
            owner = by_uuid[row_uuid]
            if record_id is None or record_id == owner:
                return Match(owner, True)
            other = by_id.get(record_id)
            if other is None:
                return Match(record_id, False, conflict=field_error(
                    "id", "ID", "UUID {uuid} is {record} {owner}, but the row's ID is {id}, which the database does not hold; nothing was written.",  # noqa: E501
                    uuid=row_uuid, record=record, owner=owner, id=record_id))
            return Match(record_id, False, conflict=field_error(
                "id", "ID", "UUID {uuid} is {record} {owner}, but the row's ID is {id}, another record (UUID {other}); nothing was overwritten.",  # noqa: E501
                uuid=row_uuid, record=record, owner=owner, id=record_id, other=other.uuid))
        if record_id is None:  # a new record; a UUID from elsewhere is kept
            return Match(None, False, uuid=row_uuid, version=version)
        stored = by_id.get(record_id)
        if stored is not None:
            if row_uuid is None:
                return Match(record_id, True)  # no UUID: by ID, as before UUIDs
            return Match(record_id, False, conflict=field_error(
                "id", "ID", "ID {id} is another record (UUID {stored}) than this row's (UUID {uuid}); nothing was overwritten.",  # noqa: E501
                id=record_id, stored=stored.uuid, uuid=row_uuid))
        if record_id > self._handed_out(kind):
            return Match(record_id, False, uuid=row_uuid, version=version)
        deleted = self._deletions(kind).get(record_id)
        if row_uuid is None or (deleted is not None and deleted.uuid == row_uuid):
            # The deleted record itself (or, without a UUID, all we can tell): created again, and said so.
            note = None if deleted is None else field_error(
                "id", "ID", "{record} {id} was deleted on {when} by {who}; the import creates it again.",
                record=Both(record.en.capitalize(), record.zh), id=record_id, when=_moment(deleted.at),
                who=deleted.user)
            again = max(version or 1, (deleted.version if deleted else 0) + 1)
            return Match(record_id, False, uuid=row_uuid, version=again, note=note)
        if deleted is not None:
            return Match(record_id, False, conflict=field_error(
                "id", "ID", "ID {id} belonged to a deleted {record} with UUID {stored} ({when}, {who}), not to this row's UUID {uuid}; nothing was created.",  # noqa: E501
                id=record_id, record=record, stored=deleted.uuid or "—", when=_moment(deleted.at),
                who=deleted.user, uuid=row_uuid))
        return Match(record_id, False, conflict=field_error(
            "id", "ID", "ID {id} belonged to a {record} deleted before its history was kept, not known to be this row's (UUID {uuid}); nothing was created.",  # noqa: E501
            id=record_id, record=record, uuid=row_uuid))
