"""The dashboard as a person sees it in either language: "Loading…" while it reads, and chart labels
that are drawn whole (QtCharts elided the Chinese axis title to "⋮" and the years to "20…")."""

import threading
from datetime import date

import pytest

from twindesk.domain.operations import records
from twindesk.domain.queries import overview
from twindesk.ui.shell.i18n import install_language

TODAY = date(2026, 12, 1)


@pytest.fixture
def language():
    yield lambda lang: install_language(lang)
    install_language("en")


def _page(qtbot, lang, width=900):
    from twindesk.ui.dashboard.page import DashboardPage

    page = DashboardPage(lang=lang, today_fn=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(width, 900)
    return page


def test_chinese_cards_say_loading_while_reading(qtbot, gui_db, language, monkeypatch):
    language("zh_CN")
    release = threading.Event()
    real = overview.upcoming_visits

    def slow(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(overview, "upcoming_visits", slow)
    page = _page(qtbot, "zh_CN")
    page.show()
    qtbot.waitExposed(page)
    lists = [page.upcoming, page.in_transit, page.anniversaries, page.reviews, page.follow_ups, page.quiet,
             page.countries, *page.status_lists.values()]
    assert {records_list.empty_label.text() for records_list in lists} == {"正在加载…"}
    assert page.aid_empty.text() == "正在加载…"
    assert page.heading.text() == "2026年12月1日 概况（正在加载…）"
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        release.set()
    assert page.upcoming.empty_label.text() == "今后 90 天内没有出访或来访"
    assert page.anniversaries.empty_label.text() == "今后12个月内没有周年纪念"


def _aid_over_years(first=2012, last=2027):
    partner = records.save("partner", {"name_zh": "济州", "name_en": "Jeju", "country": "KR"})
    for year in range(first, last + 1):
        for direction in ("outgoing", "incoming"):
            shipment = records.save("shipment", {"title": f"Aid {year}", "partner": partner, "direction": direction,
                                                 "status": "delivered", "delivered_on": date(year, 6, 1)})
            records.save("shipment_item", {"shipment": shipment, "description": "Masks", "value": "1000",
                                           "currency": "CNY" if year % 2 else "USD"})


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("width", [700, 1400])
def test_chart_labels_are_drawn_whole(qtbot, gui_db, language, lang, width, tmp_path):
    language(lang)
    _aid_over_years()
    page = _page(qtbot, lang, width)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.show()
    qtbot.waitExposed(page)
    page.scroll_area.ensureWidgetVisible(page.aid_box)
    qtbot.wait(50)
    view = page.aid_box.chart_view
    image = view.grab()  # what a person sees, drawn offscreen
    assert not image.isNull()
    image.save(str(tmp_path / f"aid-{lang}-{width}.png"))
    texts = view.label_texts()
    years = range(2012, 2028)
    shown = [t for t in texts if t in {str(y) for y in years} | {f"’{y % 100}" for y in years}]
    assert len(shown) == len(years), texts  # each year drawn, in full or short …
    assert not [t for t in texts if "…" in t or "⋮" in t or "..." in t], texts  # … and nothing elided
    if width == 1400:  # room enough: the years in full
        assert sorted(shown) == [str(y) for y in years]
    # What the axis counts is said in a plain label, not a rotated axis title.
    assert page.aid_box.axis_y.titleText() == ""
    assert page.aid_box.caption.text() == ("每年援助批次" if lang == "zh_CN" else "Number of shipments per year")
    # Values per year and currency, never added across currencies.
    assert set(page.aid_values.column_texts(1)) == {"CNY", "USD"}
    assert page.aid_values.column_texts(0)[:2] == ["2027", "2026"]


def test_the_approvals_cards_name_the_stage_and_the_trips_lacking_one(qtbot, gui_db, language):
    language("zh_CN")
    locality = records.save("home_locality", {"name_zh": "海南省", "kind": "province"})
    ps = records.save("partnership", {"partner": records.save("partner", {"name_zh": "济州", "country": "KR"}),
                                      "home_locality": locality, "status": "approval_pending",
                                      "status_since": date(2026, 10, 1)})
    records.save("partnership_approval", {"partnership": ps, "stage": "local", "outcome": "approved",
                                          "decided_on": date(2026, 10, 20)})
    trip = records.save("visit", {"title": "赴济州", "direction": "outbound", "status": "confirmed",
                                  "start_on": date(2027, 1, 10)})
    page = _page(qtbot, "zh_CN")
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.show()
    assert page.pending.column_texts(0) == ["待审批（省级）"] and page.pending.records() == [("partnership", ps)]
    assert page.lacking.column_texts(1) == ["赴济州"] and page.lacking.records() == [("visit", trip)]
    assert page.pending_box.title() == "待审批" and page.lacking_box.title() == "尚无出访批件的出访"


def test_a_card_whose_read_failed_says_why_and_a_later_refresh_fills_it(qtbot, gui_db, language, monkeypatch,
                                                                        no_blocking_message_boxes):
    from twindesk.store.server.errors import ServerConnectionLost
    from twindesk.store.server.messages import CONNECTION_LOST

    language("zh_CN")

    def lost(*args, **kwargs):
        raise ServerConnectionLost(CONNECTION_LOST, server="twindesk@db.office:5432",
                                   reason="server closed the connection unexpectedly")

    real = overview.shipments_in_transit
    monkeypatch.setattr(overview, "shipments_in_transit", lost)  # read second: the first card arrived
    page = _page(qtbot, "zh_CN")
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.show()
    said = "无法加载：与 twindesk@db.office:5432 的连接已断开（server closed the connection unexpectedly）"
    assert page.in_transit.empty_label.text() == said
    assert page.in_transit.empty_label.toolTip().endswith("请重新连接后再试")  # the whole message
    assert page.countries.empty_label.text() == said and page.aid_empty.text() == said
    assert page.upcoming.empty_label.text() == "今后 90 天内没有出访或来访"  # read before the connection went
    assert page.heading.text() == "2026年12月1日 概况（无法读取）"
    assert not page.in_transit.is_empty()  # not "none": nothing is known

    monkeypatch.setattr(overview, "shipments_in_transit", real)  # the connection is back
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.refresh()
    assert page.in_transit.empty_label.text() == "没有运输中的援助物资" and page.in_transit.is_empty()
    assert page.countries.is_empty() and page.heading.text() == "2026年12月1日 概况"
