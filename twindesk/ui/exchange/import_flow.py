"""File › Import…: a workbook staff filled in comes back in, or is refused with the list of what is wrong.

1. The whole workbook is checked first (a dry run, off the GUI thread): any problem and nothing is
   written; the problems are listed (sheet, row, column, message) in a table that can be saved.
2. New partners that look like ones already there (same name and country) are shown for the user to
   confirm one by one; unconfirmed, the import does not go ahead.
3. The user sees what will be created and updated and agrees; then the import runs in one
   transaction after a backup, and every open list refreshes.

Rows of records changed in the database after the workbook was written are problems like the others;
when they are the only ones, the user is asked whether to write the workbook's values over those
changes (the command line's --overwrite-newer), and the check runs again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from twindesk import exchange
from twindesk.ui.common import last_folder
from twindesk.ui.common.background import run_with_progress
from twindesk.ui.exchange.issues_dialog import IssuesDialog


class DuplicatesDialog(QDialog):
    """Tick the new partners that really are new; the others stop the import."""

    def __init__(self, duplicates: list, lang: str, parent=None):
        super().__init__(parent)
        self.setObjectName("duplicates_dialog")
        self.setWindowTitle(self.tr("Partners that may already exist"))
        self.resize(760, 360)
        self.duplicates = list(duplicates)
        text = QLabel(self.tr("These rows would create partners with the same name and country as partners already "
                              "in the database. Tick the ones that are really new; to update the existing partner "
                              "instead, put its ID in the row's ID column and import again."))
        text.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("duplicates")
        for flag in self.duplicates:
            item = QListWidgetItem(flag.text(lang))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go_button = buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def confirmed(self) -> list:
        return [flag for i, flag in enumerate(self.duplicates)
                if self.list.item(i).checkState() == Qt.CheckState.Checked]


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{sheet} {n}" for sheet, n in counts.items() if n) or "0"


class ImportFlow(QObject):
    """One import, from choosing the file to the refreshed lists. `start(path)` skips the file dialog."""

    def __init__(self, parent: QWidget, *, lang: str = "en", user: str = ""):
        super().__init__(parent)
        self.window = parent
        self.lang = lang
        self.user = user
        self.source: Path | None = None
        self.confirmed: list = []
        self.overwrite_newer = False
        self.result: exchange.ImportReport | None = None
        self.job = None

    def choose(self) -> None:
        path, _ = last_folder.open_file_name(self.window, self.tr("Import a workbook"), "",
                                             self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.start(Path(path))

    def start(self, source: Path, *, overwrite_newer: bool = False) -> None:
        self.source = Path(source)
        self.overwrite_newer = overwrite_newer
        self.job = run_with_progress(
            self.window, self.tr("Checking the workbook…"),
            lambda progress: exchange.import_workbook(self.source, dry_run=True, accept_duplicates=False,
                                                      overwrite_newer=overwrite_newer, progress=progress,
                                                      user=self.user), self._checked)

    def _ask_overwrite_newer(self, report: exchange.ImportReport) -> None:
        """Only rows older than their records stopped the import: offer to write them over."""
        answer = QMessageBox.question(self.window, self.tr("Import"), self.tr(
            "%1 value(s) in the workbook belong to records changed in the database after the workbook was "
            "written (listed before). Write the workbook's values over those changes?")
            .replace("%1", str(len(report.newer))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.start(self.source, overwrite_newer=True)

    def _problems(self, report: exchange.ImportReport) -> None:
        issues = [*report.errors, *report.warnings]
        IssuesDialog(self.tr("The workbook was not imported"),
                     self.tr("Nothing was written. Correct these %1 problem(s) in the workbook and import it "
                             "again.").replace("%1", str(len(report.errors))),
                     issues, lang=self.lang, parent=self.window).exec()

    def _checked(self, report: exchange.ImportReport) -> None:
        if report.errors:
            self._problems(report)
            if report.newer and len(report.newer) == len(report.errors) and not self.overwrite_newer:
                self._ask_overwrite_newer(report)
            return
        self.confirmed = []
        if report.duplicates:
            dialog = DuplicatesDialog(report.duplicates, self.lang, self.window)
            if not dialog.exec():
                return
            self.confirmed = dialog.confirmed()
            if len(self.confirmed) < len(report.duplicates):
                QMessageBox.information(self.window, self.tr("Import"), self.tr(
                    "Nothing was imported: %1 row(s) would create a partner that may already exist. Put the "
                    "existing partner's ID in those rows, or tick them as new, and import again.")
                    .replace("%1", str(len(report.duplicates) - len(self.confirmed))))
                return
        text = self.tr("Import %1?\n\nNew records: %2\nChanged records: %3\nUnchanged: %4\n\n"
                       "A backup of the database is taken first.").replace("%1", self.source.name).replace(
            "%2", _counts(report.created)).replace("%3", _counts(report.updated)).replace(
            "%4", _counts(report.unchanged))
        if report.notes:
            text += "\n\n" + self.tr("%1 record(s) deleted since the workbook was written will be created "
                                     "again.").replace("%1", str(len(report.notes)))
        if report.warnings:
            text += "\n\n" + self.tr("%1 sheet(s) or column(s) that TwinDesk does not know will be left out.") \
                .replace("%1", str(len(report.warnings)))
        answer = QMessageBox.question(self.window, self.tr("Import"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        confirmed, overwrite_newer = list(self.confirmed), self.overwrite_newer
        self.job = run_with_progress(
            self.window, self.tr("Importing…"),
            lambda progress: exchange.import_workbook(self.source, confirmed_duplicates=confirmed,
                                                      overwrite_newer=overwrite_newer, progress=progress,
                                                      user=self.user), self._imported)

    def _imported(self, report: exchange.ImportReport) -> None:
        self.result = report
        if not report.applied:  # the database changed between the check and the import
            self._problems(report)
            return
        QMessageBox.information(self.window, self.tr("Import"), self.tr(
            "Imported %1.\n\nNew records: %2\nChanged records: %3\n\nThe database as it was before is saved "
            "as %4").replace("%1", self.source.name).replace("%2", _counts(report.created)).replace(
            "%3", _counts(report.updated)).replace("%4", str(report.backup)))
