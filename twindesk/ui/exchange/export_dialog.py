"""File › Export workbook…: the meeting workbook (every list, a summary first), in Chinese or
English, optionally with HXL hashtags and a marking on every printed page; written off the GUI thread,
then offered to open."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from twindesk import exchange
from twindesk.ui.common.background import run_with_progress
from twindesk.ui.common.default_folder import default_folder
from twindesk.ui.common.file_dialogs import save_file_name
from twindesk.ui.common.file_written import offer_file
from twindesk.ui.common.save_as_field import SaveAsField
from twindesk.ui.exchange.issues_dialog import IssuesDialog

MARKINGS = ("", "内部资料", "Internal", "秘密", "Restricted")  # as the briefing pack offers; none by default


def workbook_name(lang: str, today: date) -> str:
    return f"{'TwinDesk 会见工作簿' if lang.startswith('zh') else 'TwinDesk workbook'} {today.isoformat()}.xlsx"


def xlsx_filter() -> str:
    return QCoreApplication.translate("ExportDialog", "Excel workbook (*.xlsx)")


def choose_xlsx(parent: QWidget, title: str, suggested: str) -> str:
    """A path picked in the save dialog; the caller asks before replacing (replace_prompt)."""
    path = save_file_name(parent, title, suggested, xlsx_filter())
    if path and not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    return path


def show_export_warnings(parent: QWidget, report: exchange.ExportReport, lang: str) -> None:
    """What the export had to change (control characters, over-long text split), so nothing is silent."""
    if report.warnings:
        IssuesDialog(QCoreApplication.translate("ExportDialog", "What the export changed"),
                     QCoreApplication.translate(
                         "ExportDialog", "The file was written. %1 value(s) could not go into Excel as typed; this "
                         "is what was done with each.").replace("%1", str(len(report.warnings))),
                     report.warnings, lang=lang, parent=parent).exec()


class ExportDialog(QDialog):
    def __init__(self, *, lang: str = "en", folder: Path | None = None, today: date | None = None,
                 database: Path | None = None, parent=None):
        super().__init__(parent)
        self.database = database  # never written over, whatever the user types
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export workbook"))
        self.setMinimumWidth(560)
        self.ui_lang = lang
        self.offer = offer_file  # what follows a workbook that was written
        self.today = today or date.today()
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("中文（简体）", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang.startswith("zh") else 1)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.hxl = QCheckBox(self.tr("Add HXL hashtags under the headers (for humanitarian partners' tools)"))
        self.hxl.setObjectName("hxl")
        self.marking = QComboBox()
        self.marking.setObjectName("marking")
        self.marking.setEditable(True)
        self.marking.addItems(MARKINGS)
        self.marking.lineEdit().setPlaceholderText(self.tr("None (or type your own)"))
        folder, folder_note = (folder, "") if folder is not None else default_folder()
        self.save_as = SaveAsField(folder / workbook_name(lang, self.today), ".xlsx",
                                   self.tr("Save the workbook"), xlsx_filter())
        self.folder_note = QLabel(folder_note)
        self.folder_note.setObjectName("folder_note")
        self.folder_note.setWordWrap(True)
        self.folder_note.setVisible(bool(folder_note))
        form = QFormLayout()
        form.addRow(self.tr("Language of the workbook"), self.language)
        form.addRow("", self.hxl)
        form.addRow(self.tr("Marking on printed pages"), self.marking)
        form.addRow(self.tr("Save as"), self.save_as)
        form.addRow("", self.folder_note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export_button")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.export_button.setDefault(True)  # Enter exports; Ctrl+S too, as it saves in every dialog
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.export_button.click)

    def _language_changed(self) -> None:
        self.save_as.rename(workbook_name(self.language.currentData(), self.today))

    def export(self) -> None:
        chosen = self.save_as.ask_to_write(self.database)
        if chosen is None:
            return
        target, replace = chosen
        lang, hxl, marking = self.language.currentData(), self.hxl.isChecked(), self.marking.currentText().strip()
        self.job = run_with_progress(
            self, self.tr("Exporting the workbook…"),
            lambda progress: exchange.export_workbook(target, lang=lang, hxl=hxl, marking=marking,
                                                      progress=progress, replace=replace), self._written)

    def _written(self, report: exchange.ExportReport) -> None:
        self.report = report
        self.accept()
        parent = self.parentWidget()
        show_export_warnings(parent, report, self.ui_lang)
        self.offer(parent, report.path, self.tr("Workbook"))
