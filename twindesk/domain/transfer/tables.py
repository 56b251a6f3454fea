"""The tables a workbook carries, in the order an import must apply them (parents before children).

Every record kind has its spec in `specs.SPECS`; the visit↔partner link has none there (the window edits
it as part of a visit), so it is declared here for the workbook's own sheet.
"""

from twindesk.domain.model.fields import Field
from twindesk.domain.model.specs import SPECS, RecordSpec
from twindesk.store import models as m

VISIT_PARTNER = RecordSpec("visit_partner", "visit partner", m.VisitPartner, (
    Field("visit", "Visit", "ref", required=True, ref="visit"),
    Field("partner", "Partner", "ref", required=True, ref="partner"),
), parent="visit")

# Parents before children, so that references point backwards where they can.
KINDS = (
    "home_locality", "partner", "partnership", "status_change", "contact", "activity",
    "visit", "visit_partner", "delegate", "itinerary_item", "gift", "shipment", "shipment_item",
)


def spec_of(kind: str) -> RecordSpec:
    return VISIT_PARTNER if kind == "visit_partner" else SPECS[kind]


def column_of(spec: RecordSpec, name: str) -> str:
    """The database column of field `name` (a reference is stored as `<name>_id`)."""
    return getattr(spec.model, name).column_name
