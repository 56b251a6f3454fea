"""Reading a workbook for import: exactly what `export` writes, in either language, and what staff make of
it in Excel.

- Sheets and headers are matched by name, English or Chinese, ignoring case and spacing; columns may
  come in any order. Unknown sheets and columns are reported and ignored; reading aids (the names beside
  IDs and codes) and the Summary sheet are ignored silently.
- A row of HXL hashtags under the headers is recognised and skipped; blank rows are skipped.
- Cells come as Excel holds them (read-only, cached values rather than formulas): a date typed as a
  date, a number typed as a number. A date or time that Excel keeps as a plain serial number is turned
  into one; text written through `cells.escape` is unescaped; continuation columns are joined again.
"""

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from twindesk.domain.model.errors import UserError
from twindesk.exchange.cells import unescape
from twindesk.exchange.columns import DOCUMENT_SHEET_NAMES, SHEETS, SUMMARY_NAMES, SheetColumn, SheetDef
from twindesk.exchange.report import CellIssue, issue
from twindesk.exchange.wording import say
from twindesk.exchange.workbook_budget import check_workbook_budget

_CONTINUED = (re.compile(r"^(.*\S)\s*\(continued (\d+)\)$"), re.compile(r"^(.*\S)\s*（续\s*(\d+)）$"))


class WorkbookReadError(UserError):
    """The file is not a workbook openpyxl can read; the message says which file and why."""


def _norm(text) -> str:
    return " ".join(str(text).split()).casefold()


_SHEETS_BY_NAME: dict[str, tuple[SheetDef, str]] = {}
for _sheet in SHEETS.values():
    _SHEETS_BY_NAME[_norm(_sheet.name_en)] = (_sheet, "en")
    _SHEETS_BY_NAME[_norm(_sheet.name_zh)] = (_sheet, "zh_CN")
_SUMMARY = {_norm(n) for n in SUMMARY_NAMES}
_DOCUMENTS = {_norm(n) for n in DOCUMENT_SHEET_NAMES}


def match_sheet(title: str) -> tuple[SheetDef, str] | str | None:
    """(sheet, language) for a list sheet, "summary" for the Summary sheet, "documents" for the
    Documents sheet, None for an unknown one."""
    key = _norm(title)
    if key in _SUMMARY:
        return "summary"
    if key in _DOCUMENTS:
        return "documents"
    return _SHEETS_BY_NAME.get(key)


@dataclass
class SheetColumns:
    """Where each field of a sheet is: its column index, or its parts' indexes for a long text."""

    sheet: SheetDef
    title: str
    lang: str
    single: list[tuple[int, SheetColumn]] = field(default_factory=list)
    parts: dict[str, dict[int, int]] = field(default_factory=dict)  # field -> {part: column index}
    headers: dict[str, str] = field(default_factory=dict)  # field -> the header as the workbook has it
    id_index: int | None = None
    uuid_index: int | None = None  # None: a workbook from before UUIDs, or typed by staff
    version_index: int | None = None

    def header_for(self, name: str | None) -> str | None:
        """The column a problem with field `name` is shown under."""
        if name is None:
            return None
        if name in self.headers:
            return self.headers[name]
        try:
            return self.sheet.column(name).header(self.lang)
        except StopIteration:
            return name


def match_columns(sheet: SheetDef, title: str, lang: str, header_row: tuple,
                  errors: list[CellIssue], warnings: list[CellIssue]) -> SheetColumns:
    by_header: dict[str, SheetColumn] = {}
    for column in sheet.columns:
        by_header[_norm(column.header_en)] = column
        by_header[_norm(column.header_zh)] = column
    found = SheetColumns(sheet, title, lang)
    seen: dict[tuple[str, int], int] = {}
    for index, raw in enumerate(header_row):
        if raw is None or not str(raw).strip():
            continue
        key, part = _norm(raw), 1
        column = by_header.get(key)
        if column is None:
            for pattern in _CONTINUED:
                m = pattern.match(key)
                if m and by_header.get(m[1]) is not None:
                    column, part = by_header[m[1]], int(m[2])
                    break
        letter = get_column_letter(index + 1)
        if column is None:
            warnings.append(issue(title, 1, f"{raw} ({letter})", say("unknown column; it is ignored.")))
            continue
        if column.field is None:
            continue  # a reading aid: the name beside an ID or a code
        if (column.key, part) in seen:
            first = get_column_letter(seen[(column.key, part)] + 1)
            errors.append(issue(title, 1, f"{raw} ({letter})", say(
                "the column appears twice (columns {first} and {second}); keep one.",
                first=first, second=letter)))
            continue
        seen[(column.key, part)] = index
        if part == 1:
            found.headers[column.field] = str(raw).strip()
        if column.field == "id":
            found.id_index = index
        elif column.field == "uuid":
            found.uuid_index = index
        elif column.field == "version":
            found.version_index = index
        elif column.kind == "longtext" or part > 1:
            found.parts.setdefault(column.field, {})[part] = index
        else:
            found.single.append((index, column))
    return found


def is_hxl_row(row: tuple) -> bool:
    """A row of HXL hashtags (under the headers, where `export --hxl` puts them)."""
    cells = [c for c in row if c not in (None, "")]
    return bool(cells) and all(isinstance(c, str) and c.lstrip().startswith("#") for c in cells)


def _convert(value, kind: str):
    """A cell value as the domain's parsers take it; Excel's serial dates and times made dates and times."""
    if isinstance(value, str):
        return unescape(value) if "_x005" in value else value
    if kind in ("date", "time") and isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return from_excel(value)
        except (ValueError, OverflowError):
            return value  # the domain says it is not a date
    return value


@dataclass(frozen=True, slots=True)
class SheetRow:
    line: int  # the sheet's row number
    record_id: object  # the ID cell as it is
    uuid: object  # the UUID cell, None where the sheet has none
    version: object  # the Version cell, likewise
    values: dict  # {field: value} of the other columns


def _cell(row: tuple, index: int | None):
    return row[index] if index is not None and index < len(row) else None


def rows_of(ws, columns: SheetColumns, first_row: int) -> Iterator[SheetRow]:
    """Every row with anything in it, from `first_row` on."""
    single = [(i, c.field, c.kind) for i, c in columns.single]
    parts = [(name, sorted(indexes.items())) for name, indexes in columns.parts.items()]
    id_index, uuid_index, version_index = columns.id_index, columns.uuid_index, columns.version_index
    for line, row in enumerate(ws.iter_rows(min_row=first_row, values_only=True), start=first_row):
        if not any(v is not None and v != "" for v in row):
            continue
        width = len(row)
        values = {name: (_convert(row[i], kind) if i < width else None) for i, name, kind in single}
        for name, indexes in parts:
            pieces = [row[i] for _, i in indexes if i < width]
            if len(pieces) <= 1:
                values[name] = _convert(pieces[0], "longtext") if pieces else None
                continue
            joined = "".join("" if p is None else str(p) for p in pieces)
            values[name] = unescape(joined) if joined else None
        yield SheetRow(line, _cell(row, id_index), _cell(row, uuid_index), _cell(row, version_index), values)


def open_workbook(path: Path):
    """The workbook, read-only; after `check_workbook_budget`, so a zip bomb is never unpacked."""
    if not path.is_file():
        raise WorkbookReadError("{path}: no such file", path=path)
    check_workbook_budget(path)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise WorkbookReadError("{path}: is not an Excel workbook (.xlsx) that can be read ({reason})", path=path,
                                reason=exc) from exc
    except Exception as exc:  # openpyxl's own errors: InvalidFileException and parse errors
        raise WorkbookReadError("{path}: cannot be read as an Excel workbook ({reason})", path=path, reason=exc) from exc


def count_rows(path: Path) -> int:
    """Rows in all sheets, for the progress bar: counted in the sheets' XML, much faster than parsing."""
    total = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                    continue
                with archive.open(info) as stream:
                    tail = b""
                    while chunk := stream.read(1 << 20):
                        data = tail + chunk  # a tag cut between two chunks is found whole here
                        total += _row_tags(data) - _row_tags(tail)
                        tail = data[-5:]
    except (zipfile.BadZipFile, OSError):
        return 0
    return total


def _row_tags(data: bytes) -> int:
    return data.count(b"<row ") + data.count(b"<row>")
