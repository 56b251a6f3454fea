"""Edit › Undo (Ctrl+Z) and Edit › Redo (Ctrl+Shift+Z), several levels, over the domain's undo history.

The menu items name the step they would take back by the record's name ("Undo changes to visit
“Hainan delegation to Jeju”") and follow every change notice. A record that is gone (a delete to
undo, a new record to redo) is named from the row its history kept. An import, a restore or the demo clears the history: the status bar says so, so nobody
expects Ctrl+Z to take back an import (docs/architecture.md, "Undo").
"""

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

from twindesk.domain.model.errors import UserError
from twindesk.domain.model.specs import SPECS
from twindesk.domain.operations import undo
from twindesk.ui.common.databus import bus
from twindesk.ui.common.error_text import user_error_message

CLEARED_MS = 15_000


class UndoActions(QObject):
    """Drives the window's `undo_action` and `redo_action`, which its shell made (disabled) before the
    database was open (docs/architecture.md, "Start-up")."""

    def __init__(self, window: QMainWindow, *, lang: str, read_only: bool):
        super().__init__(window)
        self.window, self.lang, self.read_only = window, lang, read_only
        self.others_write = False  # a change by another person was heard (a server database)
        self.undo_action, self.redo_action = window.undo_action, window.redo_action
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.connect(self.redo)
        bus.changed.connect(self._changed)
        self.update()

    def _what(self, step: undo.UndoStep) -> str:
        label = SPECS[step.kind].record_label(self.lang) if step.kind in SPECS else ""
        texts = {
            "delete": self.tr("delete of %1 %2"),
            "save": self.tr("changes to %1 %2"),
            "link": self.tr("partners of %1 %2"),
            "reorder": self.tr("order of the delegation of %1 %2"),
        }
        return texts.get(step.action, self.tr("changes to %1 %2")).replace("%1", label).replace(
            "%2", self._name(step.kind, step.record_id))

    def _name(self, kind: str, record_id: int | None) -> str:
        """“Jeju”; the ID where the record has no name."""
        if record_id is None:
            return ""
        from twindesk.domain.queries import history  # a step to name: not while the window opens

        name = history.record_name(kind, record_id, self.lang) if kind in SPECS else ""
        return self.tr("“%1”").replace("%1", name) if name else str(record_id)

    def update(self) -> None:
        step, again = undo.history.next_undo(), undo.history.next_redo()
        self.undo_action.setText(self.tr("&Undo %1").replace("%1", self._what(step)) if step else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo %1").replace("%1", self._what(again)) if again else self.tr("&Redo"))
        self.undo_action.setEnabled(step is not None and not self.read_only)
        self.redo_action.setEnabled(again is not None and not self.read_only)
        if self.others_write:  # another person may have changed the step's records: say so beforehand
            self._say_overtaken(self.undo_action, step, self.tr("Cannot undo %1: changed since"))
            self._say_overtaken(self.redo_action, again, self.tr("Cannot redo %1: changed since"))

    def _say_overtaken(self, action, step, text: str) -> None:
        why = undo.overtaken(step) if step is not None else None
        action.setStatusTip(user_error_message(why) if why is not None else "")
        action.setToolTip(action.statusTip() or action.text().replace("&", ""))
        if why is not None:
            action.setText(text.replace("%1", self._what(step)))
            action.setEnabled(False)

    def _changed(self, changes) -> None:
        self.others_write = self.others_write or changes.remote
        self.update()
        if changes.remote:
            return  # another person's import or restore leaves this window's Undo as it was
        cleared = {"import": self.tr("The import cannot be taken back with Undo; its backup can restore the "
                                     "database as it was (File › Restore from backup…)."),
                   "restore": self.tr("The database was restored from a backup; Undo starts afresh."),
                   "demo": self.tr("The demo data set was written; Undo starts afresh.")}
        if changes.action in cleared and undo.history.cleared_by == changes.action:
            self.window.statusBar().showMessage(cleared[changes.action], CLEARED_MS)

    def undo(self) -> None:
        self._run(undo.history.next_undo(), undo.history.undo, self.tr("Undo"), self.tr("Undone: %1."))

    def redo(self) -> None:
        self._run(undo.history.next_redo(), undo.history.redo, self.tr("Redo"), self.tr("Redone: %1."))

    def _run(self, step, act, title: str, done: str) -> None:
        if step is None or self.read_only:
            return
        what = self._what(step)
        try:
            act(user=getattr(self.window, "user", ""))
        except UserError as exc:
            QMessageBox.warning(self.window, title, user_error_message(exc))
            self.update()
            return
        self.window.statusBar().showMessage(done.replace("%1", what), 8000)
