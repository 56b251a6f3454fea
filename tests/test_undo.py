"""Undo and redo, several levels, built on the history: exactly what was there comes back, IDs and links
included, and the undo is itself a change by whoever undid it."""

from datetime import date

import pytest

from twindesk.domain.operations import records, undo
from twindesk.domain.operations.door import actor
from twindesk.store import models as m

# What an undo may change on a record it puts back: it is a new change, by someone, now.
BOOKKEEPING = {"version", "updated_at", "updated_by"}


@pytest.fixture
def hyogo(db):
    hainan = records.save("home_locality", {"name_zh": "海南省", "kind": "province"})
    partner = records.save("partner", {"name_zh": "兵库县", "name_en": "Hyogo", "country": "JP"})
    partnership = records.save("partnership", {"partner": partner, "home_locality": hainan, "status": "negotiating",
                                               "status_since": date(1990, 1, 1)})
    records.save("contact", {"partner": partner, "family_name": "Ido", "given_name": "Toshizo"})
    records.save("activity", {"partner": partner, "title": "Video call", "held_on": date(2020, 2, 1)})
    kobe = records.save("partner", {"name_en": "Kobe", "country": "JP", "parent": partner})
    visit = records.save("visit", {"title": "Governor in Haikou", "home_locality": hainan})
    records.save("delegate", {"visit": visit, "name": "Li Na"})
    shipment = records.save("shipment", {"title": "Masks", "direction": "incoming", "counterparty": "Osaka"})
    records.save("shipment_item", {"shipment": shipment, "description": "Masks", "quantity": 100000})
    undo.history.reset()
    return {"partner": partner, "kobe": kobe, "visit": visit, "shipment": shipment, "partnership": partnership,
            "hainan": hainan}


def _snapshot(ignore=BOOKKEEPING):
    return {model.__name__: [{k: v for k, v in row.items() if k not in ignore}
                             for row in model.select().order_by(model.id).dicts()] for model in m.RECORD_MODELS}


def test_undo_of_a_delete_brings_back_the_record_its_children_and_its_links(hyogo):
    before = _snapshot()
    records.delete("partner", hyogo["partner"])
    assert m.Partner.select().count() == 1 and m.Contact.select().count() == 0
    assert m.Activity.select().count() == 0 and m.PartnershipStatusChange.select().count() == 0
    assert m.Partner.get_by_id(hyogo["kobe"]).parent_id is None  # unlinked, not deleted
    assert undo.describe(undo.history.next_undo()) == f"delete of partner {hyogo['partner']}"
    undo.history.undo()
    assert _snapshot() == before  # same IDs, same UUIDs, same links
    assert m.Partner.get_by_id(hyogo["kobe"]).parent_id == hyogo["partner"]


def test_undo_of_a_visit_delete_brings_back_its_delegation(hyogo):
    before = _snapshot()
    records.delete("visit", hyogo["visit"])
    assert m.Delegate.select().count() == 0
    undo.history.undo()
    assert _snapshot() == before


def test_undo_of_an_edit_restores_every_field_and_says_who_undid_it(hyogo):
    before = _snapshot()
    records.save("partner", {"name_en": "Hyogo Prefecture", "population": 5400000}, hyogo["partner"], user="Li")
    assert m.Partner.get_by_id(hyogo["partner"]).updated_by == "Li"
    undo.history.undo(user="Wang")
    assert _snapshot() == before
    restored = m.Partner.get_by_id(hyogo["partner"])
    # Not rewritten back to the earlier author and time: the undo is Wang's change, now.
    assert restored.updated_by == "Wang" and restored.version == 3
    assert m.Partner.select().where(m.Partner.search_text.contains("hyogo prefecture")).count() == 0
    last = m.HistoryOperation.select().order_by(m.HistoryOperation.id.desc()).get()
    assert (last.action, last.user) == ("undo", "Wang")


def test_undo_of_a_status_change_removes_exactly_the_status_line_it_added(hyogo):
    ps = hyogo["partnership"]
    lines_before = list(m.PartnershipStatusChange.select().where(m.PartnershipStatusChange.partnership == ps).dicts())
    records.save("partnership", {"status": "active", "signed_on": date(2020, 5, 1),
                                 "status_since": date(2020, 5, 1)}, ps)
    assert m.PartnershipStatusChange.select().where(m.PartnershipStatusChange.partnership == ps).count() == 2
    undo.history.undo()
    assert list(m.PartnershipStatusChange.select().where(
        m.PartnershipStatusChange.partnership == ps).dicts()) == lines_before
    assert records.get("partnership", ps)["status"] == "negotiating"


def test_several_levels_then_redo(hyogo):
    pid = hyogo["partner"]
    records.save("partner", {"population": 1}, pid)
    records.save("partner", {"population": 2}, pid)
    records.save("partner", {"population": 3}, pid)
    undo.history.undo()
    undo.history.undo()
    assert records.get("partner", pid)["population"] == 1
    undo.history.redo()
    assert records.get("partner", pid)["population"] == 2
    undo.history.undo()
    undo.history.undo()
    assert records.get("partner", pid)["population"] is None
    with pytest.raises(undo.UndoFailed, match="nothing to undo"):
        undo.history.undo()
    undo.history.redo()
    records.save("partner", {"name_en": "Hyogo-ken"}, pid)  # a new change ends the redo line
    assert undo.history.next_redo() is None


def test_an_overtaken_undo_is_refused_with_the_reason_and_writes_nothing(hyogo):
    pid = hyogo["partner"]
    records.save("partner", {"population": 1}, pid, user="Li")
    step = undo.history.next_undo()
    records.save("partner", {"population": 2}, pid, user="Zhao")
    undo.history.undo_steps[:] = [step]  # as if Zhao's change had been made where Undo cannot see it
    before = _snapshot(ignore=())
    with pytest.raises(undo.UndoFailed, match="was changed since by Zhao"):
        undo.history.undo()
    assert _snapshot(ignore=()) == before


def test_undo_of_a_create_is_refused_when_something_was_added_to_it_since(hyogo):
    new = records.save("visit", {"title": "Return visit"})
    step = undo.history.next_undo()
    records.save("delegate", {"visit": new, "name": "Chen"})
    undo.history.undo_steps[:] = [step]
    with pytest.raises(undo.UndoFailed, match="added to the visit"):
        undo.history.undo()
    assert m.Visit.get_by_id(new).title == "Return visit"


def test_a_deleted_id_is_never_handed_out_again(hyogo):
    contact = m.Contact.get().id
    records.delete("contact", contact)
    again = records.save("contact", {"partner": hyogo["partner"], "family_name": "Kim"})
    assert again > contact


def test_every_write_leaves_history_with_who_and_which_operation(hyogo):
    records.save("partner", {"population": 5400000}, hyogo["partner"], user="Li")
    op = m.HistoryOperation.select().order_by(m.HistoryOperation.id.desc()).get()
    (change,) = op.changes
    assert (op.action, op.user, op.kind, op.record_id) == ("save", "Li", "partner", hyogo["partner"])
    assert (change.field, change.old, change.new) == ("population", "null", "5400000")
    records.set_visit_partners(hyogo["visit"], [hyogo["partner"], hyogo["kobe"]])
    link = m.HistoryOperation.select().order_by(m.HistoryOperation.id.desc()).get()
    assert (link.action, link.user) == ("link", actor()) and link.changes.count() == 2
    assert actor()  # never blank
