"""A shipment's papers on the paper model: the packing list (装箱单) and the bilingual certificate of
donation (捐赠证书), each a PDF or a Word document (the file's suffix chooses), written through the packs'
one writing path (build.write_paper).

    build_shipment_paper("packing_list" | "certificate", shipment_id, out, lang="zh_CN", replace=False)

Totals are per currency, never one sum across currencies (domain/queries/shipment_papers.py). The
packing list is in the chosen language, in the business layout (running header, "page X of Y"); the
certificate is in both languages on the same page, Chinese first, in a double border.
"""

from datetime import date
from pathlib import Path

from twindesk.briefing.blocks import Pack
from twindesk.briefing.build import LANGS, write_paper
from twindesk.briefing.formatting import Formatter
from twindesk.briefing.markup import paragraphs
from twindesk.briefing.paper.model import (
    Block,
    DataTable,
    Facts,
    Heading,
    Paper,
    Paragraph,
    SignatureArea,
    Signatures,
)
from twindesk.briefing.paper_words import PaperWords
from twindesk.briefing.result import BriefFile
from twindesk.briefing.wording import Wording
from twindesk.domain.model import vocabulary as v
from twindesk.domain.model.errors import UserError
from twindesk.domain.model.messages import add_chinese
from twindesk.domain.output_file import check_target
from twindesk.domain.progress import Progress
from twindesk.domain.queries.shipment_papers import ShipmentPaperContent

PAPERS = ("packing_list", "certificate")
UNKNOWN_PAPER = "unknown paper {paper!r}; one of {choices}"
UNKNOWN_LANGUAGE = "unknown language {lang!r} for a shipment paper; one of {choices}"
add_chinese({UNKNOWN_PAPER: "未知的单据 {paper!r}；可选：{choices}",
             UNKNOWN_LANGUAGE: "援助批次单据的语言 {lang!r} 未知；可选：{choices}"})


def build_shipment_paper(paper: str, shipment_id: int, out: Path | str, *, lang: str = "en",
                         progress: Progress | None = None, today: date | None = None,
                         replace: bool = False) -> BriefFile:
    """Write shipment `shipment_id`'s packing list or certificate to `out` (Word for *.docx, else PDF).
    `lang` is the packing list's language (the certificate prints both, Chinese first). Raises
    NotFound, FontNotFound (PDF), OutputFileError (UserErrors) or Cancelled."""
    if paper not in PAPERS:
        raise UserError(UNKNOWN_PAPER, paper=paper, choices=", ".join(PAPERS))
    if lang not in LANGS:
        raise UserError(UNKNOWN_LANGUAGE, lang=lang, choices=", ".join(LANGS))
    progress = progress or Progress()
    check_target(out, replace=replace)  # before the paper is gathered and laid out
    content = ShipmentPaperContent(shipment_id)
    made, pack = (packing_list if paper == "packing_list" else certificate)(content, lang, today or date.today())
    return write_paper(made, pack, out, replace=replace, progress=progress)


# --- the two sides ---------------------------------------------------------------------------------------

def _home(f: Formatter, c: ShipmentPaperContent) -> str:
    zh, en = c.home["name_zh"], c.home["name_en"]
    return (zh or en) if f.zh else (en or zh)


def _other_side(f: Formatter, c: ShipmentPaperContent) -> str:
    """The partner (with its country), and the donor or recipient typed beside it, if any."""
    named = []
    if c.partner:
        country = f.country(c.partner.get("country") or "")
        name = f.name(c.partner)
        named.append(f"{name}（{country}）" if f.zh and country else f"{name}, {country}" if country else name)
    if c.shipment["counterparty"]:
        named.append(c.shipment["counterparty"])
    return ("；" if f.zh else "; ").join(named)


def _sides(f: Formatter, c: ShipmentPaperContent) -> tuple[str, str]:
    """(giving side, receiving side): ours gives what goes out, the other side what comes in."""
    ours, theirs = _home(f, c), _other_side(f, c)
    return (ours, theirs) if c.outgoing else (theirs, ours)


def _money_totals(f: Formatter, c: ShipmentPaperContent, label) -> list[tuple[str, str]]:
    return [(label(currency), f.money(total, currency)) for currency, total in c.totals.items()]


# --- the packing list ------------------------------------------------------------------------------------

def packing_list(c: ShipmentPaperContent, lang: str, today: date) -> tuple[Paper, Pack]:
    pack = Pack(Wording(lang), today)
    f, w, s = pack.f, PaperWords(pack.w.zh), c.shipment
    label = pack.field
    consignor, consignee = _sides(f, c)
    blocks: list[Block] = [Paragraph(w("packing_list"), "paper_title"), Paragraph(s["title"], "paper_sub")]
    blocks += [Heading(3, w("shipment")), *pack.facts([
        (w("shipment_no"), str(s["id"])),
        (label("shipment", "occasion"), s["occasion"]),
        # one row for three short codes, so that a list of a few items fits one page with its signatures
        (" · ".join(label("shipment", n) for n in ("direction", "kind", "status")),
         " · ".join((f.label(v.SHIPMENT_DIRECTIONS, s["direction"]), f.label(v.SHIPMENT_KINDS, s["kind"]),
                     f.label(v.SHIPMENT_STATUSES, s["status"])))),
        *((label("shipment", d), f.date(s[d])) for d in ("planned_on", "dispatched_on", "expected_on",
                                                         "delivered_on")),
    ])]
    parent = f.name(c.partner, "parent_") if c.partner else ""
    blocks += [Heading(3, w("parties")), *pack.facts([
        (w("consignor"), consignor),
        (w("consignee"), consignee),
        (label("partner", "parent"), parent),
        # the recipients, unless they are what the consignee already says
        (label("shipment", "recipients"), "" if s["recipients"] == s["counterparty"] else s["recipients"]),
    ])]
    transport = pack.facts([(label("shipment", n), s[n]) for n in ("transport_mode", "carrier", "tracking_ref")])
    if transport:
        blocks += [Heading(3, w("transport")), *transport]
    blocks.append(Heading(3, w("items")))
    rows = tuple((str(i), (item["description"], item["notes"]), f.label(v.ITEM_CATEGORIES, item["category"]),
                  f.number(item["quantity"]), item["unit"], f.money(item["value"], item["currency"]))
                 for i, item in enumerate(c.items, 1))
    if rows:
        blocks.append(DataTable((w("no"), label("shipment_item", "description"), label("shipment_item", "category"),
                                 label("shipment_item", "quantity"), label("shipment_item", "unit"),
                                 label("shipment_item", "value")),
                                rows, (0.07, 0.38, 0.14, 0.14, 0.1, 0.17), right=(0, 3, 5)))
    else:
        blocks.append(Paragraph(w("no_items"), "muted"))
    unvalued = sum(1 for item in c.items if item["value"] is None)
    blocks += [Heading(3, w("totals")), Facts(tuple([
        *_money_totals(f, c, lambda currency: w("total_in", currency=currency)),
        (w("item_count"), str(len(c.items))),
        *([(w("without_value"), str(unvalued))] if unvalued and c.items else []),
    ]), 0.3)]
    notes = [Paragraph(p) for p in paragraphs(s["notes"])]
    if notes:
        blocks += [Heading(3, w("notes")), *notes]
    lines = (w("signature"), w("date"))
    blocks.append(Signatures((SignatureArea(w("packed_by"), lines), SignatureArea(w("checked_by"), lines))))
    paper = Paper(blocks, title=s["title"], header=w("header_packing", title=s["title"]),
                  issued=w("issued_on", date=f.date(today)), lang=pack.w.lang, layout="business")
    return paper, pack


# --- the certificate of donation -------------------------------------------------------------------------

def _statement(f: Formatter, c: ShipmentPaperContent) -> str:
    w = PaperWords(f.zh)
    donor, recipient = _sides(f, c)
    s = c.shipment
    key = "statement" if s["occasion"] else "statement_plain"
    return w(key, donor=donor or "—", recipient=recipient or "—", title=s["title"], occasion=s["occasion"])


def _both(zh: str, en: str) -> str:
    """One value in both languages, once where they read the same."""
    return zh if zh == en or not en else f"{zh} / {en}" if zh else en


def certificate(c: ShipmentPaperContent, lang: str, today: date) -> tuple[Paper, Pack]:
    pack = Pack(Wording(lang), today)
    zh, en = Formatter(Wording("zh_CN")), Formatter(Wording("en"))
    w, s = PaperWords, c.shipment
    day = c.handover_date or today
    blocks: list[Block] = [
        Paragraph(w(True)("certificate"), "paper_title"), Paragraph(w(False)("certificate"), "paper_sub"),
        Paragraph(_statement(zh, c), "statement"), Paragraph(_statement(en, c), "statement"),
    ]
    # donor, recipient and occasion are in the statement above: here what it does not say
    blocks += pack.facts([
        (w.both("date"), _both(zh.date(day), en.date(day))),
        (w.both("shipment_no"), str(s["id"])),
    ], label_width=0.24)
    rows = tuple((str(i), item["description"], zh.quantity(item["quantity"], item["unit"]),
                  zh.money(item["value"], item["currency"])) for i, item in enumerate(c.items, 1))
    if rows:
        blocks.append(DataTable((w.both("no"), w.both("item"), w.both("quantity"), w.both("value")), rows,
                                (0.12, 0.46, 0.2, 0.22), right=(0, 2, 3)))
    blocks.append(Facts(tuple([
        *_money_totals(zh, c, lambda currency: w.both("total_in", currency=currency)),
        (w.both("item_count"), str(len(c.items))),
    ]), 0.4))
    blocks += [Paragraph(w(True)("certified"), "closing"), Paragraph(w(False)("certified"), "closing")]
    lines = (w.both("signature"), w.both("date"))
    seal = w.both("seal")
    blocks.append(Signatures((SignatureArea(w.both("for_donor"), lines, seal),
                              SignatureArea(w.both("for_recipient"), lines, seal))))
    paper = Paper(blocks, title=s["title"], header=w.both("certificate"), lang=pack.w.lang, layout="business",
                  frame="certificate")
    return paper, pack
