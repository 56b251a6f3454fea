"""The look of a list sheet: a bold header row (and the HXL row under it), frozen; an autofilter over the
list; column widths; cells top-aligned; printed on A4 landscape as `print_setup` says, with the header
repeated on every page.

Workbooks are write-only (rows stream to temporary files, docs/architecture.md, "Measured on these machines"), so widths and the frozen pane are
set before the first row and the autofilter once the last row is known. Making, saving and discarding
the workbook is `workbook_file`'s.
"""

from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from twindesk.exchange import print_setup
from twindesk.exchange.cells import text_cell

# Named: a font without a name is LibreOffice's default serif, not the sheet's Calibri.
HEADER_FONT = Font(name="Calibri", size=11, bold=True)
HEADER_FILL = PatternFill("solid", start_color="DDEBF7")
HXL_FONT = Font(name="Calibri", size=11, italic=True, color="595959")
TITLE_FONT = Font(name="Calibri", bold=True, size=14)
TOP = Alignment(vertical="top")


@dataclass(frozen=True)
class PageInfo:
    """What every printed page says besides the sheet's title: the marking (内部资料 …, or none) and the
    date of the export, in the workbook's language."""

    lang: str
    marking: str
    exported: date


def _header_cell(ws, text: str, font: Font):
    cell = text_cell(ws, text)
    if isinstance(cell, str):
        cell = WriteOnlyCell(ws, text)
    cell.font = font
    cell.fill = HEADER_FILL
    cell.alignment = Alignment(vertical="top")
    return cell


def start_list_sheet(wb: Workbook, title: str, headers: list[str], widths: list[float],
                     hxl_tags: list[str] | None = None, rows: int | None = None, *, page: PageInfo,
                     printed: range | None = None):
    """A new write-only sheet with its header row(s) written; returns the sheet.

    `printed`, the indexes of the columns that print (all when None); when they start after the first
    column, the first (the ID) is repeated at the left of every page.

    `rows`, the number of data rows to come, goes into the sheet's size record: without one, a reader
    in read-only mode (openpyxl's, the import's) parses the whole sheet once more just to look for it.
    It must be exact: such readers stop at the size recorded."""
    ws = wb.create_sheet(title)
    if rows is not None:
        size = f"A1:{get_column_letter(max(len(headers), 1))}{rows + (2 if hxl_tags else 1)}"
        ws.calculate_dimension = lambda: size  # openpyxl's sheet writer asks for it before the first row
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    header_rows = 2 if hxl_tags else 1
    ws.freeze_panes = f"A{header_rows + 1}"
    print_setup.set_up_page(ws, title=title, lang=page.lang, marking=page.marking, exported=page.exported,
                            orientation="landscape")
    ws.print_title_rows = f"1:{header_rows}"
    printed = printed if printed is not None else range(len(widths))
    printed_widths = [widths[i] for i in printed]
    if printed.start > 0:
        ws.print_title_cols = "A:A"
        printed_widths.append(widths[0])
    print_setup.set_scale(ws, print_setup.print_scale(printed_widths), tall=True)
    ws.append([_header_cell(ws, h, HEADER_FONT) for h in headers])
    if hxl_tags:
        ws.append([_header_cell(ws, t, HXL_FONT) for t in hxl_tags])
    return ws


def finish_list_sheet(ws, columns: int, last_row: int, header_rows: int, printed: range | None = None) -> None:
    """The autofilter over the header (the HXL row when there is one, so sorting leaves the tags on top)
    and every row written; the print area over the `printed` columns of every row."""
    first = header_rows
    ws.auto_filter.ref = f"A{first}:{get_column_letter(max(columns, 1))}{max(last_row, first)}"
    printed = printed if printed is not None else range(max(columns, 1))
    ws.print_area = (f"{get_column_letter(printed.start + 1)}1:"
                     f"{get_column_letter(printed.stop)}{max(last_row, header_rows)}")
