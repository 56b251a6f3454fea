"""What a workbook export reads: every record of every table, in a stable order (by ID), as plain tuples.

The workbook never builds SQL; it asks here for the rows, the names that make a reference readable and
the sizes of the longest texts (a cell holds at most 32,767 UTF-16 code units, so a longer note needs
continuation columns, and those must be known before the first row is written).
"""

from collections.abc import Iterator
from contextlib import contextmanager

from peewee import fn

from twindesk.domain.transfer_tables import KINDS, spec_of
from twindesk.store import models as m


@contextmanager
def snapshot() -> Iterator[None]:
    """Every read inside sees the database as it was at the first one (one read transaction; in WAL mode
    others may write meanwhile): the sheets, their row counts and the summary agree."""
    with m.database.atomic():
        yield


def row_counts() -> dict[str, int]:
    """Records per table, for the progress bar."""
    return {kind: spec_of(kind).model.select().count() for kind in KINDS}


def record_rows(kind: str) -> Iterator[tuple]:
    """(id, value of each spec field in spec order) for every record of `kind`, by ID.

    References come as IDs, dates as dates, amounts as Decimals. Streamed: 100,000 shipments are never
    all in memory at once.
    """
    spec = spec_of(kind)
    model = spec.model
    columns = [model.id, *(getattr(model, f.name) for f in spec.fields)]
    yield from model.select(*columns).order_by(model.id).tuples().iterator()


def _both(first: str, second: str) -> str:
    return f"{first} / {second}" if first and second and first != second else (first or second)


def reference_names(kind: str, lang: str = "en") -> dict[int, str]:
    """ID -> the name a reference to a `kind` record reads by, in the reader's language first
    ("Hyogo Prefecture / 兵库县 (JP)"). Streamed into a dict: 100,000 names, no more."""
    chinese = lang.startswith("zh")
    p, loc = m.Partner, m.HomeLocality
    if kind == "partner":
        query = p.select(p.id, p.name_zh, p.name_en, p.name_native, p.country)
        return {i: f"{(_both(zh, en) if chinese else _both(en, zh)) or native} ({c})"
                for i, zh, en, native, c in m.database.execute(query)}
    if kind == "home_locality":
        query = loc.select(loc.id, loc.name_zh, loc.name_en)
        return {i: _both(zh, en) if chinese else _both(en, zh) for i, zh, en in m.database.execute(query)}
    if kind == "visit":
        v = m.Visit
        return {i: f"{title} ({start or '—'})" for i, title, start in m.database.execute(v.select(v.id, v.title, v.start_on))}
    if kind == "shipment":
        s = m.Shipment
        return dict(m.database.execute(s.select(s.id, s.title)))
    if kind == "partnership":
        ps = m.Partnership
        query = (ps.select(ps.id, loc.name_zh, loc.name_en, p.name_zh, p.name_en)
                 .join(p, on=(ps.partner == p.id)).switch(ps).join(loc, on=(ps.home_locality == loc.id)))
        return {i: f"{(lz or le) if chinese else (le or lz)} – {(pz or pe) if chinese else (pe or pz)}"
                for i, lz, le, pz, pe in m.database.execute(query)}
    raise KeyError(kind)


def visit_partner_names(lang: str = "en") -> dict[int, str]:
    """Visit ID -> the names of its partners, in link order, in the reader's language first."""
    vp, p = m.VisitPartner, m.Partner
    query = (vp.select(vp.visit, p.name_zh, p.name_en, p.name_native).join(p, on=(vp.partner == p.id))
             .order_by(vp.visit, vp.id))
    chinese = lang.startswith("zh")
    names: dict[int, list[str]] = {}
    for visit_id, zh, en, native in m.database.execute(query):
        first = (zh or en or native) if chinese else (en or zh or native)
        names.setdefault(visit_id, []).append(first or "")
    separator = "、" if chinese else "; "
    return {visit_id: separator.join(parts) for visit_id, parts in names.items()}


def utf16_length(text: str) -> int:
    """Length as Excel counts it: characters outside the Basic Multilingual Plane (emoji) count twice."""
    return len(text.encode("utf-16-le")) // 2


def longest_texts(kind: str, over: int) -> dict[str, int]:
    """For each long-text field of `kind` holding a text of more than `over` characters: the largest
    such text's length in UTF-16 code units (what a spreadsheet cell's limit counts)."""
    spec = spec_of(kind)
    model = spec.model
    sizes: dict[str, int] = {}
    for f in spec.fields:
        if f.kind != "longtext":
            continue
        column = getattr(model, f.name)
        query = model.select(column).where(fn.length(column) > over)
        longest = max((utf16_length(text) for (text,) in m.database.execute(query)), default=0)
        if longest:
            sizes[f.name] = longest
    return sizes
