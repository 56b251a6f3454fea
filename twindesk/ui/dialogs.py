"""The record dialogs with their sub-record tabs, and `dialog_for(kind, …)` to pick the right one."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from twindesk.domain.model import vocabulary
from twindesk.domain.model.errors import UserError
from twindesk.domain.operations import records
from twindesk.domain.queries import details
from twindesk.ui.brief_dialog import BriefDialog
from twindesk.ui.child_panel import ChildPanel
from twindesk.ui.databus import bus
from twindesk.ui.error_text import user_error_message
from twindesk.ui.formatting import format_value
from twindesk.ui.list_model import Column, RecordTableModel
from twindesk.ui.record_dialog import RecordDialog
from twindesk.ui.ref_picker import RefPicker

# kind -> [(tab title, sub-record kind, columns, reorderable)]
SUB_RECORDS = {
    "visit": [
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Delegation"), "delegate", ["precedence", "name", "title", "organization", "role", "counterpart"], True),
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Itinerary"), "itinerary_item", ["day", "start_time", "end_time", "place", "activity", "counterpart"], False),
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Gifts"), "gift", ["direction", "description", "value", "currency", "giver", "recipient"], False),
    ],
    "shipment": [
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Items"), "shipment_item", ["description", "category", "quantity", "unit", "value", "currency"], False),
    ],
    "partnership": [
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Status history"), "status_change", ["changed_on", "status", "note"], False),
    ],
    "partner": [
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Partnerships"), "partnership", ["home_locality", "tier", "status", "status_since", "established_year",
                                         "next_review_on"], False),
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Contacts"), "contact", ["honorific", "family_name", "given_name", "title", "organization", "email"], False),
    ],
}


class VisitPartnersPanel(QWidget):
    """The partners a visit goes to or comes from; saved as soon as they change."""

    def __init__(self, visit_id: int | None, lang: str, user: str, parent=None):
        super().__init__(parent)
        self.visit_id = visit_id
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
        self.reload()
        bus.changed.connect(self._changed)

    def _changed(self, changes) -> None:
        if changes.touches("visit_partner"):
            self.reload()

    def set_parent_id(self, visit_id: int) -> None:
        self.visit_id = visit_id
        self.reload()

    def partner_ids(self) -> list[int]:
        return [self.list.item(i).data(256) for i in range(self.list.count())]

    def reload(self) -> None:
        self.list.clear()
        if self.visit_id is None:
            return
        for pid in records.visit_partner_ids(self.visit_id):
            item = QListWidgetItem(details.choice_label("partner", pid) or str(pid))
            item.setData(256, pid)
            self.list.addItem(item)

    def _store(self, ids: list[int]) -> None:
        try:
            records.set_visit_partners(self.visit_id, ids, user=self.user)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Partners"), user_error_message(exc))

    def add(self) -> None:
        pid = self.picker.value()
        if self.visit_id is None:
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


class TimelinePanel(QWidget):
    """A partner's visits, shipments and activities, newest first; each opens on double-click."""

    KINDS = {"visit": vocabulary.VISIT_STATUSES, "shipment": vocabulary.SHIPMENT_STATUSES,
             "activity": vocabulary.ACTIVITY_KINDS}

    def __init__(self, partner_id: int | None, lang: str, user: str, read_only: bool = False, parent=None):
        super().__init__(parent)
        self.partner_id = partner_id
        self.read_only = read_only
        self.lang = lang
        self.user = user
        self.setObjectName("panel_timeline")
        self._rows: dict[int, dict] = {}
        kind_labels = {"visit": self.tr("Visit"), "shipment": self.tr("Shipment"), "activity": self.tr("Activity")}
        columns = [
            Column("date", self.tr("Date"), lambda r: format_value(r["date"], lang)),
            Column("kind", self.tr("Record"), lambda r: kind_labels[r["kind"]]),
            Column("title", self.tr("Title"), lambda r: r["title"]),
            Column("status", self.tr("Status / kind"), lambda r: format_value(r["status"], lang, self.KINDS[r["kind"]])),
        ]
        self.model = RecordTableModel(columns, lambda ids: {i: self._rows[i] for i in ids}, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(False)
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.reload()
        bus.changed.connect(self._changed)

    def _changed(self, changes) -> None:
        if any(changes.touches(kind) for kind in self.KINDS):
            self.reload()

    def set_parent_id(self, partner_id: int) -> None:
        self.partner_id = partner_id
        self.reload()

    def reload(self) -> None:
        items = details.partner_timeline(self.partner_id) if self.partner_id is not None else []
        # Rows of three kinds share the model, so they get positions as ids.
        self._rows = dict(enumerate(items))
        self.model.set_ids(list(self._rows))
        self.view.resizeColumnsToContents()

    def open_row(self, row: int) -> None:
        item = self._rows.get(self.model.id_at(row))
        if item is None:
            return
        dialog_for(item["kind"], item["id"], lang=self.lang, user=self.user, read_only=self.read_only,
                   parent=self).exec()


BRIEFED_KINDS = ("visit", "partner")


class SubRecordDialog(RecordDialog):
    def _add_extra_tabs(self) -> None:
        self.brief_button = None
        if self.kind in BRIEFED_KINDS:
            self.brief_button = self.buttons.addButton(self.tr("Briefing pack…"),
                                                       QDialogButtonBox.ButtonRole.ActionRole)
            self.brief_button.setObjectName("brief_button")
            self.brief_button.setEnabled(self.record_id is not None)
            self.brief_button.setToolTip(self.tr("A PDF to print before the meeting"))
            self.brief_button.clicked.connect(self.open_brief)
        if self.kind == "partner":
            panel = TimelinePanel(self.record_id, self.lang, self.user, self.read_only)
            index = self.tabs.addTab(panel, self.tr("Timeline"))
            self.tabs.setTabEnabled(index, self.record_id is not None)
        if self.kind == "visit":
            panel = VisitPartnersPanel(self.record_id, self.lang, self.user)
            panel.add_button.setEnabled(not self.read_only)
            panel.remove_button.setEnabled(not self.read_only)
            index = self.tabs.addTab(panel, self.tr("Partners"))
            self.tabs.setTabEnabled(index, self.record_id is not None)
        for title, kind, columns, reorderable in SUB_RECORDS.get(self.kind, []):
            panel = ChildPanel(kind, columns, parent_id=self.record_id, lang=self.lang, user=self.user,
                               reorderable=reorderable, read_only=self.read_only)
            index = self.tabs.addTab(panel, self.tr(title))
            self.tabs.setTabEnabled(index, self.record_id is not None)
        if self.record_id is None and self.tabs.count() > 1:
            self.tabs.setTabToolTip(1, self.tr("Save the record first to add these."))

    def _enable_sub_records(self) -> None:
        super()._enable_sub_records()
        if self.brief_button is not None:
            self.brief_button.setEnabled(True)

    def open_brief(self) -> None:
        """The pack shows what is saved: save what was typed first (or stop if it cannot be saved)."""
        if self.record_id is None or not self.save():
            return
        BriefDialog(self.kind, self.record_id, lang=self.lang, parent=self).exec()

    def panel(self, kind: str):
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            if getattr(widget, "kind", None) == kind or widget.objectName() == f"panel_{kind}":
                return widget
        return None


def dialog_for(kind: str, record_id: int | None = None, **kwargs) -> RecordDialog:
    return SubRecordDialog(kind, record_id, **kwargs)
