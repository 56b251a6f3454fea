"""Edit › Recent changes: every operation across all records, newest first, filtered by person, record
kind and day; Enter or a double-click opens the record a row is about."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from twindesk.domain.model.fields import parse_date
from twindesk.domain.model.messages import Problem
from twindesk.domain.model.specs import SPECS
from twindesk.domain.queries import history
from twindesk.ui.common.databus import bus
from twindesk.ui.records.history_panel import HistoryTableModel, history_view

PAGE = 200  # operations read at a time; "Show more" reads the next page


class RecentChangesDialog(QDialog):
    def __init__(self, *, lang: str = "en", open_record: Callable[[str, int], None] | None = None, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.open_record = open_record
        self.limit = PAGE
        self._all: list[history.RecentChange] = []
        self.setObjectName("recent_changes")
        self.setWindowTitle(self.tr("Recent changes"))
        self.resize(980, 560)

        self.person = QComboBox()
        self.person.setObjectName("person")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.since = QLineEdit()
        self.since.setObjectName("since")
        self.since.setPlaceholderText(self.tr("since, e.g. 2026-11-29"))
        self.since.setClearButtonEnabled(True)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.since_error = QLabel()
        self.since_error.setObjectName("since_error")
        self.since_error.setStyleSheet("color: #b00020;")
        self.since_error.hide()
        filters = QHBoxLayout()
        for label, widget in ((self.tr("Person"), self.person), (self.tr("Record"), self.kind),
                              (self.tr("Since"), self.since)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget, 1)
        filters.addWidget(self.search, 2)

        self.model = HistoryTableModel([
            (self.tr("When"), lambda r: r.when),
            (self.tr("Who"), lambda r: r.user),
            (self.tr("Action"), lambda r: r.action_label),
            (self.tr("Record"), lambda r: r.record_label),
            (self.tr("Name"), lambda r: r.name),
            (self.tr("Change"), lambda r: r.what),
        ], self)
        self.view = history_view(self.model)
        self.view.activated.connect(lambda index: self.open_row(index.row()))  # Enter, double-click
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.more_button = QPushButton(self.tr("Show more"))
        self.more_button.setObjectName("more")
        self.more_button.setAutoDefault(False)
        self.more_button.clicked.connect(self.show_more)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.more_button)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.since_error)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self._fill_choices()
        self.person.currentIndexChanged.connect(self.reload)
        self.kind.currentIndexChanged.connect(self.reload)
        self.since.editingFinished.connect(self.reload)
        self.search.textChanged.connect(self._show)
        self.reload()
        bus.changed.connect(self._changed)

    def _fill_choices(self) -> None:
        self.person.addItem(self.tr("Everyone"), None)
        for name in history.people():
            self.person.addItem(name, name)
        self.kind.addItem(self.tr("All records"), None)
        for kind in SPECS:
            label = SPECS[kind].record_label(self.lang)
            self.kind.addItem(label[:1].upper() + label[1:], kind)

    def _changed(self, _changes) -> None:
        known = {self.person.itemData(i) for i in range(self.person.count())}
        for name in history.people():
            if name not in known:
                self.person.addItem(name, name)
        self.reload()

    def _since(self):
        text = self.since.text().strip()
        try:
            day = parse_date(text)
        except Problem as exc:
            self.since_error.setText(self.tr("Since: “%1” %2.").replace("%1", text).replace("%2", exc.text(self.lang)))
            self.since_error.show()
            return False
        self.since_error.hide()
        return day

    def reload(self) -> None:
        since = self._since()
        if since is False:
            return
        self._all = history.recent_changes(since=since, person=self.person.currentData(),
                                           kind=self.kind.currentData(), limit=self.limit, lang=self.lang)
        self.more_button.setEnabled(len(self._all) >= self.limit)
        self._show()

    def show_more(self) -> None:
        self.limit += PAGE
        self.reload()

    def _show(self) -> None:
        words = self.search.text().casefold().split()
        rows = [r for r in self._all
                if all(w in f"{r.user}\n{r.record_label}\n{r.name}\n{r.what}".casefold() for w in words)]
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%1 changes").replace("%1", str(len(rows))))
        if rows:
            for column in range(self.model.columnCount() - 1):
                self.view.resizeColumnToContents(column)

    def open_row(self, row: int) -> None:
        change = self.model.row_at(row)
        if change is None or change.opens is None or self.open_record is None:
            return
        self.open_record(*change.opens)

    def keyPressEvent(self, event) -> None:
        # Enter opens the row in the list (the list says so itself); elsewhere it must not close the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.since.hasFocus():
                self.reload()
            return
        super().keyPressEvent(event)
