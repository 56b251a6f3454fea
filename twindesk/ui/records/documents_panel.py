"""The Documents tab of a record's form: its files listed (never their contents), added with Add… or by
dropping them from the desktop, previewed beside the list, opened with the system's viewer, saved
elsewhere, edited and removed (docs/architecture.md, "Documents").

Each Add or drop is one `documents.attach` (one undo step) of the files that passed the checks; those
refused are named, with why, once the rest are in. A record not yet saved holds the files checked
(`PendingFiles`) and its first Save attaches them in the same operation as the record
(ui/records/pending_parts.py). A read-only window lists and previews; it does not change anything.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from twindesk.domain.model.errors import UserError
from twindesk.domain.operations import documents
from twindesk.domain.queries import documents as dq
from twindesk.ui.common import file_dialogs
from twindesk.ui.common.databus import bus
from twindesk.ui.common.error_text import user_error_message
from twindesk.ui.lists.column_widths import fit_columns
from twindesk.ui.lists.list_model import RecordTableModel
from twindesk.ui.records import document_actions
from twindesk.ui.records.document_dialog import DocumentDialog
from twindesk.ui.records.document_preview import DocumentPreview
from twindesk.ui.records.documents_table import PendingFiles, document_columns


class DocumentsPanel(QWidget):
    kind = "document"  # what the panel lists, as other sub-record panels say theirs
    pendingChanged = Signal()  # a file held for a record not yet saved was added, changed or removed

    def __init__(self, owner_kind: str, owner_id: int | None, *, lang: str, user: str, read_only: bool = False,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("panel_document")
        self.owner_kind = owner_kind
        self.parent_id = owner_id
        self.lang = lang
        self.user = user
        self.read_only = read_only
        self.pending = PendingFiles()
        self._rows: dict[int, dq.DocumentRow] = {}
        self.setAcceptDrops(not read_only)

        self.model = RecordTableModel(document_columns(lang), lambda ids: {i: self._rows[i] for i in ids})
        self.view = QTableView()
        self.view.setObjectName("documents")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(False)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.view.installEventFilter(self)  # Enter edits the document, Delete removes it
        self.preview = DocumentPreview(lang)

        self.add_button = self._button("add_documents", self.tr("Add…"), self.add)
        self.add_button.setToolTip(self.tr("Attach files to this record (or drop them here)"))
        self.edit_button = self._button("edit_document", self.tr("View…") if read_only else self.tr("Edit…"),
                                        self.edit_selected)
        self.open_button = self._button("open_document", self.tr("Open"), self.open_selected)
        self.open_button.setToolTip(self.tr("Open a copy with the system's viewer"))
        self.save_copy_button = self._button("save_document_copy", self.tr("Save a copy…"), self.save_copy)
        self.remove_button = self._button("remove_documents", self.tr("Remove"), self.remove_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.open_button, self.save_copy_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.hint = QLabel(self.tr("Drop files here to attach them.") if not read_only else "")
        self.hint.setObjectName("drop_hint")
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        buttons.addWidget(self.hint)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.reload()
        bus.changed.connect(self._changed)

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # --- state ----------------------------------------------------------------------------------
    def _changed(self, changes) -> None:
        if changes.touches("document") and self.parent_id is not None:
            self.reload(keep=self.selected_ids())

    def is_pending(self) -> bool:
        return self.parent_id is None and not self.read_only

    def pending_files(self) -> list[dict]:
        """The files added to a record not yet saved, for its first Save to attach."""
        return self.pending.for_save() if self.is_pending() else []

    def set_parent_id(self, parent_id: int) -> None:
        """The record has been saved (with the files held here): show what is stored from now on."""
        self.parent_id = parent_id
        self.pending.clear()
        self.reload()

    def reload(self, keep: list[int] | None = None) -> None:
        if self.parent_id is not None:
            self._rows = {r.id: r for r in dq.documents_of(self.owner_kind, self.parent_id)}
        else:
            self._rows = self.pending.rows()
        self.model.set_ids(list(self._rows))
        fit_columns(self.view)
        self.select(keep or [])
        self.add_button.setEnabled(not self.read_only)

    def select(self, ids: list[int]) -> None:
        selection = self.view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        selection.clearSelection()
        rows = [r for r in map(self.model.row_of, ids) if r is not None]
        if rows:  # the first row is current (Enter edits it), every one selected
            selection.setCurrentIndex(self.model.index(rows[0], 0), flags.NoUpdate)
        for row in rows:
            selection.select(self.model.index(row, 0), flags.Select | flags.Rows)
        self._selection_changed()

    def selected_ids(self) -> list[int]:
        return [self.model.id_at(index.row()) for index in self.view.selectionModel().selectedRows()]

    def selected_row(self) -> dq.DocumentRow | None:
        ids = self.selected_ids()
        return self._rows.get(ids[0]) if len(ids) == 1 else None

    def _selection_changed(self) -> None:
        ids, row = self.selected_ids(), self.selected_row()
        stored = row is not None and row.id > 0
        self.edit_button.setEnabled(row is not None)
        self.open_button.setEnabled(stored)
        self.save_copy_button.setEnabled(stored)
        self.remove_button.setEnabled(bool(ids) and not self.read_only)
        if row is None:
            self.preview.clear()
        else:
            self.preview.show_document(row, self.pending.data(row.id) if row.id < 0 else None)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress and not event.modifiers():
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        fit_columns(self.view)

    # --- adding ---------------------------------------------------------------------------------
    def add(self) -> None:
        if self.read_only:
            return
        paths = file_dialogs.open_file_names(self, self.tr("Attach files"), "", self.tr("All files (*)"))
        if paths:
            self.attach_paths(paths)

    def attach_paths(self, paths: list[str]) -> None:
        """Attach the files that pass the checks (one operation), then say which were refused and why."""
        accepted, problems = document_actions.check_each(paths)
        new_ids: list[int] = []
        if accepted and self.is_pending():
            new_ids = [self.pending.add(one, self.owner_kind, self.user) for one in accepted]
            self.reload()
            self.pendingChanged.emit()
        elif accepted:
            try:
                new_ids = documents.attach(self.owner_kind, self.parent_id, [(a.name, a.data) for a in accepted],
                                           user=self.user)
            except UserError as exc:
                QMessageBox.warning(self, self.tr("Attach files"), user_error_message(exc))
                return
            self.reload()
        self.select(new_ids)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if problems:
            document_actions.show_refused(self, problems, attached=len(accepted), lang=self.lang)

    def dragEnterEvent(self, event) -> None:
        if document_actions.local_files(event.mimeData()) and not self.read_only:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = document_actions.local_files(event.mimeData())
        if not paths or self.read_only:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach_paths(paths)

    # --- one document ---------------------------------------------------------------------------
    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        dialog = DocumentDialog(row, pending=row.id < 0, read_only=self.read_only, lang=self.lang, user=self.user,
                                parent=self)
        dialog.exec()
        if row.id < 0 and dialog.kept is not None:
            self.pending.change(row.id, dialog.kept)
            self.reload(keep=[row.id])
            self.pendingChanged.emit()

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row.id > 0:
            url = document_actions.temporary_copy(self, row)
            if url is not None:
                QDesktopServices.openUrl(url)

    def save_copy(self) -> None:
        row = self.selected_row()
        if row is not None and row.id > 0:
            document_actions.save_copy(self, row)

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.read_only or not document_actions.confirm_remove(self, len(ids)):
            return
        if self.is_pending():
            self.pending.remove(ids)
            self.reload()
            self.pendingChanged.emit()
            return
        # as the list showed them: one changed meanwhile is said, and asked again
        document_actions.detach_checked(self, {i: self._rows[i].version for i in ids if i > 0}, self.lang, self.user)

