"""The preview beside a record's documents: an image scaled to fit, a PDF page by page (QtPdf), and for
any other kind of file what it is and how large, with the advice to open it (docs/architecture.md,
"Documents").

Only the selected document's bytes are read, and a large one is read on a worker thread so the window
does not stall; a reply for a document no longer selected is dropped. An image is decoded at most
`MAX_SIDE` pixels a side (QImageReader scales while decoding), and one claiming more than
`MAX_PIXELS` is not decoded at all, so a small file that unpacks to a huge picture cannot fill the memory.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from twindesk.domain.queries import documents as dq
from twindesk.ui.common.background import BackgroundJob

MAX_SIDE = 2048  # decoded at most this wide and high: enough for any screen's preview pane
MAX_PIXELS = 200_000_000  # a picture claiming more is not decoded (a "decompression bomb")
READ_HERE = 4 * 1024 * 1024  # larger contents are read on a worker thread


class DocumentPreview(QWidget):
    def __init__(self, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("document_preview")
        self.lang = lang
        self.row: dq.DocumentRow | None = None
        self._job: BackgroundJob | None = None
        self._buffer: QBuffer | None = None
        self._image: QPixmap | None = None

        self.message = QLabel()
        self.message.setObjectName("preview_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image = QLabel()
        self.image.setObjectName("preview_image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setMinimumSize(QSize(80, 80))
        self.pdf = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setObjectName("preview_pdf")
        self.pdf_view.setDocument(self.pdf)
        self.pdf_view.setPageMode(QPdfView.PageMode.SinglePage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        # One whole page fits the pane: pages turn with the buttons and Page Up/Down, not a scroll bar.
        self.pdf_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pdf_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pdf_view.pageNavigator().currentPageChanged.connect(self._page_shown)
        for watched in (self.pdf_view, self.pdf_view.viewport()):
            watched.installEventFilter(self)  # Page Up / Page Down turn pages, not scroll within one

        self.previous_button = QPushButton(self.tr("Previous page"))
        self.previous_button.setObjectName("previous_page")
        self.next_button = QPushButton(self.tr("Next page"))
        self.next_button.setObjectName("next_page")
        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        self.previous_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(1))
        pages = QHBoxLayout()
        pages.addWidget(self.previous_button)
        pages.addStretch(1)
        pages.addWidget(self.page_label)
        pages.addStretch(1)
        pages.addWidget(self.next_button)
        pdf_page = QWidget()
        pdf_layout = QVBoxLayout(pdf_page)
        pdf_layout.setContentsMargins(0, 0, 0, 0)
        pdf_layout.addWidget(self.pdf_view, 1)
        pdf_layout.addLayout(pages)

        self.stack = QStackedWidget()
        for page in (self.message, self.image, pdf_page):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.clear()

    # --- what is shown --------------------------------------------------------------------------
    def clear(self) -> None:
        self.row = None
        self._show_message(self.tr("Select a document to preview it."))

    def show_document(self, row: dq.DocumentRow, data: bytes | None = None) -> None:
        """Preview `row`; `data` for a file not stored yet (else its bytes are read from the database)."""
        self.row = row
        if not (row.is_image or row.is_pdf):
            self._show_message(self.tr("%1, %2. This kind of file is not shown here: open it with the system's "
                                       "viewer (Open).").replace("%1", row.type_label(self.lang))
                               .replace("%2", row.size_text(self.lang)))
            return
        if data is not None:
            self._show_bytes(row, data)
            return
        if row.size <= READ_HERE:
            self._show_bytes(row, dq.read_bytes(row.id))
            return
        self._show_message(self.tr("Reading %1…").replace("%1", row.size_text(self.lang)))
        job = self._job = BackgroundJob(lambda _progress, doc_id=row.id: dq.read_bytes(doc_id), self)
        job.succeeded.connect(lambda content, wanted=row: self._read(wanted, content))
        job.failed.connect(lambda _exc: self._show_message(self.tr("This document cannot be read.")))
        job.start()

    def _read(self, wanted: dq.DocumentRow, content: bytes) -> None:
        if self.row is not None and self.row.id == wanted.id:  # still the one selected
            self._show_bytes(wanted, content)

    def _show_message(self, text: str) -> None:
        self._unload_pdf()
        self._image = None
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _show_bytes(self, row: dq.DocumentRow, data: bytes) -> None:
        if row.is_image:
            self._show_image(data)
        else:
            self._show_pdf(data)

    def _show_image(self, data: bytes) -> None:
        self._unload_pdf()
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.setAutoTransform(True)  # a phone photo stands as it was taken
        size = reader.size()
        if size.isValid() and size.width() * size.height() > MAX_PIXELS:
            self._show_message(self.tr("This image is too large to preview (%1 × %2 pixels); open it with the "
                                       "system's viewer.").replace("%1", str(size.width())).replace("%2", str(size.height())))
            return
        if size.isValid() and max(size.width(), size.height()) > MAX_SIDE:
            reader.setScaledSize(size.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            self._show_message(self.tr("This image cannot be shown (%1).").replace("%1", reader.errorString()))
            return
        self._image = QPixmap.fromImage(image)
        self.stack.setCurrentWidget(self.image)
        self._fit_image()

    def _fit_image(self) -> None:
        if self._image is None:
            return
        area = self.image.size()
        shown = self._image
        if shown.width() > area.width() or shown.height() > area.height():
            shown = shown.scaled(area, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.image.setPixmap(shown)

    def _show_pdf(self, data: bytes) -> None:
        self._unload_pdf()
        self._image = None
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)
        if self.pdf.status() == QPdfDocument.Status.Error or self.pdf.pageCount() == 0:
            self._show_message(self.tr("This PDF cannot be shown; open it with the system's viewer."))
            return
        self.stack.setCurrentIndex(2)
        self.pdf_view.pageNavigator().jump(0, QPointF(), 0)
        self._page_shown(0)

    def _unload_pdf(self) -> None:
        if self._buffer is not None:
            self.pdf.close()
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

    # --- pages ----------------------------------------------------------------------------------
    def page_count(self) -> int:
        return self.pdf.pageCount() if self._buffer is not None else 0

    def current_page(self) -> int:
        return self.pdf_view.pageNavigator().currentPage()

    def turn(self, step: int) -> None:
        count = self.page_count()
        if count:
            page = max(0, min(count - 1, self.current_page() + step))
            self.pdf_view.pageNavigator().jump(page, QPointF(), 0)

    def _page_shown(self, page: int) -> None:
        count = self.page_count()
        self.page_label.setText(self.tr("Page %1 of %2").replace("%1", str(page + 1)).replace("%2", str(count)))
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < count - 1)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.turn(1 if event.key() == Qt.Key.Key_PageDown else -1)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and self.page_count():
            self.turn(1 if event.key() == Qt.Key.Key_PageDown else -1)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_image()

