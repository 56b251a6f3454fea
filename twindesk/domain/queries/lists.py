"""The lists the window and the workbook show: filtered, sorted and paged in SQL, returned as plain rows.

Each list declares its columns as SQL expressions; `fetch(name, ListQuery(...))` applies the search
text (every word must appear in one of the record's names, in any script or in pinyin, case-folded; a
shipment's also in its items, a visit's in its delegates and partners), the status,
direction, country and date-range filters, the sort and the page, and returns a ListPage of dicts.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import peewee as pw
from peewee import fn

from twindesk.domain.queries import agreements
from twindesk.store import dialect
from twindesk.store import models as m

PAGE_SIZE = 200


@dataclass(frozen=True)
class ListQuery:
    text: str = ""
    statuses: tuple[str, ...] = ()
    direction: str | None = None
    country: str | None = None
    partner_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    sort: str | None = None  # a column key; None for the list's default order
    descending: bool = False
    offset: int = 0
    limit: int | None = PAGE_SIZE  # None: every matching row


@dataclass
class ListPage:
    columns: tuple[str, ...]
    rows: list[dict]
    matched: int  # rows matching the filters
    total: int  # rows in the list without filters


@dataclass(frozen=True)
class ListDef:
    name: str
    model: type
    columns: dict[str, pw.Node]
    base: Callable[[], pw.ModelSelect]  # FROM … JOIN …, without columns
    text: Callable[[str], pw.Expression]  # one search word -> condition
    default_sort: tuple[str, bool]  # (column, descending)
    status: pw.Node | None = None
    direction: pw.Node | None = None
    country: pw.Node | None = None
    partner: pw.Node | None = None
    date: pw.Node | None = None
    tiebreak: pw.Node = field(default=None)
    # Columns that sort by something other than what they show: Chinese names by their pinyin key.
    sort_by: dict[str, pw.Node] = field(default_factory=dict)


def _has(column: pw.Node, word: str) -> pw.Expression:
    return dialect.contains(column, word)


P = m.Partner
PartnerAlias = m.Partner.alias("p")


def _partner_names(alias) -> dict[str, pw.Node]:
    return {
        "partner_zh": alias.name_zh,
        "partner_en": alias.name_en,
        "partner_native": alias.name_native,
    }


def _partner_matches(alias, word):
    return _has(alias.search_text, word)


# --- partners -------------------------------------------------------------------------------
def _partnership_count():
    ps = m.Partnership.alias("ps")
    return ps.select(fn.count(ps.id)).where(ps.partner == P.id)


PARTNERS = ListDef(
    "partners",
    P,
    {
        "id": P.id,
        "name_zh": P.name_zh,
        "name_en": P.name_en,
        "name_native": P.name_native,
        "kind": P.kind,
        "country": P.country,
        "population": P.population,
        "partnerships": _partnership_count(),
        "updated_at": P.updated_at,
    },
    base=lambda: P.select(),
    text=lambda w: _has(P.search_text, w),
    default_sort=("name_en", False),
    sort_by={"name_zh": P.sort_zh},
    status=P.kind,
    country=P.country,
    partner=P.id,
)

# --- home localities ------------------------------------------------------------------------
L = m.HomeLocality
HOME_LOCALITIES = ListDef(
    "home_localities",
    L,
    {
        "id": L.id,
        "name_zh": L.name_zh,
        "name_en": L.name_en,
        "kind": L.kind,
        "sort_order": L.sort_order,
        "partnerships": m.Partnership.select(fn.count(m.Partnership.id)).where(m.Partnership.home_locality == L.id),
    },
    base=lambda: L.select(),
    text=lambda w: _has(fn.lower(L.name_zh.concat(" ").concat(L.name_en)), w),
    default_sort=("sort_order", False),
    sort_by={"name_zh": L.sort_zh},
    status=L.kind,
)

# --- partnerships ---------------------------------------------------------------------------
PS = m.Partnership
PARTNERSHIPS = ListDef(
    "partnerships",
    PS,
    {
        "id": PS.id,
        "partner_id": PS.partner,
        **_partner_names(PartnerAlias),
        "country": PartnerAlias.country,
        "home_locality_id": PS.home_locality,
        "locality_zh": L.name_zh,
        "locality_en": L.name_en,
        "tier": PS.tier,
        "status": PS.status,
        "status_since": PS.status_since,
        "established_year": PS.established_year,
        "signed_on": PS.signed_on,
        "next_review_on": agreements.renewal_on(PS),  # the latest expiry of its agreements
    },
    base=lambda: PS.select().join(PartnerAlias, on=(PS.partner == PartnerAlias.id)).switch(PS).join(
        L, on=(PS.home_locality == L.id)),
    text=lambda w: _partner_matches(PartnerAlias, w) | _has(fn.lower(L.name_zh.concat(L.name_en)), w),
    default_sort=("established_year", False),
    status=PS.status,
    country=PartnerAlias.country,
    partner=PS.partner,
    date=agreements.renewal_on(PS),
    sort_by={"partner_zh": PartnerAlias.sort_zh, "locality_zh": L.sort_zh},
)

# --- contacts -------------------------------------------------------------------------------
C = m.Contact
CONTACTS = ListDef(
    "contacts",
    C,
    {
        "id": C.id,
        "partner_id": C.partner,
        **_partner_names(PartnerAlias),
        "honorific": C.honorific,
        "family_name": C.family_name,
        "given_name": C.given_name,
        "family_name_first": C.family_name_first,
        "title": C.title,
        "organization": C.organization,
        "email": C.email,
        "phone": C.phone,
    },
    base=lambda: C.select().join(PartnerAlias, on=(C.partner == PartnerAlias.id)),
    text=lambda w: _has(C.search_text, w) | _partner_matches(PartnerAlias, w),
    default_sort=("family_name", False),
    country=PartnerAlias.country,
    partner=C.partner,
    sort_by={"partner_zh": PartnerAlias.sort_zh},
)

# --- activities -----------------------------------------------------------------------------
A = m.Activity
ACTIVITIES = ListDef(
    "activities",
    A,
    {
        "id": A.id,
        "held_on": A.held_on,
        "kind": A.kind,
        "title": A.title,
        "partner_id": A.partner,
        **_partner_names(PartnerAlias),
        "place": A.place,
        "follow_up_on": A.follow_up_on,
    },
    base=lambda: A.select().join(PartnerAlias, pw.JOIN.LEFT_OUTER, on=(A.partner == PartnerAlias.id)),
    text=lambda w: _has(A.search_text, w) | _partner_matches(PartnerAlias, w),
    default_sort=("held_on", True),
    status=A.kind,
    country=PartnerAlias.country,
    partner=A.partner,
    date=A.held_on,
    sort_by={"partner_zh": PartnerAlias.sort_zh},
)

# --- visits ---------------------------------------------------------------------------------
V = m.Visit
VP = m.VisitPartner.alias("vp")


def _visit_partner_names():
    vp, p = m.VisitPartner.alias("vpn"), m.Partner.alias("pn")
    name = fn.COALESCE(fn.NULLIF(p.name_zh, ""), fn.NULLIF(p.name_en, ""), p.name_native)
    return (vp.select(dialect.joined(name, "、", order_by=vp.id)).join(p, on=(vp.partner == p.id))
            .where(vp.visit == V.id))


def _child_matches(parent_id: pw.Node, link: pw.ForeignKeyField, word: str) -> pw.Expression:
    """The record has a child (an item, a delegate) whose `search_text` holds `word`.

    `id IN (…)` rather than a correlated EXISTS: SQLite reads the child index (parent, search_text) once
    per keystroke instead of once per row. At 100,000 shipments (185,000 items) the IN adds about 15% to
    the search, the EXISTS about 95%; folding the items into the shipment's own text would add 5%, but
    every item's save, delete, undo and import would then have to rewrite its shipment."""
    child = link.model
    return parent_id.in_(child.select(link).where(_has(child.search_text, word)))


def _visit_partner_matches(word):
    # Nested IN, as _child_matches: the partners are read once per keystroke, then their links by index.
    # At 100,000 visits this keystroke takes ~0.23 s; the correlated EXISTS it replaces took ~0.7 s.
    vp, p = m.VisitPartner.alias("vpm"), m.Partner.alias("pm")
    return V.id.in_(vp.select(vp.visit).where(vp.partner.in_(p.select(p.id).where(_has(p.search_text, word)))))


VISITS = ListDef(
    "visits",
    V,
    {
        "id": V.id,
        "start_on": V.start_on,
        "end_on": V.end_on,
        "direction": V.direction,
        "status": V.status,
        "title": V.title,
        "partners": _visit_partner_names(),
        "leader": V.leader,
        "delegates": m.Delegate.select(fn.count(m.Delegate.id)).where(m.Delegate.visit == V.id),
    },
    base=lambda: V.select(),
    text=lambda w: _has(V.search_text, w) | _visit_partner_matches(w) | _child_matches(V.id, m.Delegate.visit, w),
    default_sort=("start_on", True),
    status=V.status,
    direction=V.direction,
    date=V.start_on,
)

# --- shipments ------------------------------------------------------------------------------
S = m.Shipment
SHIPMENT_DATE = S.effective_date()
SHIPMENTS = ListDef(
    "shipments",
    S,
    {
        "id": S.id,
        "date": SHIPMENT_DATE,
        "direction": S.direction,
        "status": S.status,
        "kind": S.kind,
        "title": S.title,
        "partner_id": S.partner,
        **_partner_names(PartnerAlias),
        "counterparty": S.counterparty,
        "occasion": S.occasion,
        "tracking_ref": S.tracking_ref,
    },
    base=lambda: S.select().join(PartnerAlias, pw.JOIN.LEFT_OUTER, on=(S.partner == PartnerAlias.id)),
    text=lambda w: _has(S.search_text, w) | _partner_matches(PartnerAlias, w) | _child_matches(S.id, m.ShipmentItem.shipment, w),
    default_sort=("date", True),
    status=S.status,
    direction=S.direction,
    country=PartnerAlias.country,
    partner=S.partner,
    date=SHIPMENT_DATE,
    sort_by={"partner_zh": PartnerAlias.sort_zh},
)

LISTS: dict[str, ListDef] = {d.name: d for d in (
    PARTNERS, HOME_LOCALITIES, PARTNERSHIPS, CONTACTS, ACTIVITIES, VISITS, SHIPMENTS,
)}


def _filtered(ld: ListDef, q: ListQuery) -> pw.ModelSelect:
    query = ld.base()
    conditions = []
    for word in m.search_words(q.text):
        conditions.append(ld.text(word))
    if q.statuses and ld.status is not None:
        conditions.append(ld.status.in_(list(q.statuses)))
    if q.direction and ld.direction is not None:
        conditions.append(ld.direction == q.direction)
    if q.country and ld.country is not None:
        conditions.append(ld.country == q.country.upper())
    if q.partner_id is not None and (ld.partner is not None or ld is VISITS):
        if ld is VISITS:  # a visit has its partners in visit_partner, not a column
            conditions.append(fn.EXISTS(VP.select(VP.id).where((VP.visit == V.id) & (VP.partner == q.partner_id))))
        else:
            conditions.append(ld.partner == q.partner_id)
    if ld.date is not None:
        if q.date_from:
            conditions.append(ld.date >= q.date_from)
        if q.date_to:
            conditions.append(ld.date <= q.date_to)
    if conditions:
        query = query.where(*conditions)
    return query


def _order(ld: ListDef, q: ListQuery) -> list[pw.Node]:
    """The query's sort column (or the list's default), NULLs last, then id as the tie-break."""
    sort_key, descending = (q.sort, q.descending) if q.sort else ld.default_sort
    sort_expr = ld.sort_by.get(sort_key, ld.columns[sort_key])
    return [sort_expr.desc(nulls="LAST") if descending else sort_expr.asc(nulls="LAST"),
            ld.model.id.desc() if descending else ld.model.id.asc()]


def fetch(name: str, q: ListQuery = ListQuery()) -> ListPage:
    """One page of list `name` under query `q`, with the matched and total counts."""
    ld = LISTS[name]
    if q.sort is not None and q.sort not in ld.columns:
        raise KeyError(f"list {name} has no column {q.sort!r}")
    order = _order(ld, q)
    filtered = _filtered(ld, q)
    selected = [expr.alias(key) for key, expr in ld.columns.items()]
    page = filtered.select(*selected).order_by(*order)
    if q.limit is not None:
        page = page.limit(q.limit).offset(q.offset)
    rows = list(page.dicts())
    matched = filtered.select(fn.count(ld.model.id)).scalar() if (q.limit is not None or q.offset) else len(rows)
    total = ld.model.select().count() if _has_filters(q) else matched
    return ListPage(tuple(ld.columns), rows, matched, total)


def _has_filters(q: ListQuery) -> bool:
    return bool(m.search_words(q.text) or q.statuses or q.direction or q.country or q.partner_id is not None
                or q.date_from or q.date_to)


def ids(name: str, q: ListQuery = ListQuery()) -> list[int]:
    """Every matching id in list order: for big lists the window keeps ids and fetches rows lazily."""
    ld = LISTS[name]
    query = _filtered(ld, q).select(ld.model.id).order_by(*_order(ld, q))
    # The raw cursor: wrapping 100,000 one-column rows in peewee's row objects doubles the time.
    return [i for (i,) in m.database.execute(query)]


def rows_by_id(name: str, wanted: list[int]) -> dict[int, dict]:
    """The rows of list `name` for the given ids (in no particular order)."""
    ld = LISTS[name]
    if not wanted:
        return {}
    selected = [expr.alias(key) for key, expr in ld.columns.items()]
    query = ld.base().select(*selected).where(ld.model.id.in_(list(wanted)))
    return {row["id"]: row for row in query.dicts()}


def count(name: str) -> int:
    """How many records list `name` holds, unfiltered."""
    return LISTS[name].model.select().count()
