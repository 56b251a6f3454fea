"""Which cells of a workbook are formulas, and whether each has the value its program saved with it.

calamine reads a formula cell as its saved ("cached") value and an unsaved one as empty; it does not say
which is which. This reads the sheets' XML: in an .xlsx a cell `<c r="B7"><f>COUNTA(B3:B6)</f><v>4</v>`,
in an .ods a `table:table-cell` with `table:formula` and, once calculated, `office:value-type`. A sheet
part without any formula is only searched (bytes), not parsed: staff lists seldom hold formulas.

For an .xlsx the same pass finds the cells each sheet really spans (its `r="…"` references), so a file
whose `<dimension>` hides a cell far away is refused before calamine lays the whole range out.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from defusedxml.ElementTree import fromstring, iterparse
from openpyxl.utils.cell import column_index_from_string

from twindesk.domain.model.errors import UserError
from twindesk.exchange.workbook_budget import MAX_CELLS, MAX_ROWS, WorkbookTooLarge

_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="([0-9]{1,8})"')
# The same searches beginning with a literal, which re finds several times faster than a pattern that
# begins with `<` or `\b`; each hit is then checked to be what the pattern above would have found.
_ROW_HINT = re.compile(rb'row\b[^>]*?\br="([0-9]{1,8})"')
_TAG_OPEN = re.compile(rb"<(?:\w+:)?")
_ROW_PLAIN = re.compile(rb'<row\b[^>]*?\br="([0-9]{1,8})"')  # `_ROW` where no `:row` occurs
_PREFIXED_ROW = re.compile(rb"row(?<=:row)")  # `:row`, found from the literal `row`
# `<f` or `:f>` or `:f ` anywhere (a formula element, with or without a prefix): one search that
# starts at the rare `f`, several times faster than the three `in` tests over a sheet's XML.
_FORMULA_HINT = re.compile(rb"f(?<=<f)|f(?<=:f)[ >]")
_WIDE_REF = re.compile(rb'r="([A-Z]{2,3})[0-9]{1,8}"')  # a cell past column Z, once `r` starts a word
_NS_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_ODS_PREFIX = re.compile(r"^(?:\w+:)?=")
_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


@dataclass(frozen=True, slots=True)
class FormulaCell:
    line: int  # the sheet's row number, as the program shows it
    column: int  # 0-based column index
    formula: str
    cached: bool  # False: no saved value; the cell is an error
    error: str | None = None  # the saved value is an error such as #DIV/0!


def scan(path: Path, kind: str) -> dict[str, dict]:
    """{sheet name: {(line, column): FormulaCell}} of an xlsx/xlsm or ods; {} for an xls (it always
    stores results) and for a file whose parts cannot be read (calamine then says why)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if kind == "ods":
                return _ods(archive, path)
            if kind in ("xlsx", "xlsm"):
                return _xlsx(archive, path)
    except (zipfile.BadZipFile, KeyError, OSError, SyntaxError, ValueError) as exc:
        if isinstance(exc, UserError):
            raise
        return {}
    return {}


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its part's name in the archive, from the workbook and its relationships."""
    book = fromstring(archive.read("xl/workbook.xml"))
    rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels if _local(r.tag) == "Relationship"}
    parts = {}
    for el in book.iter():
        if _local(el.tag) == "sheet":
            target = targets.get(el.get(_NS_R) or el.get("id"), "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            parts[el.get("name")] = name
    return parts


def _xlsx(archive: zipfile.ZipFile, path: Path) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for sheet, part in _sheet_parts(archive).items():
        try:
            data = archive.read(part)
        except KeyError:
            continue  # a chart sheet's part has another name; calamine skips it too
        _check_extent(data, path, sheet)
        if not _FORMULA_HINT.search(data):
            continue
        cells = {}
        for _, el in iterparse(_Bytes(data), events=("end",)):
            if _local(el.tag) != "c":
                continue
            formula = value = None
            for child in el:
                name = _local(child.tag)
                if name == "f":
                    formula = child.text or ""
                elif name == "v":
                    value = child.text
            if formula is not None and el.get("r"):
                letters, digits = _split(el.get("r"))
                line, column = int(digits), column_index_from_string(letters) - 1
                cached = value is not None and value != ""
                error = value if el.get("t") == "e" and cached else None
                cells[(line, column)] = FormulaCell(line, column, formula, cached, error)
            el.clear()
        found[sheet] = cells
    return found


def _split(ref: str) -> tuple[str, str]:
    i = next(i for i, ch in enumerate(ref) if ch.isdigit())
    return ref[:i], ref[i:]


def _check_extent(data: bytes, path: Path, sheet: str) -> None:
    """Refuse a sheet whose cells span more than MAX_CELLS (by its rows' numbers and its widest cell)."""
    rows = max((int(n) for n in _row_numbers(data)), default=0)
    wide = _wide_columns(data)  # A–Z, most lists, need no more
    columns = max((column_index_from_string(c.decode()) for c in wide), default=26)
    if rows * columns > MAX_CELLS:
        raise WorkbookTooLarge("{path}: the sheet {sheet} spans {cells:,} cells (the limit is {limit:,}); "
                               "split it into smaller workbooks", path=path, sheet=sheet,
                               cells=rows * columns, limit=MAX_CELLS)


def _row_numbers(data: bytes) -> list[bytes]:
    """`_ROW.findall(data)`, faster. Without a prefixed row tag (`<x:row`, most files), `_ROW` is
    `_ROW_PLAIN`, which begins with a literal and has no loop in Python. Otherwise a hit of the literal
    search that is not a row tag's start (a text saying row r="5") sends the sheet through `_ROW` itself."""
    if not _PREFIXED_ROW.search(data):
        return _ROW_PLAIN.findall(data)
    found = []
    for hit in _ROW_HINT.finditer(data):
        start = hit.start()
        opened = data.rfind(b"<", 0, start)
        if opened < 0 or not _TAG_OPEN.fullmatch(data, opened, start):
            return _ROW.findall(data)
        found.append(hit[1])
    return found


def _wide_columns(data: bytes) -> list[bytes]:
    """The column letters of the cells past Z (`\\br="AB12"`): hits after a word character (`xr="AB1"`)
    are not references; such a hit cannot hide another, `r="` does not occur inside it."""
    return [hit[1] for hit in _WIDE_REF.finditer(data)
            if not (hit.start() and (data[hit.start() - 1:hit.start()].isalnum() or data[hit.start() - 1] == 0x5F))]


class _Bytes:
    """A file-like view of bytes for iterparse (no copy into BytesIO's buffer)."""

    def __init__(self, data: bytes):
        self.data, self.at = memoryview(data), 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else self.at + size
        chunk, self.at = self.data[self.at:end], min(end, len(self.data))
        return bytes(chunk)


def _ods(archive: zipfile.ZipFile, path: Path) -> dict[str, dict]:
    """The formulas of an .ods, and its sheets' extent checked on the way: calamine lays out every row a
    `number-rows-repeated` repeats (and every cell a `number-columns-repeated` does), so a small
    content.xml can say a billion cells; only rows and cells with content count (LibreOffice ends each
    sheet with a repeated empty row to its last one)."""
    data = archive.read("content.xml")
    with_formulas = b"table:formula" in data
    found: dict[str, dict] = {}
    cells: dict = {}
    line = column = rows = columns = 0
    name = ""
    filled = False  # the row has a cell with content
    table, row, cell, covered = (_ODS_TABLE + n for n in ("table", "table-row", "table-cell", "covered-table-cell"))
    for event, el in iterparse(_Bytes(data), events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag == table:
                cells, line, rows, columns = {}, 0, 0, 0
                name = el.get(_ODS_TABLE + "name")
                found[name] = cells
            elif tag == row:
                column, filled = 0, False
            continue
        if tag in (cell, covered):
            formula = el.get(_ODS_TABLE + "formula") if with_formulas else None
            if formula is not None:
                formula = _ODS_PREFIX.sub("", formula)  # "of:=COUNTA([.B4:.B8])": the syntax's namespace
                cached = el.get(_ODS_OFFICE + "value-type") is not None
                text = "".join(el.itertext()).strip()
                error = text if cached and (text.startswith("#") or text.startswith("Err:")) else None
                cells[(line + 1, column)] = FormulaCell(line + 1, column, formula, cached, error)
            column += _repeated(el, "number-columns-repeated")
            if formula is not None or el.get(_ODS_OFFICE + "value-type") is not None or len(el):
                filled = True
                columns = max(columns, column)
            el.clear()
        elif tag == row:
            line += _repeated(el, "number-rows-repeated")
            if filled:
                rows = line
                _check_ods_extent(path, name, rows, columns)
            el.clear()
    return found if with_formulas else {}


def _repeated(el, attribute: str) -> int:
    try:
        return max(int(el.get(_ODS_TABLE + attribute) or 1), 1)
    except ValueError:
        return 1


def _check_ods_extent(path: Path, sheet: str, rows: int, columns: int) -> None:
    if rows > MAX_ROWS:
        raise WorkbookTooLarge("{path}: the sheet {sheet} spans {rows:,} rows (the limit is {limit:,}); split it "
                               "into smaller workbooks", path=path, sheet=sheet, rows=rows, limit=MAX_ROWS)
    if rows * columns > MAX_CELLS:
        raise WorkbookTooLarge("{path}: the sheet {sheet} spans {cells:,} cells (the limit is {limit:,}); "
                               "split it into smaller workbooks", path=path, sheet=sheet,
                               cells=rows * columns, limit=MAX_CELLS)


def sheet_names(path: Path) -> list[str]:
    """The sheet names of an .xlsx/.xlsm from its workbook part ([] for anything else)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return list(_sheet_parts(archive))
    except (zipfile.BadZipFile, KeyError, OSError, SyntaxError, ValueError):
        return []
