"""Undo of the last edit or delete brings back exactly what was there, IDs and links included."""

from datetime import date

import pytest

from twindesk.domain.operations import records, undo
from twindesk.store import models as m


@pytest.fixture
def hyogo(db):
    hainan = records.save("home_locality", {"name_zh": "海南省", "kind": "province"})
    partner = records.save("partner", {"name_zh": "兵库县", "name_en": "Hyogo", "country": "JP"})
    # Ended: a signed agreement still in force would refuse the partner's delete (model/rules.py).
    records.save("partnership", {"partner": partner, "home_locality": hainan, "status": "ended",
                                 "status_since": date(1990, 1, 1)})
    records.save("contact", {"partner": partner, "family_name": "Ido", "given_name": "Toshizo"})
    records.save("activity", {"partner": partner, "title": "Video call", "held_on": date(2020, 2, 1)})
    kobe = records.save("partner", {"name_en": "Kobe", "country": "JP", "parent": partner})
    visit = records.save("visit", {"title": "Governor in Haikou", "home_locality": hainan})
    records.save("delegate", {"visit": visit, "name": "Li Na"})
    shipment = records.save("shipment", {"title": "Masks", "direction": "incoming", "counterparty": "Osaka"})
    records.save("shipment_item", {"shipment": shipment, "description": "Masks", "quantity": 100000})
    return {"partner": partner, "kobe": kobe, "visit": visit, "shipment": shipment}


def _snapshot():
    return {model.__name__: list(model.select().order_by(model.id).dicts()) for model in m.ALL_MODELS}


def test_undo_of_a_delete_brings_back_the_record_its_children_and_its_links(hyogo):
    before = _snapshot()
    step = undo.before_delete("partner", hyogo["partner"])
    records.delete("partner", hyogo["partner"])
    assert m.Partner.select().count() == 1 and m.Contact.select().count() == 0
    assert m.Activity.select().count() == 0 and m.PartnershipStatusChange.select().count() == 0
    assert m.Partner.get_by_id(hyogo["kobe"]).parent_id is None  # unlinked, not deleted
    undo.undo(step)
    assert _snapshot() == before
    assert undo.describe(step) == f"delete of partner {hyogo['partner']}"


def test_undo_of_a_visit_delete_brings_back_its_delegation(hyogo):
    before = _snapshot()
    step = undo.before_delete("visit", hyogo["visit"])
    records.delete("visit", hyogo["visit"])
    assert m.Delegate.select().count() == 0
    undo.undo(step)
    assert _snapshot() == before


def test_undo_of_an_edit_restores_every_field_and_who_changed_it(hyogo):
    before = _snapshot()
    step = undo.before_edit("partner", hyogo["partner"])
    records.save("partner", {"name_en": "Hyogo Prefecture", "population": 5400000}, hyogo["partner"], user="Li")
    assert m.Partner.get().name_en == "Hyogo Prefecture"
    undo.undo(step)
    assert _snapshot() == before
    assert m.Partner.select().where(m.Partner.search_text.contains("hyogo prefecture")).count() == 0


def test_undo_that_the_data_no_longer_allows_writes_nothing_and_says_why(hyogo):
    step = undo.before_delete("shipment", hyogo["shipment"])
    records.delete("shipment", hyogo["shipment"])
    taken = records.save("shipment", {"title": "Another shipment", "counterparty": "Kobe"})  # SQLite may reuse the freed ID
    edit = undo.before_edit("visit", hyogo["visit"])
    records.delete("visit", hyogo["visit"])
    assert taken == hyogo["shipment"]  # the highest ID freed is handed out again
    with pytest.raises(undo.UndoFailed, match="cannot be brought back"):
        undo.undo(step)
    assert m.ShipmentItem.select().count() == 0  # the items did not come back on their own either
    assert m.Shipment.get_by_id(taken).title == "Another shipment"
    with pytest.raises(undo.UndoFailed, match="was deleted since"):
        undo.undo(edit)
