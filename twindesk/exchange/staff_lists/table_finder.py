"""Where the table is on a sheet staff typed: which row holds the headers, which rows are data, which are
totals or notes.

Above the headers staff put titles (often merged across the table), notes and blank rows; below the data,
a totals row (合计 =COUNTA(…)), signatures (制表人：…) and remarks. The header row is the row, among the
first ones, with the most cells that read as headers (known column names count most), at least two of
them and all of them text. Data rows follow. A row whose first cells say 合计, 总计, 小计, Total … is a
totals row: skipped with a note. The table ends at a note or signature line (a row with one cell,
starting with 注, 说明, 制表, Note …, or one sentence after a blank row), or at a blank row after a
totals row; that row and the ones after
it are skipped with a note too. A row of HXL hashtags right under the headers is skipped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from twindesk.exchange.import_read import is_hxl_row
from twindesk.exchange.staff_lists.sources import Grid
from twindesk.exchange.wording import Say, say

HEADER_SEARCH_ROWS = 30  # the header row is among the first rows that hold anything
_TOTALS = re.compile(r"^(合计|总计|小计|共计|总数|累计|合共|总和|grand ?total|sub ?total|totals?|sum|总计[:：].*|合计[:：].*)$")
_TOTALS_FIRST = frozenset("合总小共累gst")  # what `_TOTALS` can match first
_MAY_TOTAL: dict[str, bool] = {}  # first character -> whether `_TOTALS_FIRST` holds what NFKC makes of it
_NOTE_START = re.compile(r"^(注|备注[:：]|说明|附注|填表|制表|审核|审批|负责人|联系人[:：]|数据来源|来源[:：]|"
                         r"截至|截止|note|notes[:：]|source|remark|prepared by|checked by)")


def normalise(text) -> str:
    """A header or word as compared: full-width folded (NFKC), case-folded, without spaces."""
    return "".join(unicodedata.normalize("NFKC", str(text)).casefold().split())


@dataclass(frozen=True)
class SkippedRow:
    line: int
    reason: Say  # says itself in either language: `reason.text(lang)`


@dataclass
class Table:
    """A sheet's table. `header_line` None: no header row was found (`reason` says why)."""

    sheet: str
    header_line: int | None
    headers: list[str] = field(default_factory=list)  # by column index; "" for a column without header
    rows: list[tuple[int, tuple]] = field(default_factory=list)  # the data rows: (row number, values)
    skipped: list[SkippedRow] = field(default_factory=list)  # totals rows and what follows the table
    end_line: int | None = None  # the last data row
    reason: Say | None = None


def _text_cells(values: tuple) -> list[str]:
    return [str(v).strip() for v in values if v is not None and str(v).strip()]


def _header_score(values: tuple, known: Callable[[str], bool]) -> int:
    cells = [v for v in values if v is not None and str(v).strip()]
    if len(cells) < 2 or not all(isinstance(v, str) for v in cells):
        return 0
    if len({normalise(v) for v in cells}) < len(cells) // 2 + 1:
        return 0  # the same word across the row: a merged title repeated, not headers
    return len(cells) + 3 * sum(1 for v in cells if known(v))


def is_totals_row(values: tuple) -> bool:
    """The row's first text cells (the first three columns) say it is a total."""
    for v in values[:3]:
        if isinstance(v, str) and v.strip():
            # Every row is asked: the first character alone rules out most (no character's NFKC adds a
            # space before a letter a total starts with, nor makes one by composing with what follows).
            first = v.lstrip()[0]
            may = _MAY_TOTAL.get(first)
            if may is None:  # a character's answer once: a column starts with few distinct ones
                may = _MAY_TOTAL[first] = unicodedata.normalize("NFKC", first).casefold()[:1] in _TOTALS_FIRST
            return may and bool(_TOTALS.match(normalise(v)))
    return False


def _is_note(values: tuple, after_blank: bool) -> bool:
    if len(values) - values.count(None) != 1:
        return False  # most rows: data across the table
    cells = _text_cells(values)
    if len(cells) != 1 or not isinstance(next(v for v in values if v is not None), str):
        return False
    text = normalise(cells[0])
    if _NOTE_START.match(text):
        return True
    return after_blank and (len(text) >= 12 or ":" in text)  # a sentence after a gap, not a short name


def find_table(grid: Grid, known: Callable[[str], bool] = lambda _header: False,
               header_line: int | None = None) -> Table:
    """The table on `grid`. `known(header)` says whether a header names a field (column_mapping's
    synonyms). `header_line` forces the header row (the user chose it)."""
    rows = grid.rows
    if not rows:
        return Table(grid.name, None, reason=say("the sheet is empty."))
    start = None
    if header_line is not None:
        start = next((i for i, (line, _) in enumerate(rows) if line == header_line), None)
        if start is None:
            return Table(grid.name, None, reason=say("row {line} of the sheet is empty.", line=header_line))
    else:
        best = 0
        for i, (_line, values) in enumerate(rows[:HEADER_SEARCH_ROWS]):
            score = _header_score(values, known)
            if score > best:
                best, start = score, i
        if start is None:
            return Table(grid.name, None, reason=say(
                "no row looks like column headers (a row of at least two headers, all text)."))
    line, values = rows[start]
    headers = ["" if v is None else str(v).strip() for v in values]
    table = Table(grid.name, line, headers)
    previous = line
    ended = after_totals = False
    for line, values in rows[start + 1:]:
        if after_totals and line > previous + 1:
            ended = True  # a gap after a totals row: what follows is not the table
        if ended:
            table.skipped.append(SkippedRow(line, say("after the end of the table; not imported.")))
            continue
        if line == table.header_line + 1 and is_hxl_row(values):
            table.skipped.append(SkippedRow(line, say("a row of HXL hashtags; not imported.")))
            previous = line
            continue
        after_totals = is_totals_row(values)
        if after_totals:
            table.skipped.append(SkippedRow(line, say("a totals row; not imported.")))
        elif table.rows and _is_note(values, line > previous + 1):
            ended = True
            table.skipped.append(SkippedRow(line, say("a note below the table; the table ends above it.")))
        else:
            table.rows.append((line, values))
            table.end_line = line
        previous = line
    if not table.rows:
        table.reason = say("the sheet has headers in row {line} but no rows under them.", line=table.header_line)
    return table
