"""A staff list's sheets as plain values: .xlsx/.xlsm, .xls, .ods (python-calamine) and .csv.

python-calamine (Rust) reads every format but CSV, values only: a macro is never run, a formula is read
as the value its program saved with it ("cached"), a date-formatted cell as a date, a merged range as
its top-left cell. It does not say which cells were formulas, so `formulas` scans the sheet's XML for
them (xlsx, ods): a formula with a cached value is noted, one without (written by a program that does
not calculate) is an error at its cell, never an empty value. An .xls always stores the result.

Hostile files are refused before they are unpacked (`check_workbook_budget` for zip-based workbooks, a
size budget for .xls and .csv, the cell extent each xlsx sheet really uses); a CSV is read as a stream.
"""

from __future__ import annotations

import codecs
import csv
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from twindesk.domain.model.errors import UserError
from twindesk.domain.transfer.collector_paused import collector_paused
from twindesk.exchange.staff_lists import formulas
from twindesk.exchange.staff_lists.formulas import FormulaCell
from twindesk.exchange.wording import ERRORS_ZH  # noqa: F401 - the refusals below say themselves in Chinese
from twindesk.exchange.workbook_budget import MAX_CELLS, MAX_ROWS, check_workbook_budget

CellValue = str | int | float | Decimal | date | datetime | time | timedelta | bool | None

FORMATS = {".xlsx": "xlsx", ".xlsm": "xlsm", ".xls": "xls", ".ods": "ods", ".csv": "csv", ".txt": "csv"}
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "big5", "shift_jis", "euc-kr", "cp1252")
MAX_FILE_BYTES = 256 * 2**20  # an .xls or a .csv; a meeting list is far smaller
_HEAD = 1 << 20  # what a CSV's encoding and delimiter are told from
_EXACT_FLOAT = 2**53  # a whole float below this is the whole number staff typed


class SourceReadError(UserError):
    """The file cannot be read as a list; the message says which file and why."""


@dataclass
class Grid:
    """One sheet: the rows that hold anything, as (row number, values), and its formula cells."""

    name: str
    rows: list[tuple[int, tuple]] = field(default_factory=list)
    formulas: dict[tuple[int, int], FormulaCell] = field(default_factory=dict)  # (line, column) -> cell
    width: int = 0

    def formula_at(self, line: int, column: int) -> FormulaCell | None:
        return self.formulas.get((line, column))


@dataclass
class Source:
    path: Path
    format: str  # xlsx, xlsm, xls, ods or csv
    sheets: list[Grid]
    encoding: str | None = None  # a CSV's: given by the caller or detected
    encoding_detected: bool = False


def file_format(path: Path) -> str:
    """The format by the file's first bytes (a renamed file is read for what it is), else its suffix."""
    try:
        with open(path, "rb") as f:
            magic = f.read(8)
    except OSError as exc:
        raise SourceReadError("{path}: cannot be read ({reason})", path=path, reason=exc.strerror or exc) from exc
    suffix = FORMATS.get(path.suffix.lower())
    if magic.startswith(b"PK\x03\x04"):
        return "ods" if _is_ods(path) else ("xlsm" if suffix == "xlsm" else "xlsx")
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    if suffix in (None, "csv"):
        return "csv"
    if suffix in ("xls",) and magic.lstrip().startswith((b"<", b"\xef\xbb\xbf<")):
        raise SourceReadError("{path}: is a web page saved as .xls, not a workbook; open it in Excel or WPS "
                              "and save it as .xlsx", path=path)
    raise SourceReadError("{path}: is not an Excel workbook ({suffix}) that can be read", path=path, suffix=path.suffix)


def _is_ods(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            return z.read("mimetype").startswith(b"application/vnd.oasis.opendocument.spreadsheet")
    except (KeyError, zipfile.BadZipFile, OSError):
        return False


def read_source(path: Path | str, encoding: str | None = None) -> Source:
    """Every sheet of `path` (a CSV is one sheet named after the file). `encoding` is for a CSV: None
    detects it (UTF-8 with or without BOM, UTF-16 with BOM, GB18030, else charset-normalizer's guess).

    Raises SourceReadError (no such file, not a list TwinDesk reads, an encoding that does not fit) and
    WorkbookTooLarge (over a budget)."""
    path = Path(path)
    if not path.is_file():
        raise SourceReadError("{path}: no such file", path=path)
    kind = file_format(path)
    if kind == "csv":
        return _read_csv(path, encoding)
    if kind == "xls":
        _check_size(path)
    else:
        check_workbook_budget(path)  # before anything is unpacked: zip bombs, parts, sheet dimensions
    with collector_paused():  # a tuple per row, all kept: nothing for the collector to find
        found = formulas.scan(path, kind)  # for xlsx it also checks the cells each sheet really spans
        return Source(path, kind, _read_workbook(path, found))


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SourceReadError("{path}: is {size} MB, more than a list TwinDesk imports ({limit} MB); split it",
                              path=path, size=size // 2**20, limit=MAX_FILE_BYTES // 2**20)


def plain(value) -> CellValue:
    """A calamine value as the domain takes it: an empty cell None, a whole number an int."""
    if value == "" or value is None:
        return None
    if type(value) is float and value.is_integer() and -_EXACT_FLOAT < value < _EXACT_FLOAT:
        return int(value)
    return value


def _read_workbook(path: Path, found: dict[str, dict]) -> list[Grid]:
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine's errors: CalamineError, XmlError, ZipError, PasswordError …
        raise SourceReadError("{path}: cannot be read as a workbook ({reason})", path=path, reason=exc) from exc
    sheets = []
    with book:
        for meta in book.sheets_metadata:
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue  # charts and macro sheets hold no list
            try:
                sheet = book.get_sheet_by_name(meta.name)
                if sheet.height * sheet.width > MAX_CELLS:
                    raise SourceReadError("{path}: the sheet {sheet} spans {cells:,} cells (the limit is {limit:,})",
                                          path=path, sheet=meta.name, cells=sheet.height * sheet.width,
                                          limit=MAX_CELLS)
                values = sheet.to_python(skip_empty_area=False)
            except SourceReadError:
                raise
            except Exception as exc:
                raise SourceReadError("{path}: the sheet {sheet} cannot be read ({reason})", path=path,
                                      sheet=meta.name, reason=exc) from exc
            grid = Grid(meta.name, formulas=found.get(meta.name, {}))
            kept, width = grid.rows, grid.width
            for line, row in enumerate(values, start=1):
                # `plain` of each cell, inline: this runs for every cell of the workbook (only a str
                # equals "", so a text is asked that and a float the rest)
                cells = tuple([(None if v == "" else v) if type(v) is str else int(v) if type(v) is float
                               and v.is_integer() and -_EXACT_FLOAT < v < _EXACT_FLOAT else v for v in row])
                if cells.count(None) != len(cells):  # calamine's values never equal None but None
                    kept.append((line, cells))
                    if len(cells) > width:
                        width = len(cells)
            grid.width = width
            _keep_formula_rows(grid)
            sheets.append(grid)
    return sheets


def _keep_formula_rows(grid: Grid) -> None:
    """A row whose only content is formulas without a saved value is read as that row, not skipped."""
    present = {line for line, _ in grid.rows}
    missing = sorted({line for line, _ in grid.formulas} - present)
    if not missing:
        return
    width = max(grid.width, 1 + max(col for _, col in grid.formulas))
    grid.rows.extend((line, (None,) * width) for line in missing)
    grid.rows.sort(key=lambda r: r[0])


# --- CSV ------------------------------------------------------------------------------------------


def _read_csv(path: Path, encoding: str | None) -> Source:
    _check_size(path)
    with open(path, "rb") as f:
        head = f.read(_HEAD)
    whole = len(head) < _HEAD
    detected = encoding is None
    if encoding is None:
        encoding = detect_encoding(head, whole, path)
    else:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise SourceReadError("{path}: {encoding!r} is not an encoding TwinDesk knows (e.g. utf-8, gb18030)",
                                  path=path, encoding=encoding) from None
    try:
        return Source(path, "csv", [_csv_grid(path, encoding, head)], encoding, detected)
    except UnicodeDecodeError:
        if detected and encoding == "utf-8":  # UTF-8 at the start, not further on: Chinese Excel's GB18030
            try:
                return Source(path, "csv", [_csv_grid(path, "gb18030", head)], "gb18030", True)
            except UnicodeDecodeError:
                pass
        raise SourceReadError("{path}: is not text in {encoding}; choose its encoding (e.g. gb18030 or utf-8)",
                              path=path, encoding=encoding) from None


def detect_encoding(head: bytes, whole: bool, path: Path) -> str:
    """The encoding of a CSV whose first bytes are `head` (`whole`: the file is no longer)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    for candidate in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(candidate)().decode(head, final=whole)
            return candidate
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    if best is None:
        raise SourceReadError("{path}: TwinDesk cannot tell the encoding of this text; choose it (e.g. gb18030)",
                              path=path)
    return best.encoding


def _csv_grid(path: Path, encoding: str, head: bytes) -> Grid:
    sample = head[:65536].decode(encoding, errors="ignore")
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel
    grid = Grid(path.stem)
    cells = 0
    with open(path, encoding=encoding, newline="") as f:  # utf-8-sig drops the BOM
        for line, row in enumerate(csv.reader(f, dialect), start=1):
            if line > MAX_ROWS or cells > MAX_CELLS:
                raise SourceReadError("{path}: has more than {limit:,} rows or {cells:,} cells; split it",
                                      path=path, limit=MAX_ROWS, cells=MAX_CELLS)
            values = tuple(v if v.strip() else None for v in row)
            if any(v is not None for v in values):
                cells += len(values)
                grid.rows.append((line, values))
                grid.width = max(grid.width, len(values))
    return grid
