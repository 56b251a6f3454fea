"""Facts derived from the records, never stored: anniversaries, renewals due, relationship health,
aid totals and counts. Each is one SQL query returning plain rows for the dashboard, the workbook's
summary and the briefing packs.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import peewee as pw
from peewee import fn

from twindesk.domain.model.fields import parse_date
from twindesk.domain.queries import agreements
from twindesk.store import dialect
from twindesk.store import models as m

LIVE_STATUSES = ("active", "dormant")  # relations that exist, whether or not they are busy
QUIET_AFTER_DAYS = 365


@dataclass(frozen=True)
class Anniversary:
    partnership_id: int
    partner_id: int
    partner_zh: str
    partner_en: str
    locality_zh: str
    established_year: int
    years: int
    on: date | None  # the signing day in that year, when the signing date is known

    @property
    def round_decade(self) -> bool:
        """Chinese practice marks round decades (10th, 20th, 30th …) above the 5th, 15th …"""
        return self.years % 10 == 0

    @property
    def year(self) -> int:
        return self.established_year + self.years


ANNIVERSARY_EVERY = 5  # years; round decades are marked above the rest (Anniversary.round_decade)


def _founding_year():
    """`founding_year` in SQL."""
    ps = m.Partnership
    return fn.COALESCE(ps.established_year, dialect.year_of(ps.signed_on))


def founding_year(established_year: int | None, signed_on: date | None) -> int | None:
    """The year a partnership counts its anniversaries from: as recorded, else the year it was signed."""
    return established_year or (signed_on.year if signed_on else None)


def anniversary_day(signed_on: date | None, founded: int, year: int) -> date | None:
    """The day of the anniversary in `year`: the signing day, when the signing is the founding."""
    if not signed_on or signed_on.year != founded:
        return None
    try:
        return signed_on.replace(year=year)
    except ValueError:  # 29 February
        return date(year, 2, 28)


def anniversaries(year: int) -> list[Anniversary]:
    """Partnerships turning 5, 10, 15 … years old in `year`, oldest first."""
    ps, p, loc = m.Partnership, m.Partner, m.HomeLocality
    founded = _founding_year()
    query = (ps.select(ps.id, ps.partner, p.name_zh, p.name_en, loc.name_zh.alias("loc"), founded.alias("founded"),
                       ps.signed_on)
             .join(p).switch(ps).join(loc)
             .where(ps.status.in_(LIVE_STATUSES), founded.is_null(False), founded < year,
                    # every 5th year: age - age/5*5 is age mod 5 for integers (peewee's % means LIKE)
                    (year - founded) - (year - founded) / ANNIVERSARY_EVERY * ANNIVERSARY_EVERY == 0)
             .order_by(founded, ps.id))
    out = []
    for pid, partner_id, zh, en, loc_zh, founded_year, signed_on in query.tuples():
        out.append(Anniversary(pid, partner_id, zh, en, loc_zh, founded_year, year - founded_year,
                               anniversary_day(signed_on, founded_year, year)))
    return out


def anniversaries_between(start: date, end: date, limit: int | None = None) -> tuple[list[Anniversary], int]:
    """Anniversaries (every 5th year) from `start` to `end` (at most a year apart), soonest first, and how
    many there are. Where only the founding year is known, the anniversary counts in any year the window
    touches, listed at that year's start (or at `start`).

    A partnership has at most one anniversary year in the window (its two calendar years differ by one,
    anniversaries by five): the first year from `start.year` that is a multiple of 5 years on."""
    assert end < start.replace(year=start.year + 2, month=1, day=1), "a window of at most two calendar years"
    ps, p, loc = m.Partnership, m.Partner, m.HomeLocality
    founded = _founding_year()
    offset = dialect.remainder(dialect.remainder(founded - start.year, ANNIVERSARY_EVERY) + ANNIVERSARY_EVERY,
                               ANNIVERSARY_EVERY)
    year = offset + start.year
    signing_founds = ps.signed_on.is_null(False) & (dialect.year_of(ps.signed_on) == founded)
    # The day in that year as ISO text (a 29 February stays one here; anniversary_day moves it).
    day = pw.Case(None, [(signing_founds, dialect.four_digits(year).concat(dialect.month_and_day(ps.signed_on)))],
                  None)
    when = fn.COALESCE(day, dialect.greatest(dialect.first_of_january(year), start.isoformat()))
    query = (ps.select(ps.id, ps.partner, p.name_zh, p.name_en, loc.name_zh.alias("loc"), founded.alias("founded"),
                       ps.signed_on, year.alias("year"), fn.COUNT(pw.SQL("*")).over().alias("total"))
             .join(p).switch(ps).join(loc)
             .where(ps.status.in_(LIVE_STATUSES), founded.is_null(False), year > founded, year <= end.year,
                    day.is_null() | day.between(start.isoformat(), end.isoformat()))
             .order_by(when, founded, ps.id))
    if limit is not None:
        query = query.limit(limit)
    found = list(query.tuples())
    out = []
    for pid, partner_id, zh, en, loc_zh, founded_year, signed_on, in_year, _total in found:
        out.append(Anniversary(pid, partner_id, zh, en, loc_zh, founded_year, in_year - founded_year,
                               anniversary_day(signed_on, founded_year, in_year)))
    return out, found[0][-1] if found else 0


def renewals_due(start: date, end: date) -> list[dict]:
    """Partnerships whose next review or renewal (the latest expiry of their agreements) falls between
    `start` and `end`, soonest first."""
    ps, p, loc = m.Partnership, m.Partner, m.HomeLocality
    renewal = agreements.renewal_on()
    query = (ps.select(ps.id, ps.partner.alias("partner_id"), p.name_zh.alias("partner_zh"),
                       p.name_en.alias("partner_en"), loc.name_zh.alias("locality_zh"), ps.tier, ps.status,
                       renewal.alias("next_review_on"))
             .join(p).switch(ps).join(loc)
             .where(renewal.between(start.isoformat(), end.isoformat()), ps.status != "ended")
             .order_by(renewal, ps.id))
    return list(query.dicts())


def _latest_by_partner(query) -> dict[int, date]:
    # The raw cursor: with 100,000 partners peewee's row conversion is most of the time.
    return {pid: parse_date(on) for pid, on in m.database.execute(query) if pid is not None and on is not None}


def relationship_health(today: date, quiet_after_days: int = QUIET_AFTER_DAYS) -> list[dict]:
    """Every partner with a live partnership: the last completed visit, shipment and activity, how
    many days since the latest of them, and whether it has gone quiet. Quietest first.

    One grouped query per kind of contact (not a subquery per partner): with 100,000 partners a
    correlated subquery took minutes, the grouped queries well under a second.
    """
    p, ps = m.Partner, m.Partnership
    vp, v = m.VisitPartner, m.Visit
    visits = _latest_by_partner(
        vp.select(vp.partner, fn.MAX(fn.COALESCE(v.end_on, v.start_on))).join(v, on=(vp.visit == v.id))
        .where(v.status == "completed").group_by(vp.partner))
    s = m.Shipment
    shipments = _latest_by_partner(
        s.select(s.partner, fn.MAX(fn.COALESCE(s.delivered_on, s.dispatched_on)))
        .where(s.status != "cancelled").group_by(s.partner))
    a = m.Activity
    activities = _latest_by_partner(a.select(a.partner, fn.MAX(a.held_on)).group_by(a.partner))
    live = ps.select(ps.partner).where(ps.status.in_(LIVE_STATUSES)).distinct()
    query = p.select(p.id, p.name_zh, p.name_en, p.name_native, p.country).where(p.id.in_(live))
    rows = []
    for row in query.dicts():
        pid = row["id"]
        row["last_visit"], row["last_shipment"], row["last_activity"] = (
            visits.get(pid), shipments.get(pid), activities.get(pid))
        dates = [d for d in (row["last_visit"], row["last_shipment"], row["last_activity"])
                 if d is not None and d <= today]
        latest = max(dates) if dates else None
        row["last_contact"] = latest
        row["days_since"] = (today - latest).days if latest else None
        row["quiet"] = latest is None or today - latest > timedelta(days=quiet_after_days)
        rows.append(row)
    rows.sort(key=lambda r: (r["last_contact"] is not None, r["last_contact"] or date.min, r["id"]))
    return rows


def aid_totals(by: tuple[str, ...] = ("year", "direction")) -> list[dict]:
    """Aid that was not cancelled, grouped by any of "partner", "year", "direction" and always by
    currency (amounts in different currencies are never added): shipment count, summed value."""
    s, item, p = m.Shipment, m.ShipmentItem, m.Partner.alias("ap")
    shipment_date = s.effective_date()
    keys: dict[str, pw.Node] = {}
    if "year" in by:
        keys["year"] = dialect.year_of(shipment_date)
    if "direction" in by:
        keys["direction"] = s.direction
    if "partner" in by:
        keys["partner_id"] = s.partner
        keys["partner_zh"] = p.name_zh
        keys["partner_en"] = p.name_en
    keys["currency"] = item.currency
    query = (s.select(*(e.alias(k) for k, e in keys.items()),
                      fn.COUNT(s.id.distinct()).alias("shipments"),
                      fn.SUM(item.value).alias("value"))
             .join(item, pw.JOIN.LEFT_OUTER, on=(item.shipment == s.id))
             .join_from(s, p, pw.JOIN.LEFT_OUTER, on=(s.partner == p.id))
             .where(s.status != "cancelled")
             .group_by(*keys.values())
             .order_by(*map(dialect.nulls_first, keys.values())))
    rows = list(query.dicts())
    for row in rows:
        row["value"] = None if row["value"] is None else Decimal(str(row["value"])).quantize(Decimal("0.01"))
    return rows


def counts_by(list_field: pw.Field) -> dict[str, int]:
    """How many records hold each value of `list_field` (e.g. m.Visit.status, m.Partner.country)."""
    model = list_field.model
    query = model.select(list_field, fn.COUNT(model.id)).group_by(list_field).order_by(fn.COUNT(model.id).desc())
    return {value: n for value, n in query.tuples()}


def upcoming_visits_query(today: date, days: int = 90) -> pw.Select:
    v = m.Visit
    return (v.select(v.id, v.title, v.direction, v.status, v.start_on, v.end_on)
            .where(v.start_on.between(today, today + timedelta(days=days)),
                   v.status.not_in(("cancelled", "completed")))
            .order_by(v.start_on, v.id))


def upcoming_visits(today: date, days: int = 90) -> list[dict]:
    return list(upcoming_visits_query(today, days).dicts())


def shipments_in_transit_query() -> pw.Select:
    s, p = m.Shipment, m.Partner.alias("tp")
    return (s.select(s.id, s.title, s.direction, s.status, s.dispatched_on, s.expected_on, s.partner,
                     s.counterparty, p.name_zh.alias("partner_zh"), p.name_en.alias("partner_en"),
                     p.name_native.alias("partner_native"))
            .join(p, pw.JOIN.LEFT_OUTER, on=(s.partner == p.id))
            .where(s.status.in_(("dispatched", "in_transit")))
            .order_by(s.expected_on.asc(nulls="LAST"), s.id))


def shipments_in_transit() -> list[dict]:
    """Shipments on their way, soonest expected first, with the partner's names (or the counterparty)."""
    return list(shipments_in_transit_query().dicts())


# --- Plain rows for the dashboard (the window never touches the models' fields) -----------------------------

def status_counts() -> dict[str, dict[str, int]]:
    """How many partnerships, visits and shipments hold each status: {"visits": {"proposed": 3, …}, …}."""
    return {
        "partnerships": counts_by(m.Partnership.status),
        "visits": counts_by(m.Visit.status),
        "shipments": counts_by(m.Shipment.status),
    }


def partner_counts_by_country(limit: int | None = None) -> dict[str, int]:
    """Partners per country code, most first (ties by code); the first `limit` countries if given."""
    p = m.Partner
    n = fn.COUNT(p.id)
    query = p.select(p.country, n).group_by(p.country).order_by(n.desc(), p.country)
    if limit is not None:
        query = query.limit(limit)
    return {country: count for country, count in query.tuples()}


def quiet_relationships(today: date, quiet_after_days: int = QUIET_AFTER_DAYS) -> list[dict]:
    """Every partner that has gone quiet (see `quiet_partners`), quietest (never in touch) first."""
    return quiet_partners(today, quiet_after_days)[0]


def quiet_partners(today: date, quiet_after_days: int = QUIET_AFTER_DAYS,
                   limit: int | None = None) -> tuple[list[dict], int]:
    """Partners with a live partnership and no contact (a completed visit, a shipment sent or received, an
    activity) in the `quiet_after_days` before `today`: never in touch first, then the longest quiet; and
    how many there are. One statement: the latest contact of each kind grouped per partner in SQL."""
    vp, v, s, a, p, ps = m.VisitPartner, m.Visit, m.Shipment, m.Activity, m.Partner, m.Partnership

    def until_today(day: pw.Node) -> pw.Node:  # the day if it is not in the future, inside the MAX
        return pw.Case(None, [(day <= today, day)], None)

    # Grouped by CAST(partner AS INTEGER), not by the column: SQLite then scans each table once and groups
    # in a temporary b-tree instead of walking the partner index and fetching every row by it (half the
    # time). A CAST, not `partner + 0`: the CTE's column keeps integer affinity, so SQLite can index it
    # for the join below (with `+ 0` it scanned it once per partner: minutes).
    def partner_of(model) -> pw.Node:
        return model.partner.cast("INTEGER")

    contacts = (
        vp.select(partner_of(vp), fn.MAX(until_today(fn.COALESCE(v.end_on, v.start_on))))
        .join(v, on=(vp.visit == v.id)).where(v.status == "completed").group_by(partner_of(vp))
        + s.select(partner_of(s), fn.MAX(until_today(fn.COALESCE(s.delivered_on, s.dispatched_on))))
        .where(s.status != "cancelled").group_by(partner_of(s))
        + a.select(partner_of(a), fn.MAX(until_today(a.held_on))).group_by(partner_of(a))
    ).cte("contact", columns=("pid", "day"))
    latest = (pw.Select([contacts], [contacts.c.pid, fn.MAX(contacts.c.day).alias("day")])
              .group_by(contacts.c.pid).cte("latest", columns=("pid", "day")))
    last = latest.c.day
    live = ps.select(ps.partner).where(ps.status.in_(LIVE_STATUSES))
    query = (p.select(p.id, p.name_zh, p.name_en, p.name_native, p.country, last.alias("last_contact"),
                      fn.COUNT(pw.SQL("*")).over().alias("total"))
             .join(latest, pw.JOIN.LEFT_OUTER, on=(latest.c.pid == p.id))
             .where(p.id.in_(live), last.is_null() | (last < today - timedelta(days=quiet_after_days)))
             .order_by(last.is_null(False), last, p.id)
             .with_cte(contacts, latest))
    if limit is not None:
        query = query.limit(limit)
    found = list(m.database.execute(query))
    rows = []
    for pid, zh, en, native, country, on, _total in found:
        on = parse_date(on)
        rows.append({"id": pid, "name_zh": zh, "name_en": en, "name_native": native, "country": country,
                     "last_contact": on, "days_since": (today - on).days if on else None})
    return rows, found[0][-1] if found else 0


def aid_values() -> list[dict]:
    """The value of aid that was not cancelled per year, direction and currency (amounts in different
    currencies are never added): [{"year": 2020, "direction": "incoming", "currency": "JPY",
    "value": Decimal("50000.00")}, …]; the year as in `aid_shipment_counts`."""
    s, item = m.Shipment, m.ShipmentItem
    year = dialect.year_of(s.effective_date())
    query = (item.select(year.alias("year"), s.direction.alias("direction"), item.currency.alias("currency"),
                         fn.SUM(item.value).alias("value"))
             .join(s, on=(item.shipment == s.id))
             .where(s.status != "cancelled", item.value.is_null(False))
             .group_by(year, s.direction, item.currency)
             .order_by(year.asc(nulls="LAST"), s.direction, item.currency))
    rows = list(query.dicts())
    for row in rows:
        row["value"] = Decimal(str(row["value"])).quantize(Decimal("0.01"))
    return rows


def aid_shipment_counts() -> list[dict]:
    """Shipments that were not cancelled, counted per year and direction (each shipment once, whatever
    the currencies of its items): [{"year": 2020, "direction": "incoming", "shipments": 2}, …]. The year
    is that of delivery, else dispatch, else the plan; None when the shipment has no date."""
    s = m.Shipment
    year = dialect.year_of(s.effective_date())
    query = (s.select(year.alias("year"), s.direction.alias("direction"), fn.COUNT(s.id).alias("shipments"))
             .where(s.status != "cancelled")
             .group_by(year, s.direction)
             .order_by(year.asc(nulls="LAST"), s.direction))
    return list(query.dicts())
