"""What a record's own page and dialogs show besides its fields: its sub-records and its timeline."""

from datetime import date

from peewee import fn

from twindesk.domain.model.fields import parse_date
from twindesk.domain.model.specs import SPECS
from twindesk.store import dialect
from twindesk.store import models as m

# Sub-record kind -> the order its rows are shown in.
CHILD_ORDER = {
    "delegate": ("precedence", "id"),
    "itinerary_item": ("day", "start_time", "id"),
    "gift": ("id",),
    "shipment_item": ("id",),
    "contact": ("family_name", "given_name", "id"),
    "partnership": ("established_year", "id"),
    "status_change": ("changed_on", "id"),
    "activity": ("held_on", "id"),
    "agreement": ("signed_on", "id"),
    "partnership_approval": ("id",),
    "visit_approval": ("approved_on", "id"),
}


def children(kind: str, parent_id: int) -> list[dict]:
    """The sub-records of `kind` (delegate, gift, shipment_item …) belonging to `parent_id`."""
    spec = SPECS[kind]
    model = spec.model
    parent_field = getattr(model, spec.parent or "partner")
    order = [getattr(model, name) for name in CHILD_ORDER.get(kind, ("id",))]
    rows = []
    for obj in model.select().where(parent_field == parent_id).order_by(*order):
        row = {"id": obj.id, "version": obj.version}  # a panel's edit or delete expects it still
        for f in spec.fields:
            row[f.name] = getattr(obj, f.name + "_id") if f.kind == "ref" else getattr(obj, f.name)
        rows.append(row)
    return rows


def _partner_label(zh, en, country) -> str:
    return f"{zh} / {en} ({country})" if en and en != zh else f"{zh} ({country})"


def _partner_name(p):
    """The name a partner's label starts with: Chinese, else English, else native."""
    return fn.COALESCE(fn.NULLIF(p.name_zh, ""), fn.NULLIF(p.name_en, ""), p.name_native)


def _partner_choices(where=None, limit: int | None = None) -> list[tuple[int, str]]:
    p = m.Partner
    q = p.select(p.id, _partner_name(p), p.name_en, p.country).order_by(p.name_en, p.name_zh, p.id)
    if where is not None:
        q = q.where(where)
    if limit is not None:
        q = q.limit(limit)
    return [(i, _partner_label(zh, en, c)) for i, zh, en, c in q.tuples()]


def choices(kind: str) -> list[tuple[int, str]]:
    """(id, display name) of every record a reference field may point to (partners, localities …)."""
    if kind == "partner":
        return _partner_choices()
    if kind == "home_locality":
        loc = m.HomeLocality
        q = loc.select(loc.id, loc.name_zh, loc.name_en).order_by(loc.sort_order, loc.id)
        return [(i, f"{zh} / {en}" if en else zh) for i, zh, en in q.tuples()]
    if kind == "visit":
        v = m.Visit
        q = v.select(v.id, v.title, v.start_on).order_by(v.start_on.desc(nulls="LAST"))
        return [(i, f"{t} ({s or '—'})") for i, t, s in q.tuples()]
    if kind == "shipment":
        s = m.Shipment
        q = s.select(s.id, s.title).order_by(s.id.desc())
        return list(q.tuples())
    if kind == "partnership":
        ps, p, loc = m.Partnership, m.Partner, m.HomeLocality
        q = ps.select(ps.id, p.name_zh, p.name_en, loc.name_zh).join(p).switch(ps).join(loc)
        return [(i, f"{loc_zh} – {zh or en}") for i, zh, en, loc_zh in q.tuples()]
    raise KeyError(kind)


# Reference kinds whose records can run into the tens of thousands: pick them by searching.
SEARCHED_KINDS = ("partner",)


def find_choices(kind: str, text: str, limit: int = 50) -> list[tuple[int, str]]:
    """The first `limit` records of `kind` whose names (any script) or country hold every typed word."""
    if kind != "partner":
        raise KeyError(kind)
    p = m.Partner
    where = None
    for word in m.search_words(text):
        condition = dialect.contains(p.search_text, word) | (fn.lower(p.country) == word)
        where = condition if where is None else where & condition
    return _partner_choices(where, limit)


def choice_label(kind: str, record_id: int) -> str | None:
    """The display name `choices` gives one record, or None when it does not exist (any more)."""
    if kind == "partner":
        found = _partner_choices(m.Partner.id == record_id)
        return found[0][1] if found else None
    return dict(choices(kind)).get(record_id)


def choice_with_namesakes(kind: str, record_id: int) -> tuple[str, bool] | None:
    """(the display name `choices` gives one record, whether another record reads the same), in one
    query; None when the record does not exist (any more). A picker shows the ID only for namesakes."""
    if kind != "partner":
        label = choice_label(kind, record_id)
        return None if label is None else (label, False)
    p, me = m.Partner, m.Partner.alias("me")
    # The partners of the same country and name: the only ones whose label can be the same.
    where = ((p.country == me.select(me.country).where(me.id == record_id))
             & (_partner_name(p) == me.select(_partner_name(me)).where(me.id == record_id)))
    found = _partner_choices(where)
    label = dict(found).get(record_id)
    if label is None:
        return None
    return label, any(i != record_id and text == label for i, text in found)


def partner_timeline(partner_id: int) -> list[dict]:
    """Visits, shipments and activities of one partner, newest first: kind, id, date, title, status."""
    v, vp = m.Visit, m.VisitPartner
    visits = (v.select(v.id, v.start_on, v.title, v.status, v.direction)
              .join(vp, on=(vp.visit == v.id)).where(vp.partner == partner_id))
    s = m.Shipment
    shipments = s.select(s.id, s.effective_date(), s.title, s.status,
                         s.direction).where(s.partner == partner_id)
    a = m.Activity
    activities = a.select(a.id, a.held_on, a.title, a.kind, a.kind).where(a.partner == partner_id)
    items = []
    for kind, query in (("visit", visits), ("shipment", shipments), ("activity", activities)):
        for record_id, on, title, status, direction in query.tuples():
            on = parse_date(on)  # COALESCE() comes back as text
            items.append({"kind": kind, "id": record_id, "date": on, "title": title, "status": status,
                          "direction": direction})
    items.sort(key=lambda r: (r["date"] is not None, r["date"] or date.min, r["id"]), reverse=True)
    return items
