"""A partner's timeline: its visits, shipments and activities, newest first; each row opens its record."""

from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from twindesk.domain.model import vocabulary
from twindesk.domain.queries import details
from twindesk.ui.common.databus import bus
from twindesk.ui.common.formatting import format_value
from twindesk.ui.lists.list_model import Column, RecordTableModel


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
        from twindesk.ui.records.forms import dialog_for  # forms hold this panel: imported when a row opens

        dialog_for(item["kind"], item["id"], lang=self.lang, user=self.user, read_only=self.read_only,
                   parent=self).exec()
