"""A "Save as" row: the file's path, editable, and Choose… for the save dialog. The file name keeps the
given suffix (.pdf, .xlsx) whatever the user types or picks."""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class SaveAsField(QWidget):
    changed = Signal()

    def __init__(self, path: Path, suffix: str, dialog_title: str, file_filter: str, parent=None):
        super().__init__(parent)
        self.suffix, self.dialog_title, self.file_filter = suffix, dialog_title, file_filter
        self.edit = QLineEdit(str(path))
        self.edit.setObjectName("output")
        self.edit.textChanged.connect(self.changed)
        browse = QPushButton(self.tr("Choose…"))
        browse.setAutoDefault(False)  # Enter is for the dialog's main button, not for this one
        browse.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        if not text:
            return None
        path = Path(text)
        return path if path.suffix.lower() == self.suffix else path.with_name(path.name + self.suffix)

    def set_path(self, path: Path) -> None:
        self.edit.setText(str(path))

    def rename(self, name: str) -> None:
        """Another suggested file name in the same folder."""
        self.set_path(Path(self.edit.text()).with_name(name))

    def choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.dialog_title, self.edit.text(), self.file_filter)
        if chosen:
            self.set_path(Path(chosen) if chosen.lower().endswith(self.suffix) else Path(chosen + self.suffix))
