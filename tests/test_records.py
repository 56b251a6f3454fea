"""records.save / get / delete: cross-record rules, references, status history, delete cascade and refusal."""

from datetime import date

import pytest

from twindesk.domain.model.errors import DeleteRefused, NotFound, ValidationError
from twindesk.domain.operations import records
from twindesk.domain.operations.door import actor
from twindesk.store import models as m


def messages(info) -> list[tuple[str, str]]:
    return [(e.field, e.message) for e in info.value.errors]


# --- save and get -----------------------------------------------------------------------------


def test_save_creates_and_get_returns_cleaned_values(make):
    pid = make.partner(name_zh="济州", name_native="제주", country="kr", population="697,000")
    got = records.get("partner", pid)
    assert got["id"] == pid
    assert (got["name_zh"], got["name_en"], got["country"], got["population"]) == (
        "济州",
        "Jeju",
        "KR",
        697000,
    )
    assert got["parent"] is None
    assert m.Partner.get_by_id(pid).search_text == "济州\njeju\n제주\njizhou\njz"


def test_update_changes_only_given_fields_and_records_who(make):
    pid = make.partner(population=10)
    records.save("partner", {"name_native": "ВЛАДИВОСТОК"}, pid, user="li")
    got = records.get("partner", pid)
    assert (got["name_en"], got["population"], got["updated_by"]) == ("Jeju", 10, "li")
    assert "владивосток" in m.Partner.get_by_id(pid).search_text
    assert m.Partner.select().count() == 1


def test_update_is_checked_as_the_whole_record_and_writes_nothing_when_wrong(make):
    vid = make.visit(start_on=date(2024, 5, 1), end_on=date(2024, 5, 4))
    with pytest.raises(ValidationError) as info:
        records.save("visit", {"end_on": "2024-04-30"}, vid)
    assert messages(info) == [("end_on", "End date (2024-04-30) is before start date (2024-05-01).")]
    assert records.get("visit", vid)["end_on"] == date(2024, 5, 4)


def test_missing_record_is_not_found(db):
    with pytest.raises(NotFound, match="There is no partner with ID 99."):
        records.get("partner", 99)
    with pytest.raises(NotFound, match="There is no visit with ID 5."):
        records.save("visit", {"title": "x"}, 5)
    assert m.Visit.select().count() == 0
    with pytest.raises(KeyError, match="unknown record kind 'planet'"):
        records.save("planet", {})


# --- references -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "values", "field", "message"),
    [
        (
            "partner",
            {"name_en": "X", "country": "KR", "parent": 999},
            "parent",
            "Parent region: there is no partner with ID 999.",
        ),
        (
            "contact",
            {"partner": 999, "family_name": "Kim"},
            "partner",
            "Partner: there is no partner with ID 999.",
        ),
        (
            "partnership",
            {"partner": 999, "home_locality": 998},
            "partner",
            "Partner: there is no partner with ID 999.",
        ),
        (
            "shipment",
            {"title": "Aid", "partner": 999},
            "partner",
            "Partner: there is no partner with ID 999.",
        ),
        (
            "shipment_item",
            {"shipment": 7, "description": "Masks"},
            "shipment",
            "Shipment: there is no shipment with ID 7.",
        ),
        ("delegate", {"visit": 3, "name": "Wang"}, "visit", "Visit: there is no visit with ID 3."),
        (
            "itinerary_item",
            {"visit": 3, "day": "2024-01-01", "activity": "Talks"},
            "visit",
            "Visit: there is no visit with ID 3.",
        ),
        (
            "status_change",
            {"partnership": 4, "status": "active", "changed_on": "2020-01-01"},
            "partnership",
            "Partnership: there is no partnership with ID 4.",
        ),
        (
            "visit",
            {"title": "Trip", "home_locality": 12},
            "home_locality",
            "Home locality: there is no home locality with ID 12.",
        ),
    ],
)
def test_references_to_missing_ids_are_refused(db, kind, values, field, message):
    spec_model = records.spec_for(kind).model
    with pytest.raises(ValidationError) as info:
        records.save(kind, values)
    assert (field, message) in messages(info)
    assert spec_model.select().count() == 0


def test_partnership_reports_both_missing_references(db):
    with pytest.raises(ValidationError) as info:
        records.save("partnership", {"partner": 999, "home_locality": 998})
    assert messages(info) == [
        ("partner", "Partner: there is no partner with ID 999."),
        ("home_locality", "Home locality: there is no home locality with ID 998."),
    ]


def test_partner_cannot_be_its_own_parent(make):
    pid = make.partner()
    with pytest.raises(ValidationError) as info:
        records.save("partner", {"parent": pid}, pid)
    assert messages(info) == [("parent", "A partner cannot be its own parent region.")]
    other = make.partner(name_en="Seogwipo")
    records.save("partner", {"parent": pid}, other)
    assert records.get("partner", other)["parent"] == pid


def test_set_visit_partners_refuses_missing_partner_and_keeps_links(make):
    a, b = make.partner(), make.partner(name_en="Kobe", country="JP")
    vid = make.visit((a,))
    with pytest.raises(ValidationError, match="Partners: there is no partner with ID 999."):
        records.set_visit_partners(vid, [b, 999])
    assert records.visit_partner_ids(vid) == [a]
    records.set_visit_partners(vid, [b, a, b])
    assert records.visit_partner_ids(vid) == [b, a]
    with pytest.raises(NotFound):
        records.set_visit_partners(404, [a])


def test_reorder_delegates(make):
    vid = make.visit()
    d1, d2, d3 = (make.delegate(vid, name=n) for n in ("A", "B", "C"))
    records.reorder_delegates(vid, [d3, d1, d2])
    order = [d.name for d in m.Delegate.select().order_by(m.Delegate.precedence)]
    assert order == ["C", "A", "B"]
    for wrong in ([d1, d2], [d1, d2, d3, d3], [d1, d2, 999]):
        with pytest.raises(ValidationError, match="exactly once"):
            records.reorder_delegates(vid, wrong)
    assert [d.name for d in m.Delegate.select().order_by(m.Delegate.precedence)] == ["C", "A", "B"]


# --- partnership status history -------------------------------------------------------------------


def _history(ps):
    q = m.PartnershipStatusChange.select().where(m.PartnershipStatusChange.partnership == ps)
    return [(c.status, c.changed_on, c.updated_by) for c in q.order_by(m.PartnershipStatusChange.id)]


def test_status_change_is_recorded_with_its_date(make):
    pid = make.partner()
    ps = make.partnership(pid, status="negotiating", status_since="2019-03-01")
    assert _history(ps) == [("negotiating", date(2019, 3, 1), actor())]  # never blank: the system's user
    records.save(
        "partnership",
        {"status": "active", "status_since": "2020-06-15", "signed_on": "2020-06-15"},
        ps,
        user="wang",
    )
    records.save("partnership", {"notes": "renewed talks"}, ps)  # no status change: no history row
    records.save("partnership", {"status": "active"}, ps)  # same status again: no history row
    assert _history(ps) == [("negotiating", date(2019, 3, 1), actor()), ("active", date(2020, 6, 15), "wang")]
    got = records.get("partnership", ps)
    assert (got["status"], got["status_since"]) == ("active", date(2020, 6, 15))


def test_status_change_without_a_date_is_dated_today(make):
    pid = make.partner()
    ps = make.partnership(pid, status="active", status_since=date(2001, 1, 1), established_year=2001)
    records.save("partnership", {"status": "dormant"}, ps)
    assert _history(ps)[-1][:2] == ("dormant", date.today())
    assert records.get("partnership", ps)["status_since"] == date.today()


def test_refused_status_change_leaves_no_history(make):
    pid = make.partner()
    ps = make.partnership(pid, status="active", status_since=date(2001, 1, 1), signed_on=date(2001, 1, 1))
    with pytest.raises(ValidationError):
        records.save("partnership", {"status": "ended", "established_year": "1800"}, ps)
    assert _history(ps) == [("active", date(2001, 1, 1), actor())]
    assert records.get("partnership", ps)["status"] == "active"


# --- itinerary inside the visit's dates ---------------------------------------------------------------


@pytest.mark.parametrize("day", [date(2024, 5, 1), date(2024, 5, 3), date(2024, 5, 4)])
def test_itinerary_day_inside_visit_is_accepted(make, day):
    vid = make.visit(start_on=date(2024, 5, 1), end_on=date(2024, 5, 4))
    assert records.get("itinerary_item", make.itinerary(vid, day=day))["day"] == day


@pytest.mark.parametrize("day", [date(2024, 4, 30), date(2024, 5, 5), date(2025, 5, 2)])
def test_itinerary_day_outside_visit_is_refused(make, day):
    vid = make.visit(start_on=date(2024, 5, 1), end_on=date(2024, 5, 4))
    with pytest.raises(ValidationError) as info:
        make.itinerary(vid, day=day)
    assert messages(info) == [("day", f"Day ({day}) is outside the visit's dates (2024-05-01 – 2024-05-04).")]
    assert m.ItineraryItem.select().count() == 0


def test_itinerary_of_a_one_day_visit_and_of_an_undated_visit(make):
    one_day = make.visit(start_on=date(2024, 5, 1))
    make.itinerary(one_day, day=date(2024, 5, 1))
    with pytest.raises(ValidationError, match=r"outside the visit's dates \(2024-05-01 – 2024-05-01\)"):
        make.itinerary(one_day, day=date(2024, 5, 2))
    undated = make.visit()
    make.itinerary(undated, day=date(1999, 1, 1))
    assert m.ItineraryItem.select().count() == 2


def test_moving_an_itinerary_item_outside_is_refused(make):
    vid = make.visit(start_on=date(2024, 5, 1), end_on=date(2024, 5, 4))
    item = make.itinerary(vid, day=date(2024, 5, 2))
    with pytest.raises(ValidationError, match="outside the visit's dates"):
        records.save("itinerary_item", {"day": "2024-06-01"}, item)
    assert records.get("itinerary_item", item)["day"] == date(2024, 5, 2)


# --- delete -----------------------------------------------------------------------------------


def test_delete_impact_and_cascade_of_a_partner(make):
    jeju = make.partner()
    child = make.partner(name_en="Seogwipo", parent=jeju)
    # Talks that ended go with the partner (a signed agreement in force would refuse it: test_rules.py).
    ps = make.partnership(jeju, status="negotiating", status_since=date(2019, 1, 1))
    records.save("partnership", {"status": "ended", "status_since": date(2020, 1, 1)}, ps)
    make.contact(jeju)
    make.contact(jeju, family_name="Lee")
    make.activity(jeju)
    other = make.partner(name_en="Kobe", country="JP")
    make.contact(other)

    impact = records.delete_impact("partner", jeju)
    assert impact.allowed
    assert impact.removed == {"partnership": 1, "status_change": 2, "contact": 2, "activity": 1}
    assert impact.unlinked == {"partner": 1}
    assert impact.blockers == {}
    assert m.Partner.select().count() == 3  # only a look

    done = records.delete("partner", jeju)
    assert done.removed == impact.removed
    assert m.Partner.get_or_none(m.Partner.id == jeju) is None
    assert m.Partnership.select().count() == 0
    assert m.PartnershipStatusChange.select().count() == 0
    assert [c.partner_id for c in m.Contact.select()] == [other]
    assert m.Activity.select().count() == 0
    assert records.get("partner", child)["parent"] is None


def test_partner_with_a_shipment_cannot_be_deleted(make):
    pid = make.partner()
    make.contact(pid)
    make.shipment(pid)
    impact = records.delete_impact("partner", pid)
    assert not impact.allowed and impact.blockers == {"shipment": 1}
    with pytest.raises(DeleteRefused) as info:
        records.delete("partner", pid)
    assert str(info.value) == (
        "The partner with ID 1 cannot be deleted: 1 shipment still refers to it. "
        "Delete or reassign those first."
    )
    assert m.Partner.select().count() == 1 and m.Contact.select().count() == 1


def test_partner_with_visits_and_shipments_cannot_be_deleted(make):
    pid = make.partner()
    make.visit((pid,))
    make.visit((pid,), title="Second")
    make.shipment(pid)
    with pytest.raises(DeleteRefused) as info:
        records.delete("partner", pid)
    assert str(info.value) == (
        "The partner with ID 1 cannot be deleted: 2 visits, 1 shipment still refer to it. "
        "Delete or reassign those first."
    )
    assert m.VisitPartner.select().count() == 2 and m.Partner.select().count() == 1


def test_delete_visit_takes_its_delegates_itinerary_gifts_and_links(make):
    pid = make.partner()
    vid = make.visit((pid,), start_on=date(2024, 5, 1), end_on=date(2024, 5, 2))
    make.delegate(vid)
    make.delegate(vid, name="Li")
    make.itinerary(vid, day=date(2024, 5, 1))
    make.gift(vid)
    keep = make.visit((pid,), title="Other")
    make.delegate(keep)
    assert records.delete_impact("visit", vid).removed == {
        "visit_partner": 1,
        "delegate": 2,
        "itinerary_item": 1,
        "gift": 1,
    }
    records.delete("visit", vid)
    assert m.Delegate.select().count() == 1 and m.ItineraryItem.select().count() == 0
    assert m.Gift.select().count() == 0 and records.visit_partner_ids(keep) == [pid]
    assert m.Partner.select().count() == 1


def test_delete_shipment_takes_its_items_and_frees_the_partner(make):
    pid = make.partner()
    sid = make.shipment(pid)
    make.item(sid)
    make.item(sid, description="Gloves")
    assert records.delete("shipment", sid).removed == {"shipment_item": 2}
    assert m.ShipmentItem.select().count() == 0
    records.delete("partner", pid)
    assert m.Partner.select().count() == 0


def test_home_locality_with_partnerships_is_refused_with_visits_only_unlinked(make):
    pid = make.partner()
    loc = make.locality(name_zh="海口", name_en="Haikou", kind="city")
    make.partnership(pid, home_locality=loc)
    vid = make.visit(home_locality=loc)
    with pytest.raises(
        DeleteRefused, match="The home locality with ID 1 cannot be deleted: 1 partnership still "
    ):
        records.delete("home_locality", loc)
    m.Partnership.delete().execute()
    impact = records.delete("home_locality", loc)
    assert impact.unlinked == {"visit": 1}
    assert records.get("visit", vid)["home_locality"] is None


def test_delete_missing_record(db):
    with pytest.raises(NotFound):
        records.delete("shipment", 1)
    with pytest.raises(NotFound):
        records.delete_impact("partner", 1)


def test_emptied_optional_fields_save_with_their_defaults(make):
    vid = make.visit()
    did = records.save("delegate", {"visit": vid, "name": "Wang", "precedence": ""})
    gid = make.gift(vid, currency="")
    assert records.get("delegate", did)["precedence"] == 0
    assert records.get("gift", gid)["currency"] == "CNY"
    records.save("gift", {"currency": "usd"}, gid)
    assert records.get("gift", gid)["currency"] == "USD"
