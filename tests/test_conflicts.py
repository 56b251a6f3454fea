"""No lost updates on one engine, in one process: a save or delete based on an old version is refused
with what changed, field by field, and who changed it (docs/architecture.md, "Conflicts")."""

from datetime import date

import pytest

from twindesk.domain.model.errors import NotFound
from twindesk.domain.operations import records
from twindesk.domain.operations.conflicts import RecordConflict
from twindesk.store import models as m


def history_of(kind: str, record_id: int) -> list[tuple]:
    c, o = m.HistoryChange, m.HistoryOperation
    return list(c.select(o.user, c.change, c.field, c.new).join(o, on=(c.operation == o.id))
                .where(c.kind == kind, c.record_id == record_id).order_by(c.id).tuples())


def test_a_save_from_an_old_version_is_refused_field_by_field_and_writes_nothing(make):
    pid = make.partner(name_en="Jeju", population=10, notes="")
    opened = records.get("partner", pid)["version"]
    records.save("partner", {"population": 20, "name_en": "Jeju City"}, pid, user="li",
                 expected_version=opened)
    before = history_of("partner", pid)
    with pytest.raises(RecordConflict) as info:
        records.save("partner", {"name_en": "Cheju", "population": 10, "notes": "mine"}, pid, user="wang",
                     expected_version=opened)
    conflict = info.value
    stored = records.get("partner", pid)
    assert (stored["name_en"], stored["population"], stored["notes"], stored["version"]) == ("Jeju City", 20, "",
                                                                                          opened + 1)
    assert history_of("partner", pid) == before  # nothing of the second save
    assert (conflict.kind, conflict.record_id, conflict.their_version, conflict.changed_by) == (
        "partner", pid, opened + 1, "li")
    fields = {d.field: (d.base, d.mine, d.theirs) for d in conflict.fields}
    # name_en: both changed it; notes: only I did; population: only they did (mine is the base)
    assert fields["name_en"] == ("Jeju", "Cheju", "Jeju City")
    assert fields["notes"] == ("", "mine", "")
    assert fields["population"] == (10, 10, 20)
    by_name = {d.field: d for d in conflict.fields}
    assert by_name["population"].theirs_changed and not by_name["population"].mine_changed
    assert by_name["notes"].mine_changed and not by_name["notes"].theirs_changed
    assert by_name["name_en"].changed_by == "li"
    assert (by_name["name_en"].label_text("en"), by_name["name_en"].label_text("zh_CN")) == ("English name", "英文名称")
    assert "li" in str(conflict) and "nothing was saved" in str(conflict)
    assert "li" in conflict.text("zh_CN") and "未保存" in conflict.text("zh_CN")


def test_saving_again_with_their_version_goes_through(make):
    pid = make.partner(population=10)
    opened = records.get("partner", pid)["version"]
    records.save("partner", {"population": 20}, pid, expected_version=opened)
    with pytest.raises(RecordConflict) as info:
        records.save("partner", {"notes": "mine"}, pid, expected_version=opened)
    records.save("partner", {"notes": "mine"}, pid, expected_version=info.value.their_version)
    stored = records.get("partner", pid)
    assert (stored["population"], stored["notes"], stored["version"]) == (20, "mine", opened + 2)


def test_a_save_names_the_person_who_deleted_the_record(make):
    pid = make.partner()
    opened = records.get("partner", pid)["version"]
    records.delete("partner", pid, user="zhao")
    with pytest.raises(RecordConflict) as info:
        records.save("partner", {"notes": "mine"}, pid, expected_version=opened)
    assert info.value.deleted and info.value.theirs is None and info.value.changed_by == "zhao"
    assert "deleted by zhao" in str(info.value)
    assert not m.Partner.select().where(m.Partner.id == pid).exists()


def test_without_a_version_a_save_still_writes_as_before(make):
    pid = make.partner(population=10)
    records.save("partner", {"population": 20}, pid)
    records.save("partner", {"population": 30}, pid)  # the command line, an import: no version given
    assert records.get("partner", pid)["population"] == 30


def test_every_update_bumps_the_version_exactly_once(make):
    pid = make.partner()
    start = records.get("partner", pid)["version"]
    records.save("partner", {"notes": "a"}, pid)
    records.save("partner", {"notes": "b"}, pid, expected_version=start + 1)
    assert records.get("partner", pid)["version"] == start + 2


def test_a_sub_record_edit_from_an_old_version_is_refused(make):
    vid = make.visit(start_on=date(2024, 5, 1))
    did = make.delegate(vid, name="Wang", title="Mayor")
    opened = records.get("delegate", did)["version"]
    records.save("delegate", {"title": "Vice mayor"}, did, user="li", expected_version=opened)
    with pytest.raises(RecordConflict) as info:
        records.save("delegate", {"title": "Governor"}, did, user="wang", expected_version=opened)
    assert records.get("delegate", did)["title"] == "Vice mayor"
    assert [(d.field, d.base, d.mine, d.theirs) for d in info.value.fields] == [
        ("title", "Mayor", "Governor", "Vice mayor")]


def test_a_delete_of_a_record_changed_since_is_refused_and_says_what_changed(make):
    pid = make.partner(notes="")
    opened = records.get("partner", pid)["version"]
    records.save("partner", {"notes": "new"}, pid, user="li")
    with pytest.raises(RecordConflict) as info:
        records.delete("partner", pid, expected_version=opened)
    assert info.value.deleting and "was not deleted" in str(info.value) and "Notes" in str(info.value)
    assert m.Partner.select().where(m.Partner.id == pid).exists()
    records.delete("partner", pid, expected_version=info.value.their_version)  # asked again: yes
    assert not m.Partner.select().where(m.Partner.id == pid).exists()


def test_a_delete_of_a_record_deleted_since_says_it_is_gone(make):
    pid = make.partner()
    opened = records.get("partner", pid)["version"]
    records.delete("partner", pid)
    with pytest.raises(NotFound):
        records.delete("partner", pid, expected_version=opened)


def test_a_reorder_of_delegates_changed_since_is_refused(make):
    vid = make.visit()
    a, b = make.delegate(vid, name="A", precedence=1), make.delegate(vid, name="B", precedence=2)
    seen = {i: records.get("delegate", i)["version"] for i in (a, b)}
    records.save("delegate", {"name": "B2"}, b, user="li")
    with pytest.raises(RecordConflict):
        records.reorder_delegates(vid, [b, a], expected_versions=seen)
    assert records.get("delegate", a)["precedence"] == 1


def test_visit_partners_changed_since_the_panel_showed_them_are_refused(make):
    one, two = make.partner(name_en="One"), make.partner(name_en="Two")
    vid = make.visit(partners=(one,))
    records.set_visit_partners(vid, [one, two], user="li")
    with pytest.raises(RecordConflict) as info:
        records.set_visit_partners(vid, [], expected=[one])
    assert records.visit_partner_ids(vid) == [one, two]
    assert info.value.changed_by == "li" and info.value.theirs == {"partners": [one, two]}
