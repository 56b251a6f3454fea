"""The sections of a partner brief: who the partner is and everything between us, newest first."""

from collections.abc import Callable

from twindesk.briefing.blocks import (
    Pack,
    agreement_cell,
    contacts_table,
    established,
    issued,
    partner_facts,
    relation_name,
    status_since,
)
from twindesk.briefing.documents_on_file import documents_on_file
from twindesk.briefing.paper.model import Block, Cover
from twindesk.domain.model import vocabulary as v
from twindesk.domain.queries.brief_content import PartnerBriefContent

_TIMELINE_VOCABULARY = {"visit": v.VISIT_DIRECTIONS, "shipment": v.SHIPMENT_DIRECTIONS}
_TIMELINE_STATUS = {"visit": v.VISIT_STATUSES, "shipment": v.SHIPMENT_STATUSES, "activity": v.ACTIVITY_KINDS}


def title(pack: Pack, c: PartnerBriefContent) -> str:
    return pack.f.name(c.profile)


def _relation_line(pack: Pack, row: dict, partner: dict) -> str:
    """"Hainan Province – Hyogo Prefecture: Sister city / province, established 1990, Signed / active …"."""
    w = pack.w
    parts = [pack.f.label(v.TIERS, row["tier"])]
    if established(row):
        parts.append(w("established_in", year=established(row)))
    parts.append(status_since(pack, row))
    return relation_name(pack, row, partner) + ("：" if w.zh else ": ") + ("，" if w.zh else ", ").join(parts)


def cover(pack: Pack, c: PartnerBriefContent, marking: str) -> list[Block]:
    f, w, p = pack.f, pack.w, c.profile
    relations = "\n".join(_relation_line(pack, r, p) for r in c.partnerships)
    facts = [
        (pack.field("partner", "country"), f.country(p["country"])),
        (pack.field("partner", "kind"), f.label(v.PARTNER_KINDS, p["kind"])),
        (w("relations"), relations),
    ]
    return [Cover(w("pack_partner"), f.name(p), f.other_names(p), tuple(facts), marking, issued(pack), pack.f.date(pack.issued))]


def profile(pack: Pack, c: PartnerBriefContent) -> list[Block]:
    p = c.profile
    return [pack.section("profile"), *partner_facts(pack, p),
            *pack.labelled_text(pack.w("profile_text"), p["profile"]),
            *pack.labelled_text(pack.w("notes_text"), p["notes"])]


def partnerships(pack: Pack, c: PartnerBriefContent) -> list[Block]:
    f, w = pack.f, pack.w
    out: list[Block] = [pack.section("partnerships")]
    if not c.partnerships:
        return out + [pack.nothing()]
    for r in c.partnerships:
        out.append(pack.h2(relation_name(pack, r, c.profile)))
        out += pack.facts([
            (pack.field("partnership", "tier"), f.label(v.TIERS, r["tier"])),
            (pack.field("partnership", "status"), status_since(pack, r)),
            (pack.field("partnership", "established_year"), established(r)),
            (w("agreement"), agreement_cell(pack, r)),
            (pack.field("agreement", "expires_on"), f.date(r["next_review_on"])),
        ])
        out.append(pack.h3(w("status_history")))
        rows = [[f.short_date(h["changed_on"]), f.label(v.PARTNERSHIP_STATUSES, h["status"]), h["note"]]
                for h in r["history"]]
        out.append(pack.table([pack.field("status_change", "changed_on"), pack.field("status_change", "status"),
                               pack.field("status_change", "note")], rows, (0.15, 0.2, 0.65)))
        out += pack.labelled_text(w("notes_text"), r["notes"])
    return out


def dates_ahead(pack: Pack, c: PartnerBriefContent) -> list[Block]:
    f, w = pack.f, pack.w
    by_id = {r["id"]: r for r in c.partnerships}
    out: list[Block] = [pack.section("dates_ahead"), pack.h2(w("anniversaries"))]
    rows = []
    for a in c.anniversaries:
        anniversary = w.ordinal_years(a.years) + (w("round_decade_short") if a.round_decade else "")
        rows.append([str(a.established_year + a.years), anniversary,
                     relation_name(pack, by_id[a.partnership_id], c.profile), f.short_date(a.on)])
    out.append(pack.table([w("year"), w("anniversary"), w("relation"), pack.field("activity", "held_on")], rows,
                          (0.1, 0.3, 0.45, 0.15)))
    out.append(pack.h2(w("renewals")))
    rows = [[(f.short_date(r["next_review_on"]), w("overdue") if r["overdue"] else ""),
             relation_name(pack, r, c.profile), status_since(pack, r)] for r in c.renewals]
    out.append(pack.table([pack.field("agreement", "expires_on"), w("relation"),
                           pack.field("partnership", "status")], rows, (0.2, 0.45, 0.35)))
    return out


def timeline(pack: Pack, c: PartnerBriefContent) -> list[Block]:
    f, w = pack.f, pack.w
    rows = []
    for r in c.timeline:
        kind = r["kind"]
        direction = f.label(_TIMELINE_VOCABULARY[kind], r["direction"]) if kind in _TIMELINE_VOCABULARY else ""
        rows.append([f.short_date(r["date"]), w(f"kind_{kind}"), r["title"], direction,
                     f.label(_TIMELINE_STATUS[kind], r["status"])])
    header = [pack.field("activity", "held_on"), w("record"), w("what"), pack.field("visit", "direction"),
              pack.field("visit", "status")]
    return [pack.section("timeline"), pack.table(header, rows, (0.13, 0.13, 0.48, 0.12, 0.14))]


def aid(pack: Pack, c: PartnerBriefContent) -> list[Block]:
    f, w = pack.f, pack.w
    rows = []
    for r in c.aid_totals:
        values = "\n".join(f.money(value, currency) for currency, value in r["values"].items())
        quantities = "\n".join(f"{d}: {f.quantity(q, u)}" for d, u, q in r["quantities"])
        rows.append([str(r["year"] or ""), f.label(v.SHIPMENT_DIRECTIONS, r["direction"]), str(r["shipments"]),
                     values, quantities])
    header = [w("year"), pack.field("shipment", "direction"), w("shipments"), pack.field("shipment_item", "value"),
              w("quantities")]
    return [pack.section("aid"), pack.table(header, rows, (0.1, 0.12, 0.12, 0.24, 0.42), right=(2, 3))]


def contacts(pack: Pack, c: PartnerBriefContent) -> list[Block]:
    return [pack.section("contacts"), contacts_table(pack, c.contacts)]


def visits(pack: Pack, c: PartnerBriefContent) -> list[Block]:
    f, w = pack.f, pack.w
    rows = [[f.short_range(r["start_on"], r["end_on"]), f.label(v.VISIT_DIRECTIONS, r["direction"]), r["title"],
             r["leader"], f.label(v.VISIT_STATUSES, r["status"])] for r in c.planned_visits]
    header = [w("dates"), w("direction"), w("visit"), pack.field("visit", "leader"), pack.field("visit", "status")]
    return [pack.section("visits"), pack.table(header, rows, (0.2, 0.11, 0.35, 0.22, 0.12))]


CHANGES_LISTED = 200  # a printed pack lists the latest changes; the command line lists them all


def changes(pack: Pack, c: PartnerBriefContent) -> list[Block]:
    w = pack.w
    rows = c.changes(pack.lang)
    listed = rows[:CHANGES_LISTED]
    body = [[r.when, r.user, r.record_label if r.kind != "partner" else "", r.what] for r in listed]
    out = [pack.section("changes"), pack.table([w("when"), w("who"), w("record"), w("change")], body,
                                               (0.17, 0.17, 0.16, 0.5))]
    if len(rows) > len(listed):
        out.append(pack.note(w("older_changes", n=f"{len(rows) - len(listed):,}", id=c.partner_id)))
    return out


SECTIONS: dict[str, Callable[[Pack, PartnerBriefContent], list[Block]]] = {
    "profile": profile,
    "partnerships": partnerships,
    "dates_ahead": dates_ahead,
    "timeline": timeline,
    "aid": aid,
    "contacts": contacts,
    "visits": visits,
    "changes": changes,
    "documents": documents_on_file,
}
