"""Everything the dashboard shows, read in one go so the window can read it off the GUI thread."""

from dataclasses import dataclass
from datetime import date

from twindesk.domain.queries import insights


@dataclass(frozen=True)
class Overview:
    today: date
    quiet_after_days: int
    upcoming_visits: list[dict]
    shipments_in_transit: list[dict]
    anniversaries: list[insights.Anniversary]
    renewals_due: list[dict]
    quiet_relationships: list[dict]
    aid_shipment_counts: list[dict]
    aid_totals: list[dict]
    partners_by_country: dict[str, int]
    status_counts: dict[str, dict[str, int]]


def load_overview(today: date, *, quiet_after_days: int, upcoming_days: int, top_countries: int) -> Overview:
    year = today.year
    return Overview(
        today=today,
        quiet_after_days=quiet_after_days,
        upcoming_visits=insights.upcoming_visits(today, upcoming_days),
        shipments_in_transit=insights.shipments_in_transit(),
        anniversaries=insights.anniversaries(year),
        renewals_due=insights.renewals_due(date(year, 1, 1), date(year, 12, 31)),
        quiet_relationships=insights.quiet_relationships(today, quiet_after_days),
        aid_shipment_counts=insights.aid_shipment_counts(),
        aid_totals=insights.aid_totals(("year", "direction")),
        partners_by_country=insights.partner_counts_by_country(top_countries),
        status_counts=insights.status_counts(),
    )
