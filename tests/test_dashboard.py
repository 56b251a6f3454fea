"""The dashboard page (pytest-qt) and the plain insights it reads, on either engine."""

import os
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from twindesk.domain.operations import records
from twindesk.domain.queries import insights  # noqa: E402
from twindesk.ui.common import background  # noqa: E402
from twindesk.ui.dashboard.page import DashboardPage  # noqa: E402

TODAY = date(2026, 3, 1)


@pytest.fixture
def database(db):
    """The test's database on the pass's engine (conftest's `db`), the page's readers done before it closes."""
    yield db
    background.wait_for_all()


@pytest.fixture
def data(database) -> dict:
    save = records.save
    hainan = save("home_locality", {"name_zh": "海南省", "name_en": "Hainan Province", "kind": "province"})
    hyogo = save("partner", {"name_zh": "兵库县", "name_en": "Hyogo Prefecture", "name_native": "兵庫県",
                             "kind": "prefecture", "country": "JP"})
    jeju = save("partner", {"name_zh": "济州", "name_en": "Jeju", "name_native": "제주", "country": "KR"})
    seogwipo = save("partner", {"name_en": "Seogwipo", "country": "KR"})
    vladimir = save("partner", {"name_zh": "弗拉基米尔", "name_en": "Vladimir", "name_native": "Владимир",
                                "kind": "region", "country": "RU"})
    yalta = save("partner", {"name_en": "Yalta", "name_native": "Ялта", "country": "UA"})

    def partnership(partner, next_review_on=None, **values):
        ps = save("partnership", {"partner": partner, "home_locality": hainan, "tier": "sister", **values})
        if next_review_on:  # the renewal is the agreement's expiry
            save("agreement", {"partnership": ps, "title": "Agreement", "expires_on": next_review_on})
        return ps

    ps_hyogo = partnership(hyogo, status="active", established_year=1996, signed_on=date(1996, 5, 20))
    ps_jeju = partnership(jeju, status="active", established_year=2011, tier="friendly_exchange",
                          next_review_on=date(2026, 2, 1))  # past due
    ps_vladimir = partnership(vladimir, status="dormant", established_year=2003, next_review_on=date(2026, 6, 30))
    partnership(yalta, status="prospect")

    a_call = save("activity", {"partner": jeju, "title": "Video call", "kind": "video", "held_on": date(2025, 12, 1),
                               "follow_up_on": date(2026, 2, 20)})  # overdue
    a_letter = save("activity", {"partner": jeju, "title": "Letter", "kind": "letter", "held_on": date(2026, 2, 1),
                                 "follow_up_on": date(2026, 3, 10)})

    def visit(title, partners=(), **values):
        visit_id = save("visit", {"title": title, **values})
        if partners:
            records.set_visit_partners(visit_id, list(partners))
        return visit_id

    v_done = visit("Hyogo governor in Haikou", (hyogo,), direction="inbound", status="completed",
                   start_on=date(2024, 1, 10), end_on=date(2024, 1, 12))
    v_hyogo = visit("Leadership visit to Hyogo", (hyogo,), direction="outbound", status="proposed",
                    start_on=date(2026, 3, 15), end_on=date(2026, 3, 19))
    v_jeju = visit("Jeju delegation at Boao", (jeju,), direction="inbound", status="confirmed",
                   start_on=date(2026, 5, 20))
    visit("Too far ahead", direction="outbound", status="approved", start_on=date(2026, 7, 1))
    visit("Called off", direction="outbound", status="cancelled", start_on=date(2026, 3, 10))

    def shipment(title, **values):
        return save("shipment", {"title": title, **values})

    s_jeju = shipment("Sanitizer for Jeju", partner=jeju, direction="outgoing", status="in_transit",
                      dispatched_on=date(2026, 2, 20), expected_on=date(2026, 3, 5))
    s_villages = shipment("Masks for 29 villages", counterparty="29 villages", direction="outgoing",
                          status="dispatched", dispatched_on=date(2026, 2, 25), expected_on=date(2026, 2, 27))
    s_masks = shipment("Masks from Hyogo", partner=hyogo, direction="incoming", status="delivered",
                       delivered_on=date(2020, 2, 14))
    save("shipment_item", {"shipment": s_masks, "description": "Masks", "value": "50000", "currency": "JPY"})
    save("shipment_item", {"shipment": s_masks, "description": "Gloves", "value": "100", "currency": "USD"})
    s_suits = shipment("Protective suits for Jeju", partner=jeju, direction="outgoing", status="delivered",
                       dispatched_on=date(2020, 2, 28), delivered_on=date(2020, 3, 1))
    save("shipment_item", {"shipment": s_suits, "description": "Suits", "value": "20000", "currency": "CNY"})
    shipment("Never sent", partner=jeju, direction="incoming", status="cancelled", planned_on=date(2020, 5, 1))
    shipment("Typhoon relief fund", counterparty="Osaka", kind="funds", direction="outgoing", status="planned",
             planned_on=date(2025, 6, 1))
    return {"hyogo": hyogo, "jeju": jeju, "seogwipo": seogwipo, "vladimir": vladimir, "yalta": yalta,
            "ps_hyogo": ps_hyogo, "ps_jeju": ps_jeju, "ps_vladimir": ps_vladimir, "v_done": v_done,
            "v_hyogo": v_hyogo, "v_jeju": v_jeju, "s_jeju": s_jeju, "s_villages": s_villages, "a_call": a_call,
            "a_letter": a_letter}


def make_page(qtbot, lang="en", **kwargs) -> DashboardPage:
    page = DashboardPage(lang=lang, today_fn=lambda: TODAY, **kwargs)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    refresh(qtbot, page)
    return page


def refresh(qtbot, page: DashboardPage) -> None:
    """Refresh and wait until the cards show the result: the queries run off the GUI thread."""
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.refresh()


# --- insights additions --------------------------------------------------------------------------------------

def test_status_counts(data):
    counts = insights.status_counts()
    assert counts["partnerships"] == {"active": 2, "dormant": 1, "prospect": 1}
    assert counts["visits"] == {"completed": 1, "proposed": 1, "confirmed": 1, "approved": 1, "cancelled": 1}
    assert counts["shipments"] == {"delivered": 2, "in_transit": 1, "dispatched": 1, "cancelled": 1,
                                   "planned": 1}


def test_partner_counts_by_country(data):
    assert insights.partner_counts_by_country() == {"KR": 2, "JP": 1, "RU": 1, "UA": 1}
    assert list(insights.partner_counts_by_country()) == ["KR", "JP", "RU", "UA"]
    assert insights.partner_counts_by_country(limit=2) == {"KR": 2, "JP": 1}


def test_quiet_relationships(data):
    quiet = insights.quiet_relationships(TODAY, 365)
    assert [r["id"] for r in quiet] == [data["vladimir"], data["hyogo"]]  # never in touch first
    assert quiet[0]["days_since"] is None
    assert quiet[1]["last_contact"] == date(2024, 1, 12)
    assert quiet[1]["days_since"] == (TODAY - date(2024, 1, 12)).days
    assert [r["id"] for r in insights.quiet_relationships(TODAY, 1000)] == [data["vladimir"]]


def test_aid_shipment_counts_count_each_shipment_once(data):
    assert insights.aid_shipment_counts() == [
        {"year": 2020, "direction": "incoming", "shipments": 1},  # two currencies, one shipment
        {"year": 2020, "direction": "outgoing", "shipments": 1},
        {"year": 2025, "direction": "outgoing", "shipments": 1},
        {"year": 2026, "direction": "outgoing", "shipments": 2},
    ]


def test_shipments_in_transit_carry_partner_names(data):
    rows = {r["id"]: r for r in insights.shipments_in_transit()}
    jeju = rows[data["s_jeju"]]
    assert (jeju["partner"], jeju["partner_en"]) == (data["jeju"], "Jeju")
    villages = rows[data["s_villages"]]
    assert villages["partner"] is None and villages["partner_zh"] is None
    assert villages["counterparty"] == "29 villages"


# --- the page ---------------------------------------------------------------------------------------------------

def test_upcoming_visits(qtbot, data):
    page = make_page(qtbot)
    assert page.upcoming.column_texts(2) == ["Leadership visit to Hyogo", "Jeju delegation at Boao"]
    assert page.upcoming.column_texts(0) == ["15 Mar 2026", "20 May 2026"]
    assert page.upcoming.column_texts(1) == ["Outbound", "Inbound"]
    assert page.upcoming.column_texts(3) == ["Proposed", "Confirmed"]
    assert page.upcoming.records() == [("visit", data["v_hyogo"]), ("visit", data["v_jeju"])]


def test_shipments_in_transit_overdue_first_and_flagged(qtbot, data):
    page = make_page(qtbot)
    assert page.in_transit.column_texts(2) == ["Masks for 29 villages", "Sanitizer for Jeju"]
    assert page.in_transit.column_texts(0) == ["27 Feb 2026 · 2 days overdue", "5 Mar 2026"]
    assert page.in_transit.column_texts(3) == ["29 villages", "Jeju"]
    assert page.in_transit.records() == [("shipment", data["s_villages"]), ("shipment", data["s_jeju"])]
    assert_flagged(page.in_transit, [True, False])


def test_anniversaries_and_renewals(qtbot, data):
    page = make_page(qtbot)
    # Jeju's 15th: only the year is known, so it is listed at today; Hyogo's 30th is a round decade.
    assert page.anniversaries.column_texts(0) == ["15th", "★ 30th"]
    assert page.anniversaries.column_texts(1) == ["Jeju", "Hyogo Prefecture"]
    assert page.anniversaries.column_texts(3) == ["in 2026", "20 May 2026"]
    assert page.anniversaries.records() == [("partnership", data["ps_jeju"]), ("partnership", data["ps_hyogo"])]
    first, second = (page.anniversaries.tree.topLevelItem(i) for i in range(2))
    assert second.font(1).bold() and not first.font(1).bold()
    assert page.anniversaries_box.title() == "Anniversaries in the next 12 months"
    assert page.reviews.column_texts(1) == ["Jeju", "Vladimir"]
    assert page.reviews.column_texts(0) == ["1 Feb 2026 · 28 days overdue", "30 Jun 2026"]
    assert page.reviews.records() == [("partnership", data["ps_jeju"]), ("partnership", data["ps_vladimir"])]
    assert_flagged(page.reviews, [True, False])


def test_follow_ups_due_and_overdue(qtbot, data):
    page = make_page(qtbot)
    assert page.follow_ups.column_texts(0) == ["20 Feb 2026 · 9 days overdue", "10 Mar 2026"]
    assert page.follow_ups.column_texts(1) == ["Video call", "Letter"]
    assert page.follow_ups.column_texts(2) == ["Jeju", "Jeju"]
    assert page.follow_ups.records() == [("activity", data["a_call"]), ("activity", data["a_letter"])]
    assert_flagged(page.follow_ups, [True, False])
    # The line under the heading counts what is overdue, in words.
    assert page.attention.isVisible()
    assert page.attention.text() == "⚠ Shipments overdue: 1 · Reviews past due: 1 · Follow-ups overdue: 1"


def assert_flagged(records_list, expected: list[bool]) -> None:
    """Overdue rows are flagged in colour and weight as well as in words ("… overdue")."""
    from twindesk.ui.dashboard.cards import OVERDUE_COLOR

    for row, overdue in enumerate(expected):
        item = records_list.tree.topLevelItem(row)
        assert ("overdue" in item.text(0)) is overdue
        assert (item.foreground(0).color() == OVERDUE_COLOR) is overdue
        assert item.font(0).bold() is overdue


def test_quiet_relationships_and_threshold(qtbot, data):
    page = make_page(qtbot)
    assert page.quiet_after_days == 365
    assert page.quiet.column_texts(0) == ["Vladimir", "Hyogo Prefecture"]
    assert page.quiet.column_texts(1) == ["Russian Federation", "Japan"]
    assert page.quiet.column_texts(3) == ["never", str((TODAY - date(2024, 1, 12)).days)]
    assert page.quiet.records() == [("partner", data["vladimir"]), ("partner", data["hyogo"])]
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.quiet_days.setValue(1000)  # the setting in the card reads the list again
    assert page.quiet_after_days == 1000
    assert page.quiet.column_texts(0) == ["Vladimir"]
    page2 = make_page(qtbot, quiet_after_days=900)
    assert page2.quiet_after_days == page2.quiet_days.value() == 900
    assert page2.quiet.column_texts(0) == ["Vladimir"]


def test_aid_chart_values(qtbot, data):
    page = make_page(qtbot)
    assert page.aid_chart_values() == {
        "2020": {"outgoing": 1, "incoming": 1},
        "2025": {"outgoing": 1, "incoming": 0},
        "2026": {"outgoing": 2, "incoming": 0},
    }
    if page.aid_series is not None:
        assert [s.label() for s in page.aid_series.barSets()] == ["Outgoing", "Incoming"]
    # One row per year and currency: CNY, JPY and USD are never added together.
    assert page.aid_values.column_texts(0) == ["2020", "2020", "2020"]
    assert page.aid_values.column_texts(1) == ["CNY", "JPY", "USD"]
    assert page.aid_values.column_texts(2) == ["20,000.00", "—", "—"]
    assert page.aid_values.column_texts(3) == ["—", "50,000.00", "100.00"]


def test_counts_by_status_and_country(qtbot, data):
    page = make_page(qtbot)
    visits = page.status_lists["visits"]
    assert visits.column_texts(0) == ["Proposed", "Approved", "Confirmed", "Completed", "Postponed", "Cancelled"]
    assert visits.column_texts(1) == ["1", "1", "1", "1", "0", "1"]
    shipments = dict(zip(page.status_lists["shipments"].column_texts(0),
                         page.status_lists["shipments"].column_texts(1), strict=True))
    assert shipments == {"Planned": "1", "Dispatched": "1", "In transit": "1", "Delivered": "2", "Cancelled": "1"}
    partnerships = dict(zip(page.status_lists["partnerships"].column_texts(0),
                            page.status_lists["partnerships"].column_texts(1), strict=True))
    assert partnerships["Signed / active"] == "2" and partnerships["Prospect"] == "1"
    assert page.countries.column_texts(0) == ["South Korea", "Japan", "Russian Federation", "Ukraine"]
    assert page.countries.column_texts(1) == ["2", "1", "1", "1"]


def test_chinese_labels(qtbot, data):
    page = make_page(qtbot, lang="zh_CN")
    assert page.upcoming.column_texts(1) == ["出访", "来访"]
    assert page.quiet.column_texts(0) == ["弗拉基米尔", "兵库县"]
    assert page.countries.column_texts(0)[1] == "日本"
    assert [s.label() for s in page.aid_series.barSets()] == ["援出", "受援"]
    assert page.upcoming.column_texts(0) == ["2026年3月15日", "2026年5月20日"]
    assert page.reviews.column_texts(0)[1] == "2026年6月30日"


def _double_click(qtbot, records, row):
    """A real double-click: a click first (the view opens only the row the press landed on), then the
    double-click event."""
    pos = _item_center(records, row)
    viewport = records.tree.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=pos)


def _item_center(records, row):
    tree = records.tree
    item = tree.topLevelItem(row)
    tree.scrollToItem(item)
    return tree.visualItemRect(item).center()


@pytest.mark.parametrize("attr, row, expected", [
    ("upcoming", 1, ("visit", "v_jeju")),
    ("in_transit", 1, ("shipment", "s_jeju")),
    ("anniversaries", 1, ("partnership", "ps_hyogo")),
    ("reviews", 1, ("partnership", "ps_vladimir")),
    ("follow_ups", 0, ("activity", "a_call")),
    ("quiet", 1, ("partner", "hyogo")),
])
def test_double_click_opens_record(qtbot, data, attr, row, expected):
    page = make_page(qtbot)
    records_list = getattr(page, attr)
    page.scroll_area.ensureWidgetVisible(records_list)
    with qtbot.waitSignal(page.openRecord, timeout=2000) as blocker:
        _double_click(qtbot, records_list, row)
    assert blocker.args == [expected[0], data[expected[1]]]


def test_enter_opens_record(qtbot, data):
    page = make_page(qtbot)
    tree = page.upcoming.tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    with qtbot.waitSignal(page.openRecord, timeout=2000) as blocker:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert blocker.args == ["visit", data["v_hyogo"]]


def test_count_rows_open_nothing(qtbot, data):
    page = make_page(qtbot)
    with qtbot.assertNotEmitted(page.openRecord):
        _double_click(qtbot, page.countries, 0)


def test_empty_database_shows_empty_states(qtbot, database):
    page = make_page(qtbot)
    expected = {
        page.upcoming: "No visits in the next 90 days",
        page.in_transit: "No shipments in transit",
        page.anniversaries: "No anniversaries in the next 12 months",
        page.reviews: "No reviews or renewals due in the next 12 months",
        page.follow_ups: "No follow-ups due",
        page.quiet: "Every live relationship had contact in the last 365 days",
        page.countries: "No partners yet",
        page.status_lists["partnerships"]: "No partnerships yet",
        page.status_lists["visits"]: "No visits yet",
        page.status_lists["shipments"]: "No shipments yet",
    }
    for records_list, text in expected.items():
        assert records_list.is_empty()
        assert records_list.empty_label.isVisible()
        assert records_list.empty_label.text() == text
    assert page.aid_stack.currentWidget() is page.aid_empty
    assert page.aid_empty.isVisible()
    assert page.aid_empty.text() == "No aid shipments recorded yet"
    assert page.aid_chart_values() == {}
    assert not page.attention.isVisible()


def test_refresh_picks_up_new_data(qtbot, database):
    page = make_page(qtbot)
    assert page.upcoming.is_empty()
    records.save("visit", {"title": "New trip", "status": "proposed", "start_on": date(2026, 4, 1)})
    refresh(qtbot, page)
    assert page.upcoming.column_texts(2) == ["New trip"]
    assert not page.upcoming.is_empty()


def test_refresh_runs_off_the_gui_thread_and_coalesces_requests(qtbot, data):
    page = make_page(qtbot)
    threads = []
    from twindesk.domain.queries import overview

    real = overview.upcoming_visits

    def spy(*args, **kwargs):
        import threading

        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    import threading

    overview.upcoming_visits = spy
    try:
        with qtbot.waitSignal(page.refreshed, timeout=10_000):
            page.refresh()
            assert page.is_refreshing()
            assert "updating" in page.heading.text()
            page.refresh()  # while one runs: remembered, run once more afterwards
            page.refresh()
    finally:
        overview.upcoming_visits = real
    assert len(threads) == 2
    assert all(t is not threading.main_thread() for t in threads)
    assert not page.is_refreshing()
    assert page.heading.text() == "Overview as of 1 Mar 2026"


# --- while reading --------------------------------------------------------------------------------------------

def _all_lists(page: DashboardPage):
    return [page.upcoming, page.in_transit, page.anniversaries, page.reviews, page.follow_ups, page.quiet,
            page.countries, *page.status_lists.values()]


def test_cards_say_loading_until_their_part_arrived_never_none(qtbot, database, monkeypatch):
    """An empty database read slowly: until each card's part arrived it says "Loading…", never "No …"."""
    import threading

    from twindesk.domain.queries import overview

    release_quiet, release_first = threading.Event(), threading.Event()
    real_upcoming, real_quiet = overview.upcoming_visits, insights.quiet_partners

    def slow_upcoming(*args, **kwargs):
        release_first.wait(10)
        return real_upcoming(*args, **kwargs)

    def slow_quiet(*args, **kwargs):
        release_quiet.wait(10)
        return real_quiet(*args, **kwargs)

    monkeypatch.setattr(overview, "upcoming_visits", slow_upcoming)
    monkeypatch.setattr(insights, "quiet_partners", slow_quiet)
    page = DashboardPage(lang="en", today_fn=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()  # the first show starts reading
    qtbot.waitExposed(page)
    assert page.is_refreshing()
    for records_list in _all_lists(page):
        assert records_list.is_loading() and not records_list.is_empty()
        assert records_list.empty_label.text() == "Loading…"
        assert records_list.empty_label.isVisible()
    assert page.aid_box.is_loading() and page.aid_empty.text() == "Loading…"
    assert "loading" in page.heading.text()

    release_first.set()  # the quick parts arrive; the quiet list is still being read
    qtbot.waitUntil(lambda: not page.countries.is_loading(), timeout=10_000)
    assert page.upcoming.is_empty() and page.upcoming.empty_label.text() == "No visits in the next 90 days"
    assert page.quiet.is_loading() and page.quiet.empty_label.text() == "Loading…"
    assert page.aid_box.is_loading()

    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        release_quiet.set()
    assert not any(records_list.is_loading() for records_list in _all_lists(page))
    assert page.quiet.empty_label.text() == "Every live relationship had contact in the last 365 days"
    assert not page.aid_box.is_loading() and page.aid_empty.text() == "No aid shipments recorded yet"
    assert page.heading.text() == "Overview as of 1 Mar 2026"


def test_a_refresh_keeps_the_cards_until_the_new_data_is_there(qtbot, data, monkeypatch):
    import threading

    from twindesk.domain.queries import overview

    page = make_page(qtbot)
    release = threading.Event()
    real = overview.upcoming_visits

    def slow(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(overview, "upcoming_visits", slow)
    page.refresh()
    assert not any(records_list.is_loading() for records_list in _all_lists(page))
    assert page.upcoming.column_texts(2) == ["Leadership visit to Hyogo", "Jeju delegation at Boao"]
    assert "updating" in page.heading.text()
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        release.set()


def test_the_page_follows_the_kinds_it_reads():
    from twindesk.domain.model.specs import SPECS
    from twindesk.domain.queries.overview import KINDS_READ

    assert DashboardPage.kinds_shown == KINDS_READ
    assert KINDS_READ - {"visit_partner"} <= set(SPECS)
    assert {"shipment", "shipment_item", "activity", "partnership", "visit_partner"} <= KINDS_READ
    assert "contact" not in KINDS_READ and "gift" not in KINDS_READ
