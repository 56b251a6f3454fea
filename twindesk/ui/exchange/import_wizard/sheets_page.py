"""The wizard's second page: each sheet with the kind of records guessed (or Skip), its header row, the
data rows found, the rows skipped and why (totals, notes below the table), and where the mapping came
from. Changing a kind or a header row recognises the file again at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from twindesk.ui.exchange.import_wizard import mapping_edits
from twindesk.ui.exchange.import_wizard.page_ids import COLUMNS, PREVIEW
from twindesk.ui.exchange.import_wizard.words import kind_label, kinds, origin_label

SHEET, KIND, HEADER, ROWS, SKIPPED, ORIGIN, NOTE = range(7)


class SheetsPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.setObjectName("sheets_page")
        self.setTitle(self.tr("Sheets"))
        self.setSubTitle(self.tr("What each sheet holds, and where its table starts. Choose another kind, or "
                                 "Skip, where the guess is wrong."))
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("sheets")
        self.table.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Records"), self.tr("Header row"),
                                              self.tr("Data rows"), self.tr("Rows skipped"), self.tr("Mapping"),
                                              self.tr("Note")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SKIPPED, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel()
        self.hint.setObjectName("sheets_hint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self.kind_boxes: list[QComboBox] = []
        self.header_boxes: list[QSpinBox] = []

    def initializePage(self) -> None:
        wizard = self.wizard()
        sheets = wizard.recognition.sheets
        self.table.setRowCount(len(sheets))
        self.kind_boxes, self.header_boxes = [], []
        for row, sheet in enumerate(sheets):
            self.table.setItem(row, SHEET, QTableWidgetItem(sheet.sheet))
            box = QComboBox()
            box.setObjectName(f"kind_{row}")
            box.addItem(kind_label(None, wizard.lang), None)
            for kind in kinds():
                box.addItem(kind_label(kind, wizard.lang), kind)
            box.currentIndexChanged.connect(lambda _i, row=row: self._kind_chosen(row))
            self.table.setCellWidget(row, KIND, box)
            self.kind_boxes.append(box)
            spin = QSpinBox()
            spin.setObjectName(f"header_{row}")
            spin.setRange(1, max(1, sheet.grid.rows[-1][0] if sheet.grid.rows else 1))
            spin.setKeyboardTracking(False)  # re-recognised once the number is typed, not per digit
            spin.valueChanged.connect(lambda _v, row=row: self._header_chosen(row))
            self.table.setCellWidget(row, HEADER, spin)
            self.header_boxes.append(spin)
        self.show_recognition()

    def show_recognition(self) -> None:
        wizard = self.wizard()
        for row, sheet in enumerate(wizard.recognition.sheets):
            box, spin = self.kind_boxes[row], self.header_boxes[row]
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(sheet.kind)))
            box.blockSignals(False)
            spin.blockSignals(True)
            spin.setValue(sheet.table.header_line or 1)
            spin.setSpecialValueText("")
            spin.blockSignals(False)
            self._text(row, ROWS, str(len(sheet.table.rows)))
            skipped = [self.tr("row %1: %2").replace("%1", str(s.line)).replace("%2", s.reason.text(wizard.lang))
                       for s in sheet.table.skipped]
            self._text(row, SKIPPED, "\n".join(skipped) or "—")
            self._text(row, ORIGIN, origin_label(wizard.origins.get(sheet.sheet, sheet.origin)))
            note = sheet.reason.text(wizard.lang) if sheet.reason is not None else ""
            if sheet.kind is not None and sheet.suggested_kind not in (None, sheet.kind):
                note = (note + " " if note else "") + self.tr("Guessed from its headers: %1.").replace(
                    "%1", kind_label(sheet.suggested_kind, wizard.lang))
            self._text(row, NOTE, note)
        self.table.resizeRowsToContents()
        imported = len(wizard.recognition.imported)
        self.hint.setText(self.tr("%1 of %2 sheet(s) will be imported.").replace("%1", str(imported))
                          .replace("%2", str(len(wizard.recognition.sheets))))

    def _text(self, row: int, column: int, text: str) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        if column == ROWS:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, column, item)

    def _kind_chosen(self, row: int) -> None:
        wizard = self.wizard()
        sheet = wizard.recognition.sheets[row]
        mapping_edits.set_kind(wizard.mapping, sheet, self.kind_boxes[row].currentData())
        wizard.remap(sheet.sheet)
        self.show_recognition()

    def _header_chosen(self, row: int) -> None:
        wizard = self.wizard()
        sheet = wizard.recognition.sheets[row]
        if self.header_boxes[row].value() == sheet.table.header_line:
            return
        mapping_edits.set_header_line(wizard.mapping, sheet, self.header_boxes[row].value())
        wizard.remap(sheet.sheet)
        self.show_recognition()

    def nextId(self) -> int:
        return COLUMNS if self.wizard().recognition.imported else PREVIEW
