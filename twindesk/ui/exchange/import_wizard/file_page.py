"""The wizard's first page: which file, what it is (the format; a CSV's encoding, which the user can
change and the file is read again), read off the GUI thread. A workbook TwinDesk exported goes straight
to the preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWizardPage,
)

from twindesk.domain.model.errors import UserError
from twindesk.exchange.import_flow import is_twindesk_workbook
from twindesk.exchange.staff_lists.sources import ENCODINGS, file_format, read_source
from twindesk.ui.common.error_text import user_error_message
from twindesk.ui.common.file_dialogs import open_file_name
from twindesk.ui.exchange.import_wizard.page_ids import PREVIEW, SHEETS

FORMAT_NAMES = {  # translated where shown
    "xlsx": QT_TRANSLATE_NOOP("FilePage", "Excel workbook (.xlsx)"),
    "xlsm": QT_TRANSLATE_NOOP("FilePage", "Excel workbook with macros (.xlsm; macros are not run)"),
    "xls": QT_TRANSLATE_NOOP("FilePage", "Excel 97–2003 workbook (.xls)"),
    "ods": QT_TRANSLATE_NOOP("FilePage", "OpenDocument spreadsheet (.ods)"),
    "csv": QT_TRANSLATE_NOOP("FilePage", "CSV text file"),
}


def read_file(path: Path, encoding: str | None):
    """(source or None, format, is a TwinDesk export): on a worker thread."""
    found = file_format(path)
    if found in ("xlsx", "xlsm") and is_twindesk_workbook(path):
        return None, found, True
    return read_source(path, encoding), found, False


class FilePage(QWizardPage):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.setObjectName("file_page")
        self.setTitle(self.tr("The file"))
        self.setSubTitle(self.tr("A list typed in Excel, WPS or LibreOffice (.xlsx, .xlsm, .xls, .ods or .csv), "
                                 "or a workbook TwinDesk exported."))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path")
        self.path_edit.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.setObjectName("choose_file")
        self.choose_button.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        self.format_label = QLabel()
        self.format_label.setObjectName("format")
        self.encoding = QComboBox()
        self.encoding.setObjectName("encoding")
        self.encoding.addItems(ENCODINGS)
        self.encoding.activated.connect(self._encoding_chosen)
        self.encoding_label = QLabel(self.tr("Encoding:"))
        self.state = QLabel()
        self.state.setObjectName("file_state")
        self.state.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Format:"), self.format_label)
        form.addRow(self.encoding_label, self.encoding)
        form.addRow(self.state)
        self._show_encoding(False)
        self.reading = False
        self.generation = 0
        self.path: Path | None = None  # the file chosen, even when it could not be read

    def _show_encoding(self, shown: bool) -> None:
        self.encoding.setVisible(shown)
        self.encoding_label.setVisible(shown)

    def choose(self) -> None:
        path = open_file_name(self, self.tr("Import a list"), "", self.tr(
            "Lists (*.xlsx *.xlsm *.xls *.ods *.csv);;Excel workbooks (*.xlsx *.xlsm *.xls);;"
            "OpenDocument spreadsheets (*.ods);;CSV text files (*.csv);;All files (*)"))
        if path:
            self.read(Path(path))

    def _encoding_chosen(self, _index: int) -> None:
        if self.path is not None:
            self.read(self.path, self.encoding.currentText())

    def read(self, path: Path, encoding: str | None = None) -> None:
        self.path = path
        self.path_edit.setText(str(path))
        self.state.setText(self.tr("Reading %1…").replace("%1", path.name))
        self.reading = True
        self.wizard().forget_file()  # nothing usable until it is read
        self.completeChanged.emit()
        self.generation += 1
        generation = self.generation  # a read overtaken by another (the encoding changed again) is dropped
        self.wizard().run_quietly(lambda: read_file(path, encoding),
                                  lambda found: generation == self.generation and self._read(path, *found),
                                  lambda exc: generation == self.generation and self._failed(exc))

    def _read(self, path: Path, source, found: str, twindesk: bool) -> None:
        self.reading = False
        wizard = self.wizard()
        wizard.file_read(path, source, found, twindesk)
        self.format_label.setText(self.tr(FORMAT_NAMES.get(found, found)))
        self._show_encoding(found == "csv")
        if found == "csv":
            self.encoding.setCurrentText(source.encoding or "utf-8")
        if twindesk:
            self.state.setText(self.tr("A workbook TwinDesk exported: it is imported by ID as it was exported. "
                                       "Next shows what would change."))
        else:
            sheets = len(source.sheets)
            text = self.tr("%1 sheet(s) read. Next shows what TwinDesk recognises in them.").replace("%1", str(sheets))
            if found == "csv":
                how = self.tr("detected") if source.encoding_detected else self.tr("as chosen")
                text += " " + self.tr("Encoding %1 (%2); if the text looks garbled on the next pages, choose "
                                      "another.").replace("%1", source.encoding or "").replace("%2", how)
            self.state.setText(text)
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.reading = False
        if isinstance(exc, UserError | OSError):
            self.state.setText(user_error_message(exc, self.wizard().lang))
        else:
            self.state.setText("")
            self.wizard().show_failure(exc)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        wizard = self.wizard()
        return not self.reading and wizard.path is not None and (wizard.twindesk or wizard.source is not None)

    def nextId(self) -> int:
        return PREVIEW if self.wizard().twindesk else SHEETS
