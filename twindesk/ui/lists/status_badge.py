"""Statuses drawn as coloured badges: a rounded pill in the status's colour with its word in the
window's language, so the colour helps and the word still says it (for anyone who does not see the
colour, and in print-outs of the screen). The model hands the status code under BADGE_ROLE."""

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from twindesk.ui.lists.list_model import BADGE_ROLE

# One colour per meaning, across visits, shipments and partnerships: under way (blue), done/in force
# (green), waiting (amber), stopped (grey), moving (teal).
_WAITING, _UNDER_WAY, _DONE, _STOPPED, _MOVING = "#b7791f", "#2b6cb0", "#2f855a", "#718096", "#0f8a7e"
COLOURS = {
    # visits
    "proposed": _WAITING, "approved": _UNDER_WAY, "confirmed": _UNDER_WAY, "completed": _DONE,
    "postponed": _WAITING, "cancelled": _STOPPED,
    # shipments
    "planned": _WAITING, "dispatched": _MOVING, "in_transit": _MOVING, "delivered": _DONE,
    # partnerships
    "prospect": _WAITING, "negotiating": _UNDER_WAY, "approval_pending": _WAITING, "active": _DONE,
    "dormant": _STOPPED, "ended": _STOPPED,
}


def badge_colour(code: str | None) -> QColor:
    return QColor(COLOURS.get(code or "", _STOPPED))


class StatusBadgeDelegate(QStyledItemDelegate):
    """For a column whose cells carry BADGE_ROLE: a pill with the text; other cells as usual."""

    PAD_X, PAD_Y = 8, 3

    def paint(self, painter: QPainter, option, index) -> None:
        code = index.data(BADGE_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if not code or not text:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""  # the row's background and selection as usual, then the pill on top
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(text) + 2 * self.PAD_X, option.rect.width() - 4)
        height = min(metrics.height() + 2 * self.PAD_Y, option.rect.height() - 2)
        pill = QRectF(option.rect.x() + 4, option.rect.center().y() - height / 2 + 0.5, width, height)
        colour = badge_colour(code)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        fill = QColor(colour)
        fill.setAlpha(38)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(colour.darker(135))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width - self.PAD_X)))
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        if index.data(BADGE_ROLE):
            return QSize(hint.width() + 2 * self.PAD_X + 8, max(hint.height(), option.fontMetrics.height() + 10))
        return hint


def use_badges(view, columns) -> None:
    """Badges for the status columns of `view` (the other columns keep the view's own delegate)."""
    delegate = StatusBadgeDelegate(view)
    for section, column in enumerate(columns):
        if column.badge:
            view.setItemDelegateForColumn(section, delegate)
