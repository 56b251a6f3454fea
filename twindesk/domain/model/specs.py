"""What every record holds: its fields, which are required, and the rules across fields.

One declaration serves validation, the forms, the workbook columns and the import.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from twindesk.domain.model import labels
from twindesk.domain.model import vocabulary as v
from twindesk.domain.model.errors import FieldError, field_error
from twindesk.domain.model.fields import Field
from twindesk.domain.model.messages import Both, Label
from twindesk.store import models as m

Rule = Callable[[dict, "RecordSpec"], list[FieldError]]


@dataclass(frozen=True)
class RecordSpec:
    kind: str  # "partner", "visit", …
    label: str  # "partner", "visit", … as a sentence says it
    model: type
    fields: tuple[Field, ...]
    rules: tuple[Rule, ...] = ()
    # Values a record derives from its others when left empty (an agreement's expiry from its term),
    # applied by `validation.validate` before the rules: cleaned values -> the values to add.
    completions: tuple[Callable[[dict], dict], ...] = ()
    parent: str | None = None  # the field that ties a sub-record to its owner, e.g. "visit"
    by_name: dict = field(default_factory=dict, compare=False)

    def __post_init__(self):
        self.by_name.update({f.name: f for f in self.fields})

    def field(self, name: str) -> Field:
        return self.by_name[name]

    def field_label(self, name: str, lang: str = "en") -> str:
        """The field's label in `lang` (English or Chinese), for workbooks and briefing packs."""
        return labels.field_label(self.kind, name, self.by_name[name].label, lang)

    def record_label(self, lang: str = "en") -> str:
        return labels.record_label(self.label, lang)

    def record_words(self) -> Both:
        """The record's name in both languages, for a message said in either ("partner" / "友好伙伴")."""
        return Both(self.label, self.record_label("zh_CN"))


def _error(spec: RecordSpec, name: str, template: str, **params) -> FieldError:
    return field_error(name, spec.field(name).label, template, **params)


def _label(spec: RecordSpec, name: str, lower: bool = False) -> Label:
    return Label(spec.kind, name, spec.field(name).label, lower)


def not_before(later: str, earlier: str) -> Rule:
    """`later` must not come before `earlier` when both are given."""

    def rule(values: dict, spec: RecordSpec) -> list[FieldError]:
        a, b = values.get(earlier), values.get(later)
        if a is not None and b is not None and b < a:
            return [_error(spec, later, "{later} ({later_value}) is before {earlier} ({earlier_value}).",
                           later=_label(spec, later), later_value=b, earlier=_label(spec, earlier, lower=True),
                           earlier_value=a)]
        return []

    rule.fields = (later, earlier)
    rule.not_before = (later, earlier)  # the form's calendar for `later` opens on `earlier`
    return rule


def one_of_required(*names: str) -> Rule:
    def rule(values: dict, spec: RecordSpec) -> list[FieldError]:
        for n in names:  # a loop, not any(): this runs for every row of an import
            if values.get(n):
                return []
        # Labels as they are: lower-casing would write "chinese name", "english name".
        either = Both(" or ".join(spec.field(n).label for n in names),
                      "或".join(spec.field_label(n, "zh_CN") for n in names))
        return [_error(spec, names[0], "Give at least one: {labels}.", labels=either)]

    rule.fields = names
    return rule


def date_for_status(status_field: str, statuses: dict[str, str]) -> Rule:
    """A status that says something happened needs the date it happened (status → date field)."""

    def rule(values: dict, spec: RecordSpec) -> list[FieldError]:
        status = values.get(status_field)
        date_field = statuses.get(status)
        if date_field and values.get(date_field) is None:
            term = spec.field(status_field).vocabulary.get(status)
            return [_error(spec, date_field, "{label} is required when the status is “{status}”.",
                           label=_label(spec, date_field), status=Both(term.en, term.zh))]
        return []

    rule.fields = (status_field, *statuses.values())
    return rule


def dated_when_signed(values: dict, spec: RecordSpec) -> list[FieldError]:
    """A signed partnership says when: its signing date, or at least the year it was established."""
    status = values.get("status")
    if status not in v.SIGNED_STATUSES or values.get("signed_on") or values.get("established_year"):
        return []
    term = v.PARTNERSHIP_STATUSES.get(status)
    return [_error(spec, "signed_on", "{date} or {year} is required when the status is “{status}”.",
                   date=_label(spec, "signed_on"), year=_label(spec, "established_year", lower=True),
                   status=Both(term.en, term.zh))]


dated_when_signed.fields = ("status", "signed_on", "established_year")


def not_self_parent(values: dict, spec: RecordSpec) -> list[FieldError]:
    if values.get("id") is not None and values.get("parent") == values.get("id"):
        return [_error(spec, "parent", "A partner cannot be its own parent region.")]
    return []


not_self_parent.fields = ("parent",)


F = Field

HOME_LOCALITY = RecordSpec("home_locality", "home locality", m.HomeLocality, (
    F("name_zh", "Chinese name", required=True),
    F("name_en", "English name"),
    F("kind", "Kind", "code", required=True, vocabulary=v.LOCALITY_KINDS, default="city"),
    F("sort_order", "Order", "int", default=0),
    F("notes", "Notes", "longtext"),
))

PARTNER = RecordSpec("partner", "partner", m.Partner, (
    F("name_zh", "Chinese name"),
    F("name_en", "English name"),
    F("name_native", "Native name"),
    F("kind", "Kind", "code", required=True, vocabulary=v.PARTNER_KINDS, default="city"),
    F("country", "Country", "country", required=True),
    F("parent", "Parent region", "ref", ref="partner"),
    F("population", "Population", "int", minimum=0),
    F("area_km2", "Area (km²)", "float", positive=True),
    F("website", "Website", "url"),
    F("latitude", "Latitude", "float", minimum=-90, maximum=90),
    F("longitude", "Longitude", "float", minimum=-180, maximum=180),
    F("profile", "Profile", "longtext"),
    F("notes", "Notes", "longtext"),
), rules=(one_of_required("name_zh", "name_en", "name_native"), not_self_parent))

PARTNERSHIP = RecordSpec("partnership", "partnership", m.Partnership, (
    F("partner", "Partner", "ref", required=True, ref="partner"),
    F("home_locality", "Home locality", "ref", required=True, ref="home_locality"),
    F("tier", "Tier", "code", required=True, vocabulary=v.TIERS, default="sister"),
    F("status", "Status", "code", required=True, vocabulary=v.PARTNERSHIP_STATUSES, default="prospect"),
    F("status_since", "Status since", "date"),
    F("signed_on", "Signing date", "date"),
    F("established_year", "Established (year)", "year", minimum=1900, maximum=2100),
    F("notes", "Notes", "longtext"),
), rules=(dated_when_signed,), parent="partner")


def add_years(day, years: int):
    """`day` `years` years on; 29 February becomes 28 February in a year without it."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def expiry_from_term(values: dict) -> dict:
    """An agreement signed for a term expires that many years after its signing, unless its expiry is
    given (an amendment may end it earlier): docs/architecture.md, "Agreements and approvals"."""
    signed, term = values.get("signed_on"), values.get("term_years")
    if values.get("expires_on") is None and signed is not None and term:
        return {"expires_on": add_years(signed, term)}
    return {}


AGREEMENT = RecordSpec("agreement", "agreement", m.Agreement, (
    F("partnership", "Partnership", "ref", required=True, ref="partnership"),
    F("kind", "Kind", "code", required=True, vocabulary=v.AGREEMENT_KINDS, default="friendship"),
    F("title", "Title"),
    F("signed_on", "Signing date", "date"),
    F("signed_place", "Signing place"),
    F("signatories_home", "Signatories (our side)", "longtext"),
    F("signatories_partner", "Signatories (partner side)", "longtext"),
    F("term_years", "Term (years)", "int", minimum=1, maximum=100),
    F("expires_on", "Expiry date", "date"),
    F("notes", "Notes", "longtext"),
), rules=(not_before("expires_on", "signed_on"),), parent="partnership", completions=(expiry_from_term,))

PARTNERSHIP_APPROVAL = RecordSpec("partnership_approval", "approval stage", m.PartnershipApproval, (
    F("partnership", "Partnership", "ref", required=True, ref="partnership"),
    F("stage", "Stage", "code", required=True, vocabulary=v.APPROVAL_STAGES, default="local"),
    F("authority", "Approving authority"),
    F("document_number", "Document number"),
    F("decided_on", "Date", "date"),
    F("outcome", "Outcome", "code", required=True, vocabulary=v.APPROVAL_OUTCOMES, default="pending"),
    F("notes", "Notes", "longtext"),
), rules=(date_for_status("outcome", {"approved": "decided_on", "refused": "decided_on"}),),
    parent="partnership")

STATUS_CHANGE = RecordSpec("status_change", "status change", m.PartnershipStatusChange, (
    F("partnership", "Partnership", "ref", required=True, ref="partnership"),
    F("status", "Status", "code", required=True, vocabulary=v.PARTNERSHIP_STATUSES),
    F("changed_on", "Date of change", "date", required=True),
    F("note", "Note", "longtext"),
), parent="partnership")

CONTACT = RecordSpec("contact", "contact", m.Contact, (
    F("partner", "Partner", "ref", required=True, ref="partner"),
    F("honorific", "Honorific"),
    F("family_name", "Family name"),
    F("given_name", "Given name"),
    F("family_name_first", "Family name first", "bool", default=False),
    F("title", "Title"),
    F("organization", "Organization"),
    F("languages", "Languages"),
    F("email", "Email", "email"),
    F("phone", "Phone"),
    F("notes", "Notes", "longtext"),
), rules=(one_of_required("family_name", "given_name"),), parent="partner")

ACTIVITY = RecordSpec("activity", "activity", m.Activity, (
    F("partner", "Partner", "ref", ref="partner"),
    F("kind", "Kind", "code", required=True, vocabulary=v.ACTIVITY_KINDS, default="meeting"),
    F("title", "Title", required=True),
    F("held_on", "Date", "date", required=True),
    F("place", "Place"),
    F("participants", "Participants", "longtext"),
    F("outcome", "Outcome", "longtext"),
    F("follow_up_on", "Follow-up date", "date"),
    F("notes", "Notes", "longtext"),
), rules=(not_before("follow_up_on", "held_on"),))

VISIT = RecordSpec("visit", "visit", m.Visit, (
    F("direction", "Direction", "code", required=True, vocabulary=v.VISIT_DIRECTIONS, default="outbound"),
    F("title", "Title", required=True),
    F("purpose", "Purpose", "longtext"),
    F("status", "Status", "code", required=True, vocabulary=v.VISIT_STATUSES, default="proposed"),
    F("start_on", "Start date", "date"),
    F("end_on", "End date", "date"),
    F("home_locality", "Home locality", "ref", ref="home_locality"),
    F("leader", "Leader"),
    F("budget", "Budget", "decimal", minimum=0, digits=14, places=2),
    F("budget_currency", "Budget currency", "currency", default="CNY"),
    F("outcomes", "Outcomes", "longtext"),
    F("follow_ups", "Follow-ups", "longtext"),
    F("notes", "Notes", "longtext"),
), rules=(
    not_before("end_on", "start_on"),
    date_for_status("status", {"confirmed": "start_on", "completed": "start_on"}),
))

DELEGATE = RecordSpec("delegate", "delegate", m.Delegate, (
    F("visit", "Visit", "ref", required=True, ref="visit"),
    F("name", "Name", required=True),
    F("title", "Title"),
    F("organization", "Organization"),
    F("role", "Role"),
    F("precedence", "Precedence", "int", minimum=0, default=0),
    F("counterpart", "Counterpart"),
    F("notes", "Notes", "longtext"),
), parent="visit")

ITINERARY_ITEM = RecordSpec("itinerary_item", "itinerary item", m.ItineraryItem, (
    F("visit", "Visit", "ref", required=True, ref="visit"),
    F("day", "Day", "date", required=True),
    F("start_time", "Start time", "time"),
    F("end_time", "End time", "time"),
    F("place", "Place"),
    F("activity", "Activity", required=True),
    F("counterpart", "Counterpart"),
    F("notes", "Notes", "longtext"),
), rules=(not_before("end_time", "start_time"),), parent="visit")

GIFT = RecordSpec("gift", "gift", m.Gift, (
    F("visit", "Visit", "ref", required=True, ref="visit"),
    F("direction", "Given or received", "code", required=True, vocabulary=v.GIFT_DIRECTIONS, default="given"),
    F("description", "Description", required=True),
    F("value", "Value", "decimal", positive=True, digits=14, places=2),
    F("currency", "Currency", "currency", default="CNY"),
    F("giver", "From"),
    F("recipient", "To"),
    F("notes", "Notes", "longtext"),
), parent="visit")

VISIT_APPROVAL = RecordSpec("visit_approval", "visit approval", m.VisitApproval, (
    F("visit", "Visit", "ref", required=True, ref="visit"),
    F("authority", "Approving authority", required=True),
    F("document_number", "Document number"),
    F("approved_on", "Date", "date"),
    F("delegation_size", "Approved delegation size", "int", minimum=1),
    F("countries", "Approved countries", "countries"),
    F("days", "Approved days", "int", minimum=1),
    F("window_from", "Approved from", "date"),
    F("window_to", "Approved until", "date"),
    F("conditions", "Conditions", "longtext"),
    F("notes", "Notes", "longtext"),
), rules=(not_before("window_to", "window_from"),), parent="visit")

SHIPMENT = RecordSpec("shipment", "shipment", m.Shipment, (
    F("direction", "Direction", "code", required=True, vocabulary=v.SHIPMENT_DIRECTIONS, default="outgoing"),
    F("partner", "Partner", "ref", ref="partner"),
    F("counterparty", "Donor / recipient (other)"),
    F("title", "Title", required=True),
    F("occasion", "Occasion"),
    F("kind", "Kind", "code", required=True, vocabulary=v.SHIPMENT_KINDS, default="goods"),
    F("status", "Status", "code", required=True, vocabulary=v.SHIPMENT_STATUSES, default="planned"),
    F("planned_on", "Planned date", "date"),
    F("dispatched_on", "Dispatch date", "date"),
    F("expected_on", "Expected arrival", "date"),
    F("delivered_on", "Delivery date", "date"),
    F("transport_mode", "Transport"),
    F("carrier", "Carrier"),
    F("tracking_ref", "Tracking / waybill"),
    F("recipients", "Recipients", "longtext"),
    F("home_locality", "Home locality", "ref", ref="home_locality"),
    F("notes", "Notes", "longtext"),
), rules=(
    one_of_required("partner", "counterparty"),
    not_before("delivered_on", "dispatched_on"),
    not_before("expected_on", "dispatched_on"),
    date_for_status("status", {
        "dispatched": "dispatched_on", "in_transit": "dispatched_on", "delivered": "delivered_on",
    }),
))

SHIPMENT_ITEM = RecordSpec("shipment_item", "shipment item", m.ShipmentItem, (
    F("shipment", "Shipment", "ref", required=True, ref="shipment"),
    F("description", "Description", required=True),
    F("category", "Category", "code", required=True, vocabulary=v.ITEM_CATEGORIES, default="other"),
    F("quantity", "Quantity", "decimal", positive=True, digits=16, places=3),
    F("unit", "Unit"),
    F("value", "Value", "decimal", positive=True, digits=16, places=2),
    F("currency", "Currency", "currency", default="CNY"),
    F("notes", "Notes", "longtext"),
), parent="shipment")

SPECS: dict[str, RecordSpec] = {s.kind: s for s in (
    HOME_LOCALITY, PARTNER, PARTNERSHIP, STATUS_CHANGE, AGREEMENT, PARTNERSHIP_APPROVAL, CONTACT, ACTIVITY,
    VISIT, DELEGATE, ITINERARY_ITEM, GIFT, VISIT_APPROVAL, SHIPMENT, SHIPMENT_ITEM,
)}

# Every stored record's kind by its model, including the link rows that are not records of their own.
_KINDS = {spec.model: spec.kind for spec in SPECS.values()} | {m.VisitPartner: "visit_partner",
                                                           m.Document: "document"}
_MODELS = {kind: model for model, kind in _KINDS.items()}


def model_kind(model) -> str:
    return _KINDS[model]


def kind_model(kind: str):
    try:
        return _MODELS[kind]
    except KeyError:
        raise KeyError(f"unknown record kind {kind!r}") from None
