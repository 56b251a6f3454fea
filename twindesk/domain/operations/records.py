"""Creating, changing and deleting records: each one operation through the door (door.py).

The window, the command line and the tests all change records through here. `save` checks every
field with the record's spec, that referenced records exist, and the rules that need other records
(an itinerary day inside its visit's dates); it dates a partnership's status history. The door
records who changed what. `delete_impact` says what else a delete takes with it or why it is refused.
"""

from dataclasses import dataclass, field
from datetime import date

import peewee as pw

from twindesk.domain.model import labels, rules
from twindesk.domain.model.errors import DeleteRefused, FieldError, NotFound, ValidationError, field_error
from twindesk.domain.model.ids import checked_id
from twindesk.domain.model.messages import Both, Label, render
from twindesk.domain.model.specs import SPECS, RecordSpec, model_kind
from twindesk.domain.model.validation import validate
from twindesk.domain.operations import conflicts
from twindesk.domain.operations.door import operation
from twindesk.store import models as m
from twindesk.store.messages import InLanguage, joined


def spec_for(kind: str) -> RecordSpec:
    try:
        return SPECS[kind]
    except KeyError:
        raise KeyError(f"unknown record kind {kind!r}") from None


def get_instance(kind: str, record_id: int):
    spec = spec_for(kind)
    try:
        return spec.model.get_by_id(checked_id(record_id))
    except spec.model.DoesNotExist:
        raise NotFound(spec.label, record_id) from None


def get(kind: str, record_id: int) -> dict:
    """The record's stored values by field name (references as ids), with its id and timestamps."""
    spec = spec_for(kind)
    obj = get_instance(kind, record_id)
    values = {"id": obj.id}
    for f in spec.fields:
        values[f.name] = getattr(obj, f.name + "_id") if f.kind == "ref" else getattr(obj, f.name)
    values.update(created_at=obj.created_at, updated_at=obj.updated_at, updated_by=obj.updated_by,
                  uuid=obj.uuid, version=obj.version)
    return values


def _check_references(spec: RecordSpec, values: dict) -> list[FieldError]:
    errors = []
    for f in spec.fields:
        target = values.get(f.name)
        if f.kind != "ref" or target is None:
            continue
        target_spec = SPECS[f.ref]
        if not target_spec.model.select().where(target_spec.model.id == target).exists():
            errors.append(field_error(f.name, f.label, "{label}: there is no {record} with ID {id}.",
                                      label=Label(spec.kind, f.name, f.label), id=target,
                                      record=target_spec.record_words()))
    return errors


def _check_itinerary_day(values: dict) -> list[FieldError]:
    visit = m.Visit.get_or_none(m.Visit.id == values.get("visit"))
    if visit is None:
        return []
    return day_outside_visit(values.get("day"), visit.start_on, visit.end_on)


def day_outside_visit(day: date | None, start: date | None, end: date | None) -> list[FieldError]:
    """An itinerary day outside its visit's dates (also for a visit not yet saved, as typed)."""
    end = end or start
    if day is not None and start and (day < start or day > end):
        return [field_error("day", "Day", "Day ({day}) is outside the visit's dates ({start} – {end}).",
                            day=day, start=start, end=end)]
    return []


CROSS_RECORD_CHECKS = {"itinerary_item": _check_itinerary_day}


def save(kind: str, values: dict, record_id: int | None = None, *, user: str = "",
         expected_version: int | None = None) -> int:
    """Create (no `record_id`) or update a record from `values`; return its id.

    An update may give only the fields that change; the whole record is checked as it would be
    stored. With `expected_version` (the version the form opened), a record changed or deleted since
    raises RecordConflict (conflicts.py). Raises ValidationError (nothing written) or NotFound.
    """
    spec = spec_for(kind)
    with operation("save", kind=kind, record_id=record_id, user=user) as op:
        if record_id is None:
            obj = spec.model()
            merged = dict(values)
        else:
            # Locked before it is read, so the version bumped below is the stored one plus one.
            conflicts.check(spec, checked_id(record_id), expected_version, values)
            obj = get_instance(kind, record_id)
            op.track(spec.model, [record_id])
            merged = get(kind, record_id)
            for extra in ("created_at", "updated_at", "updated_by", "uuid", "version"):
                merged.pop(extra)
            merged.update(values)
        cleaned = validate(spec, merged)
        errors = _check_references(spec, cleaned)
        check = CROSS_RECORD_CHECKS.get(kind)
        if check and not errors:
            errors += check(cleaned)
        if not errors:
            errors += rules.check(kind, cleaned, record_id)  # parent loops, one live partnership …
        if errors:
            raise ValidationError(spec.label, errors)
        previous_status = getattr(obj, "status", None) if record_id is not None else None
        for f in spec.fields:
            attr = f.name + "_id" if f.kind == "ref" else f.name
            setattr(obj, attr, cleaned[f.name])
        obj.updated_by = op.user
        status_changed = kind == "partnership" and obj.status != previous_status
        if status_changed and values.get("status_since") in (None, ""):
            obj.status_since = date.today()  # a new status is dated the day it is recorded
        obj.save()
        if record_id is None:
            op.track_new(spec.model, obj.id)
            op.record_id = obj.id
        if status_changed:
            line = m.PartnershipStatusChange.create(
                partnership=obj, status=obj.status, changed_on=obj.status_since, updated_by=op.user)
            op.track_new(m.PartnershipStatusChange, line.id)
        return obj.id


@dataclass
class DeleteImpact:
    """What a delete takes with it (cascade), unlinks (set null) or what forbids it (restrict)."""

    kind: str
    record_id: int
    removed: dict[str, int] = field(default_factory=dict)  # record kind -> count
    unlinked: dict[str, int] = field(default_factory=dict)
    agreements: list[int] = field(default_factory=list)  # signed partnerships in force: rules.agreements_in_force
    blockers: dict[str, int] = field(default_factory=dict)
    # What the delete touches, for the history: model -> ids it removes; (model, fk column) -> ids it unlinks.
    removed_ids: dict[type, list[int]] = field(default_factory=dict, repr=False)
    unlinked_ids: dict[tuple[type, str], list[int]] = field(default_factory=dict, repr=False)

    @property
    def allowed(self) -> bool:
        return not self.blockers and not self.agreements

    def refusal(self, lang: str = "en") -> str:
        """Why the delete is refused, and what to do: the one wording the window and the CLI show."""
        said = [rules.agreements_refusal(self.record_id, self.agreements, lang)] if self.agreements else []
        if self.blockers:
            spec = SPECS[self.kind]
            one = list(self.blockers.values()) == [1]  # "1 shipment refers"
            said.append(render(BLOCKED_ONE if one else BLOCKED, {
                "record": spec.record_words(), "id": self.record_id,
                "counts": describe_counts(self.blockers, lang)}, lang))
        return ("" if lang.startswith("zh") else " ").join(said)


def _walk(model, ids: list[int], impact: DeleteImpact, seen: set) -> None:
    for fk, child in model._meta.backrefs.items():
        if not ids:
            return
        on_delete = (fk.on_delete or "").upper()
        query = child.select(child.id).where(fk.in_(ids))
        child_ids = [r for (r,) in query.tuples()]
        if child is model:
            child_ids = [i for i in child_ids if i not in ids]
        if not child_ids:
            continue
        child_kind = model_kind(child)
        if on_delete == "CASCADE":
            impact.removed[child_kind] = impact.removed.get(child_kind, 0) + len(child_ids)
            if (child, tuple(child_ids)) not in seen:
                seen.add((child, tuple(child_ids)))
                impact.removed_ids.setdefault(child, []).extend(child_ids)
                _walk(child, child_ids, impact, seen)
        elif on_delete == "SET NULL":
            impact.unlinked[child_kind] = impact.unlinked.get(child_kind, 0) + len(child_ids)
            impact.unlinked_ids.setdefault((child, fk.column_name), []).extend(child_ids)
        else:
            impact.blockers[child_kind] = impact.blockers.get(child_kind, 0) + len(child_ids)


def delete_impact(kind: str, record_id: int) -> DeleteImpact:
    obj = get_instance(kind, record_id)
    impact = DeleteImpact(kind, record_id)
    impact.removed_ids[type(obj)] = [obj.id]
    _walk(type(obj), [obj.id], impact, set())
    _documents_going(impact)
    impact.agreements = rules.agreements_in_force(kind, obj.id)
    return impact


def _documents_going(impact: DeleteImpact) -> None:
    """The documents on the record and on everything it takes with it go too (no foreign key: a
    document's owner may be of several kinds, docs/architecture.md "Documents")."""
    from twindesk.domain.queries.documents import owned_by

    going = owned_by({model_kind(model): ids for model, ids in impact.removed_ids.items()})
    if going:
        impact.removed["document"] = len(going)
        impact.removed_ids[m.Document] = going


BLOCKED_ONE = "The {record} with ID {id} cannot be deleted: {counts} still refers to it. Delete or reassign those first."
BLOCKED = "The {record} with ID {id} cannot be deleted: {counts} still refer to it. Delete or reassign those first."


def describe_counts(counts: dict[str, int], lang: str = "en") -> str:
    """ "2 shipment items, 1 gift" in `lang`."""
    parts = []
    for kind, n in counts.items():
        # a visit_partner link stands for its visit
        label = SPECS[kind].label if kind in SPECS else ("document" if kind == "document" else "visit")
        parts.append(labels.count_of(label, n, lang))
    return joined(parts, lang)


def delete(kind: str, record_id: int, *, user: str = "", expected_version: int | None = None) -> DeleteImpact:
    """Delete a record and what depends on it, in one operation; refuse if others rely on it.

    The links it clears are cleared here (not left to SQLite's SET NULL), so each unlinked record's
    version and history say so and Undo can put the link back. With `expected_version`, a record
    changed since raises RecordConflict (and one deleted since, NotFound)."""
    spec = spec_for(kind)
    with operation("delete", kind=kind, record_id=record_id, user=user) as op:
        conflicts.check(spec, checked_id(record_id), expected_version, {}, deleting=True)
        impact = delete_impact(kind, record_id)
        if not impact.allowed:
            raise DeleteRefused("{reason}", reason=InLanguage(impact.refusal))
        for model, ids in impact.removed_ids.items():
            op.track(model, ids)
        for (model, column), ids in impact.unlinked_ids.items():
            op.track(model, ids)
            model.update({column: None, "version": model.version + 1, "updated_at": m.now(),
                          "updated_by": op.user}).where(model.id.in_(ids)).execute()
        if m.Document in impact.removed_ids:  # their files stay: another document or an undo may need them
            m.Document.delete().where(m.Document.id.in_(impact.removed_ids[m.Document])).execute()
        try:
            spec.model.delete_by_id(record_id)
        except pw.IntegrityError as exc:  # a rule the walk did not foresee; nothing is deleted
            raise DeleteRefused("The {record} with ID {id} cannot be deleted ({reason}).", id=record_id, reason=exc,
                                record=spec.record_words()) from exc
    return impact


def set_visit_partners(visit_id: int, partner_ids: list[int], *, user: str = "",
                       expected: list[int] | None = None) -> None:
    """Link a visit to exactly these partners (links kept where they stay, in the order given).

    With `expected` (the partners the panel showed), partners changed since raise RecordConflict."""
    with operation("link", kind="visit", record_id=visit_id, user=user) as op:
        version = conflicts.lock_version(m.Visit, checked_id(visit_id))  # one link change at a time
        get_instance("visit", visit_id)
        if expected is not None and visit_partner_ids(visit_id) != list(expected):
            raise conflicts.partners_conflict(visit_id, list(expected), list(partner_ids),
                                              visit_partner_ids(visit_id), version)
        missing = [p for p in partner_ids if not m.Partner.select().where(m.Partner.id == p).exists()]
        if missing:
            raise ValidationError("visit", [field_error(
                "partners", "Partners", "{label}: there is no {record} with ID {id}.",
                label=Both("Partners", "友好伙伴"), record=Both("partner", "友好伙伴"), id=missing[0])])
        wanted = list(dict.fromkeys(partner_ids))
        links = dict(m.VisitPartner.select(m.VisitPartner.partner, m.VisitPartner.id)
                     .where(m.VisitPartner.visit == visit_id).tuples())
        if list(links) == wanted:
            return
        op.track(m.VisitPartner, links.values())
        m.VisitPartner.delete().where(m.VisitPartner.visit == visit_id).execute()
        for pid in wanted:  # made anew, so the stored order (by ID) is the order given
            op.track_new(m.VisitPartner, m.VisitPartner.create(visit=visit_id, partner=pid, updated_by=op.user).id)


def visit_partner_ids(visit_id: int) -> list[int]:
    q = m.VisitPartner.select(m.VisitPartner.partner).where(m.VisitPartner.visit == visit_id)
    return [r for (r,) in q.order_by(m.VisitPartner.id).tuples()]


def reorder_delegates(visit_id: int, delegate_ids: list[int], *, user: str = "",
                      expected_versions: dict[int, int] | None = None) -> None:
    """Set precedence 1, 2, 3 … in the given order; every delegate of the visit must be named once.

    With `expected_versions` (delegate id -> the version the panel showed), a delegate changed since
    raises RecordConflict."""
    with operation("reorder", kind="visit", record_id=visit_id, user=user) as op:
        conflicts.lock_version(m.Visit, checked_id(visit_id))  # one reorder of a visit at a time
        for position, delegate_id in enumerate(delegate_ids, start=1):
            if expected_versions is not None and delegate_id in expected_versions:
                conflicts.check(SPECS["delegate"], delegate_id, expected_versions[delegate_id],
                                {"precedence": position})
        current = {d for (d,) in m.Delegate.select(m.Delegate.id).where(m.Delegate.visit == visit_id).tuples()}
        if set(delegate_ids) != current or len(delegate_ids) != len(current):
            raise ValidationError("delegate", [field_error(
                "precedence", "Precedence", "The new order must name every delegate of the visit exactly once.")])
        op.track(m.Delegate, delegate_ids)
        for position, delegate_id in enumerate(delegate_ids, start=1):
            m.Delegate.update(precedence=position, updated_by=op.user, updated_at=m.now(),
                              version=m.Delegate.version + 1).where(
                m.Delegate.id == delegate_id, m.Delegate.precedence != position).execute()
