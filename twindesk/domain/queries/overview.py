"""Everything the dashboard shows, read in one go so the window can read it off the GUI thread.

The cards look ahead over a window of twelve months from today (not the calendar year: in December
"this year" is nearly over), and flag what is overdue: shipments in transit past their expected date,
reviews past due, follow-ups whose date has passed. Each card's list is read in SQL with its first
`CARD_ROWS` rows and, by a window function in the same statement, how many there are in all and how
many of them are overdue: at 100,000 records per list Python never touches the rest.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import peewee as pw
from peewee import fn

from twindesk.domain.queries import agreements, approvals, insights
from twindesk.store import models as m

CARD_ROWS = 200  # what a card lists; the rest are counted ("… and 1,234 more")
UPCOMING_DAYS = 90
FOLLOW_UP_AHEAD_DAYS = 30  # follow-ups due in the coming month are listed …
FOLLOW_UP_LOOKBACK_DAYS = 90  # … and overdue ones for this long (activities have no "done" flag)
# The record kinds the overview reads: a change notice about any of them refreshes the dashboard.
KINDS_READ = frozenset({"partner", "partnership", "home_locality", "visit", "visit_partner", "shipment",
                        "shipment_item", "activity", "agreement", "partnership_approval", "visit_approval"})


@dataclass(frozen=True)
class Rows:
    """A card's list: its first rows, how many there are in all, and how many of them are overdue."""

    rows: list = field(default_factory=list)
    total: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class Overview:
    today: date
    until: date  # the last day of the twelve months ahead
    quiet_after_days: int
    upcoming_visits: Rows
    shipments_in_transit: Rows
    anniversaries: Rows  # of insights.Anniversary
    reviews: Rows
    follow_ups: Rows
    quiet_relationships: Rows
    aid_shipment_counts: list[dict]
    aid_values: list[dict]
    partners_by_country: dict[str, int]
    status_counts: dict[str, dict[str, int]]
    # partnerships waiting on an approval stage (rows with `stage`), and trips lacking their approval
    approvals_pending: Rows = field(default_factory=Rows)
    trips_lacking_approval: Rows = field(default_factory=Rows)


def twelve_months_from(today: date) -> date:
    """The last day of the twelve months starting today: 1 Dec 2026 → 30 Nov 2027."""
    try:
        return today.replace(year=today.year + 1) - timedelta(days=1)
    except ValueError:  # 29 February: to 28 February next year
        return date(today.year + 1, 2, 28)


def _counted(query: pw.Select, limit: int, overdue: pw.Node | None = None) -> Rows:
    """The first `limit` rows of `query` as dicts, with the total (and the overdue count) from window
    functions in the same statement."""
    total = fn.COUNT(pw.SQL("*")).over().alias("_total")
    extra = [total]
    if overdue is not None:
        extra.append(fn.SUM(pw.Case(None, [(overdue, 1)], 0)).over().alias("_overdue"))
    rows = list(query.select_extend(*extra).limit(limit).dicts())
    if not rows:
        return Rows()
    first = rows[0]
    counts = first["_total"], first.get("_overdue") or 0
    for row in rows:
        del row["_total"]
        row.pop("_overdue", None)
    return Rows(rows, *counts)


def upcoming_visits(today: date, days: int = UPCOMING_DAYS, limit: int = CARD_ROWS) -> Rows:
    return _counted(insights.upcoming_visits_query(today, days), limit)


def shipments_in_transit(today: date, limit: int = CARD_ROWS) -> Rows:
    """Shipments on their way, soonest expected first: the overdue (expected before today) lead."""
    s = m.Shipment
    late = s.expected_on < today
    query = insights.shipments_in_transit_query().select_extend(late.alias("overdue"))
    found = _counted(query, limit, late)
    for row in found.rows:
        row["overdue"] = bool(row["overdue"])
    return found


def reviews(today: date, until: date, limit: int = CARD_ROWS) -> Rows:
    """Reviews and renewals of live partnerships due up to `until`, the past-due first (soonest first)."""
    ps, p, loc = m.Partnership, m.Partner, m.HomeLocality
    renewal = agreements.renewal_on()  # the latest expiry of its agreements
    late = renewal < today.isoformat()
    query = (ps.select(ps.id, ps.partner.alias("partner_id"), p.name_zh.alias("partner_zh"),
                       p.name_en.alias("partner_en"), loc.name_zh.alias("locality_zh"), ps.tier, ps.status,
                       renewal.alias("next_review_on"), late.alias("overdue"))
             .join(p).switch(ps).join(loc)
             .where(renewal <= until.isoformat(), ps.status != "ended")
             .order_by(renewal, ps.id))
    found = _counted(query, limit, late)
    for row in found.rows:
        row["overdue"] = bool(row["overdue"])
    return found


def follow_ups(today: date, limit: int = CARD_ROWS, *, ahead_days: int = FOLLOW_UP_AHEAD_DAYS,
               lookback_days: int = FOLLOW_UP_LOOKBACK_DAYS) -> Rows:
    """Activities whose follow-up falls in the coming `ahead_days` or passed in the last `lookback_days`
    (overdue), soonest first."""
    a, p = m.Activity, m.Partner.alias("fp")
    late = a.follow_up_on < today
    query = (a.select(a.id, a.title, a.kind, a.held_on, a.follow_up_on, a.partner,
                      p.name_zh.alias("partner_zh"), p.name_en.alias("partner_en"),
                      p.name_native.alias("partner_native"), late.alias("overdue"))
             .join(p, pw.JOIN.LEFT_OUTER, on=(a.partner == p.id))
             .where(a.follow_up_on.between(today - timedelta(days=lookback_days), today + timedelta(days=ahead_days)))
             .order_by(a.follow_up_on, a.id))
    found = _counted(query, limit, late)
    for row in found.rows:
        row["overdue"] = bool(row["overdue"])
    return found


def load_overview(today: date, *, quiet_after_days: int, upcoming_days: int = UPCOMING_DAYS,
                  top_countries: int = 10, limit: int = CARD_ROWS,
                  on_part: Callable[[str, object], None] | None = None) -> Overview:
    """Every card's data. `on_part(name, value)` hears each part as soon as it is read (the window fills
    that card at once), the quick ones first; `name` is the Overview field."""
    until = twelve_months_from(today)
    readers: list[tuple[str, Callable[[], object]]] = [
        ("upcoming_visits", lambda: upcoming_visits(today, upcoming_days, limit)),
        ("shipments_in_transit", lambda: shipments_in_transit(today, limit)),
        ("reviews", lambda: reviews(today, until, limit)),
        ("follow_ups", lambda: follow_ups(today, limit)),
        ("anniversaries", lambda: Rows(*insights.anniversaries_between(today, until, limit))),
        ("partners_by_country", lambda: insights.partner_counts_by_country(top_countries)),
        ("status_counts", insights.status_counts),
        ("quiet_relationships", lambda: Rows(*insights.quiet_partners(today, quiet_after_days, limit))),
        ("aid_shipment_counts", insights.aid_shipment_counts),
        ("aid_values", insights.aid_values),
        ("approvals_pending", lambda: Rows(*approvals.pending_partnerships(limit))),
        ("trips_lacking_approval", lambda: Rows(*approvals.trips_lacking_approval(today, limit))),
    ]
    parts: dict[str, object] = {}
    for name, read in readers:
        parts[name] = read()
        if on_part is not None:
            on_part(name, parts[name])
    return Overview(today=today, until=until, quiet_after_days=quiet_after_days, **parts)
