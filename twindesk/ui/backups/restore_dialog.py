"""File › Restore from backup…: the database's automatic and event backups, and restoring one.

The list comes from `workspace.list_backups` (newest first, read without changing a byte of them); it
works for a database that cannot be opened, which is when it is needed most. The dialog only chooses
and confirms; the session does the restore (`Session.restore`), because a restore closes the database
and the window has to be rebuilt over what it now holds (docs/architecture.md, "Backups and files").
"""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from twindesk.domain import workspace
from twindesk.ui.common.background import BackgroundJob
from twindesk.ui.common.databus import bus
from twindesk.ui.common.file_dialogs import open_file_name
from twindesk.ui.common.formatting import format_value


@dataclass(frozen=True)
class ChosenBackup:
    path: Path
    label: str  # how the confirmation and the status bar name it: its date, or the file's name


def kind_text(kind: str) -> str:
    names = {
        "daily": QCoreApplication.translate("RestoreDialog", "daily"),
        "weekly": QCoreApplication.translate("RestoreDialog", "weekly"),
        "monthly": QCoreApplication.translate("RestoreDialog", "monthly"),
        "migration": QCoreApplication.translate("RestoreDialog", "before migration"),
        "import": QCoreApplication.translate("RestoreDialog", "before import"),
        "restore": QCoreApplication.translate("RestoreDialog", "before restore"),
        "demo": QCoreApplication.translate("RestoreDialog", "before demo"),
    }
    return names.get(kind, kind)


_KIND_ORDER = ("daily", "weekly", "monthly", "migration", "import", "restore", "demo")


def kinds_text(kinds) -> str:
    ordered = sorted(kinds, key=lambda k: _KIND_ORDER.index(k) if k in _KIND_ORDER else len(_KIND_ORDER))
    return QCoreApplication.translate("RestoreDialog", ", ").join(kind_text(k) for k in ordered)


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _count(value: int | None) -> str:
    return "—" if value is None else format_value(value)


class RestoreDialog(QDialog):
    """Pick a backup of `db_path` (or any .db file) and confirm; `chosen` says which, after exec()."""

    COLUMNS = 6

    def __init__(self, db_path: Path, *, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.db_path, self.lang = Path(db_path), lang
        self.chosen: ChosenBackup | None = None
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(760, 420)

        intro = QLabel(self.tr(
            "TwinDesk keeps a copy of %1 each day it is opened (the last 7 days, 4 weeks and 12 months) and "
            "before every upgrade, import, restore and demo. Restoring replaces what the database holds now "
            "with the copy; what it holds now is kept as a safety copy first.").replace("%1", self.db_path.name))
        intro.setWordWrap(True)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("list")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Size"),
                                              self.tr("Partners"), self.tr("Visits"), self.tr("Shipments")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.restore_selected)  # Enter presses the default button
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(self.tr("There are no backups of this database yet. “Choose a file…” "
                                          "restores any copy you have."))
        self.empty_label.setObjectName("empty")
        self.empty_label.setWordWrap(True)

        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.setObjectName("restore")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button = QPushButton(self.tr("Choose a &file…"))
        self.file_button.setObjectName("choose_file")
        self.file_button.setAutoDefault(False)
        self.file_button.clicked.connect(self.choose_file)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self._fill()

    def _fill(self) -> None:
        self.backups = workspace.list_backups(self.db_path)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = [format_value(info.taken, self.lang), kinds_text(info.kinds), size_text(info.size),
                     _count(info.partners), _count(info.visits), _count(info.shipments)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(info.problem or str(info.path))
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty_label.setVisible(not self.backups)
        if self.backups:
            self.table.selectRow(0)
        self.table.setFocus()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def restore_selected(self, *_args) -> None:
        info = self.selected()
        if info is not None:
            self._confirm(ChosenBackup(info.path, format_value(info.taken, self.lang)))

    def choose_file(self) -> None:
        folder = self.backups[0].path.parent if self.backups else self.db_path.parent
        name = open_file_name(self, self.tr("Restore from a file"), str(folder),
                              self.tr("TwinDesk database (*.db)"))
        if name:
            self._confirm(ChosenBackup(Path(name), Path(name).name))

    def _confirm(self, chosen: ChosenBackup) -> None:
        answer = QMessageBox.question(
            self, self.tr("Restore from backup"),
            self.tr("Restore the backup of %1?\n\nThe database will hold what it held then; changes made since "
                    "are replaced. Its current content is kept as a safety copy (listed here as “before "
                    "restore”), so this can be taken back.").replace("%1", chosen.label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = chosen
            self.accept()


def choose_backup(parent: QWidget | None, db_path: Path, lang: str = "en") -> ChosenBackup | None:
    dialog = RestoreDialog(db_path, lang=lang, parent=parent)
    try:
        return dialog.chosen if dialog.exec() else None
    finally:
        dialog.deleteLater()


def run_restore(parent: QWidget | None, db_path: Path, source: Path,
                lock: workspace.DatabaseLock | None) -> Path | None:
    """`workspace.restore_backup` on a worker thread, behind a modal "Restoring…" notice; returns the
    safety copy (or raises what the restore raised). The caller has closed the database, and nothing
    may read it until this returns: the modal notice keeps the user's clicks away meanwhile."""
    job = BackgroundJob(lambda _progress: workspace.restore_backup(db_path, source, lock=lock))
    notice = QProgressDialog(QCoreApplication.translate("RestoreDialog", "Restoring the backup…"), "", 0, 0, parent)
    notice.setObjectName("restoring")
    notice.setWindowTitle(QCoreApplication.translate("RestoreDialog", "Restore from backup"))
    notice.setCancelButton(None)  # a restore is one rename: there is no halfway to stop at
    notice.setWindowModality(Qt.WindowModality.ApplicationModal)
    notice.setMinimumDuration(0)
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    # The restore's change notice would send the views to a database that is closed again by the time
    # they read; the session builds the window afresh instead.
    was_blocked = bus.blockSignals(True)
    notice.show()
    try:
        job.start()
        loop.exec()
    finally:
        bus.blockSignals(was_blocked)
        notice.close()
        notice.deleteLater()
    if job.error is not None:
        raise job.error
    return job.result
