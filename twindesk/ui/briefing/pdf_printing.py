"""Printing a briefing pack from the window: the system's print dialog, then each page rendered by
QtPdf at the printer's resolution, so no PDF viewer is needed."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
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


def print_pdf(parent: QWidget | None, path: Path) -> int:
    document = QPdfDocument(parent)
    if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() == 0:
        QMessageBox.warning(parent, QCoreApplication.translate("PdfPrinting", "Print"), QCoreApplication.translate("PdfPrinting", "%1 cannot be read for printing.").replace("%1", str(path)))
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
