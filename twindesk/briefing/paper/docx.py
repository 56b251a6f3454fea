"""The paper model as a Word document (python-docx): the same blocks in the same order as the PDF.

Headings are Word's Heading 1/2/3 and the cover's title its Title style, so the navigation pane and
the table of contents work; tables are real tables whose header row repeats on every page. Styles,
fonts and the page are briefing/paper/docx_styles.py's; the XML python-docx lacks, docx_parts.py's.
"""

import io
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from twindesk.briefing.paper import docx_parts as parts
from twindesk.briefing.paper import docx_styles as ds
from twindesk.briefing.paper import model
from twindesk.briefing.paper.docx_signatures import signatures
from twindesk.briefing.wording import Wording

_HEADING_ROLES = {1: "h1", 2: "h2", 3: "h3"}
PHOTO_WIDTH_MM = 120  # a photo on file, as in the PDF: two to a page with their captions
_PARAGRAPH_ROLES = {"cover_title": "title"}  # the cover's title is Word's Title


def write_docx(paper: model.Paper, path: Path | str, *, on_block: Callable[[float], None] | None = None) -> None:
    """Write `paper` to `path` as a .docx."""
    DocxRenderer(paper).render(on_block).save(str(path))


class DocxRenderer:
    def __init__(self, paper: model.Paper):
        self.paper = paper
        self.w = Wording(paper.lang)
        self.zh = self.w.zh
        self.official = paper.layout == "official"  # GB/T 9704-2012's page, fonts and margins
        self.doc = Document()
        self.styles = ds.apply_styles(self.doc, self.official)
        self.ids = {role: style.style_id for role, style in self.styles.items()}
        self.width = Mm(ds.text_width(self.official))
        self.width_twips = round(ds.text_width(self.official) / 25.4 * 1440)
        self.body = self.doc.element.body

    def render(self, on_block: Callable[[float], None] | None = None):
        section = self.doc.sections[0]
        section.start_type = WD_SECTION_START.NEW_PAGE
        ds.set_page(section, self.official)
        self._header_footer(section)
        self._properties()
        parts.no_stretch_before_line_breaks(self.doc.settings.element)
        blocks = self.paper.blocks
        for i, block in enumerate(blocks):
            self.block(block)
            if on_block is not None:
                on_block(i / len(blocks))
        return self.doc

    # --- text -------------------------------------------------------------------------------------

    def para(self, text, role: str, container=None):
        """A paragraph of `text` (always literal: one run of plain text) in the style of `role`."""
        text = parts.clean(text)
        paragraph = (container or self.doc).add_paragraph()
        paragraph._p.style = self.ids[role]  # by id: python-docx's `style =` scans every style each time
        if text:
            paragraph.add_run(text)
            if not text.isascii() and parts.right_to_left(text):
                parts.set_rtl(paragraph)
        return paragraph

    def _cell(self, cell, value, role: str) -> None:
        """Fill a table cell: its text, or (text, note) with the note on a smaller line under it."""
        main, note = value if isinstance(value, tuple) else (value, "")
        paragraph = cell.paragraphs[0]
        paragraph._p.style = self.ids[role]
        text = parts.clean(main)
        if text:
            paragraph.add_run(text)
            if not text.isascii() and parts.right_to_left(text):
                parts.set_rtl(paragraph)
        if note:
            self.para(note, "cell_note", cell)

    # --- blocks -----------------------------------------------------------------------------------

    def block(self, block) -> None:
        match block:
            case model.Heading(level=level):
                self.para(block.printed, _HEADING_ROLES[level])  # numbered in the official layout
            case model.Paragraph(text=text, role="bullet"):
                paragraph = self.para("", "bullet")
                paragraph.add_run("•\t")  # ours; the text follows as its own run
                paragraph.add_run(parts.clean(text))
            case model.Paragraph(text=text, role=role):
                self.para(text, _PARAGRAPH_ROLES.get(role, role))
            case model.Facts(rows=rows, label_width=width):
                self.facts(rows, width)
            case model.DataTable():
                self.table(block)
            case model.Cover():
                self.cover(block)
            case model.Contents():
                self.contents()
            case model.PageBreak():
                self.page_break()
            case model.Signatures(areas=areas):
                signatures(self, areas)
            case model.Photo(data=data, caption=caption):
                self.doc.add_picture(io.BytesIO(data), width=min(self.width, Mm(PHOTO_WIDTH_MM)))
                self.para(caption, "muted")
            case _:
                raise TypeError(f"not a paper block: {block!r}")

    def _new_table(self, widths) -> tuple:
        table = self.doc.add_table(rows=0, cols=len(widths))
        table.autofit = False
        parts.table_look(table, width_twips=self.width_twips, rule=ds.RULE, grid=ds.GRID)
        for column, share in zip(table.columns, widths, strict=True):
            column.width = int(self.width * share)
        return table

    def facts(self, rows, label_width: float) -> None:
        table = self._new_table((label_width, 1 - label_width))
        for label, value in rows:
            label_cell, value_cell = table.add_row().cells
            self._cell(label_cell, label, "label")
            parts.shade(label_cell, ds.LABEL_BG)
            self._cell(value_cell, value, "cell")
        self._space_after()

    def table(self, block: model.DataTable) -> None:
        table = self._new_table(block.widths)
        right = set(block.right)
        head = table.add_row()
        parts.repeat_as_header(head)
        for i, (cell, text) in enumerate(zip(head.cells, block.header, strict=True)):
            self._cell(cell, text, "th_right" if i in right else "th")
            parts.rule_below(cell, 0.6, ds.RULE)
            parts.shade(cell, ds.HEAD_BG)
        roles = ["cell_right" if i in right else "cell" for i in range(len(block.widths))]
        for n, row in enumerate(block.rows):
            cells = table.add_row().cells
            for cell, value, role in zip(cells, row, roles, strict=True):
                self._cell(cell, value, role)
                if n % 2:
                    parts.shade(cell, ds.ZEBRA)
        self._space_after()

    def _space_after(self) -> None:
        """A small gap under a table, as the PDF leaves, so two tables never merge into one."""
        gap = self.doc.add_paragraph()
        gap._p.style = self.ids["cell"]
        gap.paragraph_format.space_after = Pt(0)
        gap.paragraph_format.line_spacing = Pt(6)

    def cover(self, cover: model.Cover) -> None:
        if cover.marking.strip() and not self.official:  # the official header's marking is at the top left
            self.para(cover.marking.strip(), "marking")
        self.para(cover.kicker, "kicker")
        self.para(cover.title, "title")
        if cover.subtitle:
            self.para(cover.subtitle, "cover_sub")
        facts = [(label, value) for label, value in cover.facts if value not in (None, "", ("", ""))]
        if facts:
            self.facts(facts, 0.24)
        # The official layout writes the date alone (2026年12月1日), as the PDF's cover does.
        self.para(cover.date if self.official and cover.date else cover.issued, "issued")
        self.page_break()

    def contents(self) -> None:
        """The contents: a TOC field (ours) whose result, until Word updates it on opening, lists the
        sections and sub-sections without page numbers."""
        self.para(self.w("contents"), "contents")
        entries = [b for b in self.paper.blocks if isinstance(b, model.Heading) and b.level <= 2]
        first = self.para("", "toc")
        parts.field_char(first, "begin")
        parts.field_instruction(first, parts.CONTENTS)
        parts.field_char(first, "separate")
        last = first
        for i, heading in enumerate(entries):
            paragraph = first if i == 0 else self.para("", "toc")
            paragraph.paragraph_format.first_line_indent = Pt(0)
            paragraph.paragraph_format.left_indent = Pt(0 if heading.level == 1 else 16)
            paragraph.add_run(parts.clean(heading.printed))
            last = paragraph
        parts.field_char(last, "end")
        parts.update_fields_on_open(self.doc.settings.element)  # Word fills in the page numbers
        # The break in a paragraph of its own: in the field's last one, LibreOffice breaks before it.
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def page_break(self) -> None:
        last = self.body[-2] if len(self.body) > 1 else None  # the body's last child is its sectPr
        if last is not None and last.tag == qn("w:p"):
            last_paragraph = self.doc.paragraphs[-1]
        else:
            last_paragraph = self.doc.add_paragraph(style=self.styles["body"])
        last_paragraph.add_run().add_break(WD_BREAK.PAGE)

    # --- the page around it -------------------------------------------------------------------------

    def _header_footer(self, section) -> None:
        marking = parts.clean(self.paper.marking).replace("\n", " ").strip()
        if self.paper.frame == "certificate":  # a border round the page, nothing in the margins
            parts.page_border(section, ds.RULE_FRAME)
            return
        if self.official:
            # GB/T 9704: no running title; the marking at the top left of the first page only (as the
            # PDF), "— N —" at the outer edge of every page.
            self.doc.settings.odd_and_even_pages_header_footer = True
            section.different_first_page_header_footer = True
            for n, header in enumerate((section.first_page_header, section.header, section.even_page_header)):
                paragraph = header.paragraphs[0]
                paragraph.style = self.styles["header"]
                if marking and n == 0:
                    paragraph.add_run(marking)
            for footer, align in ((section.first_page_footer, WD_ALIGN_PARAGRAPH.RIGHT),
                                  (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                                  (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
                paragraph = footer.paragraphs[0]
                paragraph.style = self.styles["page_number"]
                paragraph.alignment = align
                edge = Pt(14)  # "空一字" at 4号
                paragraph.paragraph_format.right_indent = edge if align == WD_ALIGN_PARAGRAPH.RIGHT else None
                paragraph.paragraph_format.left_indent = edge if align == WD_ALIGN_PARAGRAPH.LEFT else None
                paragraph.add_run("— ")
                parts.add_field(paragraph, parts.PAGE, "1")
                paragraph.add_run(" —")
            return
        header = section.header.paragraphs[0]
        header.style = self.styles["header"]
        header.paragraph_format.tab_stops.add_tab_stop(self.width, WD_TAB_ALIGNMENT.RIGHT)
        header.add_run(parts.clean(self.paper.header).replace("\n", " "))
        if marking:
            header.add_run("\t")
            run = header.add_run(marking)
            run.font.color.rgb = ds.MARK
        parts.paragraph_rule(header, "bottom", ds.RULE)
        footer = section.footer.paragraphs[0]
        footer.style = self.styles["page_number"]
        footer.paragraph_format.tab_stops.add_tab_stop(self.width, WD_TAB_ALIGNMENT.RIGHT)
        parts.paragraph_rule(footer, "top", ds.RULE)
        footer.add_run(parts.clean(self.paper.issued) + "\t")
        # "Page {page} of {pages}" with the two numbers as fields, in the pack's own wording.
        before, rest = self.w("page_of", page="\0", pages="\1").split("\0")
        between, after = rest.split("\1")
        footer.add_run(before)
        parts.add_field(footer, parts.PAGE, "1")
        footer.add_run(between)
        parts.add_field(footer, parts.NUMPAGES, "1")
        footer.add_run(after)

    def _properties(self) -> None:
        props = self.doc.core_properties
        props.title = parts.clean(self.paper.title).replace("\n", " ")[:250]
        props.subject = parts.clean(self.paper.header).replace("\n", " ")[:250]
        props.author = props.last_modified_by = "TwinDesk"
        props.language = "zh-CN" if self.zh else "en"
        props.comments = ""
