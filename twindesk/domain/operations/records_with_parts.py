"""A new record with its parts, saved in one go (docs/architecture.md, "A record with its parts").

A new visit is typed with its partners, delegates, itinerary and gifts before it is first saved (a
partner with its partnerships and contacts, a shipment with its items). `save_with_parts` checks the
record and every part first, with the rules a form uses (`check_part`: the spec's validation, the
references, an itinerary day inside the visit's dates as typed, the rules across records), and names
every problem with its part, row and field; if one fails nothing is written. Then the record and all
its parts are written by `records.save` inside ONE operation of the door: one transaction, one history
operation, one undo step that takes the whole back, one change notice naming every kind touched.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from twindesk.domain.model import rules
from twindesk.domain.model.errors import FieldError, ValidationError, field_error
from twindesk.domain.model.messages import Both, Label, add_chinese, render
from twindesk.domain.model.specs import SPECS
from twindesk.domain.model.validation import validate
from twindesk.domain.operations import documents as document_files
from twindesk.domain.operations import records
from twindesk.domain.operations.door import operation
from twindesk.store import models as m

PARTNERS = "visit_partner"  # the part holding a visit's partners (ids, not rows)

# How a person names each part: the record form's tab titles.
PART_NAMES = {
    "delegate": Both("Delegation", "团组成员"),
    "itinerary_item": Both("Itinerary", "日程安排"),
    "gift": Both("Gifts", "礼品"),
    "shipment_item": Both("Items", "物资明细"),
    "partnership": Both("Partnerships", "友好关系"),
    "contact": Both("Contacts", "联系人"),
    "status_change": Both("Status history", "状态记录"),
    "agreement": Both("Agreements", "协议"),
    "partnership_approval": Both("Approvals", "审批"),
    "visit_approval": Both("Approval", "出访批件"),
    PARTNERS: Both("Partners", "友好伙伴"),
}

IN_ROW = "{part}, row {row}: {problem}"
TWIN_ROWS = ("{label}: row {first} already joins this partner and home locality at the tier “{tier}” and has "
             "not ended; end one of them or give this one another tier.")
add_chinese({
    IN_ROW: "{part}第 {row} 行：{problem}",
    TWIN_ROWS: "{label}：第 {first} 行已以“{tier}”级别连接该友好伙伴与本方地区且尚未终止；请终止其中之一，或为本行选择其他级别。",
})


def part_kinds(kind: str) -> list[str]:
    """The kinds of sub-record a record of `kind` holds (a visit: delegate, itinerary_item, gift)."""
    return [s.kind for s in SPECS.values() if s.parent and s.field(s.parent).ref == kind]


@dataclass(frozen=True)
class PartProblem:
    """One problem of one part: which part, which row (from 1, in the order entered), which field."""

    kind: str
    row: int
    error: FieldError

    @property
    def field(self) -> str:
        return self.error.field

    def text(self, lang: str = "en") -> str:
        return render(IN_ROW, {"part": PART_NAMES.get(self.kind, Both(self.kind, self.kind)), "row": self.row,
                               "problem": self.error}, lang)

    def __str__(self) -> str:
        return self.text("en")


class PartsInvalid(ValidationError):
    """The record or some of its parts are wrong; nothing was saved. `errors` are the record's own
    fields (shown next to them), `parts` every part's problems."""

    def __init__(self, record: str, errors: list[FieldError], parts: list[PartProblem]):
        self.parts = list(parts)
        super().__init__(record, errors)
        self.args = (self.text("en"),)

    def text(self, lang: str = "en") -> str:
        said = [e.text(lang) for e in self.errors] + [p.text(lang) for p in self.parts]
        return ("" if lang.startswith("zh") else " ").join(said)

    def __str__(self) -> str:
        return self.text("en")


def _dates_of(parent_kind: str, parent_values: Mapping) -> dict:
    """The parent's values as typed so far, cleaned where they can be (a date typed wrong counts as none)."""
    spec = SPECS[parent_kind]
    out = {}
    for f in spec.fields:
        if f.kind != "date" or f.name not in parent_values:
            continue
        try:
            out.update(validate(spec, {f.name: parent_values[f.name]}, partial=True))
        except ValidationError:
            out[f.name] = None
    return out


def check_part(parent_kind: str, parent_values: Mapping, kind: str, row: Mapping) -> dict:
    """Check one part of a record not yet saved, as its form would be checked on save; return its
    cleaned values (without the parent's field). Raises ValidationError naming the part's fields."""
    spec = SPECS[kind]
    values = {k: v for k, v in row.items() if k not in (spec.parent, "id")}
    # The parent does not exist yet: a stand-in passes its field, and the references check skips it.
    cleaned = validate(spec, {**values, spec.parent: 0})
    cleaned[spec.parent] = None
    errors = records._check_references(spec, cleaned)
    if kind == "itinerary_item" and not errors:
        visit = _dates_of(parent_kind, parent_values)
        errors += records.day_outside_visit(cleaned.get("day"), visit.get("start_on"), visit.get("end_on"))
    if not errors:
        errors += rules.check(kind, cleaned, None)
    if errors:
        raise ValidationError(spec.label, errors)
    del cleaned[spec.parent]
    return cleaned


def _live_twins(rows: Sequence[tuple[int, dict]]) -> list[PartProblem]:
    """Two live partnerships of the one new partner with the same home locality and tier."""
    first: dict[tuple, int] = {}
    problems = []
    for number, values in rows:
        key = rules.live_partnership_key(values)
        if key is None:
            continue
        holder = first.setdefault(key, number)
        if holder != number:
            problems.append(PartProblem("partnership", number, field_error(
                "tier", "Tier", TWIN_ROWS, label=Label("partnership", "tier", "Tier"), first=holder,
                tier=rules.tier_label(values))))
    return problems


def _check_partners(partner_ids: Sequence[int]) -> list[PartProblem]:
    problems = []
    for number, pid in enumerate(partner_ids, start=1):
        if not m.Partner.select().where(m.Partner.id == pid).exists():
            problems.append(PartProblem(PARTNERS, number, field_error(
                "partner", "Partner", "{label}: there is no {record} with ID {id}.",
                label=Both("Partners", "友好伙伴"), record=Both("partner", "友好伙伴"), id=pid)))
    return problems


def check_all(kind: str, values: Mapping, parts: Mapping[str, Sequence[Mapping]],
              partner_ids: Sequence[int] = ()) -> dict[str, list[dict]]:
    """Every problem of the record and its parts at once (PartsInvalid), else the parts cleaned."""
    spec = records.spec_for(kind)
    unknown = set(parts) - set(part_kinds(kind))
    if unknown or (partner_ids and kind != "visit"):
        raise KeyError(f"a {kind} holds no {', '.join(sorted(unknown)) or PARTNERS}")
    own: list[FieldError] = []
    parent = dict(values)
    try:
        parent = validate(spec, values)
        own = records._check_references(spec, parent) or rules.check(kind, parent, None)
    except ValidationError as exc:
        own = exc.errors
    problems: list[PartProblem] = []
    cleaned: dict[str, list[dict]] = {}
    for part, rows in parts.items():
        cleaned[part] = []
        for number, row in enumerate(rows, start=1):
            try:
                cleaned[part].append(check_part(kind, parent, part, row))
            except ValidationError as exc:
                problems += [PartProblem(part, number, e) for e in exc.errors]
    if "partnership" in cleaned and not any(p.kind == "partnership" for p in problems):
        problems += _live_twins(list(enumerate(cleaned["partnership"], start=1)))
    problems += _check_partners(partner_ids)
    if own or problems:
        raise PartsInvalid(spec.label, own, problems)
    return cleaned


def save_with_parts(kind: str, values: Mapping, parts: Mapping[str, Sequence[Mapping]] | None = None,
                    partner_ids: Sequence[int] | None = None, *, user: str = "",
                    documents: Sequence[Mapping] = ()) -> int:
    """Create a record of `kind` and its parts (part kind -> rows, in the order entered; a visit's
    partners by id) as one operation; return the record's id. Delegates take precedence 1, 2, 3 … in
    the order given; `documents` (each `{"file": (name, bytes), "title", "kind", "on", "note"}`) are
    attached in the same operation. Raises PartsInvalid (nothing written) naming every problem."""
    parts = dict(parts or {})
    partner_ids = list(partner_ids or [])
    with operation("save", kind=kind, user=user) as op:
        cleaned = check_all(kind, values, parts, partner_ids)
        record_id = records.save(kind, dict(values), user=user)
        for part, rows in cleaned.items():
            parent_field = SPECS[part].parent
            for position, row in enumerate(rows, start=1):
                if part == "delegate":
                    row = {**row, "precedence": position}
                records.save(part, {**row, parent_field: record_id}, user=user)
        if partner_ids:
            records.set_visit_partners(record_id, partner_ids, user=user)
        for doc in documents:
            document_files.attach(kind, record_id, [doc["file"]], title=doc.get("title", ""),
                                  kind=doc.get("kind", "other"), on=doc.get("on"), note=doc.get("note", ""),
                                  user=user)
        op.record_id = record_id  # the step is about the record, not its last part
    return record_id
