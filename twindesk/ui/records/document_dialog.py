"""The small form of one document: its title, kind, date and note (the file itself never changes).

Saving a stored document is one `documents.edit` (one undo step) on the version the form showed: when
someone else changed the document meanwhile, the conflict dialog shows both field by field (a removed
one is said, and the form closes); a document held for a record not yet saved is only checked and kept
(`kept`), and attached with the record's first Save. Field widgets are
named after the domain's fields (title, kind, dated_on, note); Ctrl+S saves as in every record form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from twindesk.domain.model.errors import UserError, ValidationError
from twindesk.domain.model.vocabulary import DOCUMENT_KINDS
from twindesk.domain.operations import documents
from twindesk.domain.operations.conflicts import RecordConflict
from twindesk.domain.operations.documents import TITLE_LIMIT
from twindesk.domain.queries import documents as dq
from twindesk.ui.common.error_text import user_error_message
from twindesk.ui.records.conflict_dialog import ConflictDialog
from twindesk.ui.records.date_editor import DateEditor


class DocumentDialog(QDialog):
    def __init__(self, row: dq.DocumentRow, *, pending: bool = False, read_only: bool = False, lang: str = "en",
                 user: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("dialog_document")
        self.row = row
        self.pending = pending
        self.read_only = read_only
        self.lang = lang
        self.user = user
        self.kept: dict | None = None  # a pending document's fields, cleaned
        self.version = row.version  # the stored version shown: Save expects it still
        self.setWindowTitle(self.tr("Document — %1").replace("%1", row.title or row.display_name))
        self.setMinimumWidth(460)

        self.title = QLineEdit(row.title)
        self.title.setObjectName("title")
        self.title.setMaxLength(TITLE_LIMIT)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for term in DOCUMENT_KINDS:
            self.kind.addItem(term.label(lang), term.code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))
        self.date = DateEditor(lang)
        self.date.widget.setObjectName("dated_on")
        self.date.set_value(row.on)
        self.note = QPlainTextEdit(row.note)
        self.note.setObjectName("note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        file_label = QLabel(f"{row.display_name} · {row.type_label(lang)} · {row.size_text(lang)}")
        file_label.setObjectName("file_name")
        file_label.setTextFormat(Qt.TextFormat.PlainText)  # a name as given is text, never markup
        file_label.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("general_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("File"), file_label)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Date"), self.date.widget)
        form.addRow(self.tr("Note"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setVisible(not read_only)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for widget in (self.title, self.kind, self.date.widget, self.note):
            widget.setEnabled(not read_only)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save,
                  context=Qt.ShortcutContext.WindowShortcut)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()

    def values(self) -> dict:
        return {"title": self.title.text(), "kind": self.kind.currentData(), "dated_on": self.date.value(),
                "note": self.note.toPlainText()}

    def save(self) -> bool:
        if self.read_only:
            return False
        try:
            if self.pending:
                self.kept = documents.check_fields(self.values())
            else:
                documents.edit(self.row.id, user=self.user, expected_version=self.version, **self.values())
        except RecordConflict as exc:  # changed or removed by someone else since the form showed it
            return self._resolve(exc)
        except ValidationError as exc:
            self.error.setText("\n".join(e.text(self.lang) for e in exc.errors))
            self.error.show()
            return False
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), user_error_message(exc))
            return False
        self.accept()
        return True

    def _resolve(self, conflict: RecordConflict) -> bool:
        """The person's answer to a conflict met by Save (the record forms' dialog); True when it saved."""
        if conflict.deleted:  # nothing left to save onto: say who removed it, and close
            QMessageBox.warning(self, self.windowTitle(), user_error_message(conflict))
            self.reject()
            return False
        if not conflict.fields:
            self.version = conflict.their_version
            return self.save()
        dialog = ConflictDialog(conflict, self.lang, parent=self)
        dialog.exec()
        if dialog.action == "reload":
            self._show(dq.document(self.row.id))
        if dialog.action != "save":
            return False
        widgets = {"title": self.title.setText, "note": self.note.setPlainText, "dated_on": self.date.set_value,
                   "kind": lambda code: self.kind.setCurrentIndex(max(0, self.kind.findData(code)))}
        for name, value in dialog.choices().items():
            widgets[name](value if value is not None or name == "dated_on" else "")
        self.version = conflict.their_version  # the merge goes on top of theirs, or meets the next change
        return self.save()

    def _show(self, row: dq.DocumentRow) -> None:
        self.row, self.version = row, row.version
        self.title.setText(row.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))
        self.date.set_value(row.on)
        self.note.setPlainText(row.note)

    def keyPressEvent(self, event) -> None:
        # Ctrl+S that reached the form itself (the shortcut takes it while the dialog is the active window).
        if event.matches(QKeySequence.StandardKey.Save):
            self.save()
            return
        super().keyPressEvent(event)
