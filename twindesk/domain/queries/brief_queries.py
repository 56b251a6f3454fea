"""The rows a briefing pack shows about partners: their relations, visits, aid, activities, contacts
and gifts. Plain dicts with stored values (codes, dates, Decimals); the pack words and formats them.

"Newest first" orders by date, then by id, both descending; rows without a date come last.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import peewee as pw

from twindesk.domain.model.fields import parse_date
from twindesk.domain.queries import agreements
from twindesk.domain.queries.insights import (
    ANNIVERSARY_EVERY,
    LIVE_STATUSES,
    Anniversary,
    anniversary_day,
    founding_year,
)
from twindesk.store import dialect
from twindesk.store import models as m

OPEN_VISIT_STATUSES = ("proposed", "approved", "confirmed", "postponed")


def _newest_first(rows: list[dict], key: str) -> list[dict]:
    rows.sort(key=lambda r: (r[key] is not None, r[key] or date.min, r["id"]), reverse=True)
    return rows


def partner_names(partner_ids: Iterable[int]) -> dict[int, dict]:
    """id -> {"name_zh", "name_en", "name_native", "country"} for the given partners."""
    p = m.Partner
    ids = list(dict.fromkeys(partner_ids))
    if not ids:
        return {}
    query = p.select(p.id, p.name_zh, p.name_en, p.name_native, p.country).where(p.id.in_(ids))
    return {row.pop("id"): row for row in query.dicts()}


def partnerships_of(partner_id: int) -> list[dict]:
    """The partner's partnerships, oldest first, each with its locality's names and its dated status
    history (`history`, oldest first)."""
    ps, loc = m.Partnership, m.HomeLocality
    query = (ps.select(ps, loc.name_zh.alias("locality_zh"), loc.name_en.alias("locality_en"))
             .join(loc).where(ps.partner == partner_id)
             .order_by(ps.established_year.asc(nulls="LAST"), ps.signed_on.asc(nulls="LAST"), ps.id))
    rows = list(query.dicts())
    history: dict[int, list[dict]] = defaultdict(list)
    if rows:
        sc = m.PartnershipStatusChange
        changes = (sc.select(sc.partnership, sc.status, sc.changed_on, sc.note)
                   .where(sc.partnership.in_([r["id"] for r in rows])).order_by(sc.changed_on, sc.id))
        for change in changes.dicts():
            history[change.pop("partnership")].append(change)
    papers = agreements.brief_fields(r["id"] for r in rows)
    for row in rows:
        row["partner_id"] = row.pop("partner")
        row["history"] = history[row["id"]]
        row.update(papers[row["id"]])  # its latest agreement and renewal (queries/agreements.py)
    return rows


def visits_of(partner_ids: list[int], *, before: date | None = None, exclude: int | None = None,
              statuses: tuple[str, ...] | None = None) -> list[dict]:
    """Visits to or from any of the partners (each visit once), newest first, with `partner_ids`."""
    v, vp = m.Visit, m.VisitPartner
    linked = vp.select(vp.visit).where(vp.partner.in_(partner_ids))
    query = (v.select(v.id, v.direction, v.title, v.status, v.start_on, v.end_on, v.leader, v.outcomes)
             .where(v.id.in_(linked)))
    if before is not None:
        query = query.where(v.start_on < before)
    if exclude is not None:
        query = query.where(v.id != exclude)
    if statuses is not None:
        query = query.where(v.status.in_(statuses))
    rows = list(query.dicts())
    links: dict[int, list[int]] = defaultdict(list)
    if rows:
        for visit_id, partner_id in (vp.select(vp.visit, vp.partner).where(vp.visit.in_([r["id"] for r in rows]))
                                     .order_by(vp.id).tuples()):
            links[visit_id].append(partner_id)
    for row in rows:
        row["partner_ids"] = links[row["id"]]
    return _newest_first(rows, "start_on")


def shipments_of(partner_ids: list[int], *, before: date | None = None) -> list[dict]:
    """Aid to or from the partners, newest first by delivery, else dispatch, else planned date; each
    with `date` and its `items` (description, category, quantity, unit, value, currency)."""
    s = m.Shipment
    when = s.effective_date()
    query = (s.select(s.id, s.direction, s.partner.alias("partner_id"), s.counterparty, s.title, s.occasion,
                      s.kind, s.status, when.alias("date"), s.recipients)
             .where(s.partner.in_(partner_ids)))
    if before is not None:
        query = query.where(when.is_null(False), when < before)
    rows = list(query.dicts())
    items: dict[int, list[dict]] = defaultdict(list)
    if rows:
        it = m.ShipmentItem
        q = (it.select(it.shipment, it.description, it.category, it.quantity, it.unit, it.value, it.currency)
             .where(it.shipment.in_([r["id"] for r in rows])).order_by(it.id))
        for item in q.dicts():
            items[item.pop("shipment")].append(item)
    for row in rows:
        row["date"] = parse_date(row["date"])  # COALESCE() comes back as text
        row["items"] = items[row["id"]]
    return _newest_first(rows, "date")


def activities_of(partner_ids: list[int], *, before: date | None = None) -> list[dict]:
    a = m.Activity
    query = (a.select(a.id, a.partner.alias("partner_id"), a.kind, a.title, a.held_on, a.place,
                      a.participants, a.outcome, a.follow_up_on)
             .where(a.partner.in_(partner_ids)))
    if before is not None:
        query = query.where(a.held_on < before)
    return _newest_first(list(query.dicts()), "held_on")


def contacts_of(partner_ids: list[int]) -> list[dict]:
    c = m.Contact
    query = (c.select(c.id, c.partner.alias("partner_id"), c.honorific, c.family_name, c.given_name,
                      c.family_name_first, c.title, c.organization, c.languages, c.email, c.phone, c.notes)
             .where(c.partner.in_(partner_ids)).order_by(c.partner, c.family_name, c.given_name, c.id))
    return list(query.dicts())


def gifts_exchanged(partner_ids: list[int], *, exclude_visit: int | None = None) -> list[dict]:
    """Gifts given and received on any visit with the partners, newest visit first, with the visit's
    title, direction and dates: what the office must not give again."""
    g, v, vp = m.Gift, m.Visit, m.VisitPartner
    linked = vp.select(vp.visit).where(vp.partner.in_(partner_ids))
    query = (g.select(g.id, g.direction, g.description, g.value, g.currency, g.giver, g.recipient, g.notes,
                      v.id.alias("visit_id"), v.title.alias("visit_title"), v.direction.alias("visit_direction"),
                      v.start_on.alias("visit_start"), v.status.alias("visit_status"))
             .join(v).where(v.id.in_(linked)))
    if exclude_visit is not None:
        query = query.where(v.id != exclude_visit)
    return _newest_first(list(query.dicts()), "visit_start")


def aid_by_year(partner_id: int) -> list[dict]:
    """Aid to and from one partner that was not cancelled, per year and direction, newest year first:
    shipment count, value per currency (never added across currencies) and quantity per item and unit."""
    s, it = m.Shipment, m.ShipmentItem
    year = dialect.year_of(s.effective_date())
    query = (s.select(s.id, year.alias("year"), s.direction, it.description, it.quantity, it.unit, it.value,
                      it.currency)
             .join(it, pw.JOIN.LEFT_OUTER, on=(it.shipment == s.id))
             .where(s.partner == partner_id, s.status != "cancelled"))
    groups: dict[tuple, dict] = {}
    for row in query.dicts():
        key = (row["year"], row["direction"])
        group = groups.setdefault(key, {"year": row["year"], "direction": row["direction"], "shipment_ids": set(),
                                        "values": defaultdict(Decimal), "quantities": defaultdict(Decimal)})
        group["shipment_ids"].add(row["id"])
        if row["value"] is not None:
            group["values"][row["currency"]] += Decimal(str(row["value"]))
        if row["quantity"] is not None:
            group["quantities"][(row["description"], row["unit"])] += Decimal(str(row["quantity"]))
    out = []
    for (yr, direction), group in sorted(groups.items(), key=lambda kv: (kv[0][0] or 0, kv[0][1]), reverse=True):
        out.append({"year": yr, "direction": direction, "shipments": len(group["shipment_ids"]),
                    "values": dict(sorted(group["values"].items())),
                    "quantities": [(d, u, q) for (d, u), q in group["quantities"].items()]})
    return out


def anniversaries_ahead(partnerships: list[dict], first_year: int, last_year: int,
                        partner: dict) -> list[Anniversary]:
    """Every 5th-year anniversary from `first_year` to `last_year` of the live partnerships given (rows of
    `partnerships_of`), soonest first; the same rule as `insights.anniversaries`."""
    out = []
    for row in partnerships:
        founded = founding_year(row["established_year"], row["signed_on"])
        if founded is None or row["status"] not in LIVE_STATUSES:
            continue
        for year in range(max(first_year, founded + 1), last_year + 1):
            if (year - founded) % ANNIVERSARY_EVERY:
                continue
            out.append(Anniversary(row["id"], row["partner_id"], partner.get("name_zh", ""),
                                   partner.get("name_en", ""), row["locality_zh"], founded, year - founded,
                                   anniversary_day(row["signed_on"], founded, year)))
    out.sort(key=lambda a: (a.established_year + a.years, a.on or date.min, a.partnership_id))
    return out
