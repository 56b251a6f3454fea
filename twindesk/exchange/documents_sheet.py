"""The workbook's Documents sheet: one row per document (title, kind, date, record, file name, size,
SHA-256), never the files themselves (docs/architecture.md, "Documents")."""

from twindesk.domain.transfer import export as transfer_export
from twindesk.exchange import print_setup
from twindesk.exchange.columns import DOCUMENT_SHEET
from twindesk.exchange.print_columns import IDENTITY, print_order
from twindesk.exchange.report import ExportReport
from twindesk.exchange.row_cells import OutColumn, RowCells
from twindesk.exchange.workbook_layout import PageInfo, finish_list_sheet, start_list_sheet

_WIDTHS = {"id": 8, "uuid": 10, "version": 8, "title": 36, "kind": 12, "dated_on": 12, "owner_kind": 16,
           "owner_id": 10, "file_name": 36, "size": 14, "sha256": 50}


def write_documents_sheet(wb, lang: str, with_hxl: bool, report: ExportReport, page: PageInfo) -> None:
    sheet = DOCUMENT_SHEET
    _, main = print_order(sheet.kind, sheet.columns)  # the sheet declares its columns in that order
    title = sheet.name(lang)
    count = transfer_export.document_count()
    headers = [c.header(lang) for c in sheet.columns]
    widths = [_WIDTHS[c.key] for c in sheet.columns]
    tags = [c.hxl for c in sheet.columns] if with_hxl else None
    # As every list prints: the columns after the identity ones that fit one page wide, the ID repeated.
    first = len(IDENTITY)
    printed = range(first, first + print_setup.columns_that_fit(widths[first:first + main], fixed=widths[0]))
    ws = start_list_sheet(wb, title, headers, widths, tags, rows=count, page=page, printed=printed)
    header_rows = 2 if with_hxl else 1
    columns = [OutColumn(c.kind, c.header(lang), vocabulary=c.vocabulary, muted=c.kind == "uuid")
               for c in sheet.columns]
    writer = RowCells(ws, title, columns, lang, report.warnings)
    row_number = header_rows
    for row in transfer_export.document_rows(lang):
        row_number += 1
        writer.append(list(row), row_number)
    finish_list_sheet(ws, len(headers), row_number, header_rows, printed)
    report.rows[title] = count
