"""The wizard's third page: for one sheet at a time, each column's header, a sample of its values and
the field it goes into (the kind's fields by their labels, into the notes, or not imported); the columns
not imported are listed. A mapping can be saved as a file and loaded again (`twindesk import --mapping`
takes the same file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from twindesk.domain.model.errors import UserError
from twindesk.exchange.staff_lists.column_mapping import Mapping, target_label, targets
from twindesk.ui.common import replace_prompt
from twindesk.ui.common.error_text import user_error_message
from twindesk.ui.common.file_dialogs import open_file_name, save_file_name
from twindesk.ui.exchange.import_wizard import mapping_edits
from twindesk.ui.exchange.import_wizard.words import kind_label

LETTER, HEADER, SAMPLE, FIELD = range(4)
SAMPLES = 3


def sample(sheet, index: int) -> str:
    """The first few values of a column, as the sheet holds them."""
    found = []
    for _line, values in sheet.table.rows:
        if index < len(values) and values[index] not in (None, ""):
            found.append(str(values[index]))
            if len(found) == SAMPLES:
                break
    return " · ".join(found)


class ColumnsPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.setObjectName("columns_page")
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Where each column goes. Check the suggestions; a column can also go into the "
                                 "notes, or not be imported."))
        self.sheet_box = QComboBox()
        self.sheet_box.setObjectName("columns_sheet")
        self.sheet_box.currentIndexChanged.connect(self._show_sheet)
        self.load_button = QPushButton(self.tr("Load mapping…"))
        self.load_button.setObjectName("load_mapping")
        self.load_button.clicked.connect(self.load)
        self.save_button = QPushButton(self.tr("Save mapping…"))
        self.save_button.setObjectName("save_mapping")
        self.save_button.clicked.connect(self.save)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Sheet:")))
        top.addWidget(self.sheet_box, 1)
        top.addWidget(self.load_button)
        top.addWidget(self.save_button)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("columns")
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Header"), self.tr("Values"),
                                              self.tr("Imported into")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SAMPLE, QHeaderView.ResizeMode.Stretch)
        self.unmapped = QLabel()
        self.unmapped.setObjectName("unmapped")
        self.unmapped.setWordWrap(True)
        self.clashes = QLabel()  # two columns into one field: the import refuses it (recognition.clashes)
        self.clashes.setObjectName("clashes")
        self.clashes.setWordWrap(True)
        self.clashes.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.clashes)
        layout.addWidget(self.unmapped)
        self.field_boxes: list[QComboBox] = []

    def initializePage(self) -> None:
        self._fill_sheets()

    def _fill_sheets(self) -> None:
        wizard = self.wizard()
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        for sheet in wizard.recognition.imported:
            self.sheet_box.addItem(f"{sheet.sheet} — {kind_label(sheet.kind, wizard.lang)}", sheet.sheet)
        self.sheet_box.blockSignals(False)
        self._show_sheet()

    def current(self):
        return self.wizard().sheet(self.sheet_box.currentData()) if self.sheet_box.count() else None

    def _show_sheet(self, _index: int = 0) -> None:
        sheet = self.current()
        lang = self.wizard().lang
        self.field_boxes = []
        self.table.setRowCount(len(sheet.columns) if sheet else 0)
        if sheet is None:
            self.clashes.clear()
            self.unmapped.setText(self.tr("No sheet is imported: go back and choose what a sheet holds."))
            return
        for row, column in enumerate(sheet.columns):
            self.table.setItem(row, LETTER, QTableWidgetItem(column.letter))
            self.table.setItem(row, HEADER, QTableWidgetItem(column.header or "—"))
            values = sample(sheet, column.index)
            item = QTableWidgetItem(values)
            item.setToolTip(values)
            self.table.setItem(row, SAMPLE, item)
            box = QComboBox()
            box.setObjectName(f"column_{column.letter}")
            for name in targets(sheet.kind):
                box.addItem(target_label(sheet.kind, name, lang), name)
            box.setCurrentIndex(max(0, box.findData(column.field)))
            box.currentIndexChanged.connect(lambda _i, row=row: self._field_chosen(row))
            self.table.setCellWidget(row, FIELD, box)
            self.field_boxes.append(box)
        self._show_unmapped()

    def _show_unmapped(self) -> None:
        sheet = self.current()
        self.clashes.setText("\n".join(clash.text(self.wizard().lang) for clash in sheet.clashes))
        self.clashes.setVisible(bool(sheet.clashes))
        left = [c.place for c in sheet.columns if c.field is None and c.header]
        self.unmapped.setText(self.tr("Not imported: %1. Choose “into the notes” to keep their values.")
                              .replace("%1", "、".join(left)) if left else self.tr("Every column is imported."))

    def _field_chosen(self, row: int) -> None:
        wizard = self.wizard()
        sheet = self.current()
        mapping_edits.set_field(wizard.mapping, sheet, sheet.columns[row].key, self.field_boxes[row].currentData())
        wizard.remap(sheet.sheet)
        self._show_unmapped()

    def load(self) -> None:
        path = open_file_name(self, self.tr("Load a mapping"), "", self.tr("Import mapping (*.json)"))
        if not path:
            return
        try:
            loaded = Mapping.load(Path(path))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Load a mapping"), user_error_message(exc, self.wizard().lang))
            return
        self.wizard().mapping_loaded(loaded)
        self._fill_sheets()

    def save(self) -> None:
        wizard = self.wizard()
        suggested = f"{wizard.path.stem}.mapping.json" if wizard.path else "mapping.json"
        path = save_file_name(self, self.tr("Save the mapping"), suggested, self.tr("Import mapping (*.json)"))
        replace = replace_prompt.ask_to_write(self, Path(path)) if path else None
        if replace is None:
            return
        try:
            wizard.recognition.mapping.save(Path(path), replace=replace)
        except (UserError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Save the mapping"), user_error_message(exc, wizard.lang))
