"""The paper model as reportlab flowables, in the pack's styles asked for by role (briefing/styles.py).

The cover and the contents page are briefing/covers.py's: a Cover block is handed to it, and what it
returns (flowables, or paper blocks such as its facts) is rendered in turn.
"""

import io

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus import PageBreak as PdfPageBreak

from twindesk.briefing import covers
from twindesk.briefing import styles as st
from twindesk.briefing.flowables import FauxBold
from twindesk.briefing.flowables import Heading as PdfHeading
from twindesk.briefing.flowables import Label as PdfLabel
from twindesk.briefing.paper import model
from twindesk.briefing.tables import data_table, facts_table

_HEADING_ROLES = {1: "h1", 2: "h2", 3: "h3"}
PHOTO_HEIGHT = 90 * mm  # a photo on file: two to a page with their captions
_COVER_BOLD = {"cover_title"}  # the cover's title is set bold, as a heading is


class PdfRenderer:
    """`render(blocks)` -> flowables. `pack.s` holds the styles; the cover asks the pack for them."""

    def __init__(self, pack):
        self.pack = pack
        self.s = pack.s

    def render(self, blocks) -> list[Flowable]:
        out: list[Flowable] = []
        for block in blocks:
            if isinstance(block, Flowable):
                out.append(block)
                continue
            made = self.block(block)
            if isinstance(block, model.Signatures):
                # kept on one page, never alone on it: what comes before them goes along
                before = [out.pop()] if out else []
                if out and isinstance(out[-1], PdfLabel | PdfHeading):  # and the heading over that
                    before.insert(0, out.pop())
                made = KeepTogether([*before, *made])
            if isinstance(made, list):
                out += made
            else:
                out.append(made)
        return out

    def block(self, block) -> Flowable | list[Flowable]:
        s = self.s
        match block:
            case model.Heading(level=level):
                style, text = s.role(_HEADING_ROLES[level]), block.printed  # numbered in the official layout
                if level == 3:
                    return s.para(text, style, cls=PdfLabel)
                return s.para(text, style, cls=PdfHeading, outline=text, level=level - 1)
            case model.Paragraph(text=text, role="bullet"):
                return s.para(text, s.bullet, bulletText="•")
            case model.Paragraph(text=text, role=role):
                if role in _COVER_BOLD:
                    return s.para(text, getattr(s, role), cls=FauxBold)
                return s.para(text, getattr(s, role))
            case model.Facts(rows=rows, label_width=width):
                table = facts_table(s, rows, label_width=width)
                return [table, Spacer(1, 3 * mm)] if table is not None else []
            case model.DataTable(header=header, rows=rows, widths=widths, right=right):
                return data_table(s, header, rows, widths, right=right)
            case model.Cover():
                return self.render(covers.cover(self.pack, kicker=block.kicker, title=block.title,
                                                subtitle=block.subtitle, facts=list(block.facts),
                                                marking=block.marking))
            case model.Contents():
                return covers.contents()
            case model.PageBreak():
                return PdfPageBreak()
            case model.Signatures(areas=areas):
                return self.signatures(areas)
            case model.Photo(data=data, caption=caption):
                return self.photo(data, caption)
        raise TypeError(f"not a paper block: {block!r}")

    def photo(self, data: bytes, caption: str) -> Flowable:
        """The picture as large as the type area allows (at most PHOTO_HEIGHT tall), its caption kept with it."""
        reader = ImageReader(io.BytesIO(data))
        width, height = reader.getSize()
        scale = min(self.s.frame_width / width, PHOTO_HEIGHT / height)
        picture = Image(io.BytesIO(data), width=width * scale, height=height * scale)
        centred = ParagraphStyle("caption", parent=self.s.muted, alignment=TA_CENTER, firstLineIndent=0)
        return KeepTogether([Spacer(1, 3 * mm), picture, self.s.para(caption, centred)])

    def signatures(self, areas) -> list[Flowable]:
        """The areas side by side, each its title, the seal's box, a rule to write on per line."""
        s = self.s
        gap = 8 * mm
        width = (s.frame_width - gap * (len(areas) - 1)) / max(len(areas), 1)
        seal_style = ParagraphStyle("seal", parent=s.muted, alignment=TA_CENTER)
        cells = []
        for area in areas:
            cell: list[Flowable] = [s.para(area.title, s.label, cls=FauxBold), Spacer(1, 3 * mm)]
            if area.seal:
                box = Table([[s.para(area.seal, seal_style)]], colWidths=[32 * mm], rowHeights=[32 * mm],
                            hAlign="CENTER", style=TableStyle([s.table_font(), ("BOX", (0, 0), (-1, -1), 0.8, st.RULE),
                                                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
                cell += [box, Spacer(1, 3 * mm)]
            for line in area.lines:
                cell.append(Table([[s.para(line, s.cell), ""]], colWidths=[0.42 * width, 0.58 * width],
                                  rowHeights=[9 * mm], style=TableStyle([
                                      s.table_font(), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                      ("LEFTPADDING", (0, 0), (-1, -1), 0), ("LINEBELOW", (1, 0), (1, 0), 0.6, st.INK)])))
            cells.append(cell)
        columns, row = [], []
        for i, cell in enumerate(cells):
            if i:
                columns.append(gap)
                row.append("")
            columns.append(width)
            row.append(cell)
        table = Table([row], colWidths=columns, style=TableStyle([
            s.table_font(), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [Spacer(1, 6 * mm), table]
