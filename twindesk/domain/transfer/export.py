"""What a workbook export reads: every record of every table, in a stable order (by ID), as plain tuples.

The workbook never builds SQL; it asks here for the rows (with the names that make each reference
readable, joined in the same query rather than held in a dict: 100,000 shipment titles would cost more
memory than writing the workbook) and for the sizes of the longest texts (a cell holds at most 32,767
UTF-16 code units, so a longer note needs continuation columns, known before the first row is written).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import peewee as pw
from peewee import fn

from twindesk.domain.transfer.tables import KINDS, TAG, spec_of
from twindesk.store import dialect
from twindesk.store import models as m


@contextmanager
def snapshot() -> Iterator[None]:
    """Every read inside sees the database as it was at the first one (one read transaction; in WAL mode
    others may write meanwhile): the sheets, their row counts and the summary agree."""
    with m.database.atomic():
        yield


def row_counts() -> dict[str, int]:
    """Records per table, for the progress bar and the sheets' sizes."""
    return {kind: spec_of(kind).model.select().count() for kind in KINDS}


def _both(first: str, second: str) -> str:
    return f"{first} / {second}" if first and second and first != second else (first or second or "")


# --- the name a reference reads by, per kind of record it points to ---------------------------------
# Each: (the columns to join in, given the joined table's alias, and how to word them in a language).
def _partner_parts(p) -> list:
    return [p.name_zh, p.name_en, p.name_native, p.country]


def _partner_name(zh, en, native, country, chinese: bool) -> str | None:
    if country is None:
        return None  # no partner
    name = (_both(zh, en) if chinese else _both(en, zh)) or native
    return f"{name} ({country})"


def _locality_name(zh, en, chinese: bool) -> str | None:
    if zh is None and en is None:
        return None  # no locality
    return _both(zh, en) if chinese else _both(en, zh)


def _visit_name(title, start, chinese: bool) -> str | None:
    return None if title is None else f"{title} ({start or '—'})"


def _shipment_name(title, chinese: bool) -> str | None:
    return title


def _partnership_name(lz, le, pz, pe, chinese: bool) -> str | None:
    if lz is None and pz is None:
        return None
    first, second = ((lz or le), (pz or pe)) if chinese else ((le or lz), (pe or pz))
    return f"{first} – {second}"


def _join_partnership(query, model, field):
    ps, p, loc = m.Partnership.alias(f"aid_{field}"), m.Partner.alias(f"aid_{field}_p"), \
        m.HomeLocality.alias(f"aid_{field}_l")
    query = (query.join_from(model, ps, pw.JOIN.LEFT_OUTER, on=(getattr(model, field) == ps.id))
             .join_from(ps, p, pw.JOIN.LEFT_OUTER, on=(ps.partner == p.id))
             .join_from(ps, loc, pw.JOIN.LEFT_OUTER, on=(ps.home_locality == loc.id)))
    return query, [loc.name_zh, loc.name_en, p.name_zh, p.name_en]


_AIDS: dict[str, tuple[Callable, Callable]] = {
    "partner": (_partner_parts, _partner_name),
    "home_locality": (lambda a: [a.name_zh, a.name_en], _locality_name),
    "visit": (lambda a: [a.title, a.start_on], _visit_name),
    "shipment": (lambda a: [a.title], _shipment_name),
    "partnership": (None, _partnership_name),
}


def reading_aids(kind: str) -> list[str]:
    """The names `record_rows` adds after the fields: one per reference field (by field name), and
    "partners" for a visit (its partners' names)."""
    spec = spec_of(kind)
    aids = [f.name for f in spec.fields if f.kind == "ref"]
    return aids + (["partners"] if kind == "visit" else [])


def _visit_partners(lang: str) -> pw.Node:
    vp, p = m.VisitPartner.alias("aid_vp"), m.Partner.alias("aid_vp_p")
    first = (p.name_zh, p.name_en) if lang.startswith("zh") else (p.name_en, p.name_zh)
    name = fn.COALESCE(fn.NULLIF(first[0], ""), fn.NULLIF(first[1], ""), p.name_native)
    separator = "、" if lang.startswith("zh") else "; "
    return (vp.select(dialect.joined(name, separator, order_by=vp.id)).join(p, on=(vp.partner == p.id))
            .where(vp.visit == m.Visit.id))


# What every row of `record_rows` starts with: the record's ID, its UUID and its version, which an import
# matches the row by (docs/architecture.md, "Identity"), and the demo's tag.
LEADING = ("id", "uuid", "version", TAG)


def record_rows(kind: str, lang: str = "en") -> Iterator[tuple]:
    """(`LEADING`: id, uuid, version, the demo's tag; each spec field's value in spec order, then the
    reading aids of `reading_aids(kind)`) for every record of `kind`, by ID.

    References come as IDs, dates as dates, amounts as Decimals; an aid is the name the referenced
    record reads by, in `lang` first ("Hyogo Prefecture / 兵库县 (JP)"). Streamed: 100,000 shipments are
    never all in memory at once.
    """
    spec = spec_of(kind)
    model = spec.model
    chinese = lang.startswith("zh")
    columns = [*(getattr(model, name) for name in LEADING), *(getattr(model, f.name) for f in spec.fields)]
    query = model.select()
    wording = []  # (first extra column, how many, how to word them)
    for f in spec.fields:
        if f.kind != "ref":
            continue
        parts, word = _AIDS[f.ref]
        if parts is None:
            query, joined = _join_partnership(query, model, f.name)
        else:
            alias = spec_of(f.ref).model.alias(f"aid_{f.name}")
            query = query.join_from(model, alias, pw.JOIN.LEFT_OUTER, on=(getattr(model, f.name) == alias.id))
            joined = parts(alias)
        wording.append((len(columns), len(joined), word))
        columns += joined
    if kind == "visit":
        wording.append((len(columns), 1, lambda names, chinese: names))
        columns.append(_visit_partners(lang))
    width = len(LEADING) + len(spec.fields)
    for row in query.select(*columns).order_by(model.id).tuples().iterator():
        yield row[:width] + tuple(word(*row[start:start + n], chinese) for start, n, word in wording)


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
        texts = (text for (text,) in m.database.execute(query))
        longest = max((len(text.encode("utf-16-le")) // 2 for text in texts), default=0)
        if longest:
            sizes[f.name] = longest
    return sizes


def document_rows(lang: str = "en") -> Iterator[tuple]:
    """(id, uuid, version, title, kind, date, the record's kind in `lang`, its ID, file name as given, size,
    SHA-256) of every document, by ID: the workbook's Documents sheet. Never a file's content."""
    from twindesk.domain.model.specs import SPECS

    d = m.Document
    query = d.select(d.id, d.uuid, d.version, d.title, d.kind, d.dated_on, d.owner_kind, d.owner_id, d.file_name,
                     d.size, d.blob)
    for row in query.order_by(d.id).tuples().iterator():
        kind = row[6]
        yield row[:6] + (SPECS[kind].record_label(lang) if kind in SPECS else kind,) + row[7:]


def document_count() -> int:
    return m.Document.select().count()
