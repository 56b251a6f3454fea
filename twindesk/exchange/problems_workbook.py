"""The list of an import's problems as a workbook: one row per problem (sheet, row, column, the value as
it was typed, what is wrong), so staff can mend their list beside it in Excel or WPS.

The values are what staff typed, so they are written as text, never as formulas ("=COUNTA(A:A)" stays
those characters), as every workbook TwinDesk writes does (docs/architecture.md, "Files").
"""

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from twindesk.exchange.cells import safe_text, split_text, text_cell
from twindesk.exchange.workbook_file import writing_workbook
from twindesk.exchange.workbook_layout import PageInfo, finish_list_sheet, start_list_sheet

WIDTHS = {0: 18, 1: 8, 2: 22}  # sheet, row and column; the value and the problem get the rest
WIDE = 60


def _cell(ws, value):
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text, _replaced = safe_text(str(value))
    return text_cell(ws, split_text(text)[0]) if text else None


def write_problems_workbook(target: Path | str, title: str, headers: Sequence[str], rows: Iterable[Sequence],
                            *, lang: str = "en", replace: bool = False) -> Path:
    """Write `rows` under `headers` on one sheet named `title` (its printed pages worded in `lang`);
    atomically, refusing an existing file unless `replace`."""
    rows = list(rows)
    with writing_workbook(target, replace=replace) as wb:
        widths = [WIDTHS.get(i, WIDE) for i in range(len(headers))]
        ws = start_list_sheet(wb, title[:31], list(headers), widths, rows=len(rows),
                              page=PageInfo(lang, "", date.today()))
        for row in rows:
            ws.append([_cell(ws, v) for v in row])
        finish_list_sheet(ws, len(headers), len(rows) + 1, 1)
    return Path(target)
