"""The window's one icon set: Phosphor (regular weight, MIT licence), bundled as a font under
resources/icons/phosphor/ (see resources/icons/README), drawn in the palette's colours at any size.

An icon font rather than an icon library: qtawesome costs ~130 ms at start-up (QtPy imports all of
QtCore, QtGui and QtWidgets) against ~3 ms to register one font, and SVG icons would need QtSvg, which
the frozen build leaves out. `icon(name)` takes a name below; a missing font gives empty icons and the
window still reads (the toolbar and the navigation keep their text).
"""

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)

from twindesk.resources import resource_path

FONT_FILE = ("icons", "phosphor", "Phosphor.ttf")
# Qt.AlignmentFlag.AlignCenter as a number: the toolbar and the navigation paint their icons in the first
# paint, and the first use of Qt's `Qt` namespace would cost ~14 ms there (docs/architecture.md, "Start-up").
ALIGN_CENTER = 0x0084

# name -> the glyph's code point in Phosphor 2.1 (from the package's style.css, `.ph-NAME:before`).
GLYPHS = {
    "dashboard": 0xE464,  # squares-four
    "partner": 0xE582,  # handshake
    "visit": 0xE5D6,  # airplane-tilt
    "shipment": 0xE390,  # package
    "activity": 0xE8B2,  # calendar-star
    "home_locality": 0xE2C4,  # house-line
    "partnership": 0xE2E2,  # link
    "contact": 0xE6F8,  # address-book
    "delegate": 0xE4C2,  # user
    "itinerary_item": 0xE31A,  # map-trifold
    "gift": 0xE276,  # gift
    "shipment_item": 0xE1DA,  # cube
    "status_change": 0xE622,  # flag-banner
    "new": 0xE3D4,  # plus
    "open": 0xE3B4,  # pencil-simple
    "delete": 0xE4A6,  # trash
    "find": 0xE30C,  # magnifying-glass
    "refresh": 0xE094,  # arrows-clockwise
    "brief": 0xE702,  # file-pdf
    "print": 0xE3DC,  # printer
    "export": 0xEB6C,  # microsoft-excel-logo
    "export_view": 0xE476,  # table
    "import": 0xE010,  # tray-arrow-down
    "backup": 0xE248,  # floppy-disk
    "restore": 0xE1A0,  # clock-counter-clockwise
    "history": 0xE1A0,  # clock-counter-clockwise
    "settings": 0xE270,  # gear
    "undo": 0xE08A,  # arrow-u-up-left
    "redo": 0xE08C,  # arrow-u-up-right
    "guide": 0xE0E6,  # book-open
    "about": 0xE2CE,  # info
    "quit": 0xE42A,  # sign-out
    "database": 0xE1DE,  # database
    "open_database": 0xE256,  # folder-open
    "connect_server": 0xE2A0,  # hard-drives
}

# Each record kind keeps one colour wherever it shows (the navigation, its forms' titles).
KIND_COLOURS = {
    "partner": "#1f6fb2",
    "visit": "#0f8a7e",
    "shipment": "#b7660b",
    "activity": "#7a4cc2",
    "home_locality": "#b23a48",
}

_family: list[str | None] = []  # [family] once the font was registered (None: it could not be)


def font_family() -> str | None:
    if not _family:
        path = resource_path(*FONT_FILE)
        font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _family.append(families[0] if families else None)
    return _family[0]


class GlyphEngine(QIconEngine):
    """One glyph of the icon font, painted to fill the requested square: the given colour (or the
    palette's text colour), greyed when disabled, the highlight's text colour when selected."""

    def __init__(self, family: str, glyph: int, colour: str | None = None):
        super().__init__()
        self.family, self.glyph, self.colour = family, glyph, colour

    def _pen(self, mode) -> QColor:
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        if mode == QIcon.Mode.Selected:
            return palette.color(QPalette.ColorRole.HighlightedText)
        return QColor(self.colour) if self.colour else palette.color(QPalette.ColorRole.WindowText)

    def paint(self, painter: QPainter, rect: QRect, mode, state) -> None:
        painter.drawPixmap(rect, self.pixmap(rect.size(), mode, state))

    def pixmap(self, size: QSize, mode, state) -> QPixmap:
        """The glyph drawn in the painter's default pen, then given its colour through its own coverage
        (SourceIn). Not `setPen(colour)`: resolving its overloads loads Qt's `Qt` namespace (~14 ms), and
        the toolbar and the navigation draw their icons in the window's first paint."""
        side = min(size.width(), size.height())
        font = QFont(self.family)
        font.setPixelSize(max(1, side))
        font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
        colour = QPixmap(size)
        colour.fill(self._pen(mode))
        pixmap = QPixmap(size)
        pixmap.fill(QColor(0, 0, 0, 0))  # transparent
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        square = QRect(QPoint(0, 0), QSize(side, side))
        square.moveCenter(QRect(QPoint(0, 0), size).center())
        painter.drawText(square, ALIGN_CENTER, chr(self.glyph))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.drawPixmap(0, 0, colour)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return GlyphEngine(self.family, self.glyph, self.colour)


def icon(name: str, colour: str | None = None) -> QIcon:
    """The icon called `name` (a key of GLYPHS); an empty icon if the font is missing."""
    family = font_family()
    if family is None or name not in GLYPHS:
        return QIcon()
    return QIcon(GlyphEngine(family, GLYPHS[name], colour))


def kind_icon(kind: str) -> QIcon:
    """A record kind's icon, in the kind's colour where it has one."""
    return icon(kind, KIND_COLOURS.get(kind))
