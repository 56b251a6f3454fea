"""The A4 page of a briefing pack in its layout (layouts.py), the contents page, and the PDF outline.

business: header (title, marking) and footer (date of issue, "page X of Y") on every page.
official (GB/T 9704-2012): the marking at the top left of the first page, "— N —" at the outer edge of
each page, the type area mirrored on even pages; nothing else in the margins. Its headings come numbered
一、（一）1. in the paper model (briefing/paper/numbering.py).
Pages after the last one anything was drawn on (a page break at the end) are not written.

The story is laid out once. The canvas holds every finished page back until the end; then it knows the
page count and where each heading landed, draws header, footer and contents onto the held pages and
writes them. reportlab's TableOfContents would lay the whole story out twice (multiBuild), doubling the
time of a long pack; a contents page of section headings always fits one page, so it can wait.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from twindesk.briefing import bidi
from twindesk.briefing import styles as st
from twindesk.briefing.flowables import FauxBold, Heading
from twindesk.briefing.fonts import BriefFont
from twindesk.briefing.layouts import BUSINESS, Layout
from twindesk.briefing.markup import escape_text, font_runs, plain
from twindesk.briefing.wording import Wording

PAGE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X


@dataclass
class Mark:
    heading: Heading
    x: float
    y: float
    page: int = 0
    key: str = ""


class HeldPagesCanvas(Canvas):
    """A canvas that writes its pages only in `save()`, calling `finish(canvas, page, pages)` on each."""

    def __init__(self, *args, finish: Callable, **kwargs):
        super().__init__(*args, **kwargs)
        self._finish = finish
        self._held: list[dict] = []
        self._marks: list[tuple] = []
        self._contents_here = False
        self.marks: list[Mark] = []
        self.contents_page: int | None = None
        self.last_page = 0  # the last page anything was drawn on; later ones are dropped

    def mark_heading(self, heading: Heading, x: float, y: float) -> None:
        self._marks.append((heading, x, y))

    def mark_contents(self) -> None:
        self._contents_here = True

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()
        self._marks = []  # a new list: the held page keeps its own
        self._contents_here = False

    def save(self):
        pages = list(self._held)[:self.last_page or None] or self._held[:1]
        marks = []
        contents_page = None
        for number, state in enumerate(pages, 1):
            marks += [Mark(h, x, y, number, f"h{len(marks) + i}") for i, (h, x, y) in enumerate(state["_marks"])]
            if state["_contents_here"] and contents_page is None:
                contents_page = number
        for number, state in enumerate(pages, 1):
            self.__dict__.update(state)
            self.__dict__.update(marks=marks, contents_page=contents_page)
            self._finish(self, number, len(pages))
            Canvas.showPage(self)
        Canvas.save(self)


def _width(text: str, font: BriefFont, size: float) -> float:
    return sum(stringWidth(run, face or font.name, size) for run, face in font_runs(text, font))


def _fit(text: str, font: BriefFont, size: float, width: float) -> str:
    """`text` shortened with an ellipsis to fit `width` points on one line."""
    text = text.replace("\n", " ")[:400]
    if _width(text, font, size) <= width:
        return text
    while text and _width(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _draw(canvas: Canvas, x: float, y: float, text: str, font: BriefFont, size: float, *, right=False) -> None:
    """One line of plain text, each character in a font that has it, in visual order; `right`: ending at `x`."""
    if bidi.has_rtl(text):
        text = bidi.shaped(text)
        text = bidi.visual(text, bidi.right_to_left(text))
    if right:
        x -= _width(text, font, size)
    for run, face in font_runs(text, font):
        canvas.setFont(face or font.name, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, face or font.name, size)


class BriefDocument(BaseDocTemplate):
    def __init__(self, path, *, styles: st.Styles, wording: Wording, header: str, marking: str, issued: str,
                 title: str, subject: str, on_flowable: Callable[[float, int], None] | None = None):
        font = styles.font
        self.layout: Layout = getattr(styles, "layout", BUSINESS)
        lay = self.layout
        super().__init__(
            str(path), pagesize=PAGE, leftMargin=lay.left, rightMargin=PAGE[0] - lay.left - lay.width,
            topMargin=lay.top, bottomMargin=lay.bottom, title=plain(title), subject=plain(subject),
            author="TwinDesk", creator="TwinDesk", lang="zh-CN" if wording.zh else "en",
            initialFontName=font, initialFontSize=10,  # keeps Helvetica out of every page's resources
        )
        # reportlab sets a first line's baseline one font size below the frame's top; a CJK glyph's em box
        # rises 0.88 of it above the baseline. The frame starts that much higher, so that the first
        # line's characters stand at the type area's top, and a little lower, so 22 lines of 225/22 mm
        # fit, rounding and all.
        above, below = (0.12 * lay.body_size, 0.5) if lay.official else (0.0, 0.0)

        def frame(left: float, name: str) -> Frame:
            return Frame(left, lay.bottom - below, lay.width, lay.height + above + below, leftPadding=0,
                         rightPadding=0, topPadding=0, bottomPadding=0, id=name)

        body = frame(lay.left, "body")

        def mirror(canvas, doc) -> None:  # printed both sides: the binding margin changes side
            body._x1 = lay.frame_left(doc.page)
            body._geom()

        self.addPageTemplates([PageTemplate(id="page", frames=[body], onPage=mirror)])
        self.styles, self.w = styles, wording
        self.header, self.marking, self.issued = plain(header), plain(marking).strip(), plain(issued)
        self._on_flowable = on_flowable
        self._story: list = []
        self._story_length = 1
        self._done = 0

    def build(self, story: list) -> None:
        if self.layout.official:  # the headings came numbered (briefing/paper/numbering.py)
            if self.marking:  # the first line of the first page (GB/T 9704-2012, 7.2.2)
                story = [self.styles.para(self.marking, self.styles.marking), *story]
        self._story, self._story_length, self._done = story, max(len(story), 1), 0
        super().build(story, canvasmaker=partial(HeldPagesCanvas, finish=self._finish_page))

    def afterFlowable(self, flowable):
        if not isinstance(flowable, PageBreak | CondPageBreak | Spacer):
            self.canv.last_page = self.page
        if self._on_flowable is not None:
            # Split tables go back into the story: never report going backwards.
            self._done = max(self._done, self._story_length - len(self._story))
            self._on_flowable(self._done / self._story_length, self.page)

    # --- drawn on each held page at the end ---------------------------------------------------------

    def _finish_page(self, canvas: HeldPagesCanvas, page: int, pages: int) -> None:
        canvas.saveState()
        self._header_footer(canvas, page, pages)
        canvas.restoreState()
        if page == canvas.contents_page:
            canvas.saveState()
            self._contents(canvas, page)
            canvas.restoreState()
        self._bookmarks(canvas, page)

    def _header_footer(self, canvas: Canvas, page: int, pages: int) -> None:
        if self.layout.official:
            return self._page_number(canvas, page)
        font, width, height = self.styles.brief_font, PAGE[0], PAGE[1]
        right = width - MARGIN_X
        top = height - 14 * mm
        marking_width = 0.0
        if self.marking:
            canvas.setFillColor(st.MARK)
            marking = _fit(self.marking, font, 9.5, FRAME_WIDTH / 3)
            _draw(canvas, right, top, marking, font, 9.5, right=True)
            marking_width = _width(marking, font, 9.5) + 6 * mm
        canvas.setFillColor(st.MUTED)
        _draw(canvas, MARGIN_X, top, _fit(self.header, font, 9, FRAME_WIDTH - marking_width), font, 9)
        canvas.setStrokeColor(st.RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, top - 2.5 * mm, right, top - 2.5 * mm)
        bottom = 11 * mm
        canvas.line(MARGIN_X, bottom + 4 * mm, right, bottom + 4 * mm)
        _draw(canvas, MARGIN_X, bottom, _fit(self.issued, font, 9, FRAME_WIDTH / 2), font, 9)
        _draw(canvas, right, bottom, self.w("page_of", page=page, pages=pages), font, 9, right=True)

    def _page_number(self, canvas: Canvas, page: int) -> None:
        """"— N —" in 4号 宋体, its top 7 mm below the type area, one character in from the outer edge."""
        style = self.styles.page_number
        font, size, lay = self.styles.chain(style), style.fontSize, self.layout
        text = f"\u2014 {page} \u2014"
        left = lay.frame_left(page)
        baseline = lay.bottom - 7 * mm - 0.88 * size  # CJK faces: the em box's top is 0.88 em above the baseline
        canvas.setFillColor(st.INK)
        if page % 2:
            _draw(canvas, left + lay.width - size, baseline, text, font, size, right=True)
        else:
            _draw(canvas, left + size, baseline, text, font, size)

    def _contents(self, canvas: HeldPagesCanvas, page: int) -> None:
        """The contents: every section with its page, sub-sections too where they fit; each a link."""
        styles, lay = self.styles, self.layout
        left, width = lay.frame_left(page), lay.width
        top = PAGE[1] - lay.top
        heading = styles.contents_title
        title = FauxBold(escape_text(self.w("contents"), styles.chain(heading)), heading)
        _, title_height = title.wrapOn(canvas, width, 100)
        title.drawOn(canvas, left, top - title_height)
        canvas.bookmarkHorizontalAbsolute("contents", top, left=left)
        canvas.addOutlineEntry(plain(self.w("contents")), "contents", level=0)
        room = top - title_height - heading.spaceAfter - lay.bottom
        marks = [m for m in canvas.marks if m.page != canvas.contents_page]
        if not marks:  # only the cover and the contents were chosen
            return
        for levels in ((0, 1), (0,)):
            rows = [m for m in marks if m.heading.level in levels]
            table = self._contents_table(rows, width)
            _, height = table.wrapOn(canvas, width, room)
            if height <= room:
                break
        y = top - title_height - heading.spaceAfter - height
        table.drawOn(canvas, left, y)
        row_top = y + height
        for mark, row_height in zip(rows, table._rowHeights, strict=True):
            canvas.linkRect("", mark.key, (left, row_top - row_height, left + width, row_top),
                            relative=0)
            row_top -= row_height

    def _contents_table(self, marks: list[Mark], width: float) -> Table:
        styles = self.styles
        data = []
        commands = [styles.table_font(), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
        for i, mark in enumerate(marks):
            level = mark.heading.level
            style = styles.contents if level == 0 else styles.contents_sub
            cls = FauxBold if level == 0 else None
            label = styles.para(mark.heading.outline, style, **({"cls": cls} if cls else {}))
            data.append([label, styles.para(str(mark.page), styles.contents_page)])
            if level == 0:
                commands += [("LINEBELOW", (0, i), (-1, i), 0.4, st.GRID), ("TOPPADDING", (0, i), (-1, i), 7)]
            else:
                commands.append(("LEFTPADDING", (0, i), (0, i), 14))
        return Table(data, colWidths=[width - 18 * mm, 18 * mm], style=TableStyle(commands))

    def _bookmarks(self, canvas: HeldPagesCanvas, page: int) -> None:
        for mark in canvas.marks:
            if mark.page == page:
                canvas.bookmarkHorizontalAbsolute(mark.key, mark.y, left=mark.x)
                canvas.addOutlineEntry(plain(mark.heading.outline), mark.key, level=mark.heading.level)
