"""An open form whose record another person changed or deleted on the server.

A form with nothing typed reads the record again, quietly (its fields and its version). A form with
edits keeps every one of them and shows a bar (objectName `remote_change`): who changed the record and
when, that Save will show both versions (docs/architecture.md, "Records changed under an open form"),
and a Reload button that asks before it discards the edits. A record someone deleted: the bar says so
and Save is off; what was typed stays on screen, and "Save as new…" saves it as a new record (the
conflict dialog's way, conflict_dialog.save_as_new). Nothing here takes the focus.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from twindesk.domain import remote_changes
from twindesk.domain.model.errors import NotFound
from twindesk.domain.operations import records
from twindesk.ui.common.databus import bus
from twindesk.ui.records.conflict_dialog import save_as_new

_STYLE = "#remote_change { background: #fff4ce; border: 1px solid #e0c060; border-radius: 3px; }"


class RemoteChangeBar(QWidget):
    def __init__(self, dialog):
        super().__init__(dialog)
        self.dialog = dialog
        self.setObjectName("remote_change")
        self.setStyleSheet(_STYLE)
        self.text = QLabel()
        self.text.setObjectName("remote_change_text")
        self.text.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setObjectName("remote_change_reload")
        self.reload_button.clicked.connect(self.reload)
        self.save_new_button = QPushButton(self.tr("Save as new…"))
        self.save_new_button.setObjectName("remote_change_save_new")
        self.save_new_button.clicked.connect(self.save_as_new)
        self.save_new_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.save_new_button)
        self.hide()
        self.deleted = False
        self.known_version = self._stored_version()  # the version the form shows
        dialog.layout().insertWidget(0, self)
        bus.changed.connect(self._changed)

    def _stored_version(self) -> int | None:
        """The record's version as stored now; None when it is gone (or the form's record is not saved)."""
        if self.dialog.record_id is None or self.dialog.pending:
            return None
        try:
            return records.get(self.dialog.kind, self.dialog.record_id)["version"]
        except NotFound:
            return None

    def _changed(self, changes) -> None:
        dialog = self.dialog
        if dialog.record_id is None or dialog.pending or self.deleted:
            return
        if not (changes.everything or dialog.record_id in changes.ids.get(dialog.kind, ())):
            return
        if not changes.remote:  # this form's own Save (forms are modal): it shows what it saved
            self.known_version = self._stored_version()
            self.hide()
            return
        try:
            stored = records.get(dialog.kind, dialog.record_id)
        except NotFound:
            self._gone(changes.by)
            return
        if stored["version"] == self.known_version:
            return  # an import, a reconnect: this record is as the form shows it
        who, when = changes.by or stored["updated_by"], stored["updated_at"] or datetime.now()
        if not dialog.is_dirty():
            self._read_again(stored["version"])
            return
        self.text.setText(self.tr("%1 changed this record at %2. Your edits are kept; Save will show both "
                                  "versions.").replace("%1", who).replace("%2", f"{when:%H:%M}"))
        self.reload_button.show()
        self.show()

    def _gone(self, who: str) -> None:
        self.deleted = True
        who = who or self.tr("Someone")
        self.text.setText(self.tr("%1 deleted this record at %2. What you typed is still here; it can be saved "
                                  "as a new record.").replace("%1", who).replace("%2", f"{datetime.now():%H:%M}"))
        self.reload_button.hide()
        self.dialog.save_button.hide()  # Save is off (hidden: typing enables it again otherwise)
        self.save_new_button.setVisible(not self.dialog.read_only)
        self.show()

    def save_as_new(self) -> None:
        """What the form holds becomes a new record, after the person agreed (the old one stays deleted)."""
        answer = QMessageBox.question(
            self.dialog, self.tr("Save as new"),
            self.tr("Save what this form holds as a new record? The deleted one stays deleted."),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer != QMessageBox.StandardButton.Save:
            return
        self.dialog._dirty = True  # every value on screen goes into the new record, typed or not
        if save_as_new(self.dialog):
            self.deleted = False
            self.known_version = self._stored_version()
            self.save_new_button.hide()
            self.dialog.save_button.show()
            self.hide()

    def _read_again(self, version: int | None = None) -> None:
        """The form shows the record as stored now, and counts as unchanged."""
        dialog = self.dialog
        dialog._load()
        dialog._set_dirty(False)
        dialog._update_title()
        self.known_version = version if version is not None else self._stored_version()
        self.hide()

    def reload(self) -> None:
        if self.dialog.is_dirty():
            answer = QMessageBox.question(
                self.dialog, self.tr("Reload"),
                self.tr("Reload the record as it is stored now? What you typed in this form will be lost."),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        try:
            self._read_again()
        except NotFound:
            self._gone("")


def listening() -> bool:
    """Whether other staff's changes can reach this process (a server database, its listener on)."""
    return remote_changes.listener() is not None


def follow_remote_changes(dialog) -> RemoteChangeBar | None:
    """Put the bar on `dialog` (a RecordDialog) and follow other staff's changes to its record; nothing
    on SQLite, where no other process writes."""
    return RemoteChangeBar(dialog) if listening() else None
