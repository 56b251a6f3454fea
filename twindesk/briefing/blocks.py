"""What a section is made of: headings, flowing text, tables, and the blocks both packs share (a
partner's facts and relations, contacts, gifts). Sections get a `Pack` and return paper blocks
(briefing/paper/model.py), which the PDF and the Word renderer lay out alike.
"""

from datetime import date

from twindesk.briefing.formatting import Formatter
from twindesk.briefing.markup import paragraphs
from twindesk.briefing.paper.model import Block, Cell, DataTable, Facts, Heading, Paragraph
from twindesk.briefing.wording import Wording
from twindesk.domain.model import vocabulary as v
from twindesk.domain.model.specs import SPECS


class Pack:
    """The pack being written: its language and formatting, and small builders of paper blocks.

    `s` holds the PDF's styles while a PDF is rendered (the cover page asks for them); None otherwise.
    """

    def __init__(self, wording: Wording, issued: date, styles=None):
        self.s = styles
        self.w = wording
        self.f = Formatter(wording)
        self.lang = wording.lang
        self.issued = issued

    def field(self, kind: str, name: str) -> str:
        """A record field's label in the pack's language (from the record specs)."""
        return SPECS[kind].field_label(name, self.lang)

    def section(self, key: str, wording_key: str | None = None) -> Heading:
        """The heading of section `key`, worded as `wording_key` where it reads differently."""
        return Heading(1, self.w(wording_key or key))

    def h2(self, text: str) -> Heading:
        """A sub-section: in the outline, and in the contents where there is room."""
        return Heading(2, text)

    def h3(self, text: str) -> Heading:
        """A label above a block: neither in the outline nor in the contents."""
        return Heading(3, text)

    def text(self, value, *, empty: str | None = None) -> list[Block]:
        """Long text as flowing paragraphs; `empty` (a wording key) when there is none."""
        out: list[Block] = [Paragraph(p) for p in paragraphs(value)]
        if not out and empty:
            out = [self.note(self.w(empty))]
        return out

    def note(self, text: str) -> Paragraph:
        """A hint in smaller, quieter type."""
        return Paragraph(text, "muted")

    def bullet(self, text: str) -> Paragraph:
        return Paragraph(text, "bullet")

    def nothing(self) -> Paragraph:
        return self.note(self.w("nothing"))

    def table(self, header, rows, widths, *, right=()) -> Block:
        if not rows:
            return self.nothing()
        return DataTable(tuple(header), tuple(tuple(r) for r in rows), tuple(widths), tuple(right))

    def facts(self, pairs: list[tuple[str, Cell]], *, label_width: float = 0.26) -> list[Block]:
        """The rows that have a value; nothing if none has."""
        rows = tuple((label, value) for label, value in pairs if value not in (None, "", [], ("", "")))
        return [Facts(rows, label_width)] if rows else []

    def labelled_text(self, label: str, value) -> list[Block]:
        body = self.text(value)
        return [self.h3(label), *body] if body else []


# --- blocks both packs use ------------------------------------------------------------------------------

def issued(pack: Pack) -> str:
    """"Issued 29 November 2026" / "印发日期：2026年11月29日"."""
    return pack.w("issued_on", date=pack.f.date(pack.issued))


def partner_facts(pack: Pack, p: dict) -> list[Block]:
    f = pack.f
    coords = ""
    if p["latitude"] is not None and p["longitude"] is not None:
        coords = f"{p['latitude']:.4f}, {p['longitude']:.4f}"
    parent = f.name(p, "parent_")
    return pack.facts([
        (pack.field("partner", "name_zh"), p["name_zh"]),
        (pack.field("partner", "name_en"), p["name_en"]),
        (pack.field("partner", "name_native"), p["name_native"]),
        (pack.field("partner", "country"), f.country(p["country"])),
        (pack.field("partner", "kind"), f.label(v.PARTNER_KINDS, p["kind"])),
        (pack.field("partner", "parent"), parent),
        (pack.field("partner", "population"), f.number(p["population"])),
        (pack.field("partner", "area_km2"), f.number(p["area_km2"])),
        (pack.field("partner", "website"), p["website"]),
        (f"{pack.field('partner', 'latitude')} / {pack.field('partner', 'longitude')}", coords),
    ])


def relation_name(pack: Pack, row: dict, partner: dict) -> str:
    """"Hainan Province – Hyogo Prefecture" / "海南省—兵库县"."""
    dash = "—" if pack.w.zh else " – "
    return f"{pack.f.locality(row)}{dash}{pack.f.name(partner)}"


def established(row: dict) -> str:
    """Since when the relation stands: its established year, else the year it was signed."""
    year = row["established_year"] or (row["signed_on"].year if row["signed_on"] else None)
    return str(year) if year else ""


def status_since(pack: Pack, row: dict) -> str:
    f = pack.f
    status = f.label(v.PARTNERSHIP_STATUSES, row["status"])
    if row["status_since"]:
        since = pack.w("since", date=f.date(row["status_since"]) if pack.w.zh else f.short_date(row["status_since"]))
        return f"{status}{since}" if pack.w.zh else f"{status}, {since}"
    return status


def agreement_cell(pack: Pack, row: dict) -> Cell:
    """The agreement's title with where, when and by whom it was signed, on a smaller line."""
    f, w = pack.f, pack.w
    signing = []
    if row["signed_on"]:
        signing.append(w("signed", date=f.date(row["signed_on"])))
    if row["signed_place"]:
        signing.append(w("signed_at", place=row["signed_place"]))
    if row["signatories"]:
        signing.append(w("signatories", names=row["signatories"].replace("\n", "; ")))
    sep = "，" if w.zh else ", "
    joined = ("" if w.zh else " ").join(signing[:2])
    note = sep.join(x for x in (joined, *signing[2:]) if x)
    return (row["agreement_title"], note) if row["agreement_title"] or note else ""


def partnerships_table(pack: Pack, partnerships: list[dict]) -> Block:
    w = pack.w
    rows = [[pack.f.locality(r), pack.f.label(v.TIERS, r["tier"]), established(r), status_since(pack, r),
             agreement_cell(pack, r), pack.f.short_date(r["next_review_on"])] for r in partnerships]
    header = [pack.field("partnership", "home_locality"), pack.field("partnership", "tier"), w("established"),
              pack.field("partnership", "status"), w("agreement"), pack.field("agreement", "expires_on")]
    return pack.table(header, rows, (0.14, 0.17, 0.12, 0.2, 0.23, 0.14))


def contacts_table(pack: Pack, contacts: list[dict], partner_names: dict[int, dict] | None = None) -> Block:
    """Contacts; with `partner_names` (more than one partner), a column says whose contact each is."""
    f, w = pack.f, pack.w
    rows = []
    for c in contacts:
        title_org = "\n".join(x for x in (c["title"], c["organization"]) if x)
        reach = "\n".join(x for x in (c["email"], c["phone"]) if x)
        row = [(f.person(c), c["notes"]), title_org, c["languages"], reach]
        if partner_names:
            row.insert(2, f.name(partner_names.get(c["partner_id"], {})))
        rows.append(row)
    header = [w("name"), w("title_org"), pack.field("contact", "languages"), w("reach")]
    widths = [0.27, 0.31, 0.12, 0.3]
    if partner_names:
        header.insert(2, pack.field("contact", "partner"))
        widths = [0.22, 0.24, 0.16, 0.12, 0.26]
    return pack.table(header, rows, widths)


def gift_value(pack: Pack, g: dict) -> str:
    return pack.f.money(g["value"], g["currency"])
