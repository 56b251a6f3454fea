"""Excel out and in (openpyxl). The window and the command line call these:

- `export_workbook(target, lang=, hxl=, progress=)`: the meeting workbook -> ExportReport
- `export_view(target, columns, rows, sheet_name=, progress=)`: one list as shown -> ExportReport
- `import_workbook(source, dry_run=, accept_duplicates=, confirmed_duplicates=, progress=)` -> ImportReport

Nothing here imports `twindesk.store` or builds SQL: rows come from and go to `twindesk.domain`.
"""

from twindesk.exchange.export import export_workbook
from twindesk.exchange.import_flow import import_workbook
from twindesk.exchange.import_read import WorkbookReadError
from twindesk.exchange.report import CellIssue, DuplicateFlag, ExportReport, ImportReport
from twindesk.exchange.view import ViewColumn, export_view

__all__ = [
    "CellIssue",
    "DuplicateFlag",
    "ExportReport",
    "ImportReport",
    "ViewColumn",
    "WorkbookReadError",
    "export_view",
    "export_workbook",
    "import_workbook",
]
