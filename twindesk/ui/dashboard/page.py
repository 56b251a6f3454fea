"""The dashboard: what needs attention now, and the shape of the whole register.

Cards in a scrollable grid: upcoming visits, shipments in transit, this year's anniversaries and
renewals, relationships gone quiet, aid per year (a bar chart of shipment counts, values by currency
beside it), partners by country and counts by status. Every row comes from `twindesk.domain.queries.insights`
as plain data; activating a row (double-click or Enter) emits `openRecord(kind, id)`.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from twindesk.domain.model import vocabulary as voc
from twindesk.domain.model.countries import country_name
from twindesk.domain.queries import insights
from twindesk.domain.queries.overview import Overview, load_overview
from twindesk.ui.common.background import BackgroundJob, report_failure
from twindesk.ui.common.formatting import display_name, format_date
from twindesk.ui.dashboard.card_list import MAX_CARD_ROWS, RecordList

try:  # QtCharts is an optional part of some PySide6 builds; without it the aid card is a table.
    from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
except ImportError:  # pragma: no cover - depends on the installation
    QChart = None

UPCOMING_DAYS = 90
TOP_COUNTRIES = 10
OUTGOING_COLOR = QColor("#c0392b")  # the office's red for what Hainan sends
INCOMING_COLOR = QColor("#2e86c1")




class DashboardPage(QWidget):
    """The landing page. Call `refresh()` when data changed or the page is shown."""

    openRecord = Signal(str, int)  # record kind ("visit", "shipment", "partner", "partnership"), id
    refreshed = Signal()  # the cards show the latest data

    def __init__(self, lang: str = "en", today_fn: Callable[[], date] = date.today, parent=None,
                 *, quiet_after_days: int = insights.QUIET_AFTER_DAYS):
        super().__init__(parent)
        self.lang = lang
        self.today_fn = today_fn
        self._quiet_after_days = quiet_after_days
        self._loaded = False
        self._job: BackgroundJob | None = None
        self._stale = False
        self._aid_tooltips: dict[tuple[int, str], str] = {}
        self.aid_years: list[int | None] = []
        self._build()

    # --- construction -----------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        self.scroll_area = scroll

        page = QVBoxLayout(content)
        page.setContentsMargins(12, 10, 12, 12)
        page.setSpacing(8)
        self.heading = QLabel()
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        page.addWidget(self.heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        page.addLayout(grid)
        page.addStretch(1)

        self.upcoming = RecordList([self.tr("Date"), self.tr("Direction"), self.tr("Title"), self.tr("Status")], 2)
        self.in_transit = RecordList([self.tr("Expected"), self.tr("Direction"), self.tr("Title"), self.tr("Partner")], (2, 3))
        self.anniversaries = RecordList([self.tr("Anniversary"), self.tr("Partner"), self.tr("Home locality"), self.tr("Date")], 1)
        self.renewals = RecordList([self.tr("Due"), self.tr("Partner"), self.tr("Home locality"), self.tr("Tier")], 1)
        self.quiet = RecordList([self.tr("Partner"), self.tr("Country"), self.tr("Last contact"), self.tr("Days since")], 0)
        self.countries = RecordList([self.tr("Country"), self.tr("Partners")], 0)
        for records in (self.upcoming, self.in_transit, self.anniversaries, self.renewals, self.quiet):
            records.activated.connect(self.openRecord)

        self.upcoming.set_empty_text(self.tr("No visits in the next %1 days").replace("%1", str(UPCOMING_DAYS)))
        self.in_transit.set_empty_text(self.tr("No shipments in transit"))
        self.countries.set_empty_text(self.tr("No partners yet"))
        self.countries.MAX_ROWS = TOP_COUNTRIES

        self.upcoming_box = self._card(self.tr("Upcoming visits (next %1 days)").replace("%1", str(UPCOMING_DAYS)),
                                       self.upcoming)
        self.in_transit_box = self._card(self.tr("Shipments in transit"), self.in_transit)
        self.anniversaries_box = self._card("", self.anniversaries)
        self.renewals_box = self._card("", self.renewals)

        self.quiet_days = QSpinBox()
        self.quiet_days.setRange(1, 9999)
        self.quiet_days.setSingleStep(30)
        self.quiet_days.setValue(self._quiet_after_days)
        self.quiet_days.setSuffix(self.tr(" days"))
        self.quiet_days.setToolTip(self.tr("A relationship is quiet when it had no visit, shipment or activity for longer"
                                     " than this"))
        self.quiet_days.valueChanged.connect(self.set_quiet_after_days)
        quiet_setting = QHBoxLayout()
        quiet_setting.addWidget(QLabel(self.tr("No contact for more than")))
        quiet_setting.addWidget(self.quiet_days)
        quiet_setting.addStretch(1)
        self.quiet_box = self._card(self.tr("Relationships gone quiet"), self.quiet, top=quiet_setting)
        self.countries_box = self._card(self.tr("Partners by country (top %1)").replace("%1", str(TOP_COUNTRIES)),
                                        self.countries)

        self.aid_box = self._build_aid_card()
        self.status_box = self._build_status_card()

        grid.addWidget(self.upcoming_box, 0, 0)
        grid.addWidget(self.in_transit_box, 0, 1)
        grid.addWidget(self.anniversaries_box, 1, 0)
        grid.addWidget(self.renewals_box, 1, 1)
        grid.addWidget(self.quiet_box, 2, 0)
        grid.addWidget(self.countries_box, 2, 1)
        grid.addWidget(self.aid_box, 3, 0, 1, 2)
        grid.addWidget(self.status_box, 4, 0, 1, 2)

    def _titled_box(self, title: str) -> QGroupBox:
        """A card: its title bold, its contents in the page's normal font."""
        box = QGroupBox(title)
        bold = QFont(self.font())
        bold.setBold(True)
        box.setFont(bold)
        return box

    def _card(self, title: str, body: QWidget, top=None) -> QGroupBox:
        box = self._titled_box(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(6)
        if top is not None:
            layout.addLayout(top)
        layout.addWidget(body)
        self._normal_font(box)
        return box

    def _normal_font(self, box: QGroupBox) -> None:
        normal = QFont(self.font())
        normal.setBold(False)  # explicitly, or the children inherit the title's weight
        for child in box.findChildren(QWidget):
            if child.parent() is box:
                child.setFont(normal)

    def _build_aid_card(self) -> QGroupBox:
        box = self._titled_box(self.tr("Aid sent and received by year"))
        layout = QHBoxLayout(box)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(10)
        self.aid_stack = QStackedWidget()
        self.aid_empty = QLabel(self.tr("No aid shipments recorded yet"))
        self.aid_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.aid_empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.aid_values = RecordList([self.tr("Year"), self.tr("Sent (value)"), self.tr("Received (value)")], 1)
        self.aid_values.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.aid_values.set_empty_text(self.tr("No values recorded for these shipments"))

        self.aid_series = None
        self.aid_sets: dict[str, object] = {}
        self.aid_axis_x = None
        self.aid_axis_y = None
        self.aid_table = None
        outgoing = voc.SHIPMENT_DIRECTIONS.label("outgoing", self.lang)
        incoming = voc.SHIPMENT_DIRECTIONS.label("incoming", self.lang)
        if QChart is not None:
            chart = QChart()
            chart.setMargins(QMargins(4, 4, 4, 4))
            chart.setBackgroundRoundness(0)
            chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
            chart.setFont(self.font())
            chart.legend().setFont(self.font())
            self.aid_series = QBarSeries()
            for code, label, color in (("outgoing", outgoing, OUTGOING_COLOR), ("incoming", incoming, INCOMING_COLOR)):
                bar_set = QBarSet(label)
                bar_set.setColor(color)
                bar_set.setBorderColor(color)
                self.aid_sets[code] = bar_set
                self.aid_series.append(bar_set)
            self.aid_series.hovered.connect(self._on_aid_hovered)
            chart.addSeries(self.aid_series)
            self.aid_axis_x = QBarCategoryAxis()
            self.aid_axis_y = QValueAxis()
            self.aid_axis_y.setLabelFormat("%d")
            self.aid_axis_y.setTitleText(self.tr("Shipments"))
            for axis in (self.aid_axis_x, self.aid_axis_y):
                axis.setLabelsFont(self.font())
            self.aid_axis_y.setTitleFont(self.font())
            chart.addAxis(self.aid_axis_x, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(self.aid_axis_y, Qt.AlignmentFlag.AlignLeft)
            self.aid_series.attachAxis(self.aid_axis_x)
            self.aid_series.attachAxis(self.aid_axis_y)
            self.aid_chart = QChartView(chart)
            self.aid_chart.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.aid_chart.setFrameShape(QChartView.Shape.NoFrame)
            self.aid_chart.setMinimumHeight(220)
            self.aid_chart.setMaximumHeight(260)
            self.aid_chart.setToolTip(self.tr("Number of shipments per year; point at a bar for the values"))
            self.aid_stack.addWidget(self.aid_chart)
        else:  # pragma: no cover - depends on the installation
            self.aid_chart = None
            self.aid_table = RecordList([self.tr("Year"), outgoing, incoming], 0)
            self.aid_stack.addWidget(self.aid_table)
        self.aid_stack.addWidget(self.aid_empty)
        self.aid_values.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.aid_stack, 3)
        layout.addWidget(self.aid_values, 2)
        self._normal_font(box)
        return box

    def _build_status_card(self) -> QGroupBox:
        box = self._titled_box(self.tr("Counts by status"))
        layout = QHBoxLayout(box)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(12)
        self.status_lists: dict[str, RecordList] = {}
        for key, heading, empty in (
            ("partnerships", self.tr("Partnerships"), self.tr("No partnerships yet")),
            ("visits", self.tr("Visits"), self.tr("No visits yet")),
            ("shipments", self.tr("Shipments"), self.tr("No shipments yet")),
        ):
            records = RecordList([heading, self.tr("Count")], 0, empty)
            records.tree.setAlternatingRowColors(False)
            records.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            records.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            records.tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self.status_lists[key] = records
            layout.addWidget(records, 1)
        self._normal_font(box)
        return box

    # --- settings -----------------------------------------------------------------------------------------
    @property
    def quiet_after_days(self) -> int:
        return self._quiet_after_days

    def set_quiet_after_days(self, days: int) -> None:
        """Change the quiet threshold (days without any contact) and read the quiet list again."""
        if days == self._quiet_after_days:
            return
        self._quiet_after_days = days
        self.quiet_days.blockSignals(True)
        self.quiet_days.setValue(days)
        self.quiet_days.blockSignals(False)
        if self._loaded:
            self.refresh()

    # --- data -------------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        """Read everything again, off the GUI thread, then redraw every card (`refreshed` tells when).

        A refresh asked for while one runs is remembered and runs once that one ends, so the cards
        always end up showing the latest data without queueing a query per change.
        """
        self._loaded = True
        if self._job is not None:
            self._stale = True
            return
        self._stale = False
        self.heading.setText(self.tr("Overview as of %1 (updating…)").replace("%1", format_date(self.today_fn(), self.lang)))
        today, quiet, upcoming = self.today_fn(), self._quiet_after_days, UPCOMING_DAYS
        self._job = BackgroundJob(lambda _progress: load_overview(
            today, quiet_after_days=quiet, upcoming_days=upcoming, top_countries=TOP_COUNTRIES), self)
        self._job.succeeded.connect(self.show_overview)
        self._job.failed.connect(lambda exc: report_failure(self, exc))
        self._job.finished.connect(self._job_ended)
        self._job.start()

    def _job_ended(self) -> None:
        self._job = None
        if self._stale:
            self.refresh()
        else:
            self.refreshed.emit()

    def is_refreshing(self) -> bool:
        return self._job is not None

    def show_overview(self, overview: Overview) -> None:
        """Redraw every card from one snapshot (on the GUI thread)."""
        today = overview.today
        self.heading.setText(self.tr("Overview as of %1").replace("%1", format_date(today, self.lang)))
        self._fill_upcoming(overview.upcoming_visits)
        self._fill_in_transit(overview.shipments_in_transit)
        self._fill_anniversaries(today.year, overview.anniversaries)
        self._fill_renewals(today.year, overview.renewals_due)
        self._fill_quiet(overview.quiet_after_days, overview.quiet_relationships)
        self._fill_aid(overview.aid_shipment_counts, overview.aid_totals)
        self._fill_countries(overview.partners_by_country)
        self._fill_status_counts(overview.status_counts)

    def _fill_upcoming(self, visits: list[dict]) -> None:
        rows = []
        for v in visits:
            start, end = v["start_on"], v["end_on"]
            when = format_date(start, self.lang)
            tooltip = f"{format_date(start, self.lang)} – {format_date(end, self.lang)}" if end and end != start else when
            rows.append(([when, voc.VISIT_DIRECTIONS.label(v["direction"], self.lang), v["title"],
                          voc.VISIT_STATUSES.label(v["status"], self.lang)],
                         ("visit", v["id"]), {"tooltip": f"{v['title']}\n{tooltip}"}))
        self.upcoming.set_rows(rows)

    def _fill_in_transit(self, shipments: list[dict]) -> None:
        rows = []
        for s in shipments:
            who = display_name(s["partner_zh"], s["partner_en"], s["partner_native"], self.lang) or s["counterparty"]
            expected = format_date(s["expected_on"], self.lang) or self.tr("not given")
            rows.append(([expected, voc.SHIPMENT_DIRECTIONS.label(s["direction"], self.lang), s["title"], who],
                         ("shipment", s["id"]), {}))
        self.in_transit.set_rows(rows)

    def _fill_anniversaries(self, year: int, anniversaries: list) -> None:
        self.anniversaries_box.setTitle(self.tr("Anniversaries in %1").replace("%1", str(year)))
        self.anniversaries.set_empty_text(self.tr("No anniversaries in %1").replace("%1", str(year)))
        rows = []
        for a in anniversaries:
            label = self.tr("%1th").replace("%1", str(a.years))
            if a.round_decade:
                label = "★ " + label
            partner = display_name(a.partner_zh, a.partner_en, lang=self.lang)
            when = format_date(a.on, self.lang) or self.tr("since %1").replace("%1", str(a.established_year))
            tooltip = self.tr("%1: %2 years since %3").replace("%1", partner).replace(
                "%2", str(a.years)).replace("%3", str(a.established_year))
            rows.append(([label, partner, a.locality_zh, when], ("partnership", a.partnership_id),
                         {"bold": a.round_decade, "tooltip": tooltip}))
        self.anniversaries.set_rows(rows)

    def _fill_renewals(self, year: int, renewals: list[dict]) -> None:
        self.renewals_box.setTitle(self.tr("Reviews and renewals due in %1").replace("%1", str(year)))
        self.renewals.set_empty_text(self.tr("No reviews or renewals due in %1").replace("%1", str(year)))
        rows = []
        for r in renewals:
            partner = display_name(r["partner_zh"], r["partner_en"], lang=self.lang)
            rows.append(([format_date(r["next_review_on"], self.lang), partner, r["locality_zh"], voc.TIERS.label(r["tier"], self.lang)],
                         ("partnership", r["id"]), {}))
        self.renewals.set_rows(rows)

    def _fill_quiet(self, days: int, quiet: list[dict]) -> None:
        self.quiet.set_empty_text(
            self.tr("Every live relationship had contact in the last %1 days").replace("%1", str(days)))
        rows = []
        never = self.tr("never")
        grey = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        for r in quiet[:MAX_CARD_ROWS]:  # format only what the card shows
            since = str(r["days_since"]) if r["days_since"] is not None else never
            options = {"right": (3,)}
            if r["days_since"] is None:
                options["colors"] = {2: grey, 3: grey}
            rows.append(([display_name(r["name_zh"], r["name_en"], r["name_native"], self.lang), country_name(r["country"], self.lang),
                          format_date(r["last_contact"], self.lang) or "—", since], ("partner", r["id"]), options))
        self.quiet.set_rows(rows, total=len(quiet))

    def _fill_aid(self, counts: list[dict], totals: list[dict]) -> None:
        years = sorted({r["year"] for r in counts}, key=lambda y: (y is None, y or 0))
        per = {(r["year"], r["direction"]): r["shipments"] for r in counts}
        self.aid_years = years
        labels = [str(y) if y is not None else self.tr("Undated") for y in years]

        values: dict[tuple[int | None, str], list[str]] = {}
        for r in totals:
            if r["value"] is not None and r["currency"]:
                values.setdefault((r["year"], r["direction"]), []).append(f"{r['currency']} {r['value']:,.2f}")
        self._aid_tooltips = {}
        for (year, direction), n in per.items():
            label = voc.SHIPMENT_DIRECTIONS.label(direction, self.lang)
            lines = [self.tr("%1, %2: %3 shipment(s)").replace("%1", str(year) if year else self.tr("Undated"))
                     .replace("%2", label).replace("%3", str(n))]
            lines += values.get((year, direction), [])
            self._aid_tooltips[(year, direction)] = "\n".join(lines)

        value_rows = []
        for year, text in zip(years, labels, strict=True):
            sent = "; ".join(values.get((year, "outgoing"), []))
            received = "; ".join(values.get((year, "incoming"), []))
            if sent or received:
                value_rows.append(([text, sent or "—", received or "—"], None, {}))
        self.aid_values.set_rows(value_rows)
        self.aid_values.setVisible(bool(years))

        if self.aid_series is not None:
            self.aid_axis_x.clear()
            self.aid_axis_x.append(labels)
            top = 0
            for code, bar_set in self.aid_sets.items():
                bar_set.remove(0, bar_set.count())
                numbers = [per.get((y, code), 0) for y in years]
                bar_set.append([float(n) for n in numbers])
                top = max([top, *numbers])
            top = max(top, 1)
            self.aid_axis_y.setRange(0, top)
            self.aid_axis_y.setTickCount(min(top, 5) + 1 if top <= 5 else 6)
            if top > 5:
                self.aid_axis_y.applyNiceNumbers()
            self.aid_stack.setCurrentWidget(self.aid_chart if years else self.aid_empty)
            # The hidden chart would keep the empty card chart-tall.
            self.aid_chart.setMinimumHeight(220 if years else 0)
            self.aid_stack.setMaximumHeight(16777215 if years else self.aid_empty.sizeHint().height() + 24)
        else:  # pragma: no cover - depends on the installation
            self.aid_table.set_rows([([text, str(per.get((y, "outgoing"), 0)), str(per.get((y, "incoming"), 0))],
                                      None, {}) for y, text in zip(years, labels, strict=True)])
            self.aid_stack.setCurrentWidget(self.aid_table if years else self.aid_empty)

    def aid_chart_values(self) -> dict[str, dict[str, int]]:
        """What the aid chart shows: {year label: {"outgoing": n, "incoming": n}}."""
        out: dict[str, dict[str, int]] = {}
        if self.aid_series is not None:
            for i, label in enumerate(self.aid_axis_x.categories()):
                out[label] = {code: int(s.at(i)) for code, s in self.aid_sets.items()}
        else:  # pragma: no cover - depends on the installation
            for i, label in enumerate(self.aid_table.column_texts(0)):
                item = self.aid_table.tree.topLevelItem(i)
                out[label] = {"outgoing": int(item.text(1)), "incoming": int(item.text(2))}
        return out

    def _on_aid_hovered(self, status: bool, index: int, bar_set) -> None:
        if not status:
            QToolTip.hideText()
            return
        direction = next((code for code, s in self.aid_sets.items() if s is bar_set), None)
        if direction is None or not 0 <= index < len(self.aid_years):
            return
        text = self._aid_tooltips.get((self.aid_years[index], direction))
        if text:
            QToolTip.showText(QCursor.pos(), text, self.aid_chart)

    def _fill_countries(self, by_country: dict[str, int]) -> None:
        rows = []
        for code, n in by_country.items():
            rows.append(([country_name(code, self.lang), str(n)], None, {"right": (1,)}))
        self.countries.set_rows(rows)

    def _fill_status_counts(self, counts: dict[str, dict[str, int]]) -> None:
        for key, vocabulary in (("partnerships", voc.PARTNERSHIP_STATUSES), ("visits", voc.VISIT_STATUSES),
                                ("shipments", voc.SHIPMENT_STATUSES)):
            found = counts.get(key, {})
            rows = []
            if found:
                codes = [*vocabulary.codes, *sorted(c for c in found if c not in vocabulary)]
                grey = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
                for code in codes:
                    n = found.get(code, 0)
                    options = {"right": (1,)}
                    if not n:
                        options["colors"] = {0: grey, 1: grey}
                    rows.append(([vocabulary.label(code, self.lang), str(n)], None, options))
            self.status_lists[key].set_rows(rows)

