"""Printing a briefing pack from the window: the system's print dialog, then each page rendered by
QtPdf at the printer's resolution, so no PDF viewer is needed; or first a print preview of the pages
(from which it can be printed too)."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


def print_pages(document: QPdfDocument, printer: QPrinter, first: int, last: int) -> int:
    """Render pages first..last (0-based, inclusive) onto `printer`; the number of pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        area = painter.viewport()
        for index in range(first, last + 1):
            if printed:
                printer.newPage()
            points = document.pagePointSize(index)
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            image = document.render(index, size)
            target = QRect(area.x() + (area.width() - size.width()) // 2, area.y(), size.width(), size.height())
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed


PREVIEW_DPI = 200  # the preview keeps every page as an image: sharp on screen and on paper, not 1200 dpi


def _load(parent: QWidget | None, path: Path) -> QPdfDocument | None:
    document = QPdfDocument(parent)
    if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() == 0:
        QMessageBox.warning(parent, QCoreApplication.translate("PdfPrinting", "Print"), QCoreApplication.translate("PdfPrinting", "%1 cannot be read for printing.").replace("%1", str(path)))
        return None
    return document


def preview_dialog(parent: QWidget | None, path: Path) -> QPrintPreviewDialog | None:
    """The print preview of a PDF, not yet shown (tests look at it); None if the file cannot be read."""
    document = _load(parent, path)
    if document is None:
        return None
    printer = QPrinter(QPrinter.PrinterMode.PrinterResolution)
    printer.setResolution(PREVIEW_DPI)
    printer.setDocName(Path(path).stem)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("print_preview")
    dialog.setWindowTitle(QCoreApplication.translate("PdfPrinting", "Print preview — %1").replace("%1", Path(path).name))
    dialog.document, dialog.printer = document, printer  # kept alive with the dialog (it only borrows them)
    dialog.paintRequested.connect(lambda target: print_pages(document, target, 0, document.pageCount() - 1))
    dialog.resize(900, 700)
    return dialog


def preview_pdf(parent: QWidget | None, path: Path) -> None:
    dialog = preview_dialog(parent, path)
    if dialog is not None:
        dialog.exec()
        dialog.deleteLater()


def print_pdf(parent: QWidget | None, path: Path) -> int:
    document = _load(parent, path)
    if document is None:
        return 0
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(Path(path).stem)
    printer.setFromTo(1, document.pageCount())
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, document.pageCount())
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return 0
    first, last = 0, document.pageCount() - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        first, last = printer.fromPage() - 1, min(printer.toPage(), document.pageCount()) - 1
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return print_pages(document, printer, first, last)
    finally:
        QGuiApplication.restoreOverrideCursor()
