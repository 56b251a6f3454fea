"""The look of a list sheet: a bold header row (and the HXL row under it), frozen; an autofilter over the
list; column widths; printed landscape, one page wide, with the header repeated on every page.

Workbooks are write-only (rows stream to temporary files, docs/architecture.md, "Measured on these machines"), so widths and the frozen pane are
set before the first row and the autofilter once the last row is known. `discard` removes openpyxl's
temporary files when an export fails or is cancelled (it only removes them itself on save).
"""

import os

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from twindesk.exchange.cells import text_cell

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="DDEBF7")
HXL_FONT = Font(italic=True, color="595959")
TITLE_FONT = Font(bold=True, size=14)


def new_workbook() -> Workbook:
    wb = Workbook(write_only=True)
    wb.properties.creator = "TwinDesk"
    return wb


def _header_cell(ws, text: str, font: Font):
    cell = text_cell(ws, text)
    if isinstance(cell, str):
        cell = WriteOnlyCell(ws, text)
    cell.font = font
    cell.fill = HEADER_FILL
    cell.alignment = Alignment(vertical="top")
    return cell


def start_list_sheet(wb: Workbook, title: str, headers: list[str], widths: list[float],
                     hxl_tags: list[str] | None = None, rows: int | None = None):
    """A new write-only sheet with its header row(s) written; returns the sheet.

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
    ws.print_title_rows = f"1:{header_rows}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the list needs
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.append([_header_cell(ws, h, HEADER_FONT) for h in headers])
    if hxl_tags:
        ws.append([_header_cell(ws, t, HXL_FONT) for t in hxl_tags])
    return ws


def finish_list_sheet(ws, columns: int, last_row: int, header_rows: int) -> None:
    """The autofilter over the header (the HXL row when there is one, so sorting leaves the tags on top)
    and every row written."""
    first = header_rows
    ws.auto_filter.ref = f"A{first}:{get_column_letter(max(columns, 1))}{max(last_row, first)}"


def discard(wb: Workbook) -> None:
    """Close an unsaved write-only workbook and delete the temporary files its sheets stream into."""
    for ws in wb.worksheets:
        rows, writer = getattr(ws, "_rows", None), getattr(ws, "_writer", None)
        try:
            if rows is not None:
                rows.close()  # ends the sheet's row stream …
            if writer is not None:
                writer.close()  # … and closes its temporary file
        except Exception:  # noqa: BLE001 - the sheet is thrown away; its file goes below all the same
            pass
        finally:
            if writer is not None and isinstance(writer.out, str) and os.path.exists(writer.out):
                writer.cleanup()
