"""A line under a form's fields saying what is worth a second look (docs/architecture.md, "Agreements
and approvals"): a visit's warnings against its approval, an agreement's expiry against its term
(objectName `warnings`); the stage a partnership's pending approval waits on (`approval_stage`).

It follows what is typed, and the form's sub-records (saved ones by change notice, a new record's
parts as they are kept), and asks the domain each time; it never refuses anything."""

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel

from twindesk.domain.queries import approvals
from twindesk.ui.common.databus import bus

WARNED = {"visit": {"visit_approval", "delegate", "visit_partner", "partner"}, "agreement": set()}
STAGED = {"partnership": {"partnership_approval"}}
_WARNING_STYLE = "background: #fff4ce; color: #5c4400; padding: 4px; border-radius: 3px;"
_STAGE_STYLE = "color: #5c4400;"


class NoteStrip(QLabel):
    def __init__(self, dialog, name: str, kinds: set[str], style: str):
        super().__init__(dialog)
        self.dialog, self.kinds = dialog, kinds
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setStyleSheet(style)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=0)  # many edits at once: one reading
        self._timer.timeout.connect(self.refresh)
        for editor in dialog.editors.values():
            editor.changed.connect(self._timer.start)
        for i in range(dialog.tabs.count()):
            panel = dialog.tabs.widget(i)
            if hasattr(panel, "pendingChanged"):
                panel.pendingChanged.connect(self._timer.start)
        bus.changed.connect(self._changed)
        dialog.installEventFilter(self)  # read once the dialog is on screen

    def eventFilter(self, watched, event) -> bool:
        if watched is self.dialog and event.type() == QEvent.Type.Show:
            self.refresh()
        return False

    def _changed(self, changes) -> None:
        if any(changes.touches(kind) for kind in self.kinds):
            self._timer.start()

    def _panel(self, kind: str):
        return self.dialog.panel(kind) if hasattr(self.dialog, "panel") else None

    def _pending(self, kind: str):
        """A new record's rows of `kind` as kept in its tab; None for a saved record (read them stored)."""
        panel = self._panel(kind)
        return panel.pending_values() if panel is not None and panel.is_pending() else None

    def messages(self) -> list[str]:
        lang, values = self.dialog.lang, self.dialog.values()
        if self.dialog.kind in STAGED:
            rows = self._pending("partnership_approval")
            stage = approvals.waiting_stage(self.dialog.record_id, rows)
            return [approvals.status_text(values.get("status"), stage, lang)] if (
                values.get("status") == "approval_pending" and stage) else []
        context = None
        if self.dialog.kind == "visit":
            delegates = self._pending("delegate")
            partners = self._panel("visit_partners")
            context = approvals.visit_context(
                self.dialog.record_id, approvals=self._pending("visit_approval"),
                delegates=None if delegates is None else len(delegates),
                partner_ids=partners.partner_ids() if partners is not None else None)
        return ["⚠ " + m.text(lang) for m in approvals.warnings_for(self.dialog.kind, values, context)]

    def refresh(self) -> None:
        if not self.dialog.isVisible():  # closed (its database may be too), or not yet shown
            return
        said = self.messages()
        self.setText("\n".join(said))
        self.setVisible(bool(said))


def attach(dialog) -> NoteStrip | None:
    """Put the strip its kind has (if any) under the dialog's fields, above its errors and buttons."""
    if dialog.kind in WARNED:
        strip = NoteStrip(dialog, "warnings", WARNED[dialog.kind], _WARNING_STYLE)
    elif dialog.kind in STAGED:
        strip = NoteStrip(dialog, "approval_stage", STAGED[dialog.kind], _STAGE_STYLE)
    else:
        return None
    layout = dialog.layout()
    layout.insertWidget(layout.indexOf(dialog.general_error), strip)
    return strip
