"""The Word edition's page and styles, by role, in the pack's layout (briefing/layouts.py: official by
default in Chinese, business in English; either may be chosen in either language).

The official layout follows GB/T 9704-2012 (党政机关公文格式): A4, top margin 37 mm, binding (left) margin 28 mm,
type area 156 × 225 mm, 22 lines of 28 characters (lines of exactly 28.95 pt, characters drawn 0.25 pt
closer: no document grid, which would space table text out to the body's pitch); body 3号 (16 pt)
仿宋, title 2号 小标宋, level-1 headings 黑体, level 2 楷体, level 3 仿宋 bold; tables in 小四 仿宋. The
East Asian font is named in every style (w:eastAsia), so Word and WPS on Windows pick 仿宋/楷体/黑体
rather than their theme font. The business layout follows the PDF's business layout in a plain Latin
font, with a Chinese sans for any Chinese text in it.

Headings are Word's own "Heading 1/2/3" and the cover's title "Title": the navigation pane and a
table of contents work. The rest are TwinDesk's paragraph styles ("TwinDesk Note" …), so a person can
restyle a role in one place.
"""

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor


@dataclass(frozen=True)
class Layout:
    top: float  # margins in mm
    bottom: float
    left: float
    right: float
    header: float  # distance of the header's top from the page's top, mm
    footer: float  # distance of the footer's bottom from the page's bottom, mm
    latin: str  # ascii / hAnsi font
    complex: str  # complex-script font (Arabic, Hebrew …)


OFFICIAL = Layout(top=37, bottom=297 - 37 - 225, left=28, right=210 - 28 - 156, header=15, footer=21,
                  latin="Times New Roman", complex="Times New Roman")
BUSINESS = Layout(top=24, bottom=20, left=20, right=20, header=11, footer=9, latin="Arial", complex="Arial")

# Fonts by role in Chinese (GB/T 9704) and the one Chinese sans of an English pack.
FANGSONG, KAITI, HEITI, SONGTI, XIAOBIAOSONG = "仿宋", "楷体", "黑体", "宋体", "方正小标宋简体"
ENGLISH_EAST_ASIAN = "Microsoft YaHei"

INK = RGBColor(0x1B, 0x1B, 0x1B)
BLACK = RGBColor(0, 0, 0)
ACCENT = RGBColor(0x1F, 0x3A, 0x60)
MUTED = RGBColor(0x5A, 0x62, 0x70)
MARK = RGBColor(0xB3, 0x00, 0x1B)
HEAD_BG, ZEBRA, LABEL_BG = "E1E7EF", "F5F7FA", "F5F7FA"
RULE, GRID = "8D99AA", "C3CBD6"
RULE_FRAME = "1F3A60"  # a certificate's border, in the accent


@dataclass(frozen=True)
class Role:
    style: str  # the Word style's name
    east_asian: str
    size: float  # pt
    bold: bool = False
    color: RGBColor = INK
    before: float = 0  # pt
    after: float = 0
    line: float | None = None  # exact line height in pt; None: single
    first_indent: float = 0  # pt
    align: WD_ALIGN_PARAGRAPH | None = None
    keep_next: bool = False
    hanging: float = 0  # pt, for bullets
    tracking: float = 0  # pt between characters (negative: closer)


def _official_roles() -> dict[str, Role]:
    line, two = 28.95, 32  # GB/T's line, and "左空二字" at 16 pt
    body = dict(size=16, line=line, color=BLACK, tracking=-0.25)  # 28 characters of 15.75 pt in 156 mm
    return {
        "body": Role("Normal", FANGSONG, first_indent=two, align=WD_ALIGN_PARAGRAPH.JUSTIFY, **body),
        "h1": Role("Heading 1", HEITI, first_indent=two, keep_next=True, **body),
        "h2": Role("Heading 2", KAITI, first_indent=two, keep_next=True, **body),
        "h3": Role("Heading 3", FANGSONG, bold=True, first_indent=two, keep_next=True, **body),
        "title": Role("Title", XIAOBIAOSONG, 22, color=BLACK, line=line * 1.2, align=WD_ALIGN_PARAGRAPH.CENTER,
                      after=line),
        "muted": Role("TwinDesk Note", FANGSONG, 14, color=MUTED, line=line, first_indent=28),
        "bullet": Role("TwinDesk Bullet", FANGSONG, hanging=16, first_indent=two, **body),
        "kicker": Role("TwinDesk Kicker", KAITI, 16, color=BLACK, line=line, align=WD_ALIGN_PARAGRAPH.CENTER,
                       before=line * 3),
        "cover_sub": Role("TwinDesk Subtitle", KAITI, 16, color=BLACK, line=line, align=WD_ALIGN_PARAGRAPH.CENTER,
                          after=line),
        "issued": Role("TwinDesk Issued", FANGSONG, 16, color=BLACK, line=line, align=WD_ALIGN_PARAGRAPH.RIGHT,
                       before=line),
        "marking": Role("TwinDesk Marking", HEITI, 16, color=BLACK, line=line),
        "cell": Role("TwinDesk Table", FANGSONG, 12, color=BLACK),
        "cell_right": Role("TwinDesk Table Number", FANGSONG, 12, color=BLACK, align=WD_ALIGN_PARAGRAPH.RIGHT),
        "cell_note": Role("TwinDesk Table Note", FANGSONG, 10.5, color=MUTED),
        "th": Role("TwinDesk Table Header", HEITI, 12, color=BLACK),
        "th_right": Role("TwinDesk Table Header Number", HEITI, 12, color=BLACK, align=WD_ALIGN_PARAGRAPH.RIGHT),
        "label": Role("TwinDesk Table Label", HEITI, 12, color=BLACK),
        "contents": Role("TOC Heading", HEITI, 16, color=BLACK, line=line, align=WD_ALIGN_PARAGRAPH.CENTER,
                         after=line),
        "toc": Role("TwinDesk Contents", FANGSONG, 14, color=BLACK, line=22),  # a contents page holds 28 lines
        "page_number": Role("Footer", SONGTI, 14, color=BLACK),
        "header": Role("Header", HEITI, 16, color=BLACK),
        "paper_title": Role("TwinDesk Paper Title", XIAOBIAOSONG, 22, color=BLACK, line=line * 1.2,
                            align=WD_ALIGN_PARAGRAPH.CENTER),
        "paper_sub": Role("TwinDesk Paper Subtitle", KAITI, 16, color=BLACK, line=line, after=line,
                          align=WD_ALIGN_PARAGRAPH.CENTER),
        "statement": Role("TwinDesk Statement", FANGSONG, first_indent=two, align=WD_ALIGN_PARAGRAPH.JUSTIFY, **body),
        "closing": Role("TwinDesk Closing", FANGSONG, 16, color=BLACK, line=line, before=line,
                        align=WD_ALIGN_PARAGRAPH.RIGHT),
    }


def _business_roles() -> dict[str, Role]:
    ea = ENGLISH_EAST_ASIAN
    return {
        "body": Role("Normal", ea, 10.5, after=5, line=15.5),
        "h1": Role("Heading 1", ea, 15, bold=True, color=ACCENT, before=16, after=8, keep_next=True),
        "h2": Role("Heading 2", ea, 12, bold=True, color=ACCENT, before=12, after=5, keep_next=True),
        "h3": Role("Heading 3", ea, 10.5, bold=True, color=ACCENT, before=8, after=3, keep_next=True),
        "title": Role("Title", ea, 24, bold=True, color=ACCENT, after=8),
        "muted": Role("TwinDesk Note", ea, 9.5, color=MUTED, after=4),
        "bullet": Role("TwinDesk Bullet", ea, 10.5, after=3, line=15.5, hanging=11),
        "kicker": Role("TwinDesk Kicker", ea, 12, color=MUTED, before=100, after=10),
        "cover_sub": Role("TwinDesk Subtitle", ea, 13, color=MUTED, after=18),
        "issued": Role("TwinDesk Issued", ea, 9.5, color=MUTED, before=45),
        "marking": Role("TwinDesk Marking", ea, 15, bold=True, color=MARK, align=WD_ALIGN_PARAGRAPH.RIGHT),
        "cell": Role("TwinDesk Table", ea, 9),
        "cell_right": Role("TwinDesk Table Number", ea, 9, align=WD_ALIGN_PARAGRAPH.RIGHT),
        "cell_note": Role("TwinDesk Table Note", ea, 8, color=MUTED),
        "th": Role("TwinDesk Table Header", ea, 9, bold=True, color=ACCENT),
        "th_right": Role("TwinDesk Table Header Number", ea, 9, bold=True, color=ACCENT,
                         align=WD_ALIGN_PARAGRAPH.RIGHT),
        "label": Role("TwinDesk Table Label", ea, 9, bold=True, color=ACCENT),
        "contents": Role("TOC Heading", ea, 15, bold=True, color=ACCENT, after=8),
        "toc": Role("TwinDesk Contents", ea, 11, line=16),
        "page_number": Role("Footer", ea, 8, color=MUTED),
        "header": Role("Header", ea, 8, color=MUTED),
        "paper_title": Role("TwinDesk Paper Title", ea, 22, bold=True, color=ACCENT, after=2,
                            align=WD_ALIGN_PARAGRAPH.CENTER),
        "paper_sub": Role("TwinDesk Paper Subtitle", ea, 13, color=MUTED, after=10, align=WD_ALIGN_PARAGRAPH.CENTER),
        "statement": Role("TwinDesk Statement", ea, 12, line=20, after=6, align=WD_ALIGN_PARAGRAPH.JUSTIFY),
        "closing": Role("TwinDesk Closing", ea, 11, before=6, align=WD_ALIGN_PARAGRAPH.RIGHT),
    }


def layout_of(official: bool) -> Layout:
    return OFFICIAL if official else BUSINESS


def roles_of(official: bool) -> dict[str, Role]:
    return _official_roles() if official else _business_roles()


def set_fonts(rpr, latin: str, east_asian: str, complex_script: str) -> None:
    """Name the fonts outright, dropping theme fonts (which would win over the names)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr, name in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east_asian), ("w:cs", complex_script)):
        fonts.set(qn(attr), name)


def apply_styles(document, official: bool) -> dict:
    """Define every role's style in `document` in the official or the business layout; returns role ->
    the python-docx style."""
    layout, roles = layout_of(official), roles_of(official)
    styles = document.styles
    body = roles["body"]
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(defaults, layout.latin, body.east_asian, layout.complex)
    for tag in ("w:sz", "w:szCs"):  # the document grid counts characters of this size
        defaults.find(qn(tag)).set(qn("w:val"), str(round(body.size * 2)))
    lang = defaults.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-GB")  # Latin text breaks at spaces, not inside "1990", in a Chinese pack too
    lang.set(qn("w:eastAsia"), "zh-CN")
    for fonts in styles.element.iter(qn("w:rFonts")):  # the template's other styles: no theme fonts either
        if any(fonts.get(qn(a)) for a in ("w:asciiTheme", "w:eastAsiaTheme")):
            set_fonts(fonts.getparent(), layout.latin, body.east_asian, layout.complex)
    made = {}
    for key, role in roles.items():
        try:
            style = styles[role.style]
        except KeyError:
            style = styles.add_style(role.style, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.quick_style = True
        _define(style, role, layout)
        made[key] = style
    title = styles["Title"].element.find(qn("w:pPr"))
    if title is not None and title.find(qn("w:pBdr")) is not None:
        title.remove(title.find(qn("w:pBdr")))  # the template's blue rule under the title
    return made


def _define(style, role: Role, layout: Layout) -> None:
    font = style.font
    set_fonts(style.element.get_or_add_rPr(), layout.latin, role.east_asian, layout.complex)
    font.size = Pt(role.size)
    font.bold = role.bold
    font.italic = False
    font.color.rgb = role.color
    rpr = style.element.get_or_add_rPr()
    spacing = rpr.find(qn("w:spacing"))  # the template's letter spacing on Title
    if spacing is not None:
        rpr.remove(spacing)
    if role.tracking:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(round(role.tracking * 20)))
        # CT_RPr's order: rStyle, rFonts, b, bCs, i, iCs, caps … color, spacing, w, kern, position, sz …
        anchor = next((rpr.find(qn(t)) for t in ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight",
                                                  "w:u", "w:effect", "w:lang") if rpr.find(qn(t)) is not None), None)
        if anchor is not None:
            anchor.addprevious(spacing)
        else:
            rpr.append(spacing)
    tabs = style.element.pPr.find(qn("w:tabs")) if style.element.pPr is not None else None
    if tabs is not None:  # the template's Header and Footer tab stops: the renderer sets its own
        style.element.pPr.remove(tabs)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(role.before), Pt(role.after)
    if role.line is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(role.line)
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.first_line_indent = Pt(-role.hanging) if role.hanging else Pt(role.first_indent)  # 0: not Normal's
    if role.hanging:
        fmt.left_indent = Pt(role.hanging + role.first_indent)
    fmt.alignment = role.align if role.align is not None else WD_ALIGN_PARAGRAPH.LEFT
    fmt.keep_with_next = role.keep_next
    fmt.widow_control = True


def set_page(section, official: bool) -> None:
    """A4 with the layout's margins."""
    layout = layout_of(official)
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(layout.top), Mm(layout.bottom)
    section.left_margin, section.right_margin = Mm(layout.left), Mm(layout.right)
    section.header_distance, section.footer_distance = Mm(layout.header), Mm(layout.footer)
    section.gutter = Mm(0)


def text_width(official: bool) -> float:
    """The type area's width in mm."""
    layout = layout_of(official)
    return 210 - layout.left - layout.right
