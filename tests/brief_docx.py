"""Reading a Word edition back for the tests: its headings, tables, styles, fonts, fields and text."""

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml.ns import qn


def open_docx(path: Path):
    return docx.Document(str(path))


@dataclass(frozen=True)
class Para:
    style: str
    text: str


def paragraphs(document) -> list[Para]:
    """Every paragraph of the body in order, the ones in tables included."""
    out = []
    for p in document.element.body.iter(qn("w:p")):
        style = p.pPr.pStyle.val if p.pPr is not None and p.pPr.pStyle is not None else "Normal"
        out.append(Para(document.styles.get_by_id(style, 1).name if style else "Normal",
                        "".join(t.text or "" for t in p.iter(qn("w:t")))))
    return out


def headings(document) -> list[tuple[int, str]]:
    """(level, text) of every Heading 1/2/3 paragraph, in order."""
    out = []
    for p in document.paragraphs:
        name = p.style.name
        if name.startswith("Heading "):
            out.append((int(name.split()[1]), p.text))
    return out


def all_text(document) -> str:
    """Every w:t of the body, headers and footers, joined by newlines per paragraph."""
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.header._element, section.footer._element, section.even_page_header._element,
                  section.even_page_footer._element, section.first_page_header._element,
                  section.first_page_footer._element]
    lines = []
    for part in parts:
        for p in part.iter(qn("w:p")):
            lines.append("".join((t.text or "") if t.tag == qn("w:t") else "\n"
                                 for t in p.iter(qn("w:t"), qn("w:br"))))
    return "\n".join(lines)


def style_fonts(document, name: str) -> dict[str, str]:
    """The rFonts attributes a style names (ascii, eastAsia …), theme attributes included."""
    rpr = document.styles[name].element.rPr
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    if fonts is None:
        return {}
    return {key.split("}")[1]: value for key, value in fonts.attrib.items()}


def field_instructions(element) -> list[str]:
    """Every field instruction in `element`: simple fields and complex ones."""
    simple = [f.get(qn("w:instr")).strip() for f in element.iter(qn("w:fldSimple"))]
    complex_ = [i.text.strip() for i in element.iter(qn("w:instrText"))]
    return simple + complex_


def repeats_header(row) -> bool:
    tr_pr = row._tr.trPr
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
