"""The demo data set (DESIGN §6): the article's facts, plus `--scale N` synthetic records for load tests.

`write_demo()` writes into the database the caller has opened (`twindesk.store.open_database`), in one
transaction, and refuses a database that already holds partners; `replace_with_demo()` (the command
line's `--force`) empties every table and writes the demo in one transaction, so a kill leaves the old
data or the whole demo, never an empty database.
"""

from dataclasses import asdict, dataclass

from twindesk.domain.demo import article, synthetic
from twindesk.store.errors import UserError
from twindesk.store.models import (
    Activity,
    Contact,
    Delegate,
    Gift,
    HomeLocality,
    ItineraryItem,
    Partner,
    Partnership,
    PartnershipStatusChange,
    Shipment,
    ShipmentItem,
    Visit,
    VisitPartner,
    database,
)

__all__ = ["DEFAULT_SEED", "DemoSummary", "clear_all", "replace_with_demo", "write_demo"]

DEFAULT_SEED = 20200506

# Field of DemoSummary -> model; children after their parents.
_TABLES = {
    "home_localities": HomeLocality,
    "partners": Partner,
    "partnerships": Partnership,
    "status_changes": PartnershipStatusChange,
    "contacts": Contact,
    "activities": Activity,
    "visits": Visit,
    "visit_partners": VisitPartner,
    "delegates": Delegate,
    "itinerary_items": ItineraryItem,
    "gifts": Gift,
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
    contacts: int = 0
    activities: int = 0
    visits: int = 0
    visit_partners: int = 0
    delegates: int = 0
    itinerary_items: int = 0
    gifts: int = 0
    shipments: int = 0
    shipment_items: int = 0

    @property
    def total(self) -> int:
        return sum(asdict(self).values())

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _counts() -> dict[str, int]:
    conn = database.connection()
    return {
        field: conn.execute(f'SELECT count(*) FROM "{model._meta.table_name}"').fetchone()[0]
        for field, model in _TABLES.items()
    }


def write_demo(scale: int = 0, seed: int = DEFAULT_SEED) -> DemoSummary:
    """Write the article's demo data set, plus `scale` synthetic records per list, in one transaction.

    Raises UserError if the database already holds partners (empty it first with `clear_all()`).
    """
    if scale < 0:
        raise UserError(f"--scale must be 0 or more, not {scale}")
    with database.atomic():
        if Partner.select().exists():
            raise UserError(
                "The database already holds partners; the demo data set is only written into an empty "
                "database. Use --force to empty it first, or choose another file with --db."
            )
        before = _counts()
        article.write_article()
        if scale:
            synthetic.add_synthetic(scale, seed)
        after = _counts()
    return DemoSummary(**{field: after[field] - before[field] for field in _TABLES})


def clear_all() -> None:
    """Delete every row of every table, children first, in one transaction."""
    with database.atomic():
        for model in reversed(_TABLES.values()):
            model.delete().execute()


def replace_with_demo(scale: int = 0, seed: int = DEFAULT_SEED) -> DemoSummary:
    """Empty the database and write the demo data set, in ONE transaction: old data or new, never empty."""
    if scale < 0:
        raise UserError(f"--scale must be 0 or more, not {scale}")
    with database.atomic():
        clear_all()  # nested: a savepoint, committed only with the demo
        return write_demo(scale, seed)
