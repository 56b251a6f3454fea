"""The pack's own flowables: headings that land in the contents and the PDF outline, faux-bold text
(the CJK font has no bold face), and the contents page, kept blank in the story and drawn at the end.

Pages are held back until the end (see document.py), so a heading cannot bookmark its page while it is
drawn; it tells the canvas where it stands, and the canvas binds the bookmark when it writes the page.
"""

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from twindesk.briefing.markup import escape_text

ROOM_BELOW = 22 * mm  # what must fit under a heading on its page: the start of what it heads


class CJKParagraph(Paragraph):
    """A paragraph that breaks between characters (wordWrap="CJK") and splits across pages from its own
    text. reportlab 5 rebuilds the rest of a split CJK paragraph from its broken lines, re-joined
    without the spaces at the breaks (one fragment) or with a space added at every break (several):
    "w00012w00013" and "济 州" on the next page. Here the rest is the source text after the lines
    that stayed behind, wrapped afresh.
    """

    def __init__(self, text, style, *, source: str = "", font=None, **kwargs):  # reportlab's parts: no source
        super().__init__(text, style, **kwargs)
        self.source = source
        self.brief_font = font

    @staticmethod
    def _line_text(line) -> str:
        if isinstance(line, tuple):  # one fragment: (extra space, [text])
            return "".join(line[1])
        return "".join(getattr(w, "text", "") for w in line.words)

    def split(self, availWidth, availHeight):
        if not hasattr(self, "blPara"):
            self.wrap(availWidth, availHeight)
        lines = [self._line_text(line) for line in getattr(self.blPara, "lines", [])]
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2 or not self.source:
            return parts
        position = 0
        for line in lines[:len(parts[0].blPara.lines)]:
            core = line.strip()
            found = self.source.find(core, position) if core else position
            if found < 0:
                return parts  # not where it should be: keep reportlab's own split
            position = found + len(core)
        rest = self.source[position:].lstrip()
        return [parts[0], CJKParagraph(escape_text(rest, self.brief_font), _continued(self.style), source=rest,
                                       font=self.brief_font)]


_CONTINUED: dict[int, ParagraphStyle] = {}


def _continued(style: ParagraphStyle) -> ParagraphStyle:
    """`style` for the rest of a paragraph split across pages: its first line is not indented again."""
    if not style.firstLineIndent:
        return style
    twin = _CONTINUED.get(id(style))
    if twin is None or twin.parent is not style:
        twin = _CONTINUED[id(style)] = ParagraphStyle(style.name + "_continued", parent=style, firstLineIndent=0)
    return twin


class FauxBold(Paragraph):
    """Text filled and stroked in its own colour (PDF text render mode 2): bold without a bold face."""

    def drawOn(self, canvas, x, y, _sW=0):
        if not getattr(self.style, "faux_bold", True):  # a face bold of its own (黑体), or a plain role
            return super().drawOn(canvas, x, y, _sW)
        canvas.saveState()
        canvas.setStrokeColor(self.style.textColor)
        canvas.setLineWidth(self.style.fontSize * 0.035)
        canvas._code.append("2 Tr")  # restored with the graphics state below
        super().drawOn(canvas, x, y, _sW)
        canvas.restoreState()


class Heading(FauxBold):
    """A section (level 0) or sub-section (level 1) heading; `outline` is its plain text."""

    def __init__(self, text, style, *, outline: str, level: int):
        super().__init__(text, style)
        self.outline = outline
        self.level = level

    def drawOn(self, canvas, x, y, _sW=0):
        mark = getattr(canvas, "mark_heading", None)
        if mark is not None:
            mark(self, *canvas.absolutePosition(x, y + self.height))
        super().drawOn(canvas, x, y, _sW)


class Label(FauxBold):
    """A small heading over one block; in neither the contents nor the outline."""


def _height(flowable: Paragraph) -> float:
    style = flowable.style
    return style.spaceBefore + style.leading + style.spaceAfter


def keep_headings_with_text(story: list) -> list:
    """`story` with a conditional page break before each heading, so no heading ends a page alone.

    keepWithNext would keep a heading with the whole of a long table and move both to a new page,
    leaving half a page blank; a heading only needs room for itself, the headings right under it and
    the first lines of what follows.
    """
    out: list = []
    room = ROOM_BELOW
    for flowable in reversed(story):
        if isinstance(flowable, Heading | Label):
            room += _height(flowable)
            out += [flowable, CondPageBreak(room)]
        else:
            room = ROOM_BELOW
            out.append(flowable)
    return out[::-1]


class ContentsPage(Flowable):
    """Takes no room; the page it lands on gets the contents when the document is written."""

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        mark = getattr(self.canv, "mark_contents", None)
        if mark is not None:
            mark()
