"""The sections of a visit brief: what the delegation needs before it meets the partner."""

from collections.abc import Callable

from twindesk.briefing.blocks import (
    Pack,
    contacts_table,
    gift_value,
    issued,
    partner_facts,
    partnerships_table,
)
from twindesk.briefing.documents_on_file import documents_on_file
from twindesk.briefing.paper.model import Block, Cover
from twindesk.domain.model import vocabulary as v
from twindesk.domain.queries.brief_content import VisitBriefContent


def title(pack: Pack, c: VisitBriefContent) -> str:
    return c.visit["title"]


def _partner_list(pack: Pack, c: VisitBriefContent) -> str:
    sep = "、" if pack.w.zh else "; "
    return sep.join(pack.f.name(c.partner_names.get(pid, {})) for pid in c.partner_ids)


def _outbound(c: VisitBriefContent) -> bool:
    return c.visit["direction"] != "inbound"


def cover(pack: Pack, c: VisitBriefContent, marking: str) -> list[Block]:
    f, w, visit = pack.f, pack.w, c.visit
    outbound = _outbound(c)
    facts = [
        (w("destination" if outbound else "visiting_party"), _partner_list(pack, c)),
        (w("dates"), f.date_range(visit["start_on"], visit["end_on"])),
        (w("direction"), f.label(v.VISIT_DIRECTIONS, visit["direction"])),
        (pack.field("visit", "status"), f.label(v.VISIT_STATUSES, visit["status"])),
        (pack.field("visit", "leader"), visit["leader"]),
        (w("organizer_outbound" if outbound else "organizer_inbound"), f.locality(visit)),
    ]
    if outbound and c.approval and c.approval["document_number"]:
        facts.append((w("approval"), c.approval["document_number"]))
    kicker = w("pack_outbound" if outbound else "pack_inbound")
    return [Cover(kicker, visit["title"], "", tuple(facts), marking, issued(pack), pack.f.date(pack.issued))]


def purpose(pack: Pack, c: VisitBriefContent) -> list[Block]:
    return [pack.section("purpose"), *pack.text(c.visit["purpose"], empty="not_recorded")]


def partners(pack: Pack, c: VisitBriefContent) -> list[Block]:
    out: list[Block] = [pack.section("partners")]
    if not c.partners:
        return out + [pack.nothing()]
    for p in c.partners:
        out += [pack.h2(pack.f.name(p)), *partner_facts(pack, p)]
        out += [pack.h3(pack.w("relations_table")), partnerships_table(pack, p["partnerships"])]
        out += pack.labelled_text(pack.w("profile_text"), p["profile"])
        out += pack.labelled_text(pack.w("notes_text"), p["notes"])
    return out


def _visit_cell(pack: Pack, c: VisitBriefContent, row: dict) -> tuple[str, str]:
    """The visit's title, with its partners (when the brief has several) and outcomes under it."""
    names = ""
    if len(c.partner_ids) > 1:
        names = ("、" if pack.w.zh else "; ").join(
            pack.f.name(c.partner_names[p]) for p in row["partner_ids"] if p in c.partner_names)
    note = "\n".join(x for x in (names, row["outcomes"]) if x)
    return row["title"], note


def _items(pack: Pack, items: list[dict]) -> str:
    """"Masks: 100,000 pieces" per line; values in their own currency."""
    lines = []
    for item in items:
        amount = ", ".join(x for x in (pack.f.quantity(item["quantity"], item["unit"]),
                                       pack.f.money(item["value"], item["currency"])) if x)
        lines.append(f"{item['description']}: {amount}" if amount else item["description"])
    return "\n".join(lines)


def history(pack: Pack, c: VisitBriefContent) -> list[Block]:
    f, w = pack.f, pack.w
    out: list[Block] = [pack.section("history"), pack.h2(w("visits_both_ways"))]
    rows = [[f.short_range(r["start_on"], r["end_on"]), f.label(v.VISIT_DIRECTIONS, r["direction"]),
             _visit_cell(pack, c, r), r["leader"], f.label(v.VISIT_STATUSES, r["status"])] for r in c.past_visits]
    out.append(pack.table([w("dates"), w("direction"), w("visit"), pack.field("visit", "leader"),
                           pack.field("visit", "status")], rows, (0.17, 0.1, 0.41, 0.2, 0.12)))
    out.append(pack.h2(w("aid_both_ways")))
    rows = [[f.short_date(r["date"]), f.label(v.SHIPMENT_DIRECTIONS, r["direction"]),
             (r["title"], r["occasion"]), _items(pack, r["items"]), f.label(v.SHIPMENT_STATUSES, r["status"])]
            for r in c.aid]
    out.append(pack.table([pack.field("activity", "held_on"), pack.field("shipment", "direction"),
                           w("aid_item"), w("items"), pack.field("shipment", "status")],
                          rows, (0.12, 0.11, 0.34, 0.31, 0.12)))
    out.append(pack.h2(w("activities")))
    rows = [[f.short_date(r["held_on"]), f.label(v.ACTIVITY_KINDS, r["kind"]),
             (r["title"], "\n".join(x for x in (r["participants"], r["outcome"]) if x)), r["place"]]
            for r in c.activities]
    out.append(pack.table([pack.field("activity", "held_on"), pack.field("activity", "kind"), w("activity"),
                           pack.field("activity", "place")], rows, (0.12, 0.13, 0.5, 0.25)))
    return out


def delegation(pack: Pack, c: VisitBriefContent) -> list[Block]:
    w = pack.w
    rows = [[str(i), (d["name"], d["notes"]), "\n".join(x for x in (d["title"], d["organization"]) if x),
             d["role"], d["counterpart"]] for i, d in enumerate(c.delegates, 1)]
    header = [w("no"), w("name"), w("title_org"), pack.field("delegate", "role"),
              pack.field("delegate", "counterpart")]
    heading = pack.section("delegation", None if _outbound(c) else "delegation_inbound")
    return [heading, pack.table(header, rows, (0.06, 0.24, 0.3, 0.17, 0.23), right=(0,))]


def itinerary(pack: Pack, c: VisitBriefContent) -> list[Block]:
    f, w = pack.f, pack.w
    out: list[Block] = [pack.section("itinerary")]
    if not c.itinerary:
        return out + [pack.nothing()]
    first = c.visit["start_on"] or c.itinerary[0]["day"]
    days: dict = {}
    for item in c.itinerary:
        days.setdefault(item["day"], []).append(item)
    header = [w("time"), w("activity"), pack.field("itinerary_item", "place"),
              pack.field("itinerary_item", "counterpart")]
    for day, items in days.items():
        out.append(pack.h2(w("day_heading", n=(day - first).days + 1, weekday=f.weekday(day), date=f.date(day))))
        rows = [[f.time_range(i["start_time"], i["end_time"]), (i["activity"], i["notes"]), i["place"],
                 i["counterpart"]] for i in items]
        out.append(pack.table(header, rows, (0.12, 0.4, 0.24, 0.24)))
    return out


def contacts(pack: Pack, c: VisitBriefContent) -> list[Block]:
    names = c.partner_names if len(c.partner_ids) > 1 else None
    return [pack.section("contacts"), contacts_table(pack, c.contacts, names)]


def gifts(pack: Pack, c: VisitBriefContent) -> list[Block]:
    f, w = pack.f, pack.w
    out: list[Block] = [pack.section("gifts"), pack.h2(w("gifts_this_visit"))]
    rows = [[f.label(v.GIFT_DIRECTIONS, g["direction"]), (g["description"], g["notes"]), g["giver"], g["recipient"],
             gift_value(pack, g)] for g in c.gifts]
    out.append(pack.table([pack.field("gift", "direction"), w("gift"), pack.field("gift", "giver"),
                           pack.field("gift", "recipient"), pack.field("gift", "value")],
                          rows, (0.12, 0.34, 0.19, 0.19, 0.16), right=(4,)))
    out += [pack.h2(w("gifts_before")), pack.note(w("gifts_before_hint"))]
    rows = [[f.short_date(g["visit_start"]), g["visit_title"], f.label(v.GIFT_DIRECTIONS, g["direction"]),
             (g["description"], g["notes"]), " → ".join(x for x in (g["giver"], g["recipient"]) if x),
             gift_value(pack, g)] for g in c.earlier_gifts]
    out.append(pack.table([pack.field("activity", "held_on"), w("visit"), pack.field("gift", "direction"), w("gift"),
                           w("from_to"), pack.field("gift", "value")],
                          rows, (0.11, 0.19, 0.11, 0.24, 0.22, 0.13), right=(5,)))
    return out


def notes(pack: Pack, c: VisitBriefContent) -> list[Block]:
    f, w = pack.f, pack.w
    out: list[Block] = [pack.section("notes")]
    lines = []
    for a in c.anniversaries:
        partner = next((p for p in c.partners if p["id"] == a.partner_id), {})
        relation = next((r for r in partner.get("partnerships", []) if r["id"] == a.partnership_id), {})
        line = w("anniversary_line", year=a.established_year + a.years, ordinal=w.ordinal_years(a.years),
                 years=a.years, locality=f.locality(relation), partner=f.name(partner), founded=a.established_year)
        if a.round_decade:
            line += w("round_decade")
        if a.on:
            line += w("on_date", date=f.date(a.on))
        lines.append(line)
    if lines:
        out += [pack.h2(w("anniversaries_this_year")),
                *map(pack.bullet, lines)]
    for key, field in (("outcomes", "outcomes"), ("follow_ups", "follow_ups"), ("notes_text", "notes")):
        body = pack.text(c.visit[field])
        if body:
            out += [pack.h2(w(key)), *body]
    if len(out) == 1:
        out.append(pack.nothing())
    return out


def _approval_line(pack: Pack, approval: dict | None) -> str:
    """The approval's number, authority and date, as far as recorded; says so when there is none."""
    if approval is None:
        return pack.w("approval_none")
    parts = [approval["document_number"], approval["authority"], pack.f.date(approval["approved_on"])]
    return ("，" if pack.w.zh else ", ").join(p for p in parts if p)


def logistics(pack: Pack, c: VisitBriefContent) -> list[Block]:
    f, w, visit = pack.f, pack.w, c.visit
    days = ""
    if visit["start_on"]:
        days = w.count("days", ((visit["end_on"] or visit["start_on"]) - visit["start_on"]).days + 1)
    places = ("、" if w.zh else "; ").join(dict.fromkeys(i["place"] for i in c.itinerary if i["place"]))
    given = sum(1 for g in c.gifts if g["direction"] == "given")
    gifts_line = w("gift_counts", given=given, received=len(c.gifts) - given) if c.gifts else ""
    budget = f.money(visit["budget"], visit["budget_currency"])
    facts = [
        (w("dates"), f.date_range(visit["start_on"], visit["end_on"])),
        (w("duration"), days),
        (pack.field("visit", "status"), f.label(v.VISIT_STATUSES, visit["status"])),
        (w("organizer_outbound" if _outbound(c) else "organizer_inbound"), f.locality(visit)),
        (pack.field("visit", "leader"), visit["leader"]),
        (w("delegation_size"), w.count("members", len(c.delegates)) if c.delegates else ""),
        (pack.field("visit", "budget"), budget),
        (w("places"), places),
        (w("gift_count"), gifts_line),
    ]
    if _outbound(c):
        facts.insert(3, (w("approval"), _approval_line(pack, c.approval)))
    return [pack.section("logistics"), *(pack.facts(facts) or [pack.nothing()])]


SECTIONS: dict[str, Callable[[Pack, VisitBriefContent], list[Block]]] = {
    "purpose": purpose,
    "partners": partners,
    "history": history,
    "delegation": delegation,
    "itinerary": itinerary,
    "contacts": contacts,
    "gifts": gifts,
    "notes": notes,
    "logistics": logistics,
    "documents": documents_on_file,
}
