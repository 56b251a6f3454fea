"""The preview's two tables: the rows (status, the record they update or are like, a tick for a likely
duplicate that is really new) and the problems cell by cell (IssuesModel, saved for Excel)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
)

from twindesk.ui.exchange.import_wizard.preview_rows import PreviewRow
from twindesk.ui.exchange.import_wizard.words import status_label
from twindesk.ui.exchange.issues_dialog import IssuesModel, save_problems

SHEET, ROW, STATUS, WHAT, MATCH, NEW = range(6)
WRAPPED = 300  # up to this many problems, each shows whole (fitting rows costs time on long lists)


class RowsTable(QTableWidget):
    ticked = Signal()

    def __init__(self, parent=None):
        super().__init__(0, 6, parent)
        self.setObjectName("preview_rows")
        self.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Row"), self.tr("Becomes"), self.tr("Record"),
                                        self.tr("Existing record or problem"), self.tr("Really new")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MATCH, QHeaderView.ResizeMode.Stretch)
        self.entries: list[PreviewRow] = []
        self.itemChanged.connect(lambda item: self.ticked.emit() if item.column() == NEW else None)

    def fill(self, entries: list[PreviewRow]) -> None:
        self.blockSignals(True)
        self.entries = entries
        self.setRowCount(len(entries))
        for r, entry in enumerate(entries):
            texts = (entry.sheet, str(entry.row), status_label(entry.status), entry.what, entry.match)
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == ROW:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(r, c, item)
            tick = QTableWidgetItem()
            if entry.flag is not None:
                tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
                tick.setCheckState(Qt.CheckState.Unchecked)
            else:
                tick.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.setItem(r, NEW, tick)
        self.blockSignals(False)
        self.setColumnHidden(NEW, not any(e.flag is not None for e in entries))

    def show_only(self, status: str | None) -> None:
        for r, entry in enumerate(self.entries):
            self.setRowHidden(r, status is not None and entry.status != status)

    def ticked_flags(self) -> list:
        return [e.flag for r, e in enumerate(self.entries)
                if e.flag is not None and self.item(r, NEW).checkState() == Qt.CheckState.Checked]

    def row_of(self, sheet: str, row: int) -> int:
        return next(r for r, e in enumerate(self.entries) if (e.sheet, e.row) == (sheet, row))


class IssuesTable(QTableView):
    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.fill([], "en")

    def fill(self, issues: list, lang: str, value_of=None) -> None:
        old = self.model()
        self.setModel(IssuesModel(issues, lang, self, value_of=value_of))
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as found, until the user clicks
        self.setWordWrap(len(issues) <= WRAPPED)  # long messages wrap in a short list
        if len(issues) <= WRAPPED:
            self.resizeRowsToContents()
        if old is not None:
            old.deleteLater()

    def save(self, title: str) -> None:
        save_problems(self, self.model(), title)
