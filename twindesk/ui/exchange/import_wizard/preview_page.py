"""The wizard's fourth page: what the import would do (a dry run off the GUI thread), then the import.

Every row as new, update, unchanged, likely duplicate (of the record shown, or of another row) or error,
filterable by status; the problems cell by cell with the value, savable for Excel; likely duplicates are
ticked as really new one by one; records that rows name but the database lacks are listed and created
only when the user allows it. Import stays disabled, saying why, while anything stops the import:
nothing recognised, a problem, an unticked duplicate, records to create not allowed. When only values
changed in the database after a TwinDesk workbook was written stop it, the user may write over them.
Import runs in one operation after a backup (`import_staff_list` / `import_file`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from twindesk.exchange.import_flow import import_file
from twindesk.exchange.staff_lists.flow import import_staff_list, preview_staff_list
from twindesk.ui.exchange.import_wizard.preview_rows import Cells, preview_rows
from twindesk.ui.exchange.import_wizard.preview_tables import IssuesTable, RowsTable
from twindesk.ui.exchange.import_wizard.words import STATUSES, status_label


class PreviewPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.setObjectName("preview_page")
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("What the import would do. Nothing is written until you click Import."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.summary = QLabel()
        self.summary.setObjectName("preview_summary")
        self.summary.setWordWrap(True)
        self.filter = QComboBox()
        self.filter.setObjectName("preview_filter")
        self.filter.addItem(self.tr("All rows"), None)
        for status in STATUSES:
            self.filter.addItem(status_label(status), status)
        self.filter.currentIndexChanged.connect(lambda _i: self.rows.show_only(self.filter.currentData()))
        self.rows = RowsTable(self)
        self.rows.ticked.connect(self.completeChanged.emit)
        self.errors = IssuesTable("preview_errors", self)
        self.notes = IssuesTable("preview_notes", self)
        self.save_errors = QPushButton(self.tr("Save errors as workbook…"))
        self.save_errors.setObjectName("save_errors")
        self.save_errors.clicked.connect(lambda: self.errors.save(self.tr("Save the list of problems")))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("preview_tabs")
        rows_tab = QWidget()
        rows_layout = QVBoxLayout(rows_tab)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.filter)
        top.addStretch(1)
        rows_layout.addLayout(top)
        rows_layout.addWidget(self.rows, 1)
        errors_tab = QWidget()
        errors_layout = QVBoxLayout(errors_tab)
        errors_layout.addWidget(self.errors, 1)
        errors_layout.addWidget(self.save_errors, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(rows_tab, "")
        self.tabs.addTab(errors_tab, "")
        self.tabs.addTab(self.notes, "")
        self.create_missing = QCheckBox()
        self.create_missing.setObjectName("create_missing")
        self.create_missing.toggled.connect(lambda _on: self.completeChanged.emit())
        self.overwrite_newer = QCheckBox(self.tr("Write the file's values over the changes made in the database "
                                                 "after it was written"))
        self.overwrite_newer.setObjectName("overwrite_newer")
        self.overwrite_newer.toggled.connect(self._check)
        self.why = QLabel()
        self.why.setObjectName("preview_why")
        self.why.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.create_missing)
        layout.addWidget(self.overwrite_newer)
        layout.addWidget(self.why)
        self.report = None

    def initializePage(self) -> None:
        self.overwrite_newer.blockSignals(True)
        self.overwrite_newer.setChecked(False)
        self.overwrite_newer.blockSignals(False)
        self._check()

    # --- the dry run ---------------------------------------------------------------------------
    def _options(self, *, create_missing: bool) -> dict:
        return {"overwrite_newer": self.overwrite_newer.isChecked(),
                "check_options": {"create_missing": create_missing}}

    def _check(self) -> None:
        wizard = self.wizard()
        self.report = None
        self._show_waiting()
        if wizard.twindesk:
            path, newer = wizard.path, self.overwrite_newer.isChecked()
            job = lambda progress: import_file(path, dry_run=True, overwrite_newer=newer, progress=progress,  # noqa: E731
                                               user=wizard.user)
        else:  # records to create are asked for so they can be listed; the import creates them if allowed
            source, mapping, options = wizard.source, wizard.mapping, self._options(create_missing=True)
            job = lambda progress: preview_staff_list(source, mapping, recall=False, progress=progress,  # noqa: E731
                                                      **options)
        wizard.run(self.tr("Checking the file…"), job, self._checked)

    def _show_waiting(self) -> None:
        self.summary.setText(self.tr("Checking the file…"))
        self.rows.fill([])
        self.errors.fill([], self.wizard().lang)
        self.notes.fill([], self.wizard().lang)
        self.create_missing.hide()
        self.overwrite_newer.setVisible(self.overwrite_newer.isChecked())
        self.why.setText("")
        self.completeChanged.emit()

    def _checked(self, report) -> None:
        wizard = self.wizard()
        lang = wizard.lang
        self.report = wizard.report = report
        cells = Cells(getattr(report, "recognition", None))
        self.rows.fill(preview_rows(report, cells, lang))
        self.rows.show_only(self.filter.currentData())
        self.errors.fill(report.errors, lang, cells.value_of)
        self.notes.fill([*report.warnings, *getattr(report, "skipped", ()), *report.notes], lang)
        self.tabs.setTabText(0, self.tr("Rows (%1)").replace("%1", str(self.rows.rowCount())))
        self.tabs.setTabText(1, self.tr("Problems (%1)").replace("%1", str(len(report.errors))))
        self.tabs.setTabText(2, self.tr("Notes (%1)").replace("%1", str(self.notes.model().rowCount())))
        self.tabs.setCurrentIndex(1 if report.errors else 0)
        self.save_errors.setEnabled(bool(report.errors))
        self.summary.setText(self._summary(report))
        created = getattr(report, "created_for_references", [])
        self.create_missing.setVisible(bool(created))
        self.create_missing.setText(self.tr("Create the %1 record(s) that rows name but the database lacks: %2")
                                    .replace("%1", str(len(created)))
                                    .replace("%2", "、".join(f"{c.name}" for c in created)))
        only_newer = bool(report.newer) and len(report.newer) == len(report.errors)
        self.overwrite_newer.setVisible(only_newer or self.overwrite_newer.isChecked())
        self.completeChanged.emit()

    def _summary(self, report) -> str:
        if getattr(report, "nothing_recognised", False):
            return self.tr("There is nothing to import: no sheet holds a list TwinDesk keeps. Why, sheet by "
                           "sheet, is under Problems; go back to choose what a sheet holds.")
        counts = []
        for sheet in report.created:
            counts.append(self.tr("%1: %2 new, %3 changed, %4 unchanged").replace("%1", sheet)
                          .replace("%2", str(report.created.get(sheet, 0)))
                          .replace("%3", str(report.updated.get(sheet, 0)))
                          .replace("%4", str(report.unchanged.get(sheet, 0))))
        text = ("；" if self.wizard().lang.startswith("zh") else "; ").join(counts)
        if report.errors:
            text = self.tr("%1 problem(s): nothing can be imported until they are corrected in the file (or the "
                           "mapping).").replace("%1", str(len(report.errors))) + " " + text
        return text

    # --- may it go ahead -----------------------------------------------------------------------
    def _blocked(self) -> str:
        """Why Import is disabled, "" when it is not."""
        report = self.report
        if report is None:
            return self.tr("Checking the file…")
        if getattr(report, "nothing_recognised", False):
            return self.tr("There is nothing to import.")
        if report.errors:
            return self.tr("Correct the problems first; nothing is written while there are any.")
        waiting = len(report.duplicates) - len(self.rows.ticked_flags())
        if waiting:
            return self.tr("%1 row(s) look like records already there: tick those that are really new, or put "
                           "the existing record's ID in the file.").replace("%1", str(waiting))
        if getattr(report, "created_for_references", []) and not self.create_missing.isChecked():
            return self.tr("Rows name records the database lacks: allow creating them, or correct the file.")
        if not any(report.created.values()) and not any(report.updated.values()):
            return self.tr("Nothing would change: every row is already in the database as it is.")
        return ""

    def isComplete(self) -> bool:
        why = self._blocked()
        self.why.setText(why)
        return not why and self.wizard().result is None

    # --- the import ----------------------------------------------------------------------------
    def validatePage(self) -> bool:
        wizard = self.wizard()
        if wizard.result is not None and wizard.result.applied:
            return True
        confirmed = self.rows.ticked_flags()
        common = dict(confirmed_duplicates=confirmed, overwrite_newer=self.overwrite_newer.isChecked(),
                      user=wizard.user)
        if wizard.twindesk:
            path = wizard.path
            job = lambda progress: import_file(path, progress=progress, **common)  # noqa: E731
        else:
            source, mapping, memory = wizard.source, wizard.mapping, wizard.memory
            check = {"create_missing": self.create_missing.isChecked()}
            job = lambda progress: import_staff_list(source, mapping, memory=memory, recall=False,  # noqa: E731
                                                     check_options=check, progress=progress, **common)
        wizard.run(self.tr("Importing…"), job, self._imported)
        return False

    def _imported(self, report) -> None:
        wizard = self.wizard()
        if not report.applied:  # the database changed since the preview: show why, nothing was written
            wizard.result = None
            self._checked(report)
            return
        wizard.result = report
        wizard.next()
