"""The History tab of every record dialog: who changed the record (and its sub-records), what and when.

It reads `domain.queries.history.record_history` and reads again when a change notice touches the
record's kind or its sub-records'. The rows are worded only as the table shows them, so a record with
thousands of changes opens at once.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from twindesk.domain.queries import history
from twindesk.ui.common.databus import bus


class HistoryTableModel(QAbstractTableModel):
    """Rows of any history sequence, each column text taken from the row when it is painted."""

    def __init__(self, columns: list[tuple[str, Callable[[object], str]]], parent=None):
        super().__init__(parent)
        self._columns = columns
        self._rows: Sequence = ()

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_at(index.row())
        if row is None or index.column() >= len(self._columns):
            return None
        text = self._columns[index.column()][1](row)
        return history.one_line(text, 200) if role == Qt.ItemDataRole.DisplayRole else text

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._columns):
            return self._columns[section][0]
        return None


def history_view(model: HistoryTableModel) -> QTableView:
    view = QTableView()
    view.setObjectName("list")
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setResizeContentsPrecision(50)  # sizing words 50 rows, not a thousand
    return view


class HistoryPanel(QWidget):
    def __init__(self, kind: str, record_id: int | None, lang: str, parent=None):
        super().__init__(parent)
        self.kind = "history"  # what RecordDialog.panel() finds it by
        self.record_kind = kind
        self.record_id = record_id
        self.lang = lang
        self._shown = history.shown_kinds(kind)
        self.setObjectName("panel_history")
        self.model = HistoryTableModel([
            (self.tr("When"), lambda r: r.when),
            (self.tr("Who"), lambda r: r.user),
            (self.tr("Action"), lambda r: r.action_label),
            # A sub-record's changes name it; the record's own need not.
            (self.tr("Record"), lambda r: "" if (r.kind, r.record_id) == (kind, self.record_id) else r.record_label),
            (self.tr("Change"), lambda r: r.what),
        ], self)
        self.view = history_view(self.model)
        self.empty = QLabel(self.tr("No changes yet"))
        self.empty.setObjectName("empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.reload()
        bus.changed.connect(self._changed)

    def _changed(self, changes) -> None:
        if self.record_id is not None and any(changes.touches(k) for k in self._shown):
            self.reload()

    def set_parent_id(self, record_id: int) -> None:
        """The record was just created: from now on its history is shown."""
        self.record_id = record_id
        self.reload()

    def reload(self) -> None:
        rows = history.record_history(self.record_kind, self.record_id, self.lang) if self.record_id else ()
        self.model.set_rows(rows)
        self.empty.setVisible(len(rows) == 0)
        self.view.setVisible(len(rows) > 0)
        if len(rows):
            for column in range(self.model.columnCount() - 1):
                self.view.resizeColumnToContents(column)
