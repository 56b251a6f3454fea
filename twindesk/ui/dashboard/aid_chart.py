"""The aid card: shipments per year in both directions as a bar chart, and the values per year and
currency beside it (amounts in different currencies are never added together).

Labels must fit in both languages: the axis' meaning is a plain label above the chart, not a rotated
axis title (QtCharts elided the Chinese one to "⋮"); the chart takes the card's whole width, with the
values below it; and when the years do not fit side by side they are written short ("’15"). Turning
them upright does not help: QtCharts cuts a label to its category's width whatever its angle.
"""

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QGraphicsTextItem,
    QGroupBox,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from twindesk.domain.model import vocabulary as voc
from twindesk.ui.dashboard.card_list import RecordList
from twindesk.ui.dashboard.cards import normal_font

try:  # QtCharts is an optional part of some PySide6 builds; without it the aid card is a table.
    from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
except ImportError:  # pragma: no cover - depends on the installation
    QChart = None

OUTGOING_COLOR = QColor("#c0392b")  # the office's red for what Hainan sends
INCOMING_COLOR = QColor("#2e86c1")
LABEL_GAP = 18  # pixels QtCharts wants beside a label in its category (measured: 12–15)


if QChart is not None:
    class AidChartView(QChartView):
        """The chart, writing its year labels short whenever they would not fit side by side."""

        years: list[int | None] = []
        undated = ""

        def resizeEvent(self, event) -> None:
            super().resizeEvent(event)
            self.fit_labels()

        def fit_labels(self) -> None:
            axis = next(iter(self.chart().axes(Qt.Orientation.Horizontal)), None)
            if axis is None or not self.years:
                return
            metrics = QFontMetrics(axis.labelsFont())
            room = (self.chart().plotArea().width() or self.width() * 0.85) / len(self.years)
            full = [year_label(y, self.undated) for y in self.years]
            widest = max(metrics.horizontalAdvance(text) for text in full)
            labels = full if widest + LABEL_GAP <= room else [year_label(y, self.undated, short=True) for y in self.years]
            if axis.categories() != labels:
                axis.clear()
                axis.append(labels)

        def label_texts(self) -> list[str]:
            """Every text the chart draws (axis labels, legend) as drawn: an elided one ends in "…".
            QtCharts' text items reach Python as plain QGraphicsItems; their QGraphicsObject side is
            the QGraphicsTextItem."""
            out = []
            for item in self.scene().items():
                text_item = item.toGraphicsObject()
                if isinstance(text_item, QGraphicsTextItem) and text_item.isVisible() and text_item.toPlainText():
                    out.append(text_item.toPlainText())
            return out


def year_label(year: int | None, undated: str, short: bool = False) -> str:
    if year is None:
        return undated
    return f"’{year % 100:02d}" if short else str(year)


class AidCard(QGroupBox):
    """Aid sent and received by year: the number of shipments charted, the values listed per currency."""

    def __init__(self, lang: str, font: QFont, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Aid sent and received by year"))
        bold = QFont(font)
        bold.setBold(True)
        self.setFont(bold)
        self.lang = lang
        self._tooltips: dict[tuple[int | None, str], str] = {}
        self.years: list[int | None] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(8)
        self.stack = QStackedWidget()
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setWordWrap(True)  # a reason why the data could not be read may be long
        self.failed = False
        self.values = RecordList([self.tr("Year"), self.tr("Currency"), self.tr("Sent"), self.tr("Received")],
                                 (2, 3))
        self.values.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.values.set_empty_text(self.tr("No values recorded for these shipments"))
        self.series = None
        self.sets: dict[str, object] = {}
        self.axis_x = self.axis_y = self.table = None
        outgoing = voc.SHIPMENT_DIRECTIONS.label("outgoing", lang)
        incoming = voc.SHIPMENT_DIRECTIONS.label("incoming", lang)
        if QChart is not None:
            self.chart_view = self._build_chart(font, outgoing, incoming)
            self.caption = QLabel(self.tr("Number of shipments per year"))
            self.caption.setWordWrap(True)
            charted = QWidget()
            column = QVBoxLayout(charted)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self.caption)
            column.addWidget(self.chart_view, 1)
            self.stack.addWidget(charted)
            self.charted = charted
        else:  # pragma: no cover - depends on the installation
            self.chart_view = None
            self.table = RecordList([self.tr("Year"), outgoing, incoming], 0)
            self.stack.addWidget(self.table)
            self.charted = self.table
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack)
        layout.addWidget(self.values)
        normal_font(self, font)
        self.set_loading()

    def _build_chart(self, font: QFont, outgoing: str, incoming: str):
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setFont(font)
        chart.legend().setFont(font)
        self.series = QBarSeries()
        for code, label, color in (("outgoing", outgoing, OUTGOING_COLOR), ("incoming", incoming, INCOMING_COLOR)):
            bar_set = QBarSet(label)
            bar_set.setColor(color)
            bar_set.setBorderColor(color)
            self.sets[code] = bar_set
            self.series.append(bar_set)
        self.series.hovered.connect(self._on_hovered)
        chart.addSeries(self.series)
        self.axis_x = QBarCategoryAxis()
        self.axis_y = QValueAxis()
        self.axis_y.setLabelFormat("%d")
        for axis in (self.axis_x, self.axis_y):
            axis.setLabelsFont(font)
        chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.axis_x)
        self.series.attachAxis(self.axis_y)
        view = AidChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setFrameShape(AidChartView.Shape.NoFrame)
        view.setMinimumHeight(240)
        view.setMaximumHeight(300)
        view.setToolTip(self.tr("Number of shipments per year; point at a bar for the values"))
        return view

    def set_loading(self) -> None:
        self.failed = False
        self.empty.setText(self.tr("Loading…"))
        self.empty.setToolTip("")
        self.stack.setCurrentWidget(self.empty)
        self._shrink_empty(True)
        self.values.setVisible(False)

    def is_loading(self) -> bool:
        return self.stack.currentWidget() is self.empty and self.empty.text() == self.tr("Loading…")

    def set_failed(self, text: str, details: str = "") -> None:
        """Its data could not be read: says so (`text`, with the reason) instead of "Loading…"."""
        self.empty.setText(text)
        self.empty.setToolTip(details)
        self.stack.setCurrentWidget(self.empty)
        self._shrink_empty(True)
        self.values.setVisible(False)
        self.failed = True

    def is_failed(self) -> bool:
        return self.failed

    def _shrink_empty(self, empty: bool) -> None:
        # The hidden chart would keep the empty card chart-tall.
        if self.chart_view is not None:
            self.chart_view.setMinimumHeight(0 if empty else 240)
        self.stack.setMaximumHeight(self.empty.sizeHint().height() + 24 if empty else 16777215)

    def fill(self, counts: list[dict], values: list[dict]) -> None:
        """counts: shipments per year and direction; values: per year, direction and currency."""
        self.failed = False
        self.empty.setToolTip("")
        years = sorted({r["year"] for r in counts}, key=lambda y: (y is None, y or 0))
        per = {(r["year"], r["direction"]): r["shipments"] for r in counts}
        self.years = years
        undated = self.tr("Undated")
        labels = [str(y) if y is not None else undated for y in years]
        by_key: dict[tuple[int | None, str], list[str]] = {}
        cells: dict[tuple[int | None, str], dict[str, str]] = {}
        for r in values:
            amount = f"{r['value']:,.2f}"
            by_key.setdefault((r["year"], r["direction"]), []).append(f"{r['currency']} {amount}")
            cells.setdefault((r["year"], r["currency"]), {})[r["direction"]] = amount
        self._tooltips = {}
        for (year, direction), n in per.items():
            lines = [self.tr("%1, %2: %3 shipment(s)").replace("%1", str(year) if year else undated)
                     .replace("%2", voc.SHIPMENT_DIRECTIONS.label(direction, self.lang)).replace("%3", f"{n:,}")]
            self._tooltips[(year, direction)] = "\n".join(lines + by_key.get((year, direction), []))

        rows = []  # newest year first: the table beside the chart is read from the top
        for (year, currency), sums in sorted(cells.items(), key=lambda kv: (kv[0][0] is None, -(kv[0][0] or 0),
                                                                          kv[0][1])):
            rows.append(([str(year) if year else undated, currency, sums.get("outgoing", "—"),
                          sums.get("incoming", "—")], None, {"right": (2, 3)}))
        self.values.set_rows(rows)
        self.values.setVisible(bool(years))
        self.empty.setText(self.tr("No aid shipments recorded yet"))
        self._shrink_empty(not years)
        if self.series is not None:
            self.chart_view.years, self.chart_view.undated = years, undated
            self.axis_x.clear()
            self.axis_x.append(labels)
            top = 1
            for code, bar_set in self.sets.items():
                bar_set.remove(0, bar_set.count())
                numbers = [per.get((y, code), 0) for y in years]
                bar_set.append([float(n) for n in numbers])
                top = max([top, *numbers])
            self.axis_y.setRange(0, top)
            self.axis_y.setTickCount(top + 1 if top <= 5 else 6)
            if top > 5:
                self.axis_y.applyNiceNumbers()
            self.chart_view.fit_labels()
        else:  # pragma: no cover - depends on the installation
            self.table.set_rows([([text, str(per.get((y, "outgoing"), 0)), str(per.get((y, "incoming"), 0))], None, {})
                                 for y, text in zip(years, labels, strict=True)])
        self.stack.setCurrentWidget(self.charted if years else self.empty)

    def chart_values(self) -> dict[str, dict[str, int]]:
        """What the chart shows: {year label: {"outgoing": n, "incoming": n}}."""
        out: dict[str, dict[str, int]] = {}
        if self.series is not None:
            for i, year in enumerate(self.years):
                label = year_label(year, self.tr("Undated"))
                out[label] = {code: int(s.at(i)) for code, s in self.sets.items()}
        else:  # pragma: no cover - depends on the installation
            for i, label in enumerate(self.table.column_texts(0)):
                item = self.table.tree.topLevelItem(i)
                out[label] = {"outgoing": int(item.text(1)), "incoming": int(item.text(2))}
        return out

    def _on_hovered(self, status: bool, index: int, bar_set) -> None:
        if not status:
            QToolTip.hideText()
            return
        direction = next((code for code, s in self.sets.items() if s is bar_set), None)
        if direction is None or not 0 <= index < len(self.years):
            return
        text = self._tooltips.get((self.years[index], direction))
        if text:
            QToolTip.showText(QCursor.pos(), text, self.chart_view)
