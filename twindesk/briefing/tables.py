"""Tables of a PDF pack (briefing/paper/pdf.py draws the paper's tables with these): every cell a Paragraph (plain strings do not wrap), the header row repeated on each
page, and rows allowed to split across pages (splitInRow), so a cell taller than a page is no
LayoutError.
"""

from collections.abc import Sequence

from reportlab.platypus import Flowable, Table, TableStyle

from twindesk.briefing import styles as st
from twindesk.briefing.column_widths import fit_widths
from twindesk.briefing.flowables import FauxBold

# A cell: text, or (text, note) for a main line with a smaller line under it (paper.model.Cell), or
# ready flowables.
Cell = str | tuple[str, str] | Flowable | list[Flowable] | None

_BASE = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ("LINEBELOW", (0, 0), (-1, -1), 0.25, st.GRID),
    ("LINEABOVE", (0, 0), (-1, 0), 0.6, st.RULE),
]


def _cell(styles: st.Styles, value: Cell, style) -> Flowable | list[Flowable]:
    if isinstance(value, Flowable | list):
        return value
    if isinstance(value, tuple):
        main, note = value
        cell = [styles.para(main, style)]
        if note:
            cell.append(styles.para(note, styles.cell_note))
        return cell
    return styles.para(value or "", style)


def data_table(styles: st.Styles, header: Sequence[str], rows: Sequence[Sequence[Cell]],
               widths: Sequence[float], *, right: Sequence[int] = ()) -> Table:
    """A list with a header row; `widths` are fractions of the text width, `right` the columns of
    numbers (right-aligned)."""
    data = [[styles.para(h, styles.th_right if i in right else styles.th, cls=FauxBold) for i, h in enumerate(header)]]
    for row in rows:
        data.append([_cell(styles, v, styles.cell_right if i in right else styles.cell) for i, v in enumerate(row)])
    commands = _BASE + [
        styles.table_font(),
        ("BACKGROUND", (0, 0), (-1, 0), st.HEAD_BG),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, st.ZEBRA]),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, st.RULE),
    ]
    return Table(data, colWidths=fit_widths(styles, data, widths), repeatRows=1, splitInRow=1,
                 style=TableStyle(commands), hAlign="LEFT")


def facts_table(styles: st.Styles, pairs: Sequence[tuple[str, Cell]], *, label_width: float = 0.26) -> Table | None:
    """Label and value per row, for one record's facts; rows with no value are left out (None if all)."""
    data = [[styles.para(label, styles.label, cls=FauxBold), _cell(styles, value, styles.cell)]
            for label, value in pairs if value not in (None, "", [], ("", ""))]
    if not data:
        return None
    commands = _BASE + [styles.table_font(), ("BACKGROUND", (0, 0), (0, -1), st.ZEBRA)]
    return Table(data, colWidths=[label_width * styles.frame_width, (1 - label_width) * styles.frame_width], splitInRow=1,
                 style=TableStyle(commands), hAlign="LEFT")
