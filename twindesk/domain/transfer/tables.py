"""The tables a workbook carries, in the order an import must apply them (parents before children).

Every record kind has its spec in `specs.SPECS`; the visit↔partner link has none there (the window edits
it as part of a visit), so it is declared here for the workbook's own sheet. So is the demo's tag, which
every table has and no spec lists (no form edits it).
"""

from twindesk.domain.model.errors import FieldError, field_error
from twindesk.domain.model.fields import Field, parse_bool
from twindesk.domain.model.messages import Both
from twindesk.domain.model.specs import SPECS, RecordSpec
from twindesk.store import models as m

VISIT_PARTNER = RecordSpec("visit_partner", "visit partner", m.VisitPartner, (
    Field("visit", "Visit", "ref", required=True, ref="visit"),
    Field("partner", "Partner", "ref", required=True, ref="partner"),
), parent="visit")

# Parents before children, so that references point backwards where they can.
KINDS = (
    "home_locality", "partner", "partnership", "status_change", "agreement", "partnership_approval", "contact",
    "activity", "visit", "visit_partner", "delegate", "itinerary_item", "gift", "visit_approval", "shipment",
    "shipment_item",
)


def spec_of(kind: str) -> RecordSpec:
    return VISIT_PARTNER if kind == "visit_partner" else SPECS[kind]


def column_of(spec: RecordSpec, name: str) -> str:
    """The database column of field `name` (a reference is stored as `<name>_id`)."""
    return getattr(spec.model, name).column_name


# The demo's tag for what its article does not give (store/models.py, `illustrative`): a workbook
# carries it so that a round trip keeps it.
TAG = "illustrative"
TAG_WORDS = Both("Illustrative", "示意")


def row_tag(values: dict, stored: bool) -> tuple[bool, FieldError | None]:
    """Take the tag's cell out of a row's `values` (the spec's fields stay): (the tag, a problem or None).

    The cell says yes or no, a blank cell no; a sheet without the column (typed by staff) keeps `stored`,
    which is False for a new record."""
    if TAG not in values:
        return stored, None
    raw = values.pop(TAG)
    try:
        return parse_bool(raw), None
    except ValueError as exc:
        return stored, field_error(TAG, TAG_WORDS.en, "{label} “{value}” {problem}.", label=TAG_WORDS,
                                   value=raw, problem=exc)
