"""The dashboard's overview: the twelve months ahead (not the calendar year) and the overdue flags,
with a fixed today in December, when "this year" is nearly over."""

from datetime import date

from twindesk.domain.queries import insights, overview

TODAY = date(2026, 12, 1)
UNTIL = date(2027, 11, 30)


def test_twelve_months_from_today():
    assert overview.twelve_months_from(TODAY) == UNTIL
    assert overview.twelve_months_from(date(2027, 1, 1)) == date(2027, 12, 31)
    assert overview.twelve_months_from(date(2028, 2, 29)) == date(2029, 2, 28)


def test_anniversaries_over_the_next_twelve_months(make):
    def signed(name, on, status="active", **values):
        pid = make.partner(name_en=name)
        return make.partnership(pid, status=status, status_since=on, signed_on=on, **values)

    signed("Passed", date(2016, 11, 30))  # 10th on 30 Nov 2026: yesterday
    signed("Today", date(2021, 12, 1))  # 5th today
    signed("Spring", date(2017, 3, 10))  # 10th in March next year: outside the calendar year
    signed("Last day", date(2022, 11, 30))  # 5th on the window's last day
    signed("Too late", date(2022, 12, 1))  # 5th a day after it
    signed("Leap", date(2012, 2, 29))  # 15th on 28 Feb 2027
    signed("Ended", date(2017, 3, 10), status="ended")
    signed("Odd", date(2018, 6, 1))  # 8th, 9th: no anniversary
    year_only_now = make.partnership(make.partner(name_en="Year 2016"), status="dormant", established_year=2016)
    make.partnership(make.partner(name_en="Year 2017"), status="active", established_year=2017)
    signed("Founded earlier", date(2019, 4, 1), established_year=2002)  # 25th in 2027, day not known

    found, total = insights.anniversaries_between(TODAY, UNTIL)
    assert [(a.partner_en, a.years, a.on) for a in found] == [
        ("Year 2016", 10, None),  # this year, day not known: listed at today
        ("Today", 5, date(2026, 12, 1)),
        ("Founded earlier", 25, None),  # next year, day not known: listed at its start, oldest first
        ("Year 2017", 10, None),
        ("Leap", 15, date(2027, 2, 28)),
        ("Spring", 10, date(2027, 3, 10)),
        ("Last day", 5, date(2027, 11, 30)),
    ]
    assert total == 7
    assert [a.year for a in found] == [2026, 2026, 2027, 2027, 2027, 2027, 2027]
    assert [a.round_decade for a in found] == [True, False, False, True, False, True, False]
    assert found[0].partnership_id == year_only_now
    # The calendar year, in December: one passed yesterday, and none of next year's.
    assert len(insights.anniversaries(2026)) == 3  # Passed, Today, Year 2016
    # The first rows only, with the count of all of them.
    first, total = insights.anniversaries_between(TODAY, UNTIL, limit=2)
    assert [a.partner_en for a in first] == ["Year 2016", "Today"] and total == 7


def test_reviews_past_due_first_then_the_next_twelve_months(make):
    def review(name, on, status="active"):
        return make.partnership(make.partner(name_en=name), status=status, established_year=2020,
                                next_review_on=on)

    review("Long overdue", date(2025, 6, 30))
    review("Yesterday", date(2026, 11, 30))
    review("Today", date(2026, 12, 1))
    review("Next autumn", date(2027, 11, 30))
    review("Beyond", date(2027, 12, 1))
    review("Ended", date(2026, 11, 1), status="ended")
    found = overview.reviews(TODAY, UNTIL)
    assert [(r["partner_en"], r["overdue"]) for r in found.rows] == [
        ("Long overdue", True), ("Yesterday", True), ("Today", False), ("Next autumn", False)]
    assert (found.total, found.overdue) == (4, 2)
    assert overview.reviews(TODAY, UNTIL, limit=1).rows[0]["partner_en"] == "Long overdue"
    assert (overview.reviews(TODAY, UNTIL, limit=1).total, overview.reviews(TODAY, UNTIL, limit=1).overdue) == (4, 2)


def test_shipments_in_transit_past_their_expected_date_are_overdue(make):
    jeju = make.partner(name_en="Jeju")
    late = make.shipment(jeju, title="Late", status="in_transit", dispatched_on=date(2026, 11, 1),
                         expected_on=date(2026, 11, 30))
    due = make.shipment(jeju, title="Due today", status="dispatched", dispatched_on=date(2026, 11, 20),
                        expected_on=date(2026, 12, 1))
    open_ended = make.shipment(jeju, title="No date", status="in_transit", dispatched_on=date(2026, 11, 20))
    make.shipment(jeju, title="Arrived", status="delivered", dispatched_on=date(2026, 10, 1),
                  expected_on=date(2026, 10, 10), delivered_on=date(2026, 10, 12))
    found = overview.shipments_in_transit(TODAY)
    assert [(s["id"], s["overdue"]) for s in found.rows] == [(late, True), (due, False), (open_ended, False)]
    assert (found.total, found.overdue) == (3, 1)


def test_follow_ups_due_and_overdue(make):
    jeju = make.partner(name_en="Jeju")

    def follow_up(title, on, partner=jeju):
        return make.activity(partner, title=title, held_on=date(2026, 8, 1), follow_up_on=on)

    follow_up("Too old", date(2026, 9, 1))  # 91 days ago: no longer listed
    follow_up("Oldest listed", date(2026, 9, 2))
    follow_up("Yesterday", date(2026, 11, 30), partner=None)
    follow_up("Today", date(2026, 12, 1))
    follow_up("In a month", date(2026, 12, 31))
    follow_up("Later", date(2027, 1, 1))
    make.activity(jeju, title="No follow-up", held_on=date(2026, 11, 1))
    found = overview.follow_ups(TODAY)
    assert [(a["title"], a["overdue"]) for a in found.rows] == [
        ("Oldest listed", True), ("Yesterday", True), ("Today", False), ("In a month", False)]
    assert (found.total, found.overdue) == (4, 2)
    assert found.rows[0]["partner_en"] == "Jeju" and found.rows[1]["partner_en"] is None


def test_quiet_partners_in_one_statement(make):
    never = make.partner(name_en="Never")
    make.partnership(never, status="active", established_year=2020)
    old = make.partner(name_en="Old")
    make.partnership(old, status="dormant", established_year=2020)
    make.activity(old, held_on=date(2024, 5, 1))
    make.activity(old, held_on=date(2027, 5, 1))  # in the future: no contact yet
    recent = make.partner(name_en="Recent")
    make.partnership(recent, status="active", established_year=2020)
    make.visit((recent,), status="completed", start_on=date(2026, 6, 1), end_on=date(2026, 6, 3))
    shipped = make.partner(name_en="Shipped")
    make.partnership(shipped, status="active", established_year=2020)
    make.shipment(shipped, status="delivered", dispatched_on=date(2026, 1, 5), delivered_on=date(2026, 1, 9))
    prospect = make.partner(name_en="Prospect only")
    make.partnership(prospect, status="prospect")
    rows, total = insights.quiet_partners(TODAY, 365)
    assert [(r["name_en"], r["last_contact"], r["days_since"]) for r in rows] == [
        ("Never", None, None), ("Old", date(2024, 5, 1), (TODAY - date(2024, 5, 1)).days)]
    assert total == 2
    assert [r["name_en"] for r in insights.quiet_partners(TODAY, 300)[0]] == ["Never", "Old", "Shipped"]
    assert insights.quiet_partners(TODAY, 300, limit=1) == (rows[:1], 3)


def test_aid_values_per_currency_never_added_together(make):
    jeju = make.partner(name_en="Jeju")
    sent = make.shipment(jeju, direction="outgoing", status="delivered", delivered_on=date(2020, 3, 1))
    make.item(sent, value="100", currency="CNY")
    make.item(sent, value="50", currency="USD")
    make.item(sent, value="20", currency="CNY")
    make.item(sent, currency="CNY")  # no value
    cancelled = make.shipment(jeju, direction="outgoing", status="cancelled", planned_on=date(2020, 3, 1))
    make.item(cancelled, value="999", currency="CNY")
    assert [(r["year"], r["direction"], r["currency"], str(r["value"])) for r in insights.aid_values()] == [
        (2020, "outgoing", "CNY", "120.00"), (2020, "outgoing", "USD", "50.00")]


def test_the_overview_hears_each_part_as_it_is_read(make):
    heard = []
    data = overview.load_overview(TODAY, quiet_after_days=365, on_part=lambda name, value: heard.append(name))
    assert heard[:2] == ["upcoming_visits", "shipments_in_transit"]
    assert set(heard) == {f for f in overview.Overview.__dataclass_fields__ if f not in ("today", "until",
                                                                                          "quiet_after_days")}
    assert data.until == UNTIL and data.reviews == overview.Rows()
