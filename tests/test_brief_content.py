"""What a brief shows, from the domain: history before the visit and newest first, gifts exchanged
before, aid per year and direction never adding currencies, anniversaries, renewals and plans."""

from datetime import date
from decimal import Decimal

import pytest

from twindesk.domain.model.errors import NotFound
from twindesk.domain.operations import records
from twindesk.domain.queries.brief_content import PartnerBriefContent, VisitBriefContent


@pytest.fixture
def world(make):
    jeju = make.partner(name_zh="济州", name_en="Jeju", name_native="제주", country="KR", population=670000)
    kobe = make.partner(name_en="Kobe", country="JP")
    other = make.partner(name_en="Elsewhere", country="FR")
    ps = make.partnership(jeju, status="active", status_since=date(1995, 9, 1), established_year=1995,
                          signed_on=date(1995, 9, 21), next_review_on=date(2026, 1, 1))
    make.partnership(kobe, status="negotiating", status_since=date(2024, 1, 1), next_review_on=date(2027, 6, 1))
    old = make.visit((jeju,), title="Old", start_on=date(2018, 5, 1), status="completed", outcomes="MoU")
    older = make.visit((kobe, jeju), title="Older", direction="inbound", start_on=date(2016, 5, 1),
                       status="completed")
    make.visit((other,), title="Unrelated", start_on=date(2019, 1, 1), status="completed")
    visit = make.visit((jeju, kobe), title="Now", start_on=date(2020, 11, 9), end_on=date(2020, 11, 13),
                       status="confirmed")
    later = make.visit((jeju,), title="Later", start_on=date(2022, 1, 1))
    make.gift(old, description="Tea set", direction="given")
    make.gift(older, description="Vase", direction="received")
    make.gift(later, description="Future gift")
    make.gift(visit, description="This visit's gift")
    make.delegate(visit, name="Second", precedence=2)
    make.delegate(visit, name="Head", precedence=1)
    s1 = make.shipment(jeju, title="Masks in", direction="incoming", status="delivered",
                       dispatched_on=date(2020, 2, 1), delivered_on=date(2020, 2, 5))
    make.item(s1, quantity="100000", unit="pieces", value="500", currency="USD")
    make.item(s1, description="Gloves", quantity="20", unit="boxes", value="100", currency="CNY")
    s2 = make.shipment(jeju, title="Masks out", direction="outgoing", status="delivered",
                       dispatched_on=date(2020, 4, 1), delivered_on=date(2020, 4, 5))
    make.item(s2, quantity="5000", unit="pieces", value="300", currency="USD")
    s3 = make.shipment(jeju, title="Masks out again", status="delivered", dispatched_on=date(2020, 6, 1),
                       delivered_on=date(2020, 6, 2))
    make.item(s3, quantity="1000", unit="pieces", value="50", currency="USD")
    make.shipment(jeju, title="Cancelled", status="cancelled", planned_on=date(2020, 7, 1))
    make.shipment(jeju, title="After the visit", status="planned", planned_on=date(2021, 1, 1))
    make.activity(jeju, title="Forum 2019", held_on=date(2019, 3, 26))
    make.activity(jeju, title="Call 2017", held_on=date(2017, 1, 5))
    make.activity(jeju, title="Call 2021", held_on=date(2021, 1, 5))
    make.contact(jeju, family_name="김", given_name="민준", family_name_first=True)
    make.contact(kobe, family_name="Yamada")
    return {"jeju": jeju, "kobe": kobe, "visit": visit, "ps": ps, "later": later}


def test_visit_history_is_before_the_visit_and_newest_first(world):
    c = VisitBriefContent(world["visit"], today=date(2026, 1, 1))
    assert c.partner_ids == [world["jeju"], world["kobe"]]
    assert [v["title"] for v in c.past_visits] == ["Old", "Older"]
    assert c.past_visits[1]["partner_ids"] == [world["kobe"], world["jeju"]]
    assert [s["title"] for s in c.aid] == ["Cancelled", "Masks out again", "Masks out", "Masks in"]
    assert c.aid[-1]["items"][0]["quantity"] == Decimal("100000")
    assert [a["title"] for a in c.activities] == ["Forum 2019", "Call 2017"]
    assert [d["name"] for d in c.delegates] == ["Head", "Second"]
    assert [g["description"] for g in c.gifts] == ["This visit's gift"]
    assert [g["description"] for g in c.earlier_gifts] == ["Tea set", "Vase"]
    assert {x["partner_id"] for x in c.contacts} == {world["jeju"], world["kobe"]}
    assert [(a.partner_id, a.years) for a in c.anniversaries] == [(world["jeju"], 25)]
    assert c.partners[0]["partnerships"][0]["history"][-1]["status"] == "active"


def test_a_visit_without_dates_looks_back_from_today(world, make):
    undated = make.visit((world["jeju"],), title="Someday")
    c = VisitBriefContent(undated, today=date(2021, 6, 1))
    assert [v["title"] for v in c.past_visits] == ["Now", "Old", "Older"]  # "Later" (2022) is not history


def test_partner_brief_content(world):
    c = PartnerBriefContent(world["jeju"], today=date(2025, 6, 1))
    assert c.profile["name_native"] == "제주" and c.profile["population"] == 670000
    assert [(a.years, a.round_decade, a.on) for a in c.anniversaries] == [
        (30, True, date(2025, 9, 21)), (35, False, date(2030, 9, 21)), (40, True, date(2035, 9, 21))]
    assert [(r["id"], r["overdue"]) for r in PartnerBriefContent(world["jeju"], today=date(2026, 6, 1)).renewals] \
        == [(world["ps"], True)]
    dates = [r["date"] for r in c.timeline if r["date"] is not None]
    assert dates == sorted(dates, reverse=True)
    assert {r["kind"] for r in c.timeline} == {"visit", "shipment", "activity"}
    assert [v["title"] for v in c.planned_visits] == ["Now", "Later"]
    totals = {(r["year"], r["direction"]): r for r in c.aid_totals}
    assert list(totals) == [(2021, "outgoing"), (2020, "outgoing"), (2020, "incoming")]  # no cancelled aid
    assert totals[(2020, "outgoing")]["shipments"] == 2
    assert totals[(2020, "outgoing")]["values"] == {"USD": Decimal("350")}
    assert totals[(2020, "incoming")]["values"] == {"CNY": Decimal("100"), "USD": Decimal("500")}
    assert totals[(2020, "outgoing")]["quantities"] == [("Masks", "pieces", Decimal("6000"))]


def test_unknown_ids(world):
    with pytest.raises(NotFound):
        VisitBriefContent(999)
    with pytest.raises(NotFound):
        PartnerBriefContent(999)


def test_an_ended_relation_has_no_anniversaries_or_renewals(world):
    records.save("partnership", {"status": "ended", "status_since": date(2024, 1, 1)}, world["ps"])
    c = PartnerBriefContent(world["jeju"], today=date(2025, 6, 1))
    assert c.anniversaries == [] and c.renewals == []
