"""The table model behind every list page.

It holds only the ids of the rows that match (in order) and fetches the rows themselves lazily, a
block at a time, through a function it is given: with 100,000 shipments only the visible rows are
ever read. The model never queries the database itself; the page feeds it ids and a row source.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, Qt, Signal

BLOCK = 200
BADGE_ROLE = Qt.ItemDataRole.UserRole + 10  # a badge column's stored status code (ui/lists/status_badge.py)


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # already translated
    render: Callable[[dict], str]  # row -> text shown
    align_right: bool = False
    sort_key: str | None = None  # the list column SQL sorts by; None: not sortable by click
    raw: bool = False  # "Export this view" writes the stored value (a real date or number), not the text
    badge: bool = False  # a status: drawn as a coloured badge, its code under BADGE_ROLE


class RecordTableModel(QAbstractTableModel):
    # The user clicked a header: the page re-queries in that order (sorting happens in SQL).
    sortRequested = Signal(str, bool)

    def __init__(self, columns: list[Column], fetch_rows: Callable[[list[int]], dict[int, dict]], parent=None):
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch_rows = fetch_rows
        self._ids: list[int] = []
        self._rows: dict[int, dict] = {}

    # --- feeding ---------------------------------------------------------------------------
    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = {}
        self.endResetModel()

    def set_columns(self, columns: list[Column]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def invalidate_rows(self) -> None:
        """Forget fetched rows (their content changed) and repaint."""
        self._rows = {}
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1))

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int | None:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def ids(self) -> list[int]:
        return list(self._ids)

    def columns(self) -> list[Column]:
        return list(self._columns)

    def row_data(self, row: int) -> dict | None:
        record_id = self.id_at(row)
        if record_id is None:
            return None
        if record_id not in self._rows:
            start = (row // BLOCK) * BLOCK
            block = self._ids[start:start + BLOCK]
            self._rows.update(self._fetch_rows(block))
        return self._rows.get(record_id)

    # --- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._ids)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._ids) or index.column() >= len(self._columns):
            return None
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self.row_data(index.row())
            if row is None:  # deleted since the ids were read; the next refresh drops it
                return ""
            return column.render(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        if role == BADGE_ROLE and column.badge:
            row = self.row_data(index.row())
            return row.get(column.key) if row is not None else None
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self._columns) and self._columns[column].sort_key:
            self.sortRequested.emit(self._columns[column].sort_key, order == Qt.SortOrder.DescendingOrder)
