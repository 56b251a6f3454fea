"""After an export or a briefing pack is written: open it, show its folder, or (a PDF) print it."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def open_file(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_folder(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))


def build_prompt(parent: QWidget | None, path: Path, what: str, *, printable: bool = False,
                 notes: str = "") -> QMessageBox:
    """The question itself, not yet shown (tests press its buttons)."""
    box = QMessageBox(parent)
    box.setObjectName("file_written")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(what)
    box.setText(QCoreApplication.translate("FileWritten", "%1 written to\n%2").replace("%1", what).replace("%2", str(path)))
    if notes:  # what the build says besides (a briefing pack: which font stood in for which role)
        box.setInformativeText(notes)
    box.open_button = box.addButton(QCoreApplication.translate("FileWritten", "Open"), QMessageBox.ButtonRole.AcceptRole)
    box.folder_button = box.addButton(QCoreApplication.translate("FileWritten", "Show in folder"), QMessageBox.ButtonRole.ActionRole)
    box.print_button = box.addButton(QCoreApplication.translate("FileWritten", "Print…"), QMessageBox.ButtonRole.ActionRole) if printable else None
    box.preview_button = box.addButton(QCoreApplication.translate("FileWritten", "Print preview…"), QMessageBox.ButtonRole.ActionRole) if printable else None
    box.close_button = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(box.open_button)
    box.setEscapeButton(box.close_button)
    return box


def offer_file(parent: QWidget | None, path: Path, what: str, *, printable: bool = False, notes: str = "") -> None:
    """Say where the file is and do what the user picks; say so plainly if nothing can open it."""
    box = build_prompt(parent, path, what, printable=printable, notes=notes)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is box.open_button:
        if not open_file(path):
            QMessageBox.warning(parent, what, QCoreApplication.translate("FileWritten", "No program on this computer opens %1. The file is at:\n%2")
                                .replace("%1", path.suffix).replace("%2", str(path)))
    elif clicked is box.folder_button:
        show_folder(path)
    elif printable and clicked is box.print_button:
        from twindesk.ui.briefing.pdf_printing import print_pdf  # QtPdf and QtPrintSupport only when printing

        print_pdf(parent, path)
    elif printable and clicked is box.preview_button:
        from twindesk.ui.briefing.pdf_printing import preview_pdf

        preview_pdf(parent, path)
