""""Export this view…": the rows and columns a list shows now — its filter, its order, its visible
columns in their visual order — written to a one-sheet workbook off the GUI thread.

Columns that show a stored value (dates, numbers, names) are written as real values so that Excel
can sort and sum them; columns that show a label (a status, a country) are written as that label.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from twindesk import exchange
from twindesk.domain.progress import Progress
from twindesk.domain.queries import lists
from twindesk.ui.lists.list_model import Column

CHUNK = 1000


@dataclass(frozen=True)
class ViewSnapshot:
    """What the list shows, taken on the GUI thread; the worker reads the rows from it."""

    list_name: str
    title: str
    ids: list[int]
    columns: list[Column]


def snapshot(page, title: str) -> ViewSnapshot:
    header = page.view.horizontalHeader()
    columns = page.model.columns()
    shown = [columns[header.logicalIndex(v)] for v in range(header.count())
             if not header.isSectionHidden(header.logicalIndex(v))]
    return ViewSnapshot(page.spec.list_name, title, page.model.ids(), shown)


def _kind(column: Column, sample) -> str:
    if not column.raw:
        return "text"
    if column.key == "id":
        return "id"
    if isinstance(sample, bool):
        return "bool"
    if isinstance(sample, int):
        return "year" if column.key.endswith("year") else "int"
    if isinstance(sample, Decimal):
        return "money"
    if isinstance(sample, float):
        return "float"
    if isinstance(sample, datetime):
        return "datetime"
    if isinstance(sample, date):
        return "date"
    if isinstance(sample, time):
        return "time"
    return "text"


def _rows(view: ViewSnapshot, progress: Progress) -> Iterator[list]:
    for start in range(0, len(view.ids), CHUNK):
        progress.advance(start, len(view.ids))
        chunk = view.ids[start:start + CHUNK]
        found = lists.rows_by_id(view.list_name, chunk)
        for record_id in chunk:
            row = found.get(record_id)
            if row is not None:  # deleted since the list was read
                yield [row.get(c.key) if c.raw else c.render(row) for c in view.columns]


def export(view: ViewSnapshot, target: Path, lang: str, progress: Progress,
           replace: bool = False) -> exchange.ExportReport:
    rows = list(_rows(view, progress))
    samples = [next((r[i] for r in rows if r[i] not in (None, "")), None) for i in range(len(view.columns))]
    columns = [exchange.ViewColumn(c.header, _kind(c, s)) for c, s in zip(view.columns, samples, strict=True)]
    return exchange.export_view(target, columns, rows, sheet_name=view.title, lang=lang, progress=progress,
                                replace=replace)
