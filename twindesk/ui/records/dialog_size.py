"""A form opens at the size of its content: every field visible without scrolling when the screen
has room (a 1366×768 laptop included), and never taller or wider than the screen it opens on.

Qt's scroll area asks for at most 24 lines of height whatever it holds, so a form of 15 fields would
open with a scroll bar; the dialog is grown by what its fields need beyond that."""

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QScrollArea

SCREEN_SHARE = 0.92  # leave the screen's edges (and a taskbar) visible


def available_area(dialog: QDialog):
    return (dialog.screen() or QGuiApplication.primaryScreen()).availableGeometry()


def fit_to_content(dialog: QDialog, scroll: QScrollArea) -> None:
    page = scroll.widget()
    dialog.ensurePolished()
    page.adjustSize()
    hint, wanted, offered = dialog.sizeHint(), page.sizeHint(), scroll.sizeHint()
    frame = 2 * scroll.frameWidth() + 2
    screen = available_area(dialog)
    height = hint.height() + max(0, wanted.height() + frame - offered.height())
    width = max(hint.width() + max(0, wanted.width() + frame - offered.width()), dialog.minimumWidth())
    too_tall = height > screen.height() * SCREEN_SHARE
    if too_tall:  # it scrolls after all: room for the scroll bar
        width += scroll.verticalScrollBar().sizeHint().width()
    dialog.resize(min(width, int(screen.width() * SCREEN_SHARE)), min(height, int(screen.height() * SCREEN_SHARE)))
