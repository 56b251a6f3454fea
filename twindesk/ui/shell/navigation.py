"""The navigation on the left: each page with its icon, and each list with how many records it holds
("Partners  22"), kept up to date from the change notices (docs/architecture.md, "How a change
reaches the window"). The count is drawn beside the title, so an item's text stays the page's title.
The window reads the counts once it has painted (`refresh_counts`), and follows the notices once its
database is open (`follow_changes`): the shell paints before the database layer is imported."""

from PySide6.QtCore import QLocale, QRect, QSize
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyledItemDelegate

from twindesk.ui.common.icons import icon, kind_icon

# Plain numbers, not Qt.ItemDataRole.UserRole + n: the first use of Qt's `Qt` namespace costs ~14 ms, and
# nothing the shell paints first needs it (docs/architecture.md, "Start-up").
USER_ROLE = 256  # Qt.ItemDataRole.UserRole
COUNT_ROLE = USER_ROLE + 1  # the number of records, None for the dashboard
KIND_ROLE = USER_ROLE + 2  # the record kind the page lists


class CountDelegate(QStyledItemDelegate):
    """The item as usual, and its count right-aligned in a quieter colour."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        count = index.data(COUNT_ROLE)
        if count is None:
            return
        from PySide6.QtCore import Qt  # counts come after the first paint: Qt and QStyle cost ~20 ms
        from PySide6.QtWidgets import QStyle

        painter.save()
        selected = option.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        painter.setPen(option.palette.color(role))
        area = QRect(option.rect).adjusted(0, 0, -8, 0)
        painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, QLocale().toString(count))
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        count = index.data(COUNT_ROLE)
        extra = option.fontMetrics.horizontalAdvance(f"  {QLocale().toString(count)}  ") if count is not None else 0
        return QSize(hint.width() + extra, max(hint.height(), option.fontMetrics.height() + 14))


class Navigation(QListWidget):
    def __init__(self, pages: list[tuple[str, str, str | None]], parent=None):
        """`pages`: (record kind or "dashboard", title, list name or None) in the stack's order."""
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setIconSize(QSize(20, 20))
        self.setItemDelegate(CountDelegate(self))
        self._lists: dict[int, str] = {}
        for row, (kind, title, list_name) in enumerate(pages):
            item = QListWidgetItem(kind_icon(kind) if list_name else icon(kind), title)
            item.setData(KIND_ROLE, kind)
            self.addItem(item)
            if list_name:
                self._lists[row] = list_name
        self._following = False

    def count_of(self, row: int) -> int | None:
        return self.item(row).data(COUNT_ROLE)

    def refresh_counts(self, rows=None) -> None:
        from twindesk.domain.queries import lists

        for row in self._lists if rows is None else rows:
            self.item(row).setData(COUNT_ROLE, lists.count(self._lists[row]))

    def _changed(self, changes) -> None:
        """Only a list whose own kind was touched can have gained or lost a record."""
        self.refresh_counts([row for row in self._lists if changes.touches(self.item(row).data(KIND_ROLE))])

    def follow_changes(self) -> None:
        """Keep the counts up to date from the change notices (the window's database is open)."""
        from twindesk.ui.common.databus import bus

        if not self._following:
            self._following = True
            bus.changed.connect(self._changed)

    def detach(self) -> None:
        """A closed window's navigation no longer follows the data (closing twice is no error)."""
        if self._following:
            from twindesk.ui.common.databus import bus

            self._following = False
            bus.changed.disconnect(self._changed)
