"""Building a briefing pack: choose the sections, ask the domain for their content, set them down as
paper blocks once, render them as a PDF or as a Word document (the file's suffix chooses), and write
it whole or not at all. The window runs this in a worker thread with its own Progress.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType

from twindesk.briefing import partner_brief, visit_brief
from twindesk.briefing.blocks import Pack, issued
from twindesk.briefing.layouts import layout as choose_layout
from twindesk.briefing.paper.empty_sections import drop_empty_sections
from twindesk.briefing.paper.model import Block, Contents, Paper
from twindesk.briefing.paper.numbering import number_headings
from twindesk.briefing.result import BriefFile, brief_file
from twindesk.briefing.sections import choose_sections
from twindesk.briefing.wording import Wording
from twindesk.domain.model.errors import UserError
from twindesk.domain.output_file import atomic_output, check_target
from twindesk.domain.progress import Progress
from twindesk.domain.queries.brief_content import PartnerBriefContent, VisitBriefContent

LANGS = ("zh_CN", "en")
EDITIONS = ("pdf", "docx")
STEPS = 1000  # progress is reported as a share of this
GATHERING = 150  # the part of it spent asking for the content; laying out pages is the rest


KINDS: dict[str, tuple[ModuleType, Callable]] = {
    "visit": (visit_brief, VisitBriefContent),
    "partner": (partner_brief, PartnerBriefContent),
}


def edition_of(out: Path | str) -> str:
    """"docx" for a file named *.docx (a Word document), else "pdf"."""
    return "docx" if Path(out).suffix.lower() == ".docx" else "pdf"


def build_visit_brief(visit_id: int, out: Path | str, *, lang: str = "en", sections: Iterable[str] | None = None,
                      marking: str = "", progress: Progress | None = None, today: date | None = None,
                      replace: bool = False, layout: str | None = None) -> BriefFile:
    """Write the brief of visit `visit_id` to `out`: a Word document if it is named *.docx, else a PDF.
    `sections`: keys of VISIT_SECTIONS, None for the defaults (empty ones left out); `replace` allows an
    existing file at `out` to be replaced; `layout`: "official" or "business", None for official in
    Chinese, business in English (layouts.py), for either edition. Returns the path with `.notes` (the
    PDF's fonts that stood in, characters no font has). Raises NotFound, UnknownSection, FontNotFound
    (PDF), OutputFileError (UserErrors) or Cancelled."""
    return _build("visit", visit_id, out, lang, sections, marking, progress, today, replace, layout)


def build_partner_brief(partner_id: int, out: Path | str, *, lang: str = "en",
                        sections: Iterable[str] | None = None, marking: str = "",
                        progress: Progress | None = None, today: date | None = None,
                        replace: bool = False, layout: str | None = None) -> BriefFile:
    """Write the brief of partner `partner_id` to `out` (PDF or Word); as `build_visit_brief`."""
    return _build("partner", partner_id, out, lang, sections, marking, progress, today, replace, layout)


def gather(kind: str, record_id: int, *, lang: str = "en", sections: Iterable[str] | None = None,
           marking: str = "", progress: Progress | None = None, today: date | None = None,
           layout: str | None = None) -> tuple[Paper, Pack]:
    """The pack as paper blocks, the chosen sections in print order, and the Pack that wrote them: with
    the default sections the empty ones left out, and in the official layout the headings numbered,
    once for both editions."""
    if lang not in LANGS:
        raise UserError(f"unknown language {lang!r} for a briefing pack; one of {', '.join(LANGS)}")
    progress = progress or Progress()
    module, content_class = KINDS[kind]
    keys = choose_sections(kind, sections)
    wording = Wording(lang)
    page = choose_layout(layout, lang)
    pack = Pack(wording, today or date.today())
    progress.advance(0, STEPS, wording("progress_content", section=wording(keys[0])))
    content = content_class(record_id, pack.issued)
    blocks: list[Block] = []
    for i, key in enumerate(keys):
        progress.advance(GATHERING * i // len(keys), STEPS, wording("progress_content", section=wording(key)))
        if key == "cover":
            blocks += module.cover(pack, content, marking)
        elif key == "contents":
            blocks.append(Contents())
        else:
            blocks += module.SECTIONS[key](pack, content)
    if sections is None:
        blocks = drop_empty_sections(blocks, {wording("nothing"), wording("not_recorded")})
    if page.official:
        blocks = number_headings(blocks, zh=wording.zh)
    title = module.title(pack, content)
    header = wording("header_visit", title=title) if kind == "visit" else wording("header_partner", name=title)
    paper = Paper(blocks, title=title, header=header, marking=marking, issued=issued(pack), lang=lang,
                  layout=page.name)
    return paper, pack


@dataclass
class Prepared:
    story: list  # reportlab flowables
    header: str  # the running header: the pack's title
    title: str  # the visit's title or the partner's name
    pack: Pack
    role_fonts: dict | None = None  # the official layout's fonts by role, for the build's notes


def prepare(kind: str, record_id: int, **kw) -> Prepared:
    """The PDF story of a pack, ready to lay out: the chosen sections' flowables, in print order."""
    paper, pack = gather(kind, record_id, **kw)
    story, roles = _pdf_story(paper, pack)
    return Prepared(story, paper.header, paper.title, pack, roles)


def _pdf_story(paper: Paper, pack: Pack) -> tuple[list, dict | None]:
    """The flowables of `paper` in its layout's styles (set on `pack.s`), and the fonts by role."""
    from twindesk.briefing.flowables import keep_headings_with_text
    from twindesk.briefing.font_roles import role_fonts
    from twindesk.briefing.fonts import brief_font
    from twindesk.briefing.paper.pdf import PdfRenderer
    from twindesk.briefing.styles import Styles

    page = choose_layout(paper.layout, paper.lang)
    roles = role_fonts(page.grid_scale) if page.official else None
    pack.s = Styles(brief_font(), page, roles)
    return keep_headings_with_text(PdfRenderer(pack).render(paper.blocks)), roles


def _build(kind: str, record_id: int, out, lang: str, sections, marking: str, progress: Progress | None,
           today: date | None, replace: bool, layout: str | None = None) -> BriefFile:
    progress = progress or Progress()
    check_target(out, replace=replace)  # before the pack is gathered and laid out, not after
    paper, pack = gather(kind, record_id, lang=lang, sections=sections, marking=marking, progress=progress,
                         today=today, layout=layout)
    return write_paper(paper, pack, out, replace=replace, progress=progress)


def write_paper(paper: Paper, pack: Pack, out, *, replace: bool, progress: Progress) -> BriefFile:
    """Render `paper` as a Word document (out named *.docx) or a PDF, and write it whole or not at all:
    the one writing path of the packs and of the shipment papers (shipment_papers.py)."""
    wording = pack.w

    def laid_out(share: float, page: int) -> None:
        progress.advance(GATHERING + int((STEPS - GATHERING) * share), STEPS, wording("progress_layout", page=page))

    if edition_of(out) == "docx":
        from twindesk.briefing.paper.docx import write_docx

        def written(share: float) -> None:
            progress.advance(GATHERING + int((STEPS - GATHERING) * share), STEPS, wording("progress_writing"))

        with atomic_output(out, replace=replace) as tmp:
            write_docx(paper, tmp, on_block=written)
            progress.check()  # a Cancel while the file was saved: it is not published
        notes = brief_file(out, None, {})
    else:
        if paper.frame:  # a certificate: its border round the page in place of header and footer
            from twindesk.briefing.paper.pdf_frame import FramedDocument as Document
        else:
            from twindesk.briefing.document import BriefDocument as Document

        story, roles = _pdf_story(paper, pack)
        with atomic_output(out, replace=replace) as tmp:
            doc = Document(tmp, styles=pack.s, wording=wording, header=paper.header, marking=paper.marking,
                           issued=paper.issued, title=paper.title, subject=paper.header, on_flowable=laid_out)
            doc.build(story)
        notes = brief_file(out, roles, pack.s.missing)
    progress.advance(STEPS, STEPS, "")
    return notes
