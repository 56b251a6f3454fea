"""A new record with its parts saved in one go: one transaction, one history operation, one undo step,
one change notice; every problem named with its part and row, and nothing written when one fails."""

from datetime import date

import pytest

from tests.conftest import table_counts, writes_outside_the_door
from twindesk.domain.model.errors import ValidationError
from twindesk.domain.operations import door, undo
from twindesk.domain.operations.records_with_parts import PartsInvalid, check_part, save_with_parts
from twindesk.store import models as m

VISIT = {"title": "Leadership visit to Jeju", "direction": "outbound", "start_on": date(2027, 3, 15),
         "end_on": date(2027, 3, 18)}
DELEGATES = [{"name": "Wang Wei", "title": "Vice Governor"}, {"name": "Li Na"}, {"name": "Zhao Lei"}]
DAYS = [{"day": date(2027, 3, 15), "activity": "Talks"}, {"day": date(2027, 3, 16), "activity": "Site visit"}]
GIFTS = [{"description": "Tea set", "value": "300"}]


def _visit_parts():
    return {"delegate": DELEGATES, "itinerary_item": DAYS, "gift": GIFTS}


@pytest.fixture
def notices(db):
    seen: list[door.Changes] = []
    door.subscribe(seen.append)
    yield seen
    door.unsubscribe(seen.append)


@pytest.fixture
def outside(db):
    """Writes run outside an operation (as tests/test_one_door.py watches them)."""
    with writes_outside_the_door() as seen:
        yield seen


def test_a_visit_with_everything_is_one_operation_one_step_one_notice(make, notices, outside):
    jeju = make.partner()
    undo.history.reset()
    notices.clear()
    ops_before = m.HistoryOperation.select().count()
    vid = save_with_parts("visit", VISIT, _visit_parts(), [jeju], user="Li Na")
    assert outside == []
    delegates = m.Delegate.select().where(m.Delegate.visit == vid).order_by(m.Delegate.precedence)
    assert [(d.name, d.precedence) for d in delegates] == [("Wang Wei", 1), ("Li Na", 2), ("Zhao Lei", 3)]
    assert [i.day for i in m.ItineraryItem.select().order_by(m.ItineraryItem.day)] == [d["day"] for d in DAYS]
    assert [g.description for g in m.Gift.select()] == ["Tea set"]
    assert [vp.partner_id for vp in m.VisitPartner.select().where(m.VisitPartner.visit == vid)] == [jeju]
    ops = list(m.HistoryOperation.select().order_by(m.HistoryOperation.id))
    assert len(ops) == ops_before + 1
    op = ops[-1]
    assert (op.action, op.kind, op.record_id, op.user) == ("save", "visit", vid, "Li Na")
    created = sorted((c.kind, c.change) for c in m.HistoryChange.select().where(m.HistoryChange.operation == op.id))
    assert created == sorted([("visit", "create")] + [("delegate", "create")] * 3
                             + [("itinerary_item", "create")] * 2 + [("gift", "create"), ("visit_partner", "create")])
    assert len(undo.history.undo_steps) == 1 and undo.history.next_undo().record_id == vid
    assert len(notices) == 1
    assert notices[0].kinds == {"visit", "delegate", "itinerary_item", "gift", "visit_partner"}


def test_undo_takes_the_whole_visit_back_and_redo_brings_it_again(make, db_target):
    jeju = make.partner()
    before = table_counts(db_target)
    undo.history.reset()
    vid = save_with_parts("visit", VISIT, _visit_parts(), [jeju])
    with_all = table_counts(db_target)
    undo.history.undo()
    assert table_counts(db_target) == before
    assert not undo.history.undo_steps
    undo.history.redo()
    assert table_counts(db_target) == with_all
    assert m.Visit.get_by_id(vid).title == VISIT["title"]
    assert [d.name for d in m.Delegate.select().order_by(m.Delegate.precedence)] == ["Wang Wei", "Li Na", "Zhao Lei"]


def test_a_day_outside_the_visit_writes_nothing_and_says_which_part_and_row(make, db_target, notices):
    before = table_counts(db_target)
    ops = m.HistoryOperation.select().count()
    days = [DAYS[0], {"day": date(2027, 4, 1), "activity": "Farewell"}]
    with pytest.raises(PartsInvalid) as caught:
        save_with_parts("visit", VISIT, {"delegate": DELEGATES, "itinerary_item": days, "gift": GIFTS})
    assert table_counts(db_target) == before and m.HistoryOperation.select().count() == ops and not notices
    assert str(caught.value) == ("Itinerary, row 2: Day (2027-04-01) is outside the visit's dates "
                                 "(2027-03-15 – 2027-03-18).")
    assert caught.value.text("zh_CN").startswith("日程安排第 2 行：")
    assert [(p.kind, p.row, p.field) for p in caught.value.parts] == [("itinerary_item", 2, "day")]


def test_every_problem_is_reported_at_once_with_where_it_is(db):
    bad_visit = {**VISIT, "title": "", "end_on": date(2027, 3, 1)}
    delegates = [{"name": "Wang"}, {"name": ""}, {"name": "Zhao", "precedence": "x"}]
    with pytest.raises(PartsInvalid) as caught:
        save_with_parts("visit", bad_visit, {"delegate": delegates, "gift": [{"description": "Tea", "value": "-1"}]},
                        [999])
    exc = caught.value
    assert {e.field for e in exc.errors} == {"title", "end_on"}
    assert [(p.kind, p.row, p.field) for p in exc.parts] == [
        ("delegate", 2, "name"), ("delegate", 3, "precedence"), ("gift", 1, "value"), ("visit_partner", 1, "partner")]
    assert "Delegation, row 2: Name is required." in str(exc)
    assert "团组成员第 2 行" in exc.text("zh_CN") and "礼品第 1 行" in exc.text("zh_CN")
    assert m.Visit.select().count() == 0


def test_a_partner_with_partnerships_and_contacts(make, notices):
    hainan = make.default_locality()
    undo.history.reset()
    notices.clear()
    pid = save_with_parts("partner", {"name_en": "Jeju", "country": "KR"}, {
        "partnership": [{"home_locality": hainan, "status": "active", "status_since": date(1995, 9, 1),
                     "established_year": 1995}],
        "contact": [{"family_name": "Kim"}, {"family_name": "Lee", "email": "lee@example.org"}]})
    partnership = m.Partnership.get(m.Partnership.partner == pid)
    assert partnership.home_locality_id == hainan and partnership.status == "active"
    assert m.PartnershipStatusChange.select().where(m.PartnershipStatusChange.partnership == partnership).count() == 1
    assert [c.family_name for c in m.Contact.select().where(m.Contact.partner == pid).order_by(m.Contact.id)] == [
        "Kim", "Lee"]
    assert len(notices) == 1 and {"partner", "partnership", "contact"} <= notices[0].kinds
    undo.history.undo()
    assert m.Partner.select().count() == 0 and m.Partnership.select().count() == 0
    assert m.Contact.select().count() == 0 and m.PartnershipStatusChange.select().count() == 0


def test_two_live_partnerships_at_one_tier_are_refused_by_row(make):
    hainan = make.default_locality()
    row = {"home_locality": hainan, "status": "active", "status_since": date(1995, 9, 1),
                     "established_year": 1995}
    with pytest.raises(PartsInvalid) as caught:
        save_with_parts("partner", {"name_en": "Jeju", "country": "KR"}, {"partnership": [row, row]})
    assert [(p.kind, p.row) for p in caught.value.parts] == [("partnership", 2)]
    assert "row 1 already joins this partner" in str(caught.value)
    assert m.Partner.select().count() == 0


def test_a_shipment_with_its_items(make):
    undo.history.reset()
    sid = save_with_parts("shipment", {"title": "Masks", "counterparty": "29 villages"}, {"shipment_item": [
        {"description": "医用口罩", "quantity": "10000"}, {"description": "Gloves", "quantity": "20", "value": "10"}]})
    items = m.ShipmentItem.select().where(m.ShipmentItem.shipment == sid).order_by(m.ShipmentItem.id)
    assert [i.description for i in items] == ["医用口罩", "Gloves"]
    assert len(undo.history.undo_steps) == 1
    undo.history.undo()
    assert m.Shipment.select().count() == 0 and m.ShipmentItem.select().count() == 0


def test_a_part_is_checked_against_the_visit_as_typed_so_far(db):
    typed = {"title": "Draft", "start_on": date(2027, 3, 15), "end_on": "not a date"}
    assert check_part("visit", typed, "itinerary_item", {"day": date(2027, 3, 15), "activity": "Talks"})["day"] \
        == date(2027, 3, 15)
    with pytest.raises(ValidationError) as caught:
        check_part("visit", {**typed, "end_on": date(2027, 3, 16)}, "itinerary_item",
                   {"day": date(2027, 3, 20), "activity": "Talks", "visit": None})
    assert [e.field for e in caught.value.errors] == ["day"]
    with pytest.raises(ValidationError) as caught:
        check_part("visit", typed, "delegate", {"name": ""})
    assert [e.field for e in caught.value.errors] == ["name"]  # the missing visit is no problem yet


def test_a_part_the_record_cannot_hold_is_a_bug(db):
    with pytest.raises(KeyError):
        save_with_parts("shipment", {"title": "Masks", "counterparty": "x"}, {"delegate": [{"name": "Wang"}]})
    with pytest.raises(KeyError):
        save_with_parts("shipment", {"title": "Masks", "counterparty": "x"}, {}, [1])
