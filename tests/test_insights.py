"""Derived facts: anniversaries, renewals due, relationship health and aid totals, with fixed dates."""

from datetime import date
from decimal import Decimal

from twindesk.domain.queries import insights


def _partner_with(make, name, country="KR", **partnership):
    pid = make.partner(name_en=name, country=country)
    return pid, make.partnership(pid, **partnership)


# --- anniversaries ----------------------------------------------------------------------------


def test_anniversaries_every_fifth_year_with_round_decades(make):
    _, jeju = _partner_with(
        make,
        "Jeju",
        status="active",
        status_since=date(1995, 9, 1),
        established_year=1995,
        signed_on=date(1995, 9, 21),
    )
    _, kobe = _partner_with(
        make, "Kobe", "JP", status="dormant", status_since=date(2015, 1, 1), signed_on=date(2015, 4, 2)
    )  # no year given: the signing year counts
    _, leap = _partner_with(
        make, "Leap", status="active", status_since=date(2000, 2, 29), signed_on=date(2000, 2, 29)
    )
    _partner_with(make, "Talks", status="negotiating", status_since=date(2015, 1, 1), established_year=2015)
    _partner_with(make, "Gone", status="ended", status_since=date(2015, 1, 1), established_year=2005)
    _partner_with(make, "Odd", status="active", status_since=date(2013, 1, 1), established_year=2013)
    # year given that differs from the signing year: no day is known
    _, mixed = _partner_with(
        make,
        "Mixed",
        status="active",
        status_since=date(2005, 1, 1),
        established_year=2005,
        signed_on=date(2006, 3, 3),
    )

    found = insights.anniversaries(2025)
    assert [(a.partner_en, a.years, a.round_decade, a.on) for a in found] == [
        ("Jeju", 30, True, date(2025, 9, 21)),
        ("Leap", 25, False, date(2025, 2, 28)),  # 29 February in a common year
        ("Mixed", 20, True, None),
        ("Kobe", 10, True, date(2025, 4, 2)),
    ]
    assert found[0].partnership_id == jeju and found[0].locality_zh == "海南省"
    assert [a.partnership_id for a in found][-1] == kobe
    assert [a.years for a in insights.anniversaries(2020)] == [25, 20, 15, 5]
    assert [a.partner_en for a in insights.anniversaries(2018)] == ["Odd"]
    assert [a.partnership_id for a in insights.anniversaries(2000)] == [jeju]
    assert leap not in [
        a.partnership_id for a in insights.anniversaries(2000)
    ]  # the founding year is no anniversary


def test_round_decade():
    make_one = lambda years: insights.Anniversary(1, 1, "", "", "", 2000, years, None)  # noqa: E731
    assert [make_one(y).round_decade for y in (5, 10, 15, 20, 25, 30)] == [
        False,
        True,
        False,
        True,
        False,
        True,
    ]


# --- renewals -----------------------------------------------------------------------------------


def test_renewals_due_in_window_soonest_first(make):
    _, early = _partner_with(
        make, "A", status="active", status_since=date(2020, 1, 1), established_year=2020, next_review_on=date(2026, 1, 1)
    )
    _, late = _partner_with(
        make, "B", status="dormant", status_since=date(2020, 1, 1), established_year=2020, next_review_on=date(2026, 3, 31)
    )
    _partner_with(make, "C", status="ended", status_since=date(2020, 1, 1), next_review_on=date(2026, 2, 1))
    _partner_with(make, "D", status="active", status_since=date(2020, 1, 1), established_year=2020, next_review_on=date(2026, 4, 1))
    _partner_with(
        make, "E", status="active", status_since=date(2020, 1, 1), established_year=2020, next_review_on=date(2025, 12, 31)
    )
    _partner_with(make, "F", status="active", status_since=date(2020, 1, 1), established_year=2020)
    due = insights.renewals_due(date(2026, 1, 1), date(2026, 3, 31))
    assert [(r["id"], r["partner_en"], r["next_review_on"]) for r in due] == [
        (early, "A", date(2026, 1, 1)),
        (late, "B", date(2026, 3, 31)),
    ]
    assert due[0]["locality_zh"] == "海南省" and due[0]["status"] == "active"
    assert insights.renewals_due(date(2030, 1, 1), date(2030, 12, 31)) == []


# --- relationship health ------------------------------------------------------------------------


def test_relationship_health_finds_quiet_partners(make):
    today = date(2026, 6, 1)
    busy, _ = _partner_with(make, "Busy", status="active", status_since=date(2010, 1, 1), established_year=2010)
    visited, _ = _partner_with(make, "Visited", status="active", status_since=date(2010, 1, 1), established_year=2010)
    silent, _ = _partner_with(make, "Silent", status="dormant", status_since=date(2010, 1, 1), established_year=2010)
    stale, _ = _partner_with(make, "Stale", status="active", status_since=date(2010, 1, 1), established_year=2010)
    future, _ = _partner_with(make, "Future", status="active", status_since=date(2010, 1, 1), established_year=2010)
    edge, _ = _partner_with(make, "Edge", status="active", status_since=date(2010, 1, 1), established_year=2010)
    prospect, _ = _partner_with(make, "Prospect", status="prospect", status_since=date(2010, 1, 1))

    make.activity(busy, held_on=date(2026, 5, 1))
    make.activity(busy, held_on=date(2020, 5, 1))
    make.visit((visited,), status="completed", start_on=date(2025, 12, 1), end_on=date(2025, 12, 5))
    make.visit((visited,), status="proposed", start_on=date(2026, 5, 20))  # not completed: does not count
    make.shipment(stale, status="delivered", dispatched_on=date(2020, 2, 1), delivered_on=date(2020, 2, 10))
    make.shipment(stale, status="cancelled", dispatched_on=date(2026, 5, 1))  # cancelled: does not count
    make.activity(future, held_on=date(2027, 1, 1))  # after today: does not count
    make.activity(edge, held_on=date(2025, 6, 1))  # exactly 365 days: not yet quiet
    make.activity(prospect, held_on=date(2000, 1, 1))

    rows = {r["name_en"]: r for r in insights.relationship_health(today)}
    assert "Prospect" not in rows
    assert (rows["Busy"]["last_contact"], rows["Busy"]["days_since"], rows["Busy"]["quiet"]) == (
        date(2026, 5, 1),
        31,
        False,
    )
    assert (rows["Visited"]["last_contact"], rows["Visited"]["quiet"]) == (date(2025, 12, 5), False)
    assert (rows["Silent"]["last_contact"], rows["Silent"]["days_since"], rows["Silent"]["quiet"]) == (
        None,
        None,
        True,
    )
    assert (rows["Stale"]["last_contact"], rows["Stale"]["quiet"]) == (date(2020, 2, 10), True)
    assert (rows["Future"]["last_contact"], rows["Future"]["quiet"]) == (None, True)
    assert (rows["Edge"]["days_since"], rows["Edge"]["quiet"]) == (365, False)
    assert insights.relationship_health(date(2026, 6, 2))[-1]["name_en"] != "Edge"
    assert {r["name_en"]: r["quiet"] for r in insights.relationship_health(date(2026, 6, 2))}["Edge"] is True

    order = [r["name_en"] for r in insights.relationship_health(today)]
    assert order[:2] == ["Silent", "Future"]  # never in touch first, then by id
    assert order[2:] == ["Stale", "Edge", "Visited", "Busy"]
    quiet = [r["name_en"] for r in insights.relationship_health(today, quiet_after_days=30) if r["quiet"]]
    assert quiet == ["Silent", "Future", "Stale", "Edge", "Visited", "Busy"]


# --- aid totals -----------------------------------------------------------------------------------


def _aid(make):
    jeju = make.partner(name_en="Jeju", name_zh="济州")
    kobe = make.partner(name_en="Kobe", name_zh="神户", country="JP")
    s1 = make.shipment(
        jeju, status="delivered", dispatched_on=date(2020, 2, 1), delivered_on=date(2020, 2, 5)
    )
    make.item(s1, value="100.10")
    make.item(s1, value="50", currency="USD")
    s2 = make.shipment(jeju, status="dispatched", dispatched_on=date(2020, 12, 31))
    make.item(s2, value="0.90")
    s3 = make.shipment(kobe, direction="incoming", planned_on=date(2021, 1, 1))
    make.item(s3, value="1000", currency="JPY")
    make.item(s3, value="2000", currency="JPY")
    cancelled = make.shipment(kobe, status="cancelled", planned_on=date(2020, 5, 1))
    make.item(cancelled, value="99999")
    s4 = make.shipment(None, counterparty="29 villages", planned_on=date(2021, 3, 3))
    make.item(s4, value="5")
    return jeju, kobe


def test_aid_totals_by_year_and_direction_per_currency(make):
    _aid(make)
    rows = insights.aid_totals()
    assert [(r["year"], r["direction"], r["currency"], r["shipments"], r["value"]) for r in rows] == [
        (2020, "outgoing", "CNY", 2, Decimal("101.00")),
        (2020, "outgoing", "USD", 1, Decimal("50.00")),
        (2021, "incoming", "JPY", 1, Decimal("3000.00")),
        (2021, "outgoing", "CNY", 1, Decimal("5.00")),
    ]


def test_aid_totals_by_partner_never_add_currencies_and_skip_cancelled(make):
    jeju, kobe = _aid(make)
    rows = insights.aid_totals(by=("partner",))
    got = [(r["partner_id"], r["partner_en"], r["currency"], r["shipments"], r["value"]) for r in rows]
    assert got == [
        (None, None, "CNY", 1, Decimal("5.00")),
        (jeju, "Jeju", "CNY", 2, Decimal("101.00")),
        (jeju, "Jeju", "USD", 1, Decimal("50.00")),
        (kobe, "Kobe", "JPY", 1, Decimal("3000.00")),
    ]
    assert Decimal("99999.00") not in [r["value"] for r in rows]
    by_year = insights.aid_totals(by=("year",))
    assert [(r["year"], r["currency"], r["value"]) for r in by_year] == [
        (2020, "CNY", Decimal("101.00")),
        (2020, "USD", Decimal("50.00")),
        (2021, "CNY", Decimal("5.00")),
        (2021, "JPY", Decimal("3000.00")),
    ]


def test_aid_totals_of_a_shipment_without_items_or_dates(make):
    make.shipment(None, counterparty="Red Cross")
    rows = insights.aid_totals(by=("year", "direction"))
    assert [(r["year"], r["direction"], r["currency"], r["shipments"], r["value"]) for r in rows] == [
        (None, "outgoing", None, 1, None)
    ]
    assert insights.aid_totals(by=()) == [{"currency": None, "shipments": 1, "value": None}]
