""""Export this view…": one sheet holding what a list shows (its columns, its filtered and sorted rows),
with the meeting workbook's text safety, formats, widths, frozen header, autofilter and print setup: every
column the list shows prints, fit to one page wide when that stays readable, else at a readable scale
across as many pages as it takes (docs/architecture.md, "How a workbook prints")."""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from twindesk.domain.progress import Progress
from twindesk.exchange import hxl as hxl_tags
from twindesk.exchange.cells import CELL_LIMIT, parts_needed, replace_illegal, utf16_length
from twindesk.exchange.columns import continuation_header
from twindesk.exchange.report import ExportReport
from twindesk.exchange.row_cells import OutColumn, RowCells
from twindesk.exchange.widths import MAX, column_width
from twindesk.exchange.workbook_file import writing_workbook
from twindesk.exchange.workbook_layout import PageInfo, finish_list_sheet, start_list_sheet

_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
PROGRESS_EVERY = 1000


@dataclass(frozen=True)
class ViewColumn:
    """A column as the list shows it. `kind` says how its cells are written: "text" (the default),
    "id", "int" (with thousands separators), "year", "money" (two decimals), "quantity", "float",
    "date", "datetime", "time", "bool". `hxl` is an optional HXL hashtag for the row under the header."""

    header: str
    kind: str = "text"
    hxl: str = ""


def sheet_title(name: str) -> str:
    """`name` as Excel allows a sheet name: none of []:*?/\\ and at most 31 characters."""
    title = _NOT_IN_SHEET_NAMES.sub(" ", replace_illegal(name)[0]).strip().strip("'")[:31].strip()
    return title or "Export"


def _parts(rows: list[Sequence], index: int) -> int:
    longest = max((utf16_length(v) for row in rows if isinstance(v := row[index], str)
                   and len(v) > CELL_LIMIT // 2), default=0)
    return parts_needed(longest)


def export_view(target: Path | str, columns: Sequence[ViewColumn], rows: Iterable[Sequence], *,
                sheet_name: str = "Export", lang: str = "en", marking: str = "", today: date | None = None,
                progress: Progress | None = None, replace: bool = False) -> ExportReport:
    """Write `rows` (one value per column: str, int, Decimal, float, date, datetime, time, bool or None)
    under `columns` to a one-sheet workbook at `target`, atomically (an existing file only if `replace`).
    Texts longer than a cell holds are split across continuation columns with a warning; nothing is cut.
    Printed pages carry the sheet's name, `marking` (none by default) and `today`'s date."""
    progress = progress or Progress()
    target = Path(target)
    rows = list(rows)  # looked at twice: for the continuation columns and widths, then written
    report = ExportReport(target)
    title = sheet_title(sheet_name)
    out, headers, tags, widths = [], [], [], []
    with_hxl = any(c.hxl for c in columns)
    for i, c in enumerate(columns):
        parts = _parts(rows, i) if c.kind == "text" else 1
        header = replace_illegal(c.header)[0]
        width = column_width(header, c.kind, [row[i] for row in rows[:200]])
        # A text wider than the widest column wraps in it (every column prints), in a row as tall as needed.
        out.append(OutColumn(c.kind, header, parts, wrap=c.kind == "text" and width >= MAX, width=width))
        headers += [header] + [continuation_header(header, n, lang) for n in range(2, parts + 1)]
        tags += [c.hxl] + [hxl_tags.continuation_tag(c.hxl, n) if c.hxl else "" for n in range(2, parts + 1)]
        widths += [width] * parts
    page = PageInfo(lang, marking, today or date.today())
    with writing_workbook(target, replace=replace) as wb:
        ws = start_list_sheet(wb, title, headers, widths, tags if with_hxl else None, rows=len(rows),
                              page=page)
        header_rows = 2 if with_hxl else 1
        writer = RowCells(ws, title, out, lang, report.warnings)
        for n, row in enumerate(rows, start=1):
            writer.append(row, header_rows + n)
            if n % PROGRESS_EVERY == 0:
                progress.advance(n, len(rows), f"Writing {title}…")
        finish_list_sheet(ws, len(headers), header_rows + len(rows), header_rows)
        progress.advance(len(rows), len(rows), "Saving the workbook…")  # saved as the block ends
    report.rows[title] = len(rows)
    return report
