"""The pack's paragraph styles by role, in one of two layouts (layouts.py), and the choice of line breaking.

Ask a style by its role: `styles.role("h1")` (title, subtitle, kicker, h1, h2, h3, body, bullet, muted,
table, table_right, table_head, table_head_right, note, label, marking, contents, contents_page, date)
or the same name as an attribute (`styles.h1`; `cell`, `th`, `cell_note`, `cover_title` are the older
names of the table, table_head, note and title roles).

business: every role in the pack's one CJK font (fonts.py), body 五号 (10.5 pt), tables 9.5 pt.
official: GB/T 9704-2012: body 3号 仿宋 on the 22 × 28 grid, title 2号 小标宋, headings 一、 黑体,
（一） 楷体, 1. 仿宋 bold, tables 小四 (12 pt) 仿宋, notes in them 五号 (10.5 pt); fonts by role (font_roles.py).

Text with CJK characters wraps between characters (wordWrap="CJK"); other text wraps at spaces and
splits a word longer than its column (splitLongWords). Text with a date or right-to-left letters is
broken into lines by linebreak.py. The check per string is cheap.
"""

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from twindesk.briefing.flowables import CJKParagraph
from twindesk.briefing.font_roles import western_face
from twindesk.briefing.fonts import BriefFont, FontChain
from twindesk.briefing.layouts import BUSINESS, Layout
from twindesk.briefing.linebreak import needs_own_breaks, own_lines
from twindesk.briefing.markup import escape_text, needs_cjk_wrap, plain

INK = colors.HexColor("#1b1b1b")
ACCENT = colors.HexColor("#1f3a60")
MUTED = colors.HexColor("#5a6270")
MARK = colors.HexColor("#b3001b")
RULE = colors.HexColor("#8d99aa")
GRID = colors.HexColor("#c3cbd6")
HEAD_BG = colors.HexColor("#e1e7ef")
ZEBRA = colors.HexColor("#f5f7fa")

ALIASES = {"title": "cover_title", "subtitle": "cover_sub", "table": "cell", "table_right": "cell_right",
           "table_head": "th", "table_head_right": "th_right", "note": "cell_note"}
ROLES = ("title", "subtitle", "kicker", "h1", "h2", "h3", "body", "bullet", "muted", "table", "table_right",
         "table_head", "table_head_right", "note", "label", "marking", "contents", "contents_page", "contents_title", "contents_sub", "date",
         "paper_title", "paper_sub", "statement", "closing")


class Styles:
    """Named styles (`styles.body`, `styles.role("table")` …) and `styles.para(text, style)` for user text."""

    def __init__(self, font: BriefFont, layout: Layout = BUSINESS, role_fonts: dict | None = None):
        self.layout = layout
        self.frame_width = layout.width
        self.missing: dict[str, int] = {}  # characters no embedded font has, and how often: the build lists them
        main, fallback = font.as_face(), font.fallback_face()

        western = western_face() if layout.official else None

        def chain(role: str | None) -> FontChain:
            own = role_fonts[role].face if role_fonts and role else main
            return FontChain([own, main, fallback], self.missing, western)

        self._chains: dict[str, FontChain] = {}
        for role in (None, *(role_fonts or ())):
            c = chain(role)
            self._chains.setdefault(c.name, c)
        if layout.official:
            self._official({r: chain(r) for r in role_fonts})
        else:
            self._business(chain(None))
        self.brief_font = self._chains[self.body.fontName]
        self.font = self.body.fontName
        self._cjk: dict[str, ParagraphStyle] = {}

    def _make(self, name, font: FontChain, size, leading, *, bold=False, **kw) -> ParagraphStyle:
        kw.setdefault("textColor", INK)
        style = ParagraphStyle(name, fontName=font.name, fontSize=size, leading=leading, splitLongWords=1,
                               allowWidows=0, allowOrphans=0, **kw)
        style.faux_bold = bold  # drawn heavier by flowables.FauxBold: the CJK faces have no bold
        setattr(self, name, style)
        return style

    def _business(self, f: FontChain) -> None:
        s = self._make
        s("body", f, 10.5, 16, spaceAfter=5)
        s("bullet", f, 10.5, 16, spaceAfter=3, leftIndent=14, bulletIndent=3, bulletFontName=f.name)
        s("muted", f, 10, 14, textColor=MUTED, spaceAfter=4)
        s("cell", f, 9.5, 13)
        s("cell_right", f, 9.5, 13, alignment=TA_RIGHT)
        s("cell_note", f, 8.5, 11.5, textColor=MUTED, spaceBefore=1)
        s("th", f, 9.5, 12.5, textColor=ACCENT, bold=True)
        s("th_right", f, 9.5, 12.5, textColor=ACCENT, alignment=TA_RIGHT, bold=True)
        s("label", f, 9.5, 13, textColor=ACCENT, bold=True)
        s("h1", f, 16, 21, textColor=ACCENT, spaceBefore=16, spaceAfter=8, bold=True)
        s("h2", f, 13, 17, textColor=ACCENT, spaceBefore=12, spaceAfter=5, bold=True)
        s("h3", f, 11, 15, textColor=ACCENT, spaceBefore=8, spaceAfter=3, bold=True)
        s("kicker", f, 12, 17, textColor=MUTED, spaceAfter=10)
        s("cover_title", f, 24, 33, textColor=ACCENT, spaceAfter=8, bold=True)
        s("cover_sub", f, 13, 19, textColor=MUTED, spaceAfter=18)
        s("marking", f, 15, 20, textColor=MARK, alignment=TA_CENTER, bold=True)
        s("contents", f, 11, 16, bold=True)
        s("contents_page", f, 10.5, 16, alignment=TA_RIGHT)
        s("contents_title", f, 16, 21, textColor=ACCENT, spaceBefore=16, spaceAfter=8, bold=True)
        s("contents_sub", f, 10.5, 16)
        s("date", f, 10, 14, textColor=MUTED, spaceAfter=4)
        # the shipment papers' (briefing/shipment_papers.py)
        s("paper_title", f, 22, 30, textColor=ACCENT, alignment=TA_CENTER, spaceAfter=2, bold=True)
        s("paper_sub", f, 13, 19, textColor=MUTED, alignment=TA_CENTER, spaceAfter=10)
        s("statement", f, 12, 20, alignment=TA_JUSTIFY, spaceAfter=6)
        s("closing", f, 11, 17, alignment=TA_RIGHT, spaceBefore=6)

    def _official(self, f: dict[str, FontChain]) -> None:
        """GB/T 9704-2012: every line of the body on the grid; black throughout (its 5.2.4)."""
        s, line = self._make, self.layout.pitch
        fs, kai, hei, song, xbs = f["fangsong"], f["kaiti"], f["heiti"], f["songti"], f["xiaobiaosong"]
        indent = 2 * self.layout.char_pitch  # each paragraph starts two characters in (its 7.3.3)
        title_bold = xbs.face is song.face  # 宋 standing in for 小标宋: drawn heavier
        s("body", fs, 16, line, firstLineIndent=indent, alignment=TA_JUSTIFY)
        s("bullet", fs, 16, line, leftIndent=indent, bulletIndent=0, bulletFontName=fs.name)
        s("muted", fs, 14, 20, spaceAfter=4)
        s("cell", fs, 12, 17)  # 小四: a table of five columns keeps words whole on 156 mm
        s("cell_right", fs, 12, 17, alignment=TA_RIGHT)
        s("cell_note", fs, 10.5, 14, spaceBefore=1)  # 五号
        s("th", hei, 12, 17)
        s("th_right", hei, 12, 17, alignment=TA_RIGHT)
        s("label", hei, 12, 17)
        s("h1", hei, 16, line, firstLineIndent=indent)  # 一、 黑体
        s("h2", kai, 16, line, firstLineIndent=indent)  # （一） 楷体
        s("h3", fs, 16, line, firstLineIndent=indent, bold=True)  # 1. 仿宋 bold
        s("kicker", fs, 16, line, alignment=TA_CENTER)
        s("cover_title", xbs, 22, 2 * line, alignment=TA_CENTER, spaceBefore=line, bold=title_bold)
        s("cover_sub", kai, 16, line, alignment=TA_CENTER, spaceAfter=line)
        s("marking", hei, 16, line)  # top left, 3号 黑体 (its 7.2.2)
        s("contents", fs, 16, line)
        s("contents_page", fs, 16, line, alignment=TA_RIGHT)
        s("contents_title", hei, 16, line, alignment=TA_CENTER, spaceAfter=line)
        s("contents_sub", fs, 16, line, leftIndent=indent)
        s("date", fs, 16, line, alignment=TA_RIGHT, rightIndent=4 * self.layout.char_pitch, spaceBefore=line)
        s("paper_title", xbs, 22, 2 * line, alignment=TA_CENTER, bold=title_bold)
        s("paper_sub", kai, 16, line, alignment=TA_CENTER, spaceAfter=line)
        s("statement", fs, 16, line, firstLineIndent=indent, alignment=TA_JUSTIFY)
        s("closing", fs, 16, line, alignment=TA_RIGHT, spaceBefore=line)
        self.page_number = s("page_number", song, 14, 14)  # 4号 宋体 (its 7.5)

    def role(self, name: str) -> ParagraphStyle:
        """The style of a role (see the module's docstring)."""
        return getattr(self, ALIASES.get(name, name))

    def chain(self, style: ParagraphStyle) -> FontChain:
        """The fonts `style` draws with, in order."""
        return self._chains.get(style.fontName) or self.brief_font

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
        font = self.chain(style)
        if needs_own_breaks(text):
            made = own_lines(cls or Paragraph)("", style, source=text, font=font, **kw)
        else:
            wrapping = self.wrapping(style, text)
            markup = escape_text(text, font)
            if cls is None and wrapping is not style:
                made = CJKParagraph(markup, wrapping, source=text, font=font, **kw)
            else:
                made = (cls or Paragraph)(markup, wrapping, **kw)
        made.source_text, made.role_style = text, style
        return made
