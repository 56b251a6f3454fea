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
from twindesk.briefing.paper.model import Block, Contents, Paper
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
                      replace: bool = False) -> Path:
    """Write the brief of visit `visit_id` to `out`: a Word document if it is named *.docx, else a PDF.
    `sections`: keys of VISIT_SECTIONS, None for the defaults; `replace` allows an existing file at `out`
    to be replaced. Raises NotFound, UnknownSection, FontNotFound (PDF), OutputFileError (UserErrors) or
    Cancelled."""
    return _build("visit", visit_id, out, lang, sections, marking, progress, today, replace)


def build_partner_brief(partner_id: int, out: Path | str, *, lang: str = "en",
                        sections: Iterable[str] | None = None, marking: str = "",
                        progress: Progress | None = None, today: date | None = None,
                        replace: bool = False) -> Path:
    """Write the brief of partner `partner_id` to `out` (PDF or Word); as `build_visit_brief`."""
    return _build("partner", partner_id, out, lang, sections, marking, progress, today, replace)


def gather(kind: str, record_id: int, *, lang: str = "en", sections: Iterable[str] | None = None,
           marking: str = "", progress: Progress | None = None, today: date | None = None) -> tuple[Paper, Pack]:
    """The pack as paper blocks, the chosen sections in print order, and the Pack that wrote them."""
    if lang not in LANGS:
        raise UserError(f"unknown language {lang!r} for a briefing pack; one of {', '.join(LANGS)}")
    progress = progress or Progress()
    module, content_class = KINDS[kind]
    keys = choose_sections(kind, sections)
    wording = Wording(lang)
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
    title = module.title(pack, content)
    header = wording("header_visit", title=title) if kind == "visit" else wording("header_partner", name=title)
    return Paper(blocks, title=title, header=header, marking=marking, issued=issued(pack), lang=lang), pack


@dataclass
class Prepared:
    story: list  # reportlab flowables
    header: str  # the running header: the pack's title
    title: str  # the visit's title or the partner's name
    pack: Pack


def prepare(kind: str, record_id: int, **kw) -> Prepared:
    """The PDF story of a pack, ready to lay out: the chosen sections' flowables, in print order."""
    paper, pack = gather(kind, record_id, **kw)
    return Prepared(_pdf_story(paper, pack), paper.header, paper.title, pack)


def _pdf_story(paper: Paper, pack: Pack) -> list:
    from twindesk.briefing.flowables import keep_headings_with_text
    from twindesk.briefing.fonts import brief_font
    from twindesk.briefing.paper.pdf import PdfRenderer
    from twindesk.briefing.styles import Styles

    pack.s = Styles(brief_font())
    return keep_headings_with_text(PdfRenderer(pack).render(paper.blocks))


def _build(kind: str, record_id: int, out, lang: str, sections, marking: str, progress: Progress | None,
           today: date | None, replace: bool) -> Path:
    progress = progress or Progress()
    check_target(out, replace=replace)  # before the pack is gathered and laid out, not after
    paper, pack = gather(kind, record_id, lang=lang, sections=sections, marking=marking, progress=progress,
                         today=today)
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
    else:
        from twindesk.briefing.document import BriefDocument

        story = _pdf_story(paper, pack)
        with atomic_output(out, replace=replace) as tmp:
            doc = BriefDocument(tmp, styles=pack.s, wording=wording, header=paper.header, marking=marking,
                                issued=paper.issued, title=paper.title, subject=paper.header, on_flowable=laid_out)
            doc.build(story)
    progress.advance(STEPS, STEPS, "")
    return Path(out)
