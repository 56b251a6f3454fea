"""Checking an import before anything is written: every row with the domain's rules, all problems at once.

The caller (the workbook reader) feeds rows one by one with `ImportCheck.add(kind, line, id, values)`:
`line` is where the row came from (its sheet row), `values` the raw cell values by field name, only for
the columns the sheet has. Each row is validated as it arrives (`validation.validate`, the same rules as
a form), so only cleaned tuples are kept; `finish()` then runs the checks that need every sheet: that
references point to a record in the database or in the import, an itinerary day inside its visit, no
visit–partner link twice, the rules across records (no parent-region loop, one live partnership per
locality, partner and tier: `rules.check_import`), and likely duplicate partners.

What a row means (`identity` matches it to its record by UUID and ID, and says what conflicts):
- no ID and no UUID: a new record;
- a record the database holds: an update of it (columns the sheet lacks keep their stored value); a row
  equal to the stored record is counted as unchanged and not written. A row written at an older version
  than the record's (`Version`), whose values differ from the record's, is a conflict, reported field by
  field with both values, unless `overwrite_newer`;
- a record the database does not hold (an empty database, or a record deleted since the export): the
  record is created with the row's ID and UUID, so the links between the sheets stay as they were.

`typed_by_staff=True` is for lists staff typed (docs/architecture.md, "Understanding staff lists"):
each cell is understood first (labels and synonyms, countries and currencies by name, 10万, dates at
the precision typed), references by name are resolved across the whole import (`understanding/`),
and likely duplicates are matched across scripts and widths. `create_missing` (True, or the names
the user ticked) lets a reference to an unknown name create that record in the same import.
`ImportPlan.row_status` says, for a preview, what becomes of each row.
"""

from datetime import date
from operator import itemgetter

from twindesk.domain.model import ids, rules
from twindesk.domain.model.errors import FieldError, ValidationError, field_error
from twindesk.domain.model.fields import INT_MAX, INT_MIN, parse_int
from twindesk.domain.model.messages import Both, Label
from twindesk.domain.model.validation import Validator
from twindesk.domain.transfer.identity import Identities, Stored, parse_uuid, parse_version
from twindesk.domain.transfer.plan import (
    ImportPlan,
    LikelyDuplicate,
    Placeholders,
    PlannedRow,
    RowProblem,
    TablePlan,
)
from twindesk.domain.transfer.tables import KINDS, TAG, row_tag, spec_of
from twindesk.domain.transfer.understanding.likeness import find_alike
from twindesk.domain.transfer.understanding.rows import StaffRows
from twindesk.store import models as m

CHUNK = 500  # rows validated together: one query fetches the stored records a chunk updates


def _in_order(names: list[str]):
    """cleaned values -> the tuple of them in spec field order (itemgetter: it runs for every row)."""
    if len(names) == 1:
        return lambda cleaned: (cleaned[names[0]],)
    return itemgetter(*names)


def _stored(kind: str, ids: list[int]) -> dict[int, dict]:
    """The stored values (by field name, references as IDs, and the demo's tag) of the records of `kind`
    with these IDs."""
    if not ids:
        return {}
    spec = spec_of(kind)
    model = spec.model
    names = [f.name for f in spec.fields] + [TAG]
    columns = [model.id, *(getattr(model, n) for n in names)]
    found = {}
    for start in range(0, len(ids), 500):
        query = model.select(*columns).where(model.id.in_(ids[start:start + 500])).tuples()
        for row in query:
            found[row[0]] = dict(zip(names, row[1:], strict=True))
    return found


def _all_ids(kind: str) -> set[int]:
    model = spec_of(kind).model
    return {i for (i,) in m.database.execute(model.select(model.id))}


def _whole_number_past_ids(raw) -> int | None:
    """`raw` as a whole number above the largest ID, or None (then it is not a whole number at all)."""
    try:
        value = int(raw) if isinstance(raw, int | float) else int(str(raw).strip())
    except (ValueError, OverflowError):
        return None
    return value if value > ids.MAX_ID else None


def _shown(spec, name: str, value):
    """A value as a conflict message shows it: a code by its label, in the reader's language."""
    f = spec.field(name)
    if value is None or value == "":
        return ""
    if f.vocabulary is not None:
        return Both(f.vocabulary.label(value, "en"), f.vocabulary.label(value, "zh_CN"))
    if isinstance(value, bool):
        return Both(*(("Yes", "是") if value else ("No", "否")))
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


class ImportCheck:
    def __init__(self, *, overwrite_newer: bool = False, typed_by_staff: bool = False, create_missing=False):
        self.overwrite_newer = overwrite_newer
        self._staff = StaffRows(create_missing) if typed_by_staff else None
        self._failed: dict[tuple[str, int], set[str]] = {}  # staff cells already reported: (kind, line) -> fields
        self._lines: dict[str, list[int]] = {k: [] for k in KINDS}
        self._created: list = []
        self._identities = Identities()
        self._notes: list[RowProblem] = []
        self._uuids: dict[str, dict[str, int]] = {k: {} for k in KINDS}  # UUID -> first line, per sheet
        self._pending: dict[str, list[tuple]] = {k: [] for k in KINDS}
        # validate, each distinct value of a column cleaned once (model/validation.py)
        self._validators = {k: Validator(spec_of(k), remember=True) for k in KINDS}
        self._tables = {k: TablePlan(k) for k in KINDS}
        self._problems: list[RowProblem] = []
        self._seen: dict[str, dict[int, int]] = {k: {} for k in KINDS}  # ID -> first line, per sheet
        self._existing: dict[str, set[int]] = {}
        self._stored_status: dict[int, tuple[str, date | None]] = {}
        self._history: set[tuple[int, str]] = set()
        self._links: dict[tuple[int, int], int] = {}  # (visit, partner) -> the first row linking them

    # --- row by row -----------------------------------------------------------------------------------
    def add(self, kind: str, line: int, record_id, values: dict, *, uuid=None, version=None) -> None:
        """Queue one row (with its UUID and Version cells, where the sheet has them); it is validated
        with the next chunk of its kind (a staff list's rows: all together in `finish`)."""
        self._lines[kind].append(line)
        if self._staff is not None:
            self._staff.add_rows(kind, [(line, record_id, values, uuid, version)])
            return
        pending = self._pending[kind]
        pending.append((line, record_id, values, uuid, version))
        if len(pending) >= CHUNK:
            self._flush(kind)

    def add_rows(self, kind: str, rows: list[tuple]) -> None:
        """`add` of many rows of one kind, each (line, record_id, values, uuid, version): a staff list
        hands a sheet at a time."""
        if self._staff is None:
            for line, record_id, values, uuid, version in rows:
                self.add(kind, line, record_id, values, uuid=uuid, version=version)
            return
        self._lines[kind].extend([row[0] for row in rows])
        self._staff.add_rows(kind, rows)

    def _problem(self, kind: str, line: int, error: FieldError) -> None:
        self._problems.append(RowProblem(kind, line, error.field, error))

    def _record_id(self, kind: str, line: int, raw) -> tuple[bool, int | None]:
        """(usable, id) of a row's ID cell; a problem is noted when it is not usable."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return True, None
        try:
            record_id = raw if type(raw) is int and INT_MIN <= raw <= INT_MAX else parse_int(raw)
        except ValueError:
            too_large = _whole_number_past_ids(raw)
            if too_large is not None:  # SQLite could not even be asked about it
                self._problem(kind, line, field_error("id", "ID", ids.OUT_OF_RANGE, value=too_large, max=ids.MAX_ID))
            else:
                self._problem(kind, line, field_error(
                    "id", "ID", "ID “{value}” is not a whole number.", value=raw))
            return False, None
        if record_id is None or record_id <= 0:
            self._problem(kind, line, field_error(
                "id", "ID", "ID must be a whole number above zero (got {value}).", value=raw))
            return False, None
        first = self._seen[kind].setdefault(record_id, line)
        if first != line:
            self._problem(kind, line, field_error(
                "id", "ID", "ID {id} appears twice in this sheet (rows {first} and {line}).",
                id=record_id, first=first, line=line))
            return False, None
        return True, record_id

    def _identity_cells(self, kind: str, line: int, raw_uuid, raw_version) -> tuple[bool, str | None, int | None]:
        """(usable, uuid, version) of a row's UUID and Version cells (None where blank)."""
        ok, row_uuid, version = True, None, None
        if raw_uuid is not None and not (isinstance(raw_uuid, str) and not raw_uuid.strip()):
            try:
                row_uuid = parse_uuid(raw_uuid)
            except ValueError:
                ok = False
                self._problem(kind, line, field_error(
                    "uuid", "UUID", "UUID “{value}” is not a UUID (32 hexadecimal digits).", value=raw_uuid))
            else:
                first = self._uuids[kind].setdefault(row_uuid, line)
                if first != line:
                    ok = False
                    self._problem(kind, line, field_error(
                        "uuid", "UUID", "UUID {uuid} appears twice in this sheet (rows {first} and {line}).",
                        uuid=row_uuid, first=first, line=line))
        if raw_version is not None and not (isinstance(raw_version, str) and not raw_version.strip()):
            try:
                version = parse_version(raw_version)
            except ValueError:
                ok = False
                self._problem(kind, line, field_error(
                    "version", "Version", "Version “{value}” is not a whole number above zero.",
                    value=raw_version))
        return ok, row_uuid, version

    def _match(self, kind: str, rows: list[tuple]) -> tuple[list[tuple], dict[int, Stored]]:
        """Each row as (line, usable, record ID, exists, values, version, uuid to create it with, version
        to create it with), matched to its record by UUID and ID; conflicts noted as problems."""
        cells = []
        for line, raw, values, raw_uuid, raw_version in rows:
            if raw is None and raw_uuid is None and raw_version is None:  # a new record: most staff rows
                cells.append((line, True, None, None, None, values))
                continue
            ok, record_id = self._record_id(kind, line, raw)
            usable, row_uuid, version = self._identity_cells(kind, line, raw_uuid, raw_version)
            cells.append((line, ok and usable, record_id, row_uuid, version, values))
        # A placeholder id is never looked up (plan.Placeholders): the row stays new, whoever took the number.
        placeholders = self._staff.tentative if self._staff is not None else Placeholders()
        by_id, by_uuid = Identities.stored(kind, [c[2] for c in cells if c[2] is not None
                                                  and not placeholders.holds(kind, c[2])],
                                           [c[3] for c in cells if c[3] is not None])
        out = []
        for line, ok, record_id, row_uuid, version, values in cells:
            if not ok:
                out.append((line, False, record_id, False, values, version, None, None))
                continue
            if record_id is None and row_uuid is None:  # a new record (Identities.match says the same)
                out.append((line, True, None, False, values, version, None, version))
                continue
            found = self._identities.match(kind, record_id, row_uuid, version, by_id, by_uuid)
            if found.conflict is not None:
                self._problem(kind, line, found.conflict)
                out.append((line, False, record_id, False, values, version, None, None))
                continue
            if found.note is not None:
                self._notes.append(RowProblem(kind, line, "id", found.note))
            if found.record_id is not None and found.record_id != record_id:  # matched by its UUID alone
                first = self._seen[kind].setdefault(found.record_id, line)
                if first != line:
                    self._problem(kind, line, field_error(
                        "id", "ID", "ID {id} appears twice in this sheet (rows {first} and {line}).",
                        id=found.record_id, first=first, line=line))
                    out.append((line, False, record_id, False, values, version, None, None))
                    continue
            out.append((line, True, found.record_id, found.exists, values, version, found.uuid, found.version))
        return out, by_id

    def _newer(self, kind: str, line: int, spec, names, row: tuple, before: dict, stored: Stored,
               version: int) -> None:
        """The record changed after the workbook was written, and the row would change it: one problem per
        field the row and the record disagree on, with both values."""
        for name, new in zip(names, row, strict=True):
            old = before[name]
            if new == old:
                continue
            f = spec.field(name)
            self._problems.append(RowProblem(kind, line, name, field_error(
                name, f.label, "{label}: changed in the database since this workbook was written (version {stored_version} by {who}, {when}; the workbook's is {version}): workbook “{workbook}”, database “{database}”; nothing was overwritten.",  # noqa: E501
                label=Label(kind, name, f.label), stored_version=stored.version, who=stored.updated_by or "—",
                when=f"{stored.updated_at:%Y-%m-%d %H:%M}" if stored.updated_at else "—", version=version,
                workbook=_shown(spec, name, new), database=_shown(spec, name, old)), newer=True))

    def _flush(self, kind: str) -> None:
        rows, self._pending[kind] = self._pending[kind], []
        if not rows:
            return
        spec = spec_of(kind)
        names = [f.name for f in spec.fields]
        ordered = _in_order(names)
        matched, identities = self._match(kind, rows)
        validate = self._validators[kind]
        stored = _stored(kind, [rid for _, ok, rid, exists, *_ in matched if ok and exists])
        table = self._tables[kind]
        for line, ok, record_id, _exists, values, version, new_uuid, new_version in matched:
            before = stored.get(record_id) if ok and stored else None
            stored_tag = before.pop(TAG) if before is not None else False
            tag, tag_problem = row_tag(values, stored_tag) if TAG in values else (stored_tag, None)
            if tag_problem is not None:
                ok = False
                self._problem(kind, line, tag_problem)
            try:
                if before is not None:
                    merged = {**before, **values}
                    merged["id"] = record_id
                    cleaned = validate(merged)
                else:  # a new record: an empty cell takes the field's default, as in a new form
                    cleaned = validate.new_record(values, record_id)
            except ValidationError as exc:
                failed = self._failed.get((kind, line), ())
                for error in exc.errors:
                    if error.field not in failed:  # a staff cell not understood was said already
                        self._problem(kind, line, error)
                continue
            if not ok or (self._failed and (kind, line) in self._failed):
                continue
            row = ordered(cleaned)
            if kind == "status_change":
                self._history.add((cleaned["partnership"], cleaned["status"]))
            elif kind == "visit_partner":
                first = self._links.setdefault(row, line)
                if first != line:
                    self._problem(kind, line, field_error(
                        "partner", "Partner",
                        "Visit {visit} and partner {partner} are linked twice (rows {first} and {line}).",
                        visit=row[0], partner=row[1], first=first, line=line))
                    continue
            if before is not None:
                if row == tuple(before[n] for n in names) and tag == stored_tag:
                    table.unchanged += 1
                    continue
                identity = identities[record_id]
                if version is not None and identity.version > version and not self.overwrite_newer:
                    self._newer(kind, line, spec, names, row, before, identity, version)
                    continue
                if kind == "partnership":
                    self._stored_status[record_id] = (before["status"], before["status_since"])
                table.rows.append(PlannedRow(line, record_id, row, True, illustrative=tag))
            else:
                table.rows.append(PlannedRow(line, record_id, row, False, new_uuid, new_version, tag))

    # --- across sheets --------------------------------------------------------------------------------
    def _existing_ids(self, kind: str) -> set[int]:
        if kind not in self._existing:
            self._existing[kind] = _all_ids(kind)
        return self._existing[kind]

    def _check_references(self, kind: str) -> None:
        spec = spec_of(kind)
        refs = [(i, f) for i, f in enumerate(spec.fields) if f.kind == "ref"]
        for row in self._tables[kind].rows:
            for i, f in refs:
                target = row.values[i]
                if target is None or target in self._seen[f.ref] or target in self._existing_ids(f.ref):
                    continue
                target_spec = spec_of(f.ref)
                self._problem(kind, row.line, field_error(
                    f.name, f.label,
                    "{label}: there is no {record} with ID {id} in the database or in the import.",
                    label=Label(kind, f.name, f.label), id=target,
                    record=target_spec.record_words()))

    def _check_itinerary_days(self) -> None:
        """An itinerary day lies within its visit's dates (as the visit will be after the import)."""
        items = self._tables["itinerary_item"].rows
        if not items:
            return
        visit_spec, item_spec = spec_of("visit"), spec_of("itinerary_item")
        v_start, v_end = (visit_spec.fields.index(visit_spec.field(n)) for n in ("start_on", "end_on"))
        i_visit, i_day = (item_spec.fields.index(item_spec.field(n)) for n in ("visit", "day"))
        dates = {r.record_id: (r.values[v_start], r.values[v_end]) for r in self._tables["visit"].rows}
        wanted = list({r.values[i_visit] for r in items} - set(dates))
        for visit_id, values in _stored("visit", wanted).items():
            dates[visit_id] = (values["start_on"], values["end_on"])
        for row in items:
            start, end = dates.get(row.values[i_visit], (None, None))
            end = end or start
            day = row.values[i_day]
            if start and day and (day < start or day > end):  # the rule records.save applies, for many rows
                self._problem("itinerary_item", row.line, field_error(
                    "day", "Day", "Day ({day}) is outside the visit's dates ({start} – {end}).",
                    day=day, start=start, end=end))

    def _check_visit_links(self) -> None:
        """A link the database already has is not added again (twice in the sheet is caught row by row)."""
        table = self._tables["visit_partner"]
        if not table.rows:
            return
        vp = m.VisitPartner
        visits = list({r.values[0] for r in table.rows})
        stored: dict[tuple[int, int], int] = {}
        for start in range(0, len(visits), 500):
            query = vp.select(vp.visit, vp.partner, vp.id).where(vp.visit.in_(visits[start:start + 500]))
            stored.update({(v, p): i for v, p, i in m.database.execute(query)})
        kept = []
        for row in table.rows:
            pair = row.values
            linked = stored.get(pair)
            if linked is not None and linked != row.record_id:
                if row.record_id is None:
                    table.unchanged += 1  # the link is there already
                    continue
                self._problem("visit_partner", row.line, field_error(
                    "partner", "Partner", "Visit {visit} and partner {partner} are already linked (ID {id}).",
                    visit=pair[0], partner=pair[1], id=linked))
                continue
            kept.append(row)
        table.rows = kept

    def _check_rules(self) -> None:
        """The rules across records (model/rules.py), on the state the import would leave."""
        rows = {}
        for kind in rules.IMPORT_KINDS:
            names = [f.name for f in spec_of(kind).fields]
            # partners: those with an ID only, which are all the parent-loop rule looks at (nothing lies
            # inside a record not yet made); a staff list's new partners mostly have none
            rows[kind] = [(r.line, r.record_id, dict(zip(names, r.values, strict=True)))
                          for r in self._tables[kind].rows if r.record_id is not None or kind != "partner"]
        for kind, line, error in rules.check_import(rows):
            self._problem(kind, line, error)

    def _likely_duplicates(self) -> list[LikelyDuplicate]:
        """New partners with the same name (any script) and country as one the database holds."""
        new = [r for r in self._tables["partner"].rows if not r.update]
        if not new or not m.Partner.select().exists():
            return []
        spec = spec_of("partner")
        i_names = [spec.fields.index(spec.field(n)) for n in ("name_zh", "name_en", "name_native")]
        i_country = spec.fields.index(spec.field("country"))
        p = m.Partner
        known: dict[tuple[str, str], int] = {}
        query = p.select(p.id, p.country, p.name_zh, p.name_en, p.name_native).order_by(p.id)
        for pid, country, *names in m.database.execute(query):
            for name in names:
                if name:
                    known.setdefault((country, name.strip().casefold()), pid)
        flagged = []
        for row in new:
            country = row.values[i_country]
            for i in i_names:
                name = row.values[i]
                existing = known.get((country, name.casefold())) if name else None
                if existing is not None and existing != row.record_id:
                    flagged.append(LikelyDuplicate("partner", row.line, existing, field_error(
                        spec.fields[i].name, spec.fields[i].label,
                        "“{name}” ({country}) has the same name and country as partner {id}; "
                        "confirm to create it.", name=name, country=country, id=existing)))
                    break
        return flagged

    def _prepare_staff_rows(self) -> None:
        prepared = self._staff.prepare()
        self._failed = prepared.failed
        self._created = prepared.created
        for kind, line, error in prepared.problems:
            self._problem(kind, line, error)
        self._notes.extend(RowProblem(kind, line, error.field, error) for kind, line, error in prepared.notes)
        for kind in KINDS:
            for start in range(0, len(prepared.rows[kind]), CHUNK):
                self._pending[kind] = prepared.rows[kind][start:start + CHUNK]
                self._flush(kind)

    def _staff_duplicates(self) -> list[LikelyDuplicate]:
        return [LikelyDuplicate("partner", a.line, a.existing_id, a.error, a.other_line, a.names)
                for a in find_alike([r for r in self._tables["partner"].rows if not r.update])]

    def finish(self) -> ImportPlan:
        if self._staff is not None:
            self._prepare_staff_rows()
        for kind in KINDS:
            self._flush(kind)
        for kind in KINDS:
            self._check_references(kind)
        self._check_itinerary_days()
        self._check_visit_links()
        self._check_rules()
        duplicates = self._likely_duplicates() if self._staff is None else self._staff_duplicates()
        self._problems.sort(key=lambda p: (KINDS.index(p.kind), p.line))
        self._notes.sort(key=lambda p: (KINDS.index(p.kind), p.line))
        return ImportPlan(self._tables, self._problems, duplicates, self._stored_status, self._history,
                          self._notes, self._lines, self._created,
                          self._staff.tentative if self._staff is not None else Placeholders())
