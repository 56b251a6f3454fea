"""The list of what is wrong in a workbook (or what an export had to change): sheet, row, column and
message, sortable by any column, and savable as a CSV file to work through in Excel."""

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
)

from twindesk.domain.model.errors import UserError
from twindesk.ui.common import replace_prompt
from twindesk.ui.common.error_text import user_error_message
from twindesk.ui.common.file_dialogs import save_file_name


class IssuesModel(QAbstractTableModel):
    """CellIssues as rows (sheet, row, column, message), in the reader's language; sorts itself in
    Python (the lists are short: at most the rows of one workbook)."""

    def __init__(self, issues: list, lang: str, parent=None, *, value_of=None):
        """`value_of(issue)`, when given, adds the cell's value as a column (the import wizard's)."""
        super().__init__(parent)
        self.lang = lang
        if value_of is None:
            self._rows = [(i.sheet, i.row, i.column or "", i.message_in(lang)) for i in issues]
            self._headers = [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        else:
            self._rows = [(i.sheet, i.row, i.column or "", value_of(i), i.message_in(lang)) for i in issues]
            self._headers = [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Value"),
                             self.tr("Problem")]
        self.width = len(self._headers)

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else self.width

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < self.width):
            return None
        value = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < self.width:
            return self._headers[section]
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.width:
            return
        self.layoutAboutToBeChanged.emit()
        # Rows as numbers, the rest as text; a whole-sheet problem (no row) first.
        key = (lambda r: (r[1] is not None, r[1] or 0)) if column == 1 else (lambda r: str(r[column] or ""))
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def rows(self) -> list[tuple]:
        return list(self._rows)

    def save_workbook(self, target: Path, *, replace: bool = False) -> None:
        """The problems as a workbook, in the order shown; written atomically (exchange/problems_workbook)."""
        from twindesk.exchange.problems_workbook import write_problems_workbook

        write_problems_workbook(target, self.tr("Problems"), self._headers, self._rows, lang=self.lang,
                                replace=replace)


def save_problems(parent, model: IssuesModel, title: str) -> None:
    """Ask where, then write `model`'s problems as a workbook; a file error is said in words."""
    path = save_file_name(parent, title, QCoreApplication.translate("IssuesModel", "problems.xlsx"),
                          QCoreApplication.translate("IssuesModel", "Excel workbook (*.xlsx)"))
    replace = replace_prompt.ask_to_write(parent, Path(path)) if path else None
    if replace is None:
        return
    try:
        model.save_workbook(Path(path), replace=replace)
    except UserError as exc:
        QMessageBox.warning(parent, title, user_error_message(exc))


class IssuesDialog(QDialog):
    def __init__(self, title: str, summary: str, issues: list, *, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("issues_dialog")
        self.setWindowTitle(title)
        self.resize(860, 480)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.model = IssuesModel(issues, lang, self)
        self.view = QTableView()
        self.view.setObjectName("issues")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as found, until the user clicks
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(self.tr("Save the list…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("save_list")
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def save(self) -> None:
        save_problems(self, self.model, self.tr("Save the list of problems"))
