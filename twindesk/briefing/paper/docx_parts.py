"""Small pieces of WordprocessingML the Word renderer needs and python-docx does not offer: text made
safe for XML, paragraph direction, fields we write ourselves, borders, shading, the repeating header row.

Text a person typed only ever becomes a run's text (w:t): never a field, a hyperlink or a formula. The
only fields in a pack are the page numbers in the footer and the table of contents, whose instructions
are constants here.
"""

import re
import unicodedata

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# What XML 1.0 cannot hold (C0 controls but tab and newline, lone surrogates, U+FFFE/U+FFFF), and DEL:
# replaced by a visible U+FFFD, so nothing disappears silently and nothing crashes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")
REPLACEMENT = "\ufffd"

PAGE = "PAGE"
NUMPAGES = "NUMPAGES"
CONTENTS = 'TOC \\o "1-2" \\h \\z \\u'  # headings 1-2, as links, hiding page numbers online


def clean(value) -> str:
    """`value` as text Word can store: newlines as "\\n" (a line break), the unstorable replaced."""
    if value is None:
        return ""
    return _NOT_XML.sub(REPLACEMENT, _NEWLINES.sub("\n", str(value)))


def right_to_left(text: str) -> bool:
    """Whether the first strongly directional character of `text` is Hebrew, Arabic …"""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


# CT_PPr's children in the order the schema requires (ECMA-376 17.3.1.26); Word refuses another order.
_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
              "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
              "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _after(tag: str) -> tuple[str, ...]:
    return _PPR_ORDER[_PPR_ORDER.index(tag) + 1:]


_AFTER_BIDI = _after("w:bidi")


def set_rtl(paragraph) -> None:
    """A right-to-left paragraph (w:bidi): it starts at the right, and Word orders its runs so."""
    ppr = paragraph._p.get_or_add_pPr()
    if ppr.find(qn("w:bidi")) is None:
        ppr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def add_field(paragraph, instruction: str, shown: str):
    """A simple field (PAGE, NUMPAGES …) with `shown` as its result until the reader updates it."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    return field


def field_char(paragraph, kind: str) -> None:
    """One mark of a field spanning paragraphs: "begin", "separate" or "end"."""
    run = paragraph.add_run()
    mark = OxmlElement("w:fldChar")
    mark.set(qn("w:fldCharType"), kind)
    run._r.append(mark)


def field_instruction(paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)


def _border(parent, edge: str, size: float, color: str) -> None:
    line = OxmlElement(f"w:{edge}")
    if size:
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), str(round(size * 8)))  # eighths of a point
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), color)
    else:
        line.set(qn("w:val"), "nil")
    parent.append(line)


def table_look(table, *, width_twips: int, rule: str, grid: str) -> None:
    """Fixed widths, a rule above, thin lines between rows, no vertical lines; cell margins as the PDF's."""
    tbl_pr = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout", "w:tblBorders", "w:tblCellMar"):
        old = tbl_pr.find(qn(tag))
        if old is not None:
            tbl_pr.remove(old)
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(width_twips))
    total.set(qn("w:type"), "dxa")
    borders = OxmlElement("w:tblBorders")
    for edge, size, color in (("top", 0.6, rule), ("left", 0, ""), ("bottom", 0.25, grid), ("right", 0, ""),
                              ("insideH", 0.25, grid), ("insideV", 0, "")):
        _border(borders, edge, size, color)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    margins = OxmlElement("w:tblCellMar")
    for edge, points in (("top", 3), ("left", 4), ("bottom", 4), ("right", 4)):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(points * 20))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    # CT_TblPr's order: tblStyle … tblW, jc, …, tblBorders, shd, tblLayout, tblCellMar, tblLook
    style = tbl_pr.find(qn("w:tblStyle"))
    at = 1 if style is not None else 0
    for element in (total, borders, layout, margins):
        tbl_pr.insert(at, element)
        at += 1


def shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def rule_below(cell, size: float, color: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    _border(borders, "bottom", size, color)
    tc_pr.insert(1 if tc_pr.find(qn("w:tcW")) is not None else 0, borders)


def repeat_as_header(row) -> None:
    """The row repeats at the top of every page the table runs onto (w:tblHeader)."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def paragraph_rule(paragraph, edge: str, color: str) -> None:
    """A thin line above ("top") or below ("bottom") a paragraph: the header's and the footer's."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{edge}")
    for key, value in (("val", "single"), ("sz", "4"), ("space", "4"), ("color", color)):
        line.set(qn(f"w:{key}"), value)
    borders.append(line)
    ppr.insert_element_before(borders, *_after("w:pBdr"))


def no_stretch_before_line_breaks(settings) -> None:
    """A justified line that ends in a line break (a newline typed in a note) keeps its spacing, as
    Word does by default and LibreOffice only when told (w:doNotExpandShiftReturn)."""
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        settings.insert_element_before(compat, *_SETTINGS_AFTER_COMPAT)
    compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))  # before useFELayout, as CT_Compat orders


# CT_Settings' children after w:updateFields, in the schema's order (Word refuses another order).
_SETTINGS_AFTER_UPDATE = ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
                          "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
                          "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
                          "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
                          "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")
_SETTINGS_AFTER_COMPAT = _SETTINGS_AFTER_UPDATE[4:]


def update_fields_on_open(settings) -> None:
    """Word updates the fields (the contents' page numbers) when the document is opened."""
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.insert_element_before(update, *_SETTINGS_AFTER_UPDATE)


def table_borders(table, size: float, color: str = "") -> None:
    """Every edge of `table` a single line of `size` pt (0: none at all), replacing the style's."""
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _border(borders, edge, size, color)
    # CT_TblPr's order: … tblW, jc, tblCellSpacing, tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook
    after = [tbl_pr.find(qn(t)) for t in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")]
    anchor = next((a for a in after if a is not None), None)
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        tbl_pr.append(borders)


def page_border(section, color: str) -> None:
    """A double border round every page of `section`, 10 mm in from the page's edges (w:pgBorders)."""
    sect_pr = section._sectPr
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for edge in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{edge}")
        for key, value in (("val", "thickThinSmallGap"), ("sz", "18"), ("space", "28"), ("color", color)):
            line.set(qn(f"w:{key}"), value)  # space: pt from the page's edge, as offsetFrom says
        borders.append(line)
    # CT_SectPr's order: … pgSz, pgMar, paperSrc, pgBorders, lnNumType, pgNumType, cols …
    anchor = sect_pr.find(qn("w:paperSrc"))  # (an element without children is falsy: no `or`)
    (anchor if anchor is not None else sect_pr.find(qn("w:pgMar"))).addnext(borders)
