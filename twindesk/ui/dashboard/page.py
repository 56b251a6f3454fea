"""The dashboard: what needs attention now, and the shape of the whole register.

Cards in a scrollable grid: upcoming visits, shipments in transit, anniversaries and reviews over the
next twelve months, follow-ups due, relationships gone quiet, aid per year (`aid_chart.py`), partners
by country and counts by status. Overdue rows say so in words and colour, and a line under the
heading counts them. Every row comes from `twindesk.domain.queries.overview` as plain data, read on a
worker; each card says "Loading…" until its part arrived (never a false "none"), or, when the read
failed (the server's connection lost), that it could not be loaded and why; the next refresh (a
reconnect sends one) reads it again. Activating a row
(double-click or Enter) emits `openRecord(kind, id)`.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from twindesk.domain.model import vocabulary as voc
from twindesk.domain.queries import insights, overview
from twindesk.domain.queries.overview import UPCOMING_DAYS, Overview, Rows
from twindesk.ui.common.background import BackgroundJob, report_failure
from twindesk.ui.common.error_text import user_error_message
from twindesk.ui.common.formatting import format_date
from twindesk.ui.dashboard import cards
from twindesk.ui.dashboard.aid_chart import AidCard
from twindesk.ui.dashboard.card_list import RecordList

TOP_COUNTRIES = 10
PARTS = ("upcoming_visits", "shipments_in_transit", "reviews", "follow_ups", "anniversaries", "partners_by_country",
         "status_counts", "quiet_relationships", "aid_shipment_counts", "aid_values", "approvals_pending",
         "trips_lacking_approval")  # the Overview's fields, each shown by its card(s)
STATUS_VOCABULARIES = {"partnerships": voc.PARTNERSHIP_STATUSES, "visits": voc.VISIT_STATUSES,
                       "shipments": voc.SHIPMENT_STATUSES}


def first_clause(message: str) -> str:
    """What went wrong, without the advice after it ("…was lost (reason); nothing … was saved. Reconnect
    …" -> "…was lost (reason)"), which is about a change, not a read; the tooltip has it all."""
    for mark in ("；", "; ", "。", ". "):
        message = message.split(mark, 1)[0]
    return message


class _PartRelay(QObject):
    """Carries each part of the overview from the worker to the GUI thread (a queued signal)."""

    arrived = Signal(str, object)


class DashboardPage(QWidget):
    """The landing page. Call `refresh()` when data changed or the page is shown."""

    openRecord = Signal(str, int)  # record kind ("visit", "shipment", "partner", "partnership", "activity"), id
    refreshed = Signal()  # the cards show the latest data
    kinds_shown = overview.KINDS_READ  # the main window refreshes the page on a change to any of these

    def __init__(self, lang: str = "en", today_fn: Callable[[], date] = date.today, parent=None,
                 *, quiet_after_days: int = insights.QUIET_AFTER_DAYS):
        super().__init__(parent)
        self.lang = lang
        self.today_fn = today_fn
        self._quiet_after_days = quiet_after_days
        self._loaded = False
        self._job: BackgroundJob | None = None
        self._stale = False
        self._today = today_fn()
        self._attention: dict[str, int] = {}
        self._unread: set[str] = set()  # the parts the running read has not brought yet
        self._aid_counts: list[dict] = []
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
        self.attention = QLabel()
        self.attention.setObjectName("attention")
        self.attention.setWordWrap(True)
        self.attention.setStyleSheet(f"color: {cards.OVERDUE_COLOR.name()}; font-weight: bold;")
        self.attention.hide()
        page.addWidget(self.attention)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        page.addLayout(grid)
        page.addStretch(1)

        font = self.font()
        self.upcoming = RecordList([self.tr("Date"), self.tr("Direction"), self.tr("Title"), self.tr("Status")], 2)
        self.in_transit = RecordList([self.tr("Expected"), self.tr("Direction"), self.tr("Title"), self.tr("Partner")], (2, 3))
        self.anniversaries = RecordList([self.tr("Anniversary"), self.tr("Partner"), self.tr("Home locality"), self.tr("Date")], 1)
        self.reviews = RecordList([self.tr("Due"), self.tr("Partner"), self.tr("Home locality"), self.tr("Tier")], 1)
        self.follow_ups = RecordList([self.tr("Due"), self.tr("Activity"), self.tr("Partner")], (1, 2))
        self.quiet = RecordList([self.tr("Partner"), self.tr("Country"), self.tr("Last contact"), self.tr("Days since")], 0)
        self.countries = RecordList([self.tr("Country"), self.tr("Partners")], 0)
        self.pending = RecordList([self.tr("Waiting on"), self.tr("Partner"), self.tr("Home locality"), self.tr("Since")], 1)
        self.lacking = RecordList([self.tr("Date"), self.tr("Title"), self.tr("Status")], 1)
        self.renewals = self.reviews  # the earlier name
        for records in (self.upcoming, self.in_transit, self.anniversaries, self.reviews, self.follow_ups,
                        self.quiet, self.pending, self.lacking):
            records.activated.connect(self.openRecord)

        self.upcoming.set_empty_text(self.tr("No visits in the next %1 days").replace("%1", str(UPCOMING_DAYS)))
        self.in_transit.set_empty_text(self.tr("No shipments in transit"))
        self.anniversaries.set_empty_text(self.tr("No anniversaries in the next 12 months"))
        self.reviews.set_empty_text(self.tr("No reviews or renewals due in the next 12 months"))
        self.follow_ups.set_empty_text(self.tr("No follow-ups due"))
        self.countries.set_empty_text(self.tr("No partners yet"))
        self.pending.set_empty_text(self.tr("No partnership waits on an approval"))
        self.lacking.set_empty_text(self.tr("Every approved or confirmed trip has its approval on file"))
        self.countries.MAX_ROWS = TOP_COUNTRIES

        self.upcoming_box = cards.card(self.tr("Upcoming visits (next %1 days)").replace("%1", str(UPCOMING_DAYS)),
                                       self.upcoming, font)
        self.in_transit_box = cards.card(self.tr("Shipments in transit"), self.in_transit, font)
        self.anniversaries_box = cards.card(self.tr("Anniversaries in the next 12 months"), self.anniversaries, font)
        self.reviews_box = cards.card(self.tr("Reviews and renewals: past due and the next 12 months"), self.reviews, font)
        self.renewals_box = self.reviews_box
        self.follow_ups_box = cards.card(self.tr("Follow-ups due"), self.follow_ups, font)
        self.follow_ups_box.setToolTip(
            self.tr("Activities whose follow-up date is in the next %1 days, or passed in the last %2 days")
            .replace("%1", str(overview.FOLLOW_UP_AHEAD_DAYS)).replace("%2", str(overview.FOLLOW_UP_LOOKBACK_DAYS)))

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
        self.quiet_box = cards.card(self.tr("Relationships gone quiet"), self.quiet, font, top=quiet_setting)
        self.countries_box = cards.card(self.tr("Partners by country (top %1)").replace("%1", str(TOP_COUNTRIES)),
                                        self.countries, font)
        self.pending_box = cards.card(self.tr("Approvals pending"), self.pending, font)
        self.lacking_box = cards.card(self.tr("Trips without an approval on file"), self.lacking, font)
        self.aid_box = AidCard(self.lang, font)
        self.status_box = self._build_status_card()

        grid.addWidget(self.upcoming_box, 0, 0)
        grid.addWidget(self.in_transit_box, 0, 1)
        grid.addWidget(self.anniversaries_box, 1, 0)
        grid.addWidget(self.reviews_box, 1, 1)
        grid.addWidget(self.follow_ups_box, 2, 0)
        grid.addWidget(self.quiet_box, 2, 1)
        grid.addWidget(self.aid_box, 3, 0, 1, 2)
        grid.addWidget(self.countries_box, 4, 0)
        grid.addWidget(self.status_box, 4, 1)
        grid.addWidget(self.pending_box, 5, 0)
        grid.addWidget(self.lacking_box, 5, 1)
        self.heading.setText(self.tr("Overview as of %1 (loading…)").replace("%1", format_date(self._today, self.lang)))

    def _build_status_card(self) -> QGroupBox:
        box = cards.titled_box(self.tr("Counts by status"), self.font())
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
        cards.normal_font(box, self.font())
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
        """Read everything again, off the GUI thread; each card is redrawn as its part arrives
        (`refreshed` tells when all did). Until a card's first part arrived it says "Loading…"; later
        refreshes keep the cards as they are until the new data is there.

        A refresh asked for while one runs is remembered and runs once that one ends, so the cards
        always end up showing the latest data without queueing a query per change.
        """
        self._loaded = True
        if self._job is not None:
            self._stale = True
            return
        self._stale = False
        today = self.today_fn()
        self._today = today
        self._unread = set(PARTS)
        for name in PARTS:  # a card that could not be loaded last time tries again
            for shown in self._cards_of(name):
                if shown.is_failed():
                    shown.set_loading()
        if not self.upcoming.is_loading():  # the cards keep what they show until the new data is there
            self.heading.setText(self.tr("Overview as of %1 (updating…)").replace("%1", format_date(today, self.lang)))
        else:
            self.heading.setText(self.tr("Overview as of %1 (loading…)").replace("%1", format_date(today, self.lang)))
        quiet = self._quiet_after_days
        relay = _PartRelay(self)
        relay.arrived.connect(self._show_part)  # queued: emitted on the worker
        self._job = BackgroundJob(lambda _progress: overview.load_overview(
            today, quiet_after_days=quiet, top_countries=TOP_COUNTRIES, on_part=relay.arrived.emit), self)
        self._job.failed.connect(self._read_failed)
        self._job.finished.connect(self._job_ended)
        self._job.finished.connect(relay.deleteLater)
        self._job.start()

    def _job_ended(self) -> None:
        job, self._job = self._job, None
        if self._stale:
            self.refresh()
            return
        if job is not None and job.error is None and not job.was_cancelled:
            self.heading.setText(self.tr("Overview as of %1").replace("%1", format_date(self._today, self.lang)))
        self.refreshed.emit()

    def _read_failed(self, exc: BaseException) -> None:
        """The cards still waiting say they could not be loaded, and why, on one line; the ones showing an
        earlier read keep it. The window hears of it as of any failure (a lost connection: its bar)."""
        report_failure(self, exc)
        message = " ".join(user_error_message(exc, self.lang).split())
        text = self.tr("Could not be loaded: %1").replace("%1", first_clause(message))
        for name in self._unread:
            for i, shown in enumerate(self._cards_of(name)):
                if shown.is_loading() or shown.is_failed():  # the status card says it once, not thrice
                    shown.set_failed(text if i == 0 else "", message)
        self.heading.setText(self.tr("Overview as of %1 (could not be read)")
                             .replace("%1", format_date(self._today, self.lang)))

    def _cards_of(self, name: str) -> list:
        """The card(s) that show one part of the overview."""
        return {"upcoming_visits": [self.upcoming], "shipments_in_transit": [self.in_transit],
                "reviews": [self.reviews], "follow_ups": [self.follow_ups], "anniversaries": [self.anniversaries],
                "partners_by_country": [self.countries], "status_counts": list(self.status_lists.values()),
                "quiet_relationships": [self.quiet], "aid_values": [self.aid_box],
                "approvals_pending": [self.pending], "trips_lacking_approval": [self.lacking]}.get(name, [])

    def is_refreshing(self) -> bool:
        return self._job is not None

    def show_overview(self, data: Overview) -> None:
        """Redraw every card from one snapshot (on the GUI thread)."""
        self._today = data.today
        for name in PARTS:
            self._show_part(name, getattr(data, name))
        self.heading.setText(self.tr("Overview as of %1").replace("%1", format_date(data.today, self.lang)))

    def _show_part(self, name: str, value) -> None:
        today, lang = self._today, self.lang
        self._unread.discard(name)
        if name == "upcoming_visits":
            self.upcoming.set_rows(cards.upcoming_rows(value, lang), total=value.total)
        elif name == "shipments_in_transit":
            self.in_transit.set_rows(cards.in_transit_rows(value, today, lang), total=value.total)
            self._count_overdue("shipments", value)
        elif name == "reviews":
            self.reviews.set_rows(cards.review_rows(value, today, lang), total=value.total)
            self._count_overdue("reviews", value)
        elif name == "follow_ups":
            self.follow_ups.set_rows(cards.follow_up_rows(value, today, lang), total=value.total)
            self._count_overdue("follow_ups", value)
        elif name == "anniversaries":
            self.anniversaries.set_rows(cards.anniversary_rows(value, lang), total=value.total)
        elif name == "partners_by_country":
            self.countries.set_rows(cards.country_rows(value, lang))
        elif name == "status_counts":
            grey = cards.placeholder_grey(self)
            for key, vocabulary in STATUS_VOCABULARIES.items():
                self.status_lists[key].set_rows(cards.status_rows(value.get(key, {}), vocabulary, lang, grey))
        elif name == "quiet_relationships":
            self.quiet.set_empty_text(self.tr("Every live relationship had contact in the last %1 days")
                                      .replace("%1", str(self._quiet_after_days)))
            self.quiet.set_rows(cards.quiet_rows(value, lang, cards.placeholder_grey(self)), total=value.total)
        elif name == "aid_shipment_counts":
            self._aid_counts = value
        elif name == "aid_values":
            self.aid_box.fill(self._aid_counts, value)
        elif name == "approvals_pending":
            self.pending.set_rows(cards.approval_pending_rows(value, lang), total=value.total)
        elif name == "trips_lacking_approval":
            self.lacking.set_rows(cards.lacking_approval_rows(value, lang), total=value.total)

    def _count_overdue(self, key: str, found: Rows) -> None:
        self._attention[key] = found.overdue
        said = (("shipments", self.tr("Shipments overdue: %1")), ("reviews", self.tr("Reviews past due: %1")),
                ("follow_ups", self.tr("Follow-ups overdue: %1")))
        parts = [text.replace("%1", f"{self._attention[part]:,}") for part, text in said if self._attention.get(part)]
        self.attention.setText("⚠ " + " · ".join(parts) if parts else "")
        self.attention.setVisible(bool(parts))

    # --- what the tests read ---------------------------------------------------------------------------------
    @property
    def aid_series(self):
        return self.aid_box.series

    @property
    def aid_values(self) -> RecordList:
        return self.aid_box.values

    @property
    def aid_stack(self):
        return self.aid_box.stack

    @property
    def aid_empty(self) -> QLabel:
        return self.aid_box.empty

    def aid_chart_values(self) -> dict[str, dict[str, int]]:
        return self.aid_box.chart_values()
