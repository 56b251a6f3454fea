"""A list page: search as you type, filters, a table sorted and filtered in SQL, and a count.

The page asks `twindesk.domain.queries.lists` for the matching ids (in order) and hands them to the model,
which fetches the visible rows lazily. Keystrokes are gathered for a moment before the query runs.
"""

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from twindesk.domain.model.specs import SPECS
from twindesk.domain.model.vocabulary import Vocabulary
from twindesk.domain.queries import lists
from twindesk.ui.common.formatting import window_locale
from twindesk.ui.lists.column_widths import current_widths, fit_columns, widen_to_content
from twindesk.ui.lists.list_model import Column, RecordTableModel
from twindesk.ui.lists.status_badge import use_badges

SEARCH_DELAY_MS = 150


@dataclass(frozen=True)
class PageSpec:
    list_name: str  # twindesk.domain.queries.lists name
    record_kind: str  # what a row opens
    status_label: str = ""
    statuses: Vocabulary | None = None
    directions: Vocabulary | None = None
    has_dates: bool = False


def kinds_shown(kind: str) -> frozenset[str]:
    """The record kinds whose changes this list's rows show: its own, what it names by reference
    (a shipment's partner), and its sub-records (a shipment's items, found by search)."""
    own = SPECS[kind]
    refs = {f.ref for f in own.fields if f.kind == "ref"}
    children = {s.kind for s in SPECS.values() if s.parent and s.field(s.parent).ref == kind}
    return frozenset({kind} | refs | children | ({"visit_partner"} if kind == "visit" else set()))


class ListPage(QWidget):
    openRecord = Signal(str, int)
    newRecord = Signal(str)
    deleteRecord = Signal(str, int)
    selectionChanged = Signal()
    exportRequested = Signal()  # "Export this view…": the window writes what this list shows

    def __init__(self, spec: PageSpec, columns: list[Column], *, lang: str = "en", parent=None):
        super().__init__(parent)
        self.spec = spec
        self.lang = lang
        self.kinds_shown = kinds_shown(spec.record_kind)
        self.query = lists.ListQuery(limit=None)
        self.total = 0
        self.setObjectName(f"page_{spec.list_name}")

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search names in any script (中文, English, 한국어, Русский …)"))
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self._keys = SearchKeys(self)
        self.search.installEventFilter(self._keys)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        self.status_filter = self._vocabulary_filter(spec.statuses, self.tr("All"), "status_filter")
        if self.status_filter:
            bar.addWidget(QLabel(spec.status_label or self.tr("Status")))
            bar.addWidget(self.status_filter, 1)
        self.direction_filter = self._vocabulary_filter(spec.directions, self.tr("Both directions"), "direction_filter")
        if self.direction_filter:
            bar.addWidget(self.direction_filter, 1)
        self.date_from = self.date_to = None
        if spec.has_dates:
            self.use_dates = QCheckBox(self.tr("From"))
            self.use_dates.setObjectName("use_dates")
            self.date_from = self._date_edit(QDate(QDate.currentDate().year() - 1, 1, 1), "date_from")
            self.date_to = self._date_edit(QDate(QDate.currentDate().year() + 1, 12, 31), "date_to")
            self.date_from.setEnabled(False)
            self.date_to.setEnabled(False)
            self.use_dates.toggled.connect(self._dates_toggled)
            bar.addWidget(self.use_dates)
            bar.addWidget(self.date_from)
            bar.addWidget(QLabel(self.tr("to")))
            bar.addWidget(self.date_to)
        export = QToolButton()
        export.setObjectName("export_view")
        export.setText(self.tr("Export this view…"))
        export.setToolTip(self.tr("The rows and columns this list shows now, as an Excel workbook"))
        export.clicked.connect(self.exportRequested)
        bar.addWidget(export)

        self.model = RecordTableModel(columns, lambda ids: lists.rows_by_id(spec.list_name, ids), self)
        self.view = QTableView()
        self.view.setObjectName("list")
        self.view.setModel(self.model)
        use_badges(self.view, columns)
        # Sorting happens in SQL: a header click re-queries; the indicator starts on the list's default.
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        default_key, default_desc = lists.LISTS[spec.list_name].default_sort
        default_column = next((i for i, c in enumerate(columns) if c.sort_key == default_key), -1)
        header.setSortIndicator(default_column, Qt.SortOrder.DescendingOrder if default_desc
                                else Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self.model.sort)
        # Sizing columns to content samples rows; 50 keeps it to one block of a 100,000-row list.
        header.setResizeContentsPrecision(50)
        self.model.sortRequested.connect(self._sort)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionsMovable(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.selectionChanged.emit())
        # The row the keyboard is on is the row selected: one reached by Tab opens with Enter.
        self.view.selectionModel().currentRowChanged.connect(self._current_moved)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.view, activated=self.open_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.view, activated=self.open_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view, activated=self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)

        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self._sized = False
        self._auto_widths: dict[int, int] = {}  # what automatic sizing gave each column (column_widths)

    # --- building helpers -------------------------------------------------------------------
    def _vocabulary_filter(self, vocab: Vocabulary | None, all_label: str, name: str):
        if vocab is None:
            return None
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(all_label, None)
        for term in vocab:
            combo.addItem(term.label(self.lang), term.code)
        combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        return combo

    def _date_edit(self, initial: QDate, name: str) -> QDateEdit:
        edit = QDateEdit(initial)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(window_locale(self.lang).dateFormat(QLocale.FormatType.ShortFormat))  # as forms show dates
        edit.dateChanged.connect(lambda _d: self.apply_filters())
        return edit

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply_filters()

    # --- querying ---------------------------------------------------------------------------
    def current_query(self) -> lists.ListQuery:
        q = replace(self.query, text=self.search.text())
        q = replace(q, statuses=(self.status_filter.currentData(),) if self.status_filter and
                    self.status_filter.currentData() else ())
        q = replace(q, direction=self.direction_filter.currentData() if self.direction_filter else None)
        if self.date_from is not None and self.use_dates.isChecked():
            q = replace(q, date_from=_py_date(self.date_from.date()), date_to=_py_date(self.date_to.date()))
        else:
            q = replace(q, date_from=None, date_to=None)
        return q

    def apply_filters(self) -> None:
        self._read()
        self._size_columns()

    def refresh(self) -> None:
        """Read again (a change notice, another person's too; F5): the selected row, the scroll
        position and the focus stay where they were."""
        bars = (self.view.verticalScrollBar(), self.view.horizontalScrollBar())
        positions = [bar.value() for bar in bars]
        self._read()
        for bar, position in zip(bars, positions, strict=True):
            bar.setValue(position)
        self._size_columns()  # measured on the rows back in view

    def _read(self) -> None:
        self._timer.stop()
        self.query = self.current_query()
        selected = self.selected_id()
        ids = lists.ids(self.spec.list_name, self.query)
        if not (self.query.text.split() or self.query.statuses or self.query.direction or self.query.date_from):
            self.total = len(ids)
        else:
            self.total = lists.count(self.spec.list_name)
        self.model.set_ids(ids)
        self._update_count()
        if selected is not None:
            row = self.model.row_of(selected)
            if row is not None:
                self.view.selectRow(row)

    def _size_columns(self) -> None:
        if not self.model.rowCount():
            return
        if not self._sized:
            fit_columns(self.view)
            self._auto_widths = current_widths(self.view)
            self._sized = True
        else:  # a change, an import, a new record: wider content widens its column
            widen_to_content(self.view, self._auto_widths)

    def adopt_sort_indicator(self) -> None:
        """Take the order shown by the header (e.g. restored from settings) without querying."""
        header = self.view.horizontalHeader()
        columns = self.model.columns()
        section = header.sortIndicatorSection()
        if 0 <= section < len(columns) and columns[section].sort_key:
            descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            self.query = replace(self.query, sort=columns[section].sort_key, descending=descending)

    def _sort(self, key: str, descending: bool) -> None:
        self.query = replace(self.query, sort=key, descending=descending)
        self.apply_filters()

    def _update_count(self) -> None:
        locale = QLocale()
        shown, total = self.model.rowCount(), self.total
        if shown == total:
            text = self.tr("%1 records").replace("%1", locale.toString(total))
        else:
            text = self.tr("Showing %1 of %2 records").replace("%1", locale.toString(shown)).replace(
                "%2", locale.toString(total))
        self.count_label.setText(text)

    # --- selection and actions --------------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.id_at(rows[0].row()) if rows else None

    def _open_row(self, row: int) -> None:
        record_id = self.model.id_at(row)
        if record_id is not None:
            self.openRecord.emit(self.spec.record_kind, record_id)

    def open_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            self.openRecord.emit(self.spec.record_kind, record_id)

    def delete_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            self.deleteRecord.emit(self.spec.record_kind, record_id)

    def _current_moved(self, current, _previous) -> None:
        if current.isValid() and not self.view.selectionModel().isRowSelected(current.row()):
            self.view.selectRow(current.row())

    def enter_list(self) -> None:
        """From the search field into the list, on its first row (what was typed is searched first)."""
        if self._timer.isActive():
            self.apply_filters()
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
            self.view.selectRow(0)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_search(self) -> None:
        if self.search.text():
            self.search.clear()
            self.apply_filters()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()


class SearchKeys(QObject):
    """The search field's keys: Down or Enter go into the list, Esc clears what is typed, and the
    window's Ctrl+E (Export this view) is not taken by the line's own end-of-line key."""

    def __init__(self, page: ListPage):
        super().__init__(page)
        self.page = page

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._for_the_window(event):
            event.ignore()  # not the line's: the window's shortcut takes it
            return True
        if event.type() != QEvent.Type.KeyPress or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.page.enter_list()
            return True
        if event.key() == Qt.Key.Key_Escape and self.page.search.text():
            self.page.clear_search()
            return True
        return False


    def _for_the_window(self, event) -> bool:
        """Ctrl+E, and Undo/Redo while the line has nothing of its own to undo or redo: the page gives the
        search field the focus, so after a save staff press Ctrl+Z there, and the line would swallow it."""
        if event.key() == Qt.Key.Key_E and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            return True
        line = self.page.search
        if event.matches(QKeySequence.StandardKey.Undo):
            return not line.isUndoAvailable()
        if event.matches(QKeySequence.StandardKey.Redo):
            return not line.isRedoAvailable()
        return False


def _py_date(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())
