"""A tab listing one kind of sub-record (delegates, itinerary, gifts, items, contacts …) of a parent
record, with Add, Edit and Delete, and where order means precedence Up/Down and drag and drop.

While the parent is new (no ID yet), the panel is "pending": its rows are held in memory
(ui/records/pending_parts.py) and saved with the parent, in one operation, by the parent's Save."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from twindesk.domain.model.errors import UserError
from twindesk.domain.model.specs import SPECS
from twindesk.domain.operations import records
from twindesk.domain.queries import approvals, details
from twindesk.ui.common.databus import bus
from twindesk.ui.common.error_text import user_error_message
from twindesk.ui.common.formatting import format_value
from twindesk.ui.lists.column_widths import fit_columns
from twindesk.ui.lists.list_model import Column, RecordTableModel
from twindesk.ui.lists.status_badge import use_badges
from twindesk.ui.records.delete_confirm import delete_checked
from twindesk.ui.records.pending_parts import PendingRows


def spec_columns(kind: str, names: list[str], lang: str, names_cache: dict | None = None) -> list[Column]:
    """The columns of a sub-record table; a reference shows the record's name, not its ID
    (`names_cache` keeps the names read, for the caller to empty when the rows are read again)."""
    spec = SPECS[kind]
    names_cache = {} if names_cache is None else names_cache
    columns = []
    for name in names:
        f = spec.field(name)
        if f.kind == "ref":
            render = lambda row, f=f: _reference_name(f.ref, row.get(f.name), names_cache)  # noqa: E731
        elif (kind, name) == ("partnership", "status"):  # "待审批（省级）": the stage its approval waits on
            render = lambda row: approvals.status_text(  # noqa: E731
                row.get("status"), approvals.waiting_stage(row.get("id")) if row.get("id", 0) > 0 else None, lang)
        else:
            render = lambda row, f=f: format_value(row.get(f.name), lang, f.vocabulary, f.kind)  # noqa: E731
        columns.append(Column(name, spec.field_label(name, lang), render,
                              align_right=f.kind in ("int", "decimal", "float"),
                              badge=name == "status" and f.vocabulary is not None))
    return columns


def _reference_name(kind: str, record_id: int | None, cache: dict) -> str:
    if record_id is None:
        return ""
    if kind not in details.SEARCHED_KINDS and (kind, None) not in cache:  # a short list: read it once
        cache.update({(kind, i): label for i, label in details.choices(kind)})
        cache[(kind, None)] = ""
    if (kind, record_id) not in cache:
        cache[(kind, record_id)] = details.choice_label(kind, record_id) or str(record_id)
    return cache[(kind, record_id)]


class OrderedRowsModel(RecordTableModel):
    """Rows a person may drag to another place (the order is written by the panel, not the model)."""

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction


class OrderedTableView(QTableView):
    """A table whose rows move by drag and drop: `rowDropped(from, to)` says where one went."""

    rowDropped = Signal(int, int)

    def __init__(self):
        super().__init__()
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QTableView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dropEvent(self, event) -> None:
        rows = self.selectionModel().selectedRows()
        if event.source() is not self or not rows:
            event.ignore()
            return
        source = rows[0].row()
        target = self.indexAt(event.position().toPoint())
        to = target.row() if target.isValid() else self.model().rowCount() - 1
        # The model is never changed by the drop itself: the new order is saved, and the rows read again.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if to != source:
            self.rowDropped.emit(source, to)


class ChildPanel(QWidget):
    pendingChanged = Signal()  # a row held for a parent not yet saved was added, changed, moved or removed

    def __init__(self, kind: str, columns: list[str], *, parent_id: int | None, lang: str, user: str,
                 reorderable: bool = False, read_only: bool = False, parent=None):
        super().__init__(parent)
        self.kind = kind
        self.read_only = read_only
        self.spec = SPECS[kind]
        self.parent_id = parent_id
        self.lang = lang
        self.user = user
        self.reorderable = reorderable
        self._rows: dict[int, dict] = {}
        self.pending = PendingRows("precedence" if reorderable else None)
        self._names: dict = {}  # the names references show, read once per reload
        self.setObjectName(f"panel_{kind}")

        model = OrderedRowsModel if reorderable else RecordTableModel
        self.model = model(spec_columns(kind, columns, lang, self._names), lambda ids: {i: self._rows[i] for i in ids})
        # A read-only panel gets a plain table: no reordering by drag and drop either.
        self.view = OrderedTableView() if reorderable and not read_only else QTableView()
        if reorderable and not read_only:
            self.view.rowDropped.connect(self.move_row)
        self.view.setModel(self.model)
        use_badges(self.view, self.model.columns())
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(reorderable)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())

        self.add_button = QPushButton(self.tr("Add…"))
        # A read-only window opens sub-records to look at them: the button says so.
        self.edit_button = QPushButton(self.tr("View…") if read_only else self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        if reorderable:
            self.up_button = QPushButton(self.tr("Move up"))
            self.down_button = QPushButton(self.tr("Move down"))
            self.up_button.clicked.connect(lambda: self.move_selected(-1))
            self.down_button.clicked.connect(lambda: self.move_selected(1))
            buttons.addWidget(self.up_button)
            buttons.addWidget(self.down_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.reload()
        bus.changed.connect(self._changed)

    def _changed(self, changes) -> None:
        if changes.touches(self.kind):
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        fit_columns(self.view)  # now that the tab has its width

    def set_parent_id(self, parent_id: int) -> None:
        """The parent has been saved (with the rows held here): show what is stored from now on."""
        self.parent_id = parent_id
        self.pending.clear()
        self.reload()

    def is_pending(self) -> bool:
        return self.parent_id is None and not self.read_only

    def pending_values(self) -> list[dict]:
        """The rows typed for a parent not yet saved, in order, for its Save."""
        return self.pending.values() if self.is_pending() else []

    def reload(self) -> None:
        if self.parent_id is not None:
            self._rows = {r["id"]: r for r in details.children(self.kind, self.parent_id)}
        else:
            self._rows = self.pending.rows()
        self._names.clear()
        self.model.set_ids(list(self._rows))
        fit_columns(self.view)
        can_change = not self.read_only
        self.add_button.setEnabled(can_change)
        self.delete_button.setEnabled(can_change)
        if self.reorderable:
            self.up_button.setEnabled(can_change)
            self.down_button.setEnabled(can_change)

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def _dialog(self, record_id: int | None, row: dict | None = None):
        from twindesk.ui.records.forms import dialog_for

        defaults = {self.spec.parent: self.parent_id, **(row or {})}
        if self.kind == "delegate" and record_id is None and row is None:
            defaults["precedence"] = len(self._rows) + 1
        return dialog_for(self.kind, record_id, defaults=defaults, hidden=(self.spec.parent,),
                          lang=self.lang, user=self.user, read_only=self.read_only,
                          pending=self.is_pending(), parent=self)

    def add(self) -> None:
        if self.read_only:
            return
        dialog = self._dialog(None)
        dialog.exec()  # a row kept by "Save" in the close prompt counts too, though the dialog was rejected
        if self.is_pending() and dialog.kept is not None:
            self._pending_changed(self.pending.add(dialog.kept))

    def edit_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is None:
            return
        if not self.is_pending():
            self._dialog(record_id).exec()
            return
        dialog = self._dialog(None, self.pending.row(record_id))
        dialog.exec()
        if dialog.kept is not None:
            self.pending.replace(record_id, dialog.kept)
            self._pending_changed(record_id)

    def _pending_changed(self, row_id: int | None = None) -> None:
        self.reload()
        if row_id is not None:
            self.view.selectRow(self.model.row_of(row_id))
        self.pendingChanged.emit()

    def delete_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is None or self.read_only:
            return
        if self.is_pending():  # only typed so far: nothing stored to ask about
            self.pending.remove(record_id)
            self._pending_changed()
            return
        # As the row shows it: changed by someone else since, the person is told and asked again.
        delete_checked(self, self.kind, record_id, self.lang, self.user, self._rows[record_id].get("version"))

    def move_selected(self, step: int) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            row = self.model.row_of(record_id)
            self.move_row(row, row + step)

    def move_row(self, row: int, to: int) -> None:
        """Put the row at `row` at `to` (Up/Down, or a drop): one reorder, one undo step."""
        ids = self.model.ids()
        if self.read_only or not (0 <= row < len(ids) and 0 <= to < len(ids)) or row == to:
            return
        if self.is_pending():
            self.pending.move(row, to)
            self._pending_changed(ids[row])
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        ids.insert(to, ids.pop(row))
        seen = {i: self._rows[i].get("version") for i in ids}  # a delegate changed since: refused, and said
        try:
            records.reorder_delegates(self.parent_id, ids, user=self.user, expected_versions=seen)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Delegation"), user_error_message(exc))
            return
        self.view.selectRow(to)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
