"""Stable identity in workbooks: every sheet carries each record's UUID and version; the import matches a
row to its record by UUID, refuses a row whose ID and UUID disagree, never lets a deleted record's ID
land on another record, and refuses a row written before its record last changed unless told to
overwrite newer changes (docs/architecture.md, "Identity")."""

import sqlite3
import sys
import uuid
from pathlib import Path

import pytest
from conftest import fill_everything, subprocess_env
from exchange_support import content_rows, export_db, import_into, table_rows
from openpyxl import load_workbook

from twindesk.domain import workspace
from twindesk.domain.operations import records
from twindesk.exchange import export_workbook, import_workbook


def _cells(path: Path, sheet: str) -> tuple[list, list[list]]:
    wb = load_workbook(path)
    ws = wb[sheet]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    return rows[0], rows[1:]


def _edit(path: Path, sheet: str, record_id: int, **by_header) -> None:
    """Change cells of the row with ID `record_id` (`None` header values are cleared)."""
    wb = load_workbook(path)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == record_id:
            for name, value in by_header.items():
                row[header.index(name.replace("_", " "))].value = value
            break
    else:
        raise AssertionError(f"no row {record_id} in {sheet}")
    wb.save(path)


def _stored(kind: str, record_id: int) -> dict:
    return records.get(kind, record_id)


@pytest.fixture
def contacts(make):
    partner = make.partner()
    ids = [make.contact(partner, family_name=name) for name in ("Kim", "Lee", "Park", "Choi")]
    return partner, ids


# --- the workbook carries identity -----------------------------------------------------------------------
@pytest.mark.parametrize("lang, headers", [("en", ["ID", "UUID", "Version"]), ("zh_CN", ["ID", "唯一标识", "版本"])])
def test_every_sheet_carries_uuid_and_version_after_the_id_in_narrow_columns(make, tmp_path, lang,
                                                                                   headers):
    ids = fill_everything(make)
    records.save("partner", {"notes": "changed"}, ids["jeju"])  # version 2
    out = tmp_path / "w.xlsx"
    export_workbook(out, lang=lang)
    wb = load_workbook(out)
    for ws in wb.worksheets[1:]:  # the Summary first, then every list
        assert [c.value for c in ws[1]][:3] == headers, ws.title
        assert ws.column_dimensions["B"].width <= 12, ws.title
    ws = wb["Partners" if lang == "en" else "友好伙伴"]
    jeju = next(r for r in ws.iter_rows(min_row=2) if r[0].value == ids["jeju"])
    stored = _stored("partner", ids["jeju"])
    assert jeju[1].value == stored["uuid"] and len(jeju[1].value) == 32 and jeju[1].data_type == "s"
    assert jeju[2].value == stored["version"] == 2
    assert jeju[1].font.color.rgb.endswith("808080")  # grey: carried, not read


def test_a_round_trip_into_an_empty_database_keeps_ids_uuids_and_versions(make, db_target, tmp_path):
    ids = fill_everything(make)
    records.delete("contact", 1)  # a gap in the IDs, which the copy keeps
    records.save("partner", {"notes": "twice"}, ids["vlad"])
    workspace.close()
    out, copy = tmp_path / "w.xlsx", tmp_path / "copy.db"
    export_db(db_target, out)
    report = import_into(copy, out)
    assert report.applied and report.errors == [] and report.notes == []
    assert content_rows(copy) == content_rows(db_target)  # every column but the timestamps: uuid, version too


# --- matched by UUID ------------------------------------------------------------------------------------
def test_a_row_with_a_known_uuid_and_no_id_updates_that_record(contacts, tmp_path):
    _, ids = contacts
    out = tmp_path / "w.xlsx"
    export_workbook(out)
    _edit(out, "Contacts", ids[1], ID=None, Title="Mayor")
    report = import_workbook(out)
    assert report.applied and report.updated["Contacts"] == 1 and report.created["Contacts"] == 0
    assert _stored("contact", ids[1])["title"] == "Mayor"


def test_a_row_with_a_new_uuid_and_no_id_is_created_with_that_uuid(contacts, tmp_path):
    _, ids = contacts
    out = tmp_path / "w.xlsx"
    export_workbook(out)
    fresh = uuid.uuid4().hex
    _edit(out, "Contacts", ids[1], ID=None, UUID=fresh.upper())  # Excel users may upper-case it
    _edit(out, "Contacts", ids[2], ID=None, UUID=None)  # and a row typed without either
    report = import_workbook(out)
    assert report.applied and report.created["Contacts"] == 2
    made = [records.get("contact", i) for i in (5, 6)]
    assert {r["uuid"] for r in made} >= {fresh}
    assert all(len(r["uuid"]) == 32 for r in made)


# --- the scenario of issue 11: a deleted ID and an older workbook ------------------------------------------
def test_an_older_workbook_after_a_delete_and_an_add_never_lands_on_the_new_record(contacts, tmp_path):
    partner, ids = contacts
    monday = tmp_path / "monday.xlsx"
    export_workbook(monday)
    four = _stored("contact", ids[3])
    records.delete("contact", ids[3])
    five = records.save("contact", {"partner": partner, "family_name": "Jung"})
    assert five == 5  # AUTOINCREMENT: 4 is never handed out again
    new = _stored("contact", five)

    dry = import_workbook(monday, dry_run=True)
    assert dry.ok and dry.created["Contacts"] == 1 and dry.updated["Contacts"] == 0
    assert [n.row for n in dry.notes] == [5]  # the report says contact 4 comes back
    assert "Contact 4 was deleted on" in dry.notes[0].message
    assert "本次导入将重新创建它" in dry.notes[0].text("zh_CN")

    report = import_workbook(monday)
    assert report.applied
    assert _stored("contact", five) == new  # the new contact is untouched
    again = _stored("contact", ids[3])
    assert again["uuid"] == four["uuid"] and again["family_name"] == four["family_name"]
    assert again["version"] == four["version"] + 1  # a new version: the history moves on


def test_a_deleted_id_with_another_uuid_is_a_conflict(contacts, db_target, tmp_path):
    _, ids = contacts
    out = tmp_path / "w.xlsx"
    export_workbook(out)
    records.delete("contact", ids[3])
    stranger = uuid.uuid4().hex  # the row is another database's contact 4
    _edit(out, "Contacts", ids[3], UUID=stranger)
    workspace.close()
    before = table_rows(db_target)
    report = import_into(db_target, out)
    assert not report.applied and len(report.errors) == 1
    error = report.errors[0]
    assert (error.sheet, error.row, error.column) == ("Contacts", 5, "ID")
    assert stranger in error.message and "deleted" in error.message
    assert table_rows(db_target) == before


@pytest.mark.sqlite_only  # changes the SQLite file behind TwinDesk's back
def test_a_used_id_the_history_knows_nothing_of_is_a_conflict(contacts, db_path, tmp_path):
    _, ids = contacts
    out = tmp_path / "w.xlsx"
    export_workbook(out)
    records.delete("contact", ids[3])
    workspace.close()
    conn = sqlite3.connect(db_path)  # as if the record had gone before the history was kept
    conn.execute("DELETE FROM history_change WHERE kind = 'contact' AND change = 'delete'")
    conn.commit()
    conn.close()
    report = import_into(db_path, out)
    assert not report.applied
    assert "deleted before its history was kept" in report.errors[0].message


# --- ID and UUID disagree ---------------------------------------------------------------------------------
@pytest.mark.sqlite_only  # changes the SQLite file behind TwinDesk's back
def test_an_id_and_a_uuid_of_different_records_are_a_conflict_with_both_uuids(contacts, db_path, tmp_path):
    _, ids = contacts
    out = tmp_path / "w.xlsx"
    export_workbook(out)
    second, third = _stored("contact", ids[1]), _stored("contact", ids[2])
    _edit(out, "Contacts", ids[1], UUID=third["uuid"], Title="Mayor")
    fresh = uuid.uuid4().hex
    _edit(out, "Contacts", ids[0], UUID=fresh)
    workspace.close()
    before = table_rows(db_path)
    report = import_into(db_path, out)
    assert not report.applied and table_rows(db_path) == before
    by_row = {e.row: e for e in report.errors}
    assert set(by_row) == {2, 3, 4}
    assert "appears twice" in by_row[4].message  # contact 3's own row: its UUID is also on row 3
    assert third["uuid"] in by_row[3].message and second["uuid"] in by_row[3].message
    assert by_row[3].column == "ID" and "nothing was overwritten" in by_row[3].message
    assert fresh in by_row[2].message and _uuid_of(db_path, ids[0]) in by_row[2].message
    assert "唯一标识" in by_row[3].text("zh_CN")


def _uuid_of(db_path: Path, contact_id: int) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT uuid FROM contact WHERE id = ?", (contact_id,)).fetchone()[0]
    finally:
        conn.close()


def test_a_uuid_twice_in_a_sheet_is_a_problem(contacts, tmp_path):
    _, ids = contacts
    out = tmp_path / "w.xlsx"
    export_workbook(out)
    _edit(out, "Contacts", ids[1], UUID=_stored("contact", ids[0])["uuid"], ID=None)
    report = import_workbook(out)
    assert not report.applied
    assert any("appears twice" in e.message and e.column == "UUID" for e in report.errors)


# --- a workbook older than its records ----------------------------------------------------------------------
def test_a_stale_row_is_refused_with_both_values_and_who_changed_it(contacts, db_target, tmp_path):
    _, ids = contacts
    out = tmp_path / "w.xlsx"
    export_workbook(out)
    records.save("contact", {"title": "Governor"}, ids[0], user="Wang Fang")  # after the export
    _edit(out, "Contacts", ids[0], Title="Mayor")  # and the workbook says otherwise
    workspace.close()
    before = table_rows(db_target)
    report = import_into(db_target, out)
    assert not report.applied and table_rows(db_target) == before
    assert report.errors == report.newer and len(report.errors) == 1
    error = report.errors[0]
    assert (error.sheet, error.row, error.column) == ("Contacts", 2, "Title")
    for words in ("“Mayor”", "“Governor”", "Wang Fang", "version 2", "is 1"):
        assert words in error.message
    assert "工作簿为“Mayor”，数据库为“Governor”" in error.text("zh_CN")


def test_an_unedited_older_workbook_does_not_revert_a_later_edit(contacts, tmp_path):
    _, ids = contacts
    out = tmp_path / "w.xlsx"
    export_workbook(out)
    records.save("contact", {"title": "Governor"}, ids[0])
    report = import_workbook(out)  # the workbook still has the old, empty title
    assert not report.applied and [e.column for e in report.newer] == ["Title"]
    assert _stored("contact", ids[0])["title"] == "Governor"


def test_a_row_equal_to_a_record_changed_since_is_simply_unchanged(contacts, tmp_path):
    _, ids = contacts
    out = tmp_path / "w.xlsx"
    export_workbook(out)
    records.save("contact", {"title": "Governor"}, ids[0])
    _edit(out, "Contacts", ids[0], Title="Governor")  # the same change, made in both places
    report = import_workbook(out)
    assert report.applied and report.updated["Contacts"] == 0 and report.unchanged["Contacts"] == 4


def test_overwrite_newer_writes_the_workbook_over_the_later_change(contacts, tmp_path):
    _, ids = contacts
    out = tmp_path / "w.xlsx"
    export_workbook(out)
    records.save("contact", {"title": "Governor"}, ids[0])
    _edit(out, "Contacts", ids[0], Title="Mayor")
    report = import_workbook(out, overwrite_newer=True)
    assert report.applied and report.updated["Contacts"] == 1
    stored = _stored("contact", ids[0])
    assert stored["title"] == "Mayor" and stored["version"] == 3


def test_the_import_bumps_versions_and_a_second_import_of_the_same_workbook_is_stale(contacts, tmp_path):
    _, ids = contacts
    out = tmp_path / "w.xlsx"
    export_workbook(out)
    _edit(out, "Contacts", ids[0], Title="Mayor")
    assert import_workbook(out).applied
    assert _stored("contact", ids[0])["version"] == 2 and _stored("contact", ids[1])["version"] == 1
    _edit(out, "Contacts", ids[0], Title="Vice mayor")  # edited again in the same old workbook
    report = import_workbook(out)
    assert not report.applied and len(report.newer) == 1  # the first import changed it since


@pytest.mark.sqlite_only  # changes the SQLite file behind TwinDesk's back
def test_the_command_line_refuses_a_stale_workbook_unless_overwrite_newer(contacts, db_path, tmp_path):
    _, ids = contacts
    out = tmp_path / "w.xlsx"
    export_workbook(out)
    records.save("contact", {"title": "Governor"}, ids[0])
    workspace.close()
    run = [sys.executable, "-m", "twindesk", "import", str(out), "--db", str(db_path)]
    refused = _run(run)
    assert refused.returncode == 2, refused.stderr
    assert "“Governor”" in refused.stderr and "--overwrite-newer" in refused.stderr
    done = _run([*run, "--overwrite-newer"])
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT title, version FROM contact WHERE id = ?", (ids[0],)).fetchone() == ("", 3)
    conn.close()


def _run(args):
    import subprocess

    return subprocess.run(args, capture_output=True, text=True, timeout=60, env=subprocess_env())


# --- workbooks from before UUIDs -----------------------------------------------------------------------------
def _without_identity(path: Path) -> None:
    wb = load_workbook(path)
    for ws in wb.worksheets[1:]:
        assert [c.value for c in ws[1]][1:3] == ["UUID", "Version"]
        ws.delete_cols(2, 2)
    wb.save(path)


def test_a_workbook_without_uuid_columns_still_imports_by_id(make, db_path, tmp_path):
    fill_everything(make)
    out = tmp_path / "old.xlsx"
    export_workbook(out)
    _without_identity(out)
    _edit(out, "Contacts", 1, Title="Mayor")
    report = import_workbook(out)
    assert report.applied and report.errors == [] and report.updated["Contacts"] == 1
    assert _stored("contact", 1)["title"] == "Mayor"
    workspace.close()
    copy = tmp_path / "copy.db"
    report = import_into(copy, out)  # into an empty database: same IDs, fresh UUIDs
    assert report.applied
    conn = sqlite3.connect(copy)
    ids = [i for (i,) in conn.execute("SELECT id FROM contact ORDER BY id")]
    uuids = {u for (u,) in conn.execute("SELECT uuid FROM contact")}
    conn.close()
    assert ids == [1, 2, 3, 4] and len(uuids) == 4 and all(len(u) == 32 for u in uuids)
