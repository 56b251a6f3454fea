"""Building a briefing pack: choose the sections, ask the domain for their content, lay out the PDF,
and write it whole or not at all. The window runs this in a worker thread with its own Progress.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType

from reportlab.platypus import Flowable

from twindesk.briefing import covers, partner_brief, visit_brief
from twindesk.briefing.blocks import Pack
from twindesk.briefing.document import BriefDocument
from twindesk.briefing.empty_sections import drop_empty_sections
from twindesk.briefing.flowables import keep_headings_with_text
from twindesk.briefing.font_roles import role_fonts
from twindesk.briefing.fonts import brief_font
from twindesk.briefing.layouts import layout as choose_layout
from twindesk.briefing.result import BriefFile, brief_file
from twindesk.briefing.sections import choose_sections
from twindesk.briefing.styles import Styles
from twindesk.briefing.wording import Wording
from twindesk.domain.model.errors import UserError
from twindesk.domain.output_file import atomic_output, check_target
from twindesk.domain.progress import Progress
from twindesk.domain.queries.brief_content import PartnerBriefContent, VisitBriefContent

LANGS = ("zh_CN", "en")
STEPS = 1000  # progress is reported as a share of this
GATHERING = 150  # the part of it spent asking for the content; laying out pages is the rest


KINDS: dict[str, tuple[ModuleType, Callable]] = {
    "visit": (visit_brief, VisitBriefContent),
    "partner": (partner_brief, PartnerBriefContent),
}


def build_visit_brief(visit_id: int, out: Path | str, *, lang: str = "en", sections: Iterable[str] | None = None,
                      marking: str = "", progress: Progress | None = None, today: date | None = None,
                      replace: bool = False, layout: str | None = None) -> BriefFile:
    """Write the brief of visit `visit_id` to `out` (PDF). `sections`: keys of VISIT_SECTIONS, None for the
    defaults (empty ones left out); `replace` allows an existing file at `out` to be replaced; `layout`:
    "official" or "business", None for official in Chinese, business in English (layouts.py). Returns
    the path with `.notes` (fonts that stood in, characters no font has). Raises NotFound, UnknownSection, FontNotFound, OutputFileError (UserErrors) or Cancelled."""
    return _build("visit", visit_id, out, lang, sections, marking, progress, today, replace, layout)


def build_partner_brief(partner_id: int, out: Path | str, *, lang: str = "en",
                        sections: Iterable[str] | None = None, marking: str = "",
                        progress: Progress | None = None, today: date | None = None,
                        replace: bool = False, layout: str | None = None) -> BriefFile:
    """Write the brief of partner `partner_id` to `out` (PDF); as `build_visit_brief`."""
    return _build("partner", partner_id, out, lang, sections, marking, progress, today, replace, layout)


@dataclass
class Prepared:
    story: list[Flowable]
    header: str  # the running header: the pack's title
    title: str  # the visit's title or the partner's name
    pack: Pack
    role_fonts: dict | None = None  # the official layout's fonts by role, for the build's notes


def prepare(kind: str, record_id: int, *, lang: str = "en", sections: Iterable[str] | None = None,
            marking: str = "", progress: Progress | None = None, today: date | None = None,
            layout: str | None = None) -> Prepared:
    """The story of a pack, ready to lay out: the chosen sections' flowables, in print order."""
    if lang not in LANGS:
        raise UserError(f"unknown language {lang!r} for a briefing pack; one of {', '.join(LANGS)}")
    progress = progress or Progress()
    module, content_class = KINDS[kind]
    keys = choose_sections(kind, sections)
    wording = Wording(lang)
    page = choose_layout(layout, lang)
    roles = role_fonts(page.grid_scale) if page.official else None
    styles = Styles(brief_font(), page, roles)
    issued = today or date.today()
    progress.advance(0, STEPS, wording("progress_content", section=wording(keys[0])))
    content = content_class(record_id, issued)
    pack = Pack(styles, wording, issued)
    story: list[Flowable] = []
    for i, key in enumerate(keys):
        progress.advance(GATHERING * i // len(keys), STEPS, wording("progress_content", section=wording(key)))
        if key == "cover":
            story += module.cover(pack, content, marking)
        elif key == "contents":
            story += covers.contents()
        else:
            story += module.SECTIONS[key](pack, content)
    if sections is None:
        story = drop_empty_sections(story, {wording("nothing"), wording("not_recorded")})
    story = keep_headings_with_text(story)
    title = module.title(pack, content)
    header = wording("header_visit", title=title) if kind == "visit" else wording("header_partner", name=title)
    return Prepared(story, header, title, pack, roles)


def _build(kind: str, record_id: int, out, lang: str, sections, marking: str, progress: Progress | None,
           today: date | None, replace: bool, layout: str | None = None) -> BriefFile:
    progress = progress or Progress()
    check_target(out, replace=replace)  # before the pack is gathered and laid out, not after
    prepared = prepare(kind, record_id, lang=lang, sections=sections, marking=marking, progress=progress,
                       today=today, layout=layout)
    pack, wording = prepared.pack, prepared.pack.w

    def laid_out(share: float, page: int) -> None:
        progress.advance(GATHERING + int((STEPS - GATHERING) * share), STEPS, wording("progress_layout", page=page))

    with atomic_output(out, replace=replace) as tmp:
        doc = BriefDocument(tmp, styles=pack.s, wording=wording, header=prepared.header, marking=marking,
                            issued=wording("issued_on", date=pack.f.date(pack.issued)), title=prepared.title,
                            subject=prepared.header, on_flowable=laid_out)
        doc.build(prepared.story)
    progress.advance(STEPS, STEPS, "")
    return brief_file(out, prepared.role_fonts, pack.s.missing)
