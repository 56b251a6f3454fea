"""The Word edition's signature and seal areas (model.Signatures): a table without borders, one column
per side; in each the side's title, a bordered box for the seal where one is asked for, and a line to
write on per entry (a right tab with an underline leader, which Word and LibreOffice both draw)."""

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt

from twindesk.briefing.paper import docx_parts as parts
from twindesk.briefing.paper import docx_styles as ds

GAP = Mm(8)
SEAL = Mm(32)


def signatures(renderer, areas) -> None:
    doc = renderer.doc
    if doc.paragraphs:  # the signatures never stand alone on a page: the paragraph before goes along
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    spacer = renderer.para("", "cell")
    spacer.paragraph_format.space_before = Pt(12)
    spacer.paragraph_format.keep_with_next = True
    n = max(len(areas), 1)
    width = int((renderer.width - GAP * (n - 1)) / n)
    table = doc.add_table(rows=1, cols=2 * n - 1)
    table.autofit = False
    parts.table_borders(table, 0)
    for i, column in enumerate(table.columns):
        column.width = width if i % 2 == 0 else GAP
    row = table.rows[0]
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # the areas never split across pages
    for i, area in enumerate(areas):
        cell = row.cells[2 * i]
        cell.width = width
        title = cell.paragraphs[0]
        title._p.style = renderer.ids["label"]
        title.add_run(parts.clean(area.title))
        title.paragraph_format.space_after = Pt(6)
        if area.seal:
            box = cell.add_table(rows=1, cols=1)
            box.alignment = WD_TABLE_ALIGNMENT.CENTER
            parts.table_borders(box, 0.75, ds.RULE)
            box.columns[0].width = SEAL
            box_row = box.rows[0]
            box_row.height, box_row.height_rule = SEAL, WD_ROW_HEIGHT_RULE.EXACTLY
            inner = box_row.cells[0]
            inner.width = SEAL
            inner.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            seal = inner.paragraphs[0]
            seal._p.style = renderer.ids["muted"]
            seal.paragraph_format.first_line_indent = Pt(0)
            seal.alignment = WD_ALIGN_PARAGRAPH.CENTER
            seal.add_run(parts.clean(area.seal))
        for line in area.lines:
            paragraph = renderer.para(line, "cell", cell)
            paragraph.paragraph_format.space_before = Pt(14)
            # an underlined tab to a stop near the column's edge: the line to write on
            paragraph.paragraph_format.tab_stops.add_tab_stop(width - Mm(6), WD_TAB_ALIGNMENT.RIGHT)
            paragraph.add_run(" ")
            paragraph.add_run("\t").underline = True
            paragraph.add_run("\u200b")  # LibreOffice leaves a paragraph's trailing tab undrawn
