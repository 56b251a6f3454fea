"""The demo data set (docs/architecture.md, "The demo data"): the article's facts, the illustrative
detail around them (tagged `illustrative`, some of it dated from today so the dashboard shows the coming
months), plus `--scale N` synthetic records for load tests (tagged too).

`write_demo()` writes into the database the caller has opened (`domain.workspace`), as one operation
(docs/architecture.md, "The one door"), and refuses a database that already holds partners unless
`replace` (the command line's `--force`): then the old rows go in the same transaction, so a crash
leaves the old data or the whole demo, never an empty database.
"""

from dataclasses import asdict, dataclass
from datetime import date

from twindesk.domain.demo import article, illustrative, synthetic
from twindesk.domain.operations.door import operation
from twindesk.store import dialect
from twindesk.store.errors import UserError
from twindesk.store.models import (
    Activity,
    Agreement,
    Contact,
    Delegate,
    Gift,
    HomeLocality,
    ItineraryItem,
    Partner,
    Partnership,
    PartnershipApproval,
    PartnershipStatusChange,
    Shipment,
    ShipmentItem,
    Visit,
    VisitApproval,
    VisitPartner,
)

__all__ = ["DEFAULT_SEED", "DemoSummary", "write_demo"]

DEFAULT_SEED = 20200506

# Field of DemoSummary -> model; children after their parents.
_TABLES = {
    "home_localities": HomeLocality,
    "partners": Partner,
    "partnerships": Partnership,
    "status_changes": PartnershipStatusChange,
    "agreements": Agreement,
    "partnership_approvals": PartnershipApproval,
    "contacts": Contact,
    "activities": Activity,
    "visits": Visit,
    "visit_partners": VisitPartner,
    "delegates": Delegate,
    "itinerary_items": ItineraryItem,
    "gifts": Gift,
    "visit_approvals": VisitApproval,
    "shipments": Shipment,
    "shipment_items": ShipmentItem,
}


@dataclass(frozen=True)
class DemoSummary:
    """Rows written per table by one `write_demo` call."""

    home_localities: int = 0
    partners: int = 0
    partnerships: int = 0
    status_changes: int = 0
    agreements: int = 0
    partnership_approvals: int = 0
    contacts: int = 0
    activities: int = 0
    visits: int = 0
    visit_partners: int = 0
    delegates: int = 0
    itinerary_items: int = 0
    gifts: int = 0
    visit_approvals: int = 0
    shipments: int = 0
    shipment_items: int = 0

    @property
    def total(self) -> int:
        return sum(asdict(self).values())

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _counts() -> dict[str, int]:
    return {
        field: dialect.execute(f'SELECT count(*) FROM "{model._meta.table_name}"').fetchone()[0]
        for field, model in _TABLES.items()
    }


def write_demo(scale: int = 0, seed: int = DEFAULT_SEED, *, replace: bool = False,
               today: date | None = None) -> DemoSummary:
    """Write the article's demo data set, plus `scale` synthetic records per list, in one operation.

    The illustrative records of the coming months, and the synthetic ones, are dated from `today`
    (default: the calendar's); the article's facts never move.

    Raises UserError if the database already holds partners and `replace` is not given. The history
    keeps one line for the demo, not one per row: its rows are the demo's, and it clears Undo.
    """
    if scale < 0:
        raise UserError(f"--scale must be 0 or more, not {scale}")
    with operation("demo", summary="demo data set (scale {scale})", summary_params={"scale": scale},
                   everything=True, undoable=False):
        if replace:
            _clear_all()
        elif Partner.select().exists():
            raise UserError(
                "The database already holds partners; the demo data set is only written into an empty "
                "database. Use --force to empty it first, or choose another file with --db."
            )
        before = _counts()
        today = today or date.today()
        illustrative.write_illustrative(article.write_article(), today)
        if scale:
            synthetic.add_synthetic(scale, seed, today=today)
        after = _counts()
    return DemoSummary(**{field: after[field] - before[field] for field in _TABLES})


def _clear_all() -> None:
    """Delete every row of every table, children first (inside the demo's operation), documents too."""
    from twindesk.store.models import Document, DocumentBlob

    Document.delete().execute()
    DocumentBlob.delete().execute()
    for model in reversed(_TABLES.values()):
        model.delete().execute()
