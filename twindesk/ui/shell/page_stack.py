"""The main window's pages, built when first opened (docs/architecture.md, "Start-up").

The stack starts with an empty placeholder per page, so the shell paints without building a list, its
table model and queries, or the dashboard's cards. `page(i)` builds page i on first use and puts it in
its placeholder's place; `pageBuilt` lets the window connect it (signals, saved column widths).
"""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget


class PageStack(QStackedWidget):
    pageBuilt = Signal(int, QWidget)  # the index and the page just built

    def __init__(self, builders: list[Callable[[], QWidget]], parent=None):
        super().__init__(parent)
        self._builders = builders
        self._pages: dict[int, QWidget] = {}
        for index in range(len(builders)):
            placeholder = QWidget()
            placeholder.setObjectName(f"page_placeholder_{index}")
            self.addWidget(placeholder)

    def built(self, index: int) -> QWidget | None:
        """Page `index` if it was built, else None (nothing is built)."""
        return self._pages.get(index)

    def built_pages(self) -> list[QWidget]:
        return [self._pages[index] for index in sorted(self._pages)]

    def page(self, index: int) -> QWidget:
        """Page `index`, built now if it was not yet."""
        page = self._pages.get(index)
        if page is None:
            page = self._pages[index] = self._builders[index]()
            placeholder = self.widget(index)
            was_current = self.currentIndex() == index
            self.insertWidget(index, page)  # the placeholder moves to index + 1
            self.removeWidget(placeholder)
            placeholder.deleteLater()
            if was_current:
                self.setCurrentIndex(index)
            self.pageBuilt.emit(index, page)
        return page

    def show_page(self, index: int) -> QWidget:
        page = self.page(index)
        self.setCurrentIndex(index)
        return page
