"""Excel out and in (openpyxl). The window and the command line call these:

- `export_workbook(target, lang=, hxl=, progress=)`: the meeting workbook -> ExportReport
- `export_view(target, columns, rows, sheet_name=, progress=)`: one list as shown -> ExportReport
- `import_workbook(source, dry_run=, accept_duplicates=, confirmed_duplicates=, overwrite_newer=,
  progress=)` -> ImportReport

Nothing here imports `twindesk.store` or builds SQL: rows come from and go to `twindesk.domain`.
"""

import importlib

# Names load on first use: the window starts without importing openpyxl (about 100 ms), and so do the
# commands that never touch a workbook.
_HOMES = {
    "export_workbook": "export",
    "import_workbook": "import_flow",
    "import_file": "import_flow",
    "WorkbookReadError": "import_read",
    "CellIssue": "report",
    "DuplicateFlag": "report",
    "ExportReport": "report",
    "ImportReport": "report",
    "ViewColumn": "view",
    "export_view": "view",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
