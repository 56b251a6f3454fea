"""The A4 page of a briefing pack: header (title, marking) and footer (date of issue, "page X of Y") on
every page, the contents page, and the PDF outline.

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
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Table, TableStyle

from twindesk.briefing import styles as st
from twindesk.briefing.flowables import FauxBold, Heading
from twindesk.briefing.fonts import BriefFont
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
        pages = list(self._held)
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
    """One line of plain text, each character in a font that has it; `right`: ending at `x`."""
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
        super().__init__(
            str(path), pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=plain(title), subject=plain(subject), author="TwinDesk",
            creator="TwinDesk", lang="zh-CN" if wording.zh else "en",
            initialFontName=font, initialFontSize=10,  # keeps Helvetica out of every page's resources
        )
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self.styles, self.w = styles, wording
        self.header, self.marking, self.issued = plain(header), plain(marking).strip(), plain(issued)
        self._on_flowable = on_flowable
        self._story: list = []
        self._story_length = 1
        self._done = 0

    def build(self, story: list) -> None:
        self._story, self._story_length, self._done = story, max(len(story), 1), 0
        super().build(story, canvasmaker=partial(HeldPagesCanvas, finish=self._finish_page))

    def afterFlowable(self, flowable):
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
            self._contents(canvas)
            canvas.restoreState()
        self._bookmarks(canvas, page)

    def _header_footer(self, canvas: Canvas, page: int, pages: int) -> None:
        font, width, height = self.styles.brief_font, PAGE[0], PAGE[1]
        right = width - MARGIN_X
        top = height - 14 * mm
        marking_width = 0.0
        if self.marking:
            canvas.setFillColor(st.MARK)
            marking = _fit(self.marking, font, 9, FRAME_WIDTH / 3)
            _draw(canvas, right, top, marking, font, 9, right=True)
            marking_width = _width(marking, font, 9) + 6 * mm
        canvas.setFillColor(st.MUTED)
        _draw(canvas, MARGIN_X, top, _fit(self.header, font, 8, FRAME_WIDTH - marking_width), font, 8)
        canvas.setStrokeColor(st.RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, top - 2.5 * mm, right, top - 2.5 * mm)
        bottom = 11 * mm
        canvas.line(MARGIN_X, bottom + 4 * mm, right, bottom + 4 * mm)
        _draw(canvas, MARGIN_X, bottom, _fit(self.issued, font, 8, FRAME_WIDTH / 2), font, 8)
        _draw(canvas, right, bottom, self.w("page_of", page=page, pages=pages), font, 8, right=True)

    def _contents(self, canvas: HeldPagesCanvas) -> None:
        """The contents: every section with its page, sub-sections too where they fit; each a link."""
        styles = self.styles
        top = PAGE[1] - MARGIN_TOP
        title = FauxBold(escape_text(self.w("contents"), styles.brief_font), styles.h1)
        _, title_height = title.wrapOn(canvas, FRAME_WIDTH, 100)
        title.drawOn(canvas, MARGIN_X, top - title_height)
        canvas.bookmarkHorizontalAbsolute("contents", top, left=MARGIN_X)
        canvas.addOutlineEntry(plain(self.w("contents")), "contents", level=0)
        room = top - title_height - styles.h1.spaceAfter - MARGIN_BOTTOM
        marks = [m for m in canvas.marks if m.page != canvas.contents_page]
        if not marks:  # only the cover and the contents were chosen
            return
        for levels in ((0, 1), (0,)):
            rows = [m for m in marks if m.heading.level in levels]
            table = self._contents_table(rows)
            _, height = table.wrapOn(canvas, FRAME_WIDTH, room)
            if height <= room:
                break
        y = top - title_height - styles.h1.spaceAfter - height
        table.drawOn(canvas, MARGIN_X, y)
        row_top = y + height
        for mark, row_height in zip(rows, table._rowHeights, strict=True):
            canvas.linkRect("", mark.key, (MARGIN_X, row_top - row_height, MARGIN_X + FRAME_WIDTH, row_top),
                            relative=0)
            row_top -= row_height

    def _contents_table(self, marks: list[Mark]) -> Table:
        styles = self.styles
        data = []
        commands = [styles.table_font(), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
        for i, mark in enumerate(marks):
            level = mark.heading.level
            style = styles.contents if level == 0 else styles.body
            cls = FauxBold if level == 0 else None
            label = styles.para(mark.heading.outline, style, **({"cls": cls} if cls else {}))
            data.append([label, styles.para(str(mark.page), styles.contents_page)])
            if level == 0:
                commands += [("LINEBELOW", (0, i), (-1, i), 0.4, st.GRID), ("TOPPADDING", (0, i), (-1, i), 7)]
            else:
                commands.append(("LEFTPADDING", (0, i), (0, i), 14))
        return Table(data, colWidths=[FRAME_WIDTH - 18 * mm, 18 * mm], style=TableStyle(commands))

    def _bookmarks(self, canvas: HeldPagesCanvas, page: int) -> None:
        for mark in canvas.marks:
            if mark.page == page:
                canvas.bookmarkHorizontalAbsolute(mark.key, mark.y, left=mark.x)
                canvas.addOutlineEntry(plain(mark.heading.outline), mark.key, level=mark.heading.level)
