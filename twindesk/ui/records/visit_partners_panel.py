"""A visit's partners: the places it goes to or comes from, picked by typing, saved as soon as they change
(for a visit not yet saved: held here, and saved with it by its Save; ui/records/pending_parts.py)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from twindesk.domain.model.errors import UserError
from twindesk.domain.operations import records
from twindesk.domain.queries import details
from twindesk.ui.common.databus import bus
from twindesk.ui.common.error_text import user_error_message
from twindesk.ui.records.ref_picker import RefPicker


class VisitPartnersPanel(QWidget):
    """The partners a visit goes to or comes from; saved as soon as they change."""

    kind = "visit_partner"
    pendingChanged = Signal()  # the partners of a visit not yet saved changed

    def __init__(self, visit_id: int | None, lang: str, user: str, read_only: bool = False, parent=None):
        super().__init__(parent)
        self.visit_id = visit_id
        self.read_only = read_only  # another window holds the database: the partners are shown only
        self.user = user
        self.setObjectName("panel_visit_partners")
        self.picker = RefPicker("partner")
        self.add_button = QPushButton(self.tr("Add partner"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.list = QListWidget()
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.picker.widget, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        self.picker.widget.setEnabled(not read_only)
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)
        self.reload()
        bus.changed.connect(self._changed)

    def _changed(self, changes) -> None:
        if changes.touches("visit_partner"):
            self.reload()

    def set_parent_id(self, visit_id: int) -> None:
        self.visit_id = visit_id
        self.reload()

    def is_pending(self) -> bool:
        return self.visit_id is None and not self.read_only

    def pending_values(self) -> list[int]:
        """The partners picked for a visit not yet saved, for its Save."""
        return self.partner_ids() if self.is_pending() else []

    def partner_ids(self) -> list[int]:
        return [self.list.item(i).data(256) for i in range(self.list.count())]

    def reload(self) -> None:
        if self.visit_id is None:
            ids = self.partner_ids()  # held here until the visit is saved
        else:
            ids = records.visit_partner_ids(self.visit_id)
        self._show(ids)

    def _show(self, ids: list[int]) -> None:
        self.list.clear()
        for pid in ids:
            item = QListWidgetItem(details.choice_label("partner", pid) or str(pid))
            item.setData(256, pid)
            self.list.addItem(item)

    def _store(self, ids: list[int]) -> None:
        if self.read_only:
            return
        if self.is_pending():
            self._show(ids)
            self.pendingChanged.emit()
            return
        try:  # as the list shows them: changed by someone else since, refused and shown anew
            records.set_visit_partners(self.visit_id, ids, user=self.user, expected=self.partner_ids())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Partners"), user_error_message(exc))
            self.reload()

    def add(self) -> None:
        pid = self.picker.value()
        if self.read_only:
            return
        if not isinstance(pid, int):
            QMessageBox.information(self, self.tr("Partners"),
                                    self.tr("Type part of the partner's name and pick it from the list."))
            return
        if pid not in self.partner_ids():
            self._store(self.partner_ids() + [pid])
        self.picker.set_value(None)

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self._store([p for p in self.partner_ids() if p != item.data(256)])
