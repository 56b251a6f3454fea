"""A dashboard card's short list of records: a header and rows that open their record, or one
friendly line: "Loading…" until the card's data arrived, then what there is nothing of (or why the
data could not be read)."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
)

RECORD_ROLE = Qt.ItemDataRole.UserRole  # (kind, id) of the record a row opens

MAX_CARD_ROWS = 200


class RecordList(QStackedWidget):
    """A short list of records with a header, or one friendly line when there is nothing to show."""

    activated = Signal(str, int)
    MAX_ROWS = 8  # taller lists scroll inside their card

    def __init__(self, headers: list[str], stretch_columns, empty_text: str = "", parent=None):
        super().__init__(parent)
        if isinstance(stretch_columns, int):
            stretch_columns = (stretch_columns,)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(headers)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(len(headers)):
            mode = QHeaderView.ResizeMode.Stretch if column in stretch_columns else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        self.tree.itemActivated.connect(self._on_activated)
        self.empty_label = QLabel(empty_text)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setMinimumHeight(36)
        self.addWidget(self.tree)
        self.addWidget(self.empty_label)
        self._empty_text = empty_text
        self._loading = False
        self._failed = False
        self.set_loading()

    def set_empty_text(self, text: str) -> None:
        """What the card says when it has nothing to list (once its data arrived)."""
        self._empty_text = text
        if not self._loading and not self._failed:
            self.empty_label.setText(text)

    def set_loading(self) -> None:
        """Until its data arrived the card says so, never that there is nothing."""
        self._loading, self._failed = True, False
        self.tree.clear()
        self.empty_label.setText(self.tr("Loading…"))
        self.empty_label.setToolTip("")
        self.setCurrentWidget(self.empty_label)

    def is_loading(self) -> bool:
        return self._loading

    def set_failed(self, text: str, details: str = "") -> None:
        """Its data could not be read: the card says so (`text`, with the reason) instead of "Loading…";
        `details` (the whole message) is its tooltip."""
        self._loading, self._failed = False, True
        self.tree.clear()
        self.empty_label.setText(text)
        self.empty_label.setToolTip(details)
        self.setCurrentWidget(self.empty_label)
        self.updateGeometry()

    def is_failed(self) -> bool:
        return self._failed

    def set_rows(self, rows: list[tuple[list[str], tuple[str, int] | None, dict]], total: int | None = None) -> None:
        """rows: (cell texts, (kind, id) to open or None, options: bold, bold_columns, tooltip, colors, right). A card is a
        summary: it shows the first MAX_CARD_ROWS, then how many more there are of `total`."""
        self._loading, self._failed = False, False
        self.empty_label.setText(self._empty_text)
        self.empty_label.setToolTip("")
        self.tree.clear()
        items = []
        hidden = max(0, (len(rows) if total is None else total) - MAX_CARD_ROWS)
        rows = rows[:MAX_CARD_ROWS]
        for texts, record, options in rows:
            item = QTreeWidgetItem([str(t) for t in texts])
            if record is not None:
                item.setData(0, RECORD_ROLE, record)
            bold = range(len(texts)) if options.get("bold") else options.get("bold_columns", ())
            for column in bold:
                font = QFont(item.font(column))
                font.setBold(True)
                item.setFont(column, font)
            for column, text in enumerate(texts):
                item.setToolTip(column, options.get("tooltip") or str(text))
            for column in options.get("right", ()):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, color in options.get("colors", {}).items():
                item.setForeground(column, QBrush(color))
            items.append(item)
        if hidden:
            more = QTreeWidgetItem([self.tr("… and %1 more").replace("%1", f"{hidden:,}")])
            items.append(more)
        self.tree.addTopLevelItems(items)
        self.setCurrentWidget(self.tree if items else self.empty_label)
        self.updateGeometry()

    def _wanted_height(self, rows: int) -> int:
        tree = self.tree
        row = tree.sizeHintForRow(0) if tree.topLevelItemCount() else -1
        if row <= 0:
            row = tree.fontMetrics().height() + 6
        return tree.header().sizeHint().height() + rows * row + 2 * tree.frameWidth() + 2

    def sizeHint(self) -> QSize:
        width = super().sizeHint().width()
        if self._failed:  # a reason may take lines in a narrow card: as tall as they are at this width
            return QSize(width, max(40, self.empty_label.heightForWidth(max(self.width(), 100)) + 16))
        if self.is_empty():
            return QSize(width, max(40, self.empty_label.sizeHint().height() + 16))
        return QSize(width, self._wanted_height(min(max(self.tree.topLevelItemCount(), 2), self.MAX_ROWS)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._failed:
            self.updateGeometry()  # its height follows its width (sizeHint)

    def hasHeightForWidth(self) -> bool:
        return False  # the wrapped empty line would otherwise make the card as tall as a long list

    def minimumSizeHint(self) -> QSize:
        # As tall as the rows it shows: the page scrolls, the short lists inside it do not.
        hint = self.sizeHint()
        return QSize(min(hint.width(), 160), hint.height())

    def is_empty(self) -> bool:
        """The data arrived and there is nothing to list."""
        return not self._loading and not self._failed and self.currentWidget() is self.empty_label

    def column_texts(self, column: int) -> list[str]:
        return [self.tree.topLevelItem(i).text(column) for i in range(self.tree.topLevelItemCount())]

    def records(self) -> list[tuple[str, int] | None]:
        return [self.tree.topLevelItem(i).data(0, RECORD_ROLE) for i in range(self.tree.topLevelItemCount())]

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        record = item.data(0, RECORD_ROLE)
        if record:
            kind, record_id = record
            self.activated.emit(kind, int(record_id))
