"""How big a workbook may be before TwinDesk reads it, checked before anything is unpacked.

An .xlsx file is a zip archive. A few megabytes can unpack to gigabytes (a "zip bomb"), and openpyxl
would try to read them all. The archive's central directory says, without unpacking, how large each
part is and how much it was compressed; each sheet says near its start how many rows and columns it
spans (`<dimension ref="A1:L3023"/>`). A file over any of the budgets below is refused in bounded time
and memory. (XML entity tricks inside a part are defusedxml's job: openpyxl uses it when installed.)

The budgets are far above what a meeting workbook holds: TwinDesk's export of 50,000 records unpacks
to about 30 MB at a ratio of about 10.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from twindesk.domain.model.errors import UserError

MAX_UNPACKED_BYTES = 512 * 2**20  # all parts together
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # unpacked / packed, for a part big enough to matter
RATIO_FLOOR_BYTES = 16 * 2**20  # parts smaller than this may be compressed as much as they like
MAX_ROWS = 1_048_576  # Excel's own limit per sheet
MAX_CELLS = 20_000_000  # all sheets together, by their dimensions

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Za-z]{1,3}\d+)(?::([A-Za-z]{1,3}\d+))?\"")
_HEAD_BYTES = 4096  # a sheet's dimension comes before its data


class WorkbookTooLarge(UserError):
    """The workbook is over a size or cell budget; the message says which and by how much."""


def check_workbook_budget(path: Path) -> None:
    """Raise WorkbookTooLarge if `path` (a zip-based workbook) is over a budget. A file that is not a zip
    archive passes: the reader says what is wrong with it."""
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise WorkbookTooLarge(f"{path}: has {len(members):,} parts (the limit is {MAX_MEMBERS:,}); "
                                   "it is not a workbook TwinDesk can import")
        total = sum(m.file_size for m in members)
        if total > MAX_UNPACKED_BYTES:
            raise WorkbookTooLarge(f"{path}: unpacks to {_mb(total)} (the limit is {_mb(MAX_UNPACKED_BYTES)}); "
                                   "split it into smaller workbooks")
        for m in members:
            if m.file_size > RATIO_FLOOR_BYTES and m.file_size > MAX_RATIO * max(m.compress_size, 1):
                raise WorkbookTooLarge(
                    f"{path}: its part {m.filename} unpacks {m.file_size // max(m.compress_size, 1):,} times "
                    f"larger than it is stored (the limit is {MAX_RATIO}); it is not a workbook TwinDesk "
                    "can import")
        cells = 0
        for m in members:
            if m.filename.startswith("xl/worksheets/") and m.filename.endswith(".xml"):
                rows, columns = _dimension(archive, m)
                if rows > MAX_ROWS:
                    raise WorkbookTooLarge(f"{path}: the sheet {m.filename} spans {rows:,} rows "
                                           f"(the limit is {MAX_ROWS:,})")
                cells += rows * columns
        if cells > MAX_CELLS:
            raise WorkbookTooLarge(f"{path}: its sheets span {cells:,} cells (the limit is {MAX_CELLS:,}); "
                                   "split it into smaller workbooks")


def _dimension(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[int, int]:
    """(rows, columns) a sheet says it spans; (0, 0) if it does not say (the byte budgets still hold)."""
    try:
        with archive.open(member) as stream:
            head = stream.read(_HEAD_BYTES)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError):
        return 0, 0  # a damaged or encrypted part: openpyxl reports it
    found = _DIMENSION.search(head)
    if not found:
        return 0, 0
    first = coordinate_from_string(found.group(1).decode())
    last = coordinate_from_string((found.group(2) or found.group(1)).decode())
    rows = last[1] - first[1] + 1
    columns = column_index_from_string(last[0]) - column_index_from_string(first[0]) + 1
    return max(rows, 0), max(columns, 0)


def _mb(size: int) -> str:
    return f"{size / 2**20:,.0f} MB"
