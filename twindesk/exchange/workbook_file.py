"""A workbook file written whole or not at all: `writing_workbook(target)` hands out a new write-only
workbook for the caller's sheets, then saves it to a temporary file beside `target` and renames that into
place (`domain.output_file.atomic_output`). On any failure or a cancel, the temporary file and openpyxl's
own temporary sheet files are removed (openpyxl removes those itself only when it saves), and the
previous file, or none, stays (docs/architecture.md, "Backups and files").
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from copy import copy
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils.indexed_list import IndexedList

from twindesk.domain.output_file import atomic_output
from twindesk.exchange.workbook_layout import TOP


@contextmanager
def writing_workbook(target: Path | str, *, replace: bool = False) -> Iterator[Workbook]:
    """A new workbook to write sheets into; saved to `target` when the block ends, discarded if it fails.
    Refuses an existing `target` unless `replace` (OutputFileError, before any sheet is written)."""
    with atomic_output(target, replace=replace) as tmp:
        wb = new_workbook()
        try:
            yield wb
            save_workbook(wb, tmp)
        except BaseException:
            discard(wb)
            raise


def new_workbook() -> Workbook:
    wb = Workbook(write_only=True)
    wb.properties.creator = "TwinDesk"
    # Cells without a style of their own (most of them) take the Normal style: LibreOffice reads its
    # alignment, Excel that of the first cell format (`save_workbook`).
    wb._named_styles["Normal"].alignment = TOP
    return wb


def save_workbook(wb: Workbook, target) -> None:
    """Save `wb` with every cell top-aligned unless it says otherwise, so a tall row (a wrapped note) has
    its ID and name on its first line. Done in the cell formats at the end, not cell by cell: a plain
    value costs no style of its own (write-only rows stream 100,000s of cells)."""
    top = wb._alignments.add(TOP)
    formats = []
    for style in wb._cell_styles:  # the order is the index the sheets' cells already name
        if not style.alignmentId:
            style = copy(style)
            style.alignmentId = top
        formats.append(style)
    wb._cell_styles = IndexedList(formats)
    wb.save(target)


def discard(wb: Workbook) -> None:
    """Close an unsaved write-only workbook and delete the temporary files its sheets stream into."""
    for ws in wb.worksheets:
        rows, writer = getattr(ws, "_rows", None), getattr(ws, "_writer", None)
        try:
            if rows is not None:
                rows.close()  # ends the sheet's row stream …
            if writer is not None:
                writer.close()  # … and closes its temporary file
        except Exception:  # noqa: BLE001 - the sheet is thrown away; its file goes below all the same
            pass
        finally:
            if writer is not None and isinstance(writer.out, str) and os.path.exists(writer.out):
                writer.cleanup()
