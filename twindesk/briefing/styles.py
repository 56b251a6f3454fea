"""The pack's paragraph styles, all in the one embedded font, and the choice of line breaking.

Text with CJK characters wraps between characters (wordWrap="CJK"); other text wraps at spaces and
splits a word longer than its column (splitLongWords). CJK wrapping of all text would work too, but is
about half again slower and breaks Latin words more eagerly; the check per string is cheap.
"""

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from twindesk.briefing.flowables import CJKParagraph
from twindesk.briefing.fonts import BriefFont
from twindesk.briefing.markup import escape_text, needs_cjk_wrap, plain

INK = colors.HexColor("#1b1b1b")
ACCENT = colors.HexColor("#1f3a60")
MUTED = colors.HexColor("#5a6270")
MARK = colors.HexColor("#b3001b")
RULE = colors.HexColor("#8d99aa")
GRID = colors.HexColor("#c3cbd6")
HEAD_BG = colors.HexColor("#e1e7ef")
ZEBRA = colors.HexColor("#f5f7fa")


class Styles:
    """Named styles (`styles.body`, `styles.cell` …) and `styles.para(text, style)` for user text."""

    def __init__(self, font: BriefFont):
        self.brief_font = font
        self.font = font = font.name

        def style(name, size, leading, **kw) -> ParagraphStyle:
            kw.setdefault("textColor", INK)
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, splitLongWords=1,
                                  allowWidows=0, allowOrphans=0, **kw)

        self.body = style("body", 10, 15, spaceAfter=5)
        self.bullet = style("bullet", 10, 15, spaceAfter=3, leftIndent=14, bulletIndent=3,
                            bulletFontName=font)
        self.muted = style("muted", 9, 13, textColor=MUTED, spaceAfter=4)
        self.cell = style("cell", 8.5, 11.5)
        self.cell_right = style("cell_right", 8.5, 11.5, alignment=TA_RIGHT)
        self.cell_note = style("cell_note", 7.5, 10, textColor=MUTED, spaceBefore=1)
        self.th = style("th", 8.5, 11, textColor=ACCENT)
        self.th_right = style("th_right", 8.5, 11, textColor=ACCENT, alignment=TA_RIGHT)
        self.label = style("label", 8.5, 11.5, textColor=ACCENT)
        self.h1 = style("h1", 15, 20, textColor=ACCENT, spaceBefore=16, spaceAfter=8)
        self.h2 = style("h2", 12, 16, textColor=ACCENT, spaceBefore=12, spaceAfter=5)
        self.h3 = style("h3", 10, 14, textColor=ACCENT, spaceBefore=8, spaceAfter=3)
        self.kicker = style("kicker", 12, 17, textColor=MUTED, spaceAfter=10)
        self.cover_title = style("cover_title", 24, 33, textColor=ACCENT, spaceAfter=8)
        self.cover_sub = style("cover_sub", 13, 19, textColor=MUTED, spaceAfter=18)
        self.marking = style("marking", 15, 20, textColor=MARK, alignment=TA_CENTER)
        self.contents = style("contents", 11, 16)
        self.contents_page = style("contents_page", 10, 16, alignment=TA_RIGHT)
        self._cjk: dict[str, ParagraphStyle] = {}

    def table_font(self) -> tuple:
        """A table command for every table: reportlab sets each cell's font even for a Paragraph, and
        its default would put Helvetica (not embedded) into the page's resources."""
        return ("FONTNAME", (0, 0), (-1, -1), self.font)

    def wrapping(self, style: ParagraphStyle, text: str) -> ParagraphStyle:
        """`style`, or its twin that breaks between characters when `text` holds CJK."""
        if not needs_cjk_wrap(text):
            return style
        twin = self._cjk.get(style.name)
        if twin is None:
            twin = self._cjk[style.name] = ParagraphStyle(style.name + "_cjk", parent=style, wordWrap="CJK")
        return twin

    def para(self, text, style: ParagraphStyle, cls=None, **kw) -> Paragraph:
        """A paragraph printing `text` literally (escaped), wrapped as its script needs. `cls` for the
        pack's own short paragraphs (headings, labels)."""
        text = plain(text)
        wrapping = self.wrapping(style, text)
        markup = escape_text(text, self.brief_font)
        if cls is None:
            if wrapping is not style:
                return CJKParagraph(markup, wrapping, source=text, font=self.brief_font, **kw)
            cls = Paragraph
        return cls(markup, wrapping, **kw)
