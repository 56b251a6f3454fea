"""Export → import into an empty database → export gives the same content: on the demo data, in either
language, and on records holding hostile text (formulas, error codes, control characters, 40,000
characters, right-to-left text, emoji, Chinese, Korean, Japanese, Cyrillic)."""

import pytest
from conftest import ON_POSTGRESQL
from exchange_support import (
    CONTROL,
    CONTROL_WRITTEN,
    HOSTILE,
    LONG_NOTE,
    VERY_LONG_NOTE,
    add_hostile_records,
    content_rows,
    database_rows,
    export_db,
    import_into,
    sheet_values,
    table_rows,
)
from openpyxl import load_workbook

from twindesk.domain import demo, workspace
from twindesk.domain.operations import records
from twindesk.exchange.cells import escape


@pytest.fixture(scope="module")
def demo_db(module_targets):
    path = module_targets.new("demo.db")
    workspace.open_workspace(path, take_backups=False)
    try:
        demo.write_demo()
    finally:
        workspace.close()
    return path


@pytest.fixture
def hostile_db(make, db_target):
    ids = add_hostile_records(make)
    workspace.close()
    return db_target, ids


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("hxl", [False, True])
def test_demo_round_trip_gives_the_same_workbook_and_records(demo_db, tmp_path, new_target, lang, hxl):
    first, second, empty = tmp_path / "first.xlsx", tmp_path / "second.xlsx", new_target("empty.db")
    export_db(demo_db, first, lang=lang, hxl=hxl)
    report = import_into(empty, first)
    assert report.ok and report.applied and report.errors == [] and report.warnings == []
    assert sum(report.created.values()) == sum(len(rows) for rows in table_rows(demo_db).values())
    export_db(empty, second, lang=lang, hxl=hxl)
    assert sheet_values(second) == sheet_values(first)
    assert content_rows(empty) == content_rows(demo_db)


def test_importing_the_same_workbook_again_changes_nothing(demo_db, tmp_path, new_target):
    out = tmp_path / "demo.xlsx"
    export_db(demo_db, out)
    copy = new_target("copy.db")
    import_into(copy, out)
    before = table_rows(copy)
    report = import_into(copy, out)
    assert report.applied and sum(report.created.values()) == 0 and sum(report.updated.values()) == 0
    assert report.unchanged["Partners"] == len(before["partner"])
    assert table_rows(copy) == before  # not even a timestamp moved


def test_a_chinese_workbook_imports_into_an_english_export_s_database(demo_db, tmp_path, new_target):
    zh = tmp_path / "zh.xlsx"
    export_db(demo_db, zh, lang="zh_CN")
    copy = new_target("copy.db")
    import_into(copy, zh)
    assert content_rows(copy) == content_rows(demo_db)


def test_the_demo_tag_survives_a_round_trip(demo_db, tmp_path, new_target):
    out, copy = tmp_path / "demo.xlsx", new_target("copy.db")
    export_db(demo_db, out)
    import_into(copy, out)
    tags = "SELECT count(*) FROM shipment WHERE illustrative"
    assert _scalar(copy, tags) == _scalar(demo_db, tags) > 0


def _scalar(db_target, sql):
    with database_rows(db_target) as select:
        return next(iter(select(sql)[0].values()))


def test_hostile_text_is_written_as_text_and_survives_the_round_trip(hostile_db, tmp_path, new_target):
    db_target, ids = hostile_db
    first = tmp_path / "first.xlsx"
    report = export_db(db_target, first)

    wb = load_workbook(first)  # full mode: data types and formulas are visible
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type not in ("f", "e"), (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.data_type == "s"
    partners = wb["Partners"]
    header = [c.value for c in partners[1]]
    by_id = {row[0].value: dict(zip(header, row, strict=True)) for row in partners.iter_rows(min_row=2)}
    for partner_id, text in zip(ids["partners"], HOSTILE, strict=True):
        # The stated form: a typed "_xHHHH_" has its underscore escaped, which Excel and LibreOffice
        # show as typed (they decode "_x005F_") and the import undoes; everything else is as typed.
        written = escape(text)
        assert (written == text) == ("_x" not in text)
        name = by_id[partner_id]["English name"]
        assert name.value == written and name.data_type == "s"
        assert by_id[partner_id]["Native name"].value == written
        assert by_id[partner_id]["Notes"].value == f"{written}\n\tindented line =1"
    assert escape("_x0041_ is not A") == "_x005F_x0041_ is not A"

    long_row = by_id[ids["long"]]
    assert "Notes (continued 2)" in header and "Profile (continued 3)" in header
    assert long_row["Notes"].value + long_row["Notes (continued 2)"].value == LONG_NOTE
    assert "".join(long_row[h].value for h in ("Profile", "Profile (continued 2)", "Profile (continued 3)")) \
        == VERY_LONG_NOTE
    for h in ("Notes", "Notes (continued 2)", "Profile", "Profile (continued 2)", "Profile (continued 3)"):
        text = long_row[h].value
        assert len(text.encode("utf-16-le")) // 2 <= 32_767  # nothing Excel would cut
    assert by_id[ids["control"]]["Notes"].value == CONTROL_WRITTEN

    # Every replacement and split is reported where it is.
    where = {(w.sheet, w.row, w.column) for w in report.warnings}
    control_row = [r for r, pid in enumerate(by_id, start=2) if pid == ids["control"]][0]
    long_row_number = [r for r, pid in enumerate(by_id, start=2) if pid == ids["long"]][0]
    assert ("Partners", control_row, "Notes") in where
    assert ("Partners", long_row_number, "Notes") in where
    assert ("Partners", long_row_number, "Profile") in where
    assert ("Shipment items", 2, "Notes") in where
    control_warning = next(w for w in report.warnings if (w.sheet, w.row) == ("Partners", control_row))
    # A server already keeps a NUL as U+FFFD (its text cannot hold one): only SQLite's file still has it.
    assert "U+0007" in control_warning.message and ("U+0000" in control_warning.message) != ON_POSTGRESQL
    assert "U+FFFD" in control_warning.message

    # Round trip: the same workbook again, and the same records (control characters as replaced).
    empty, second = new_target("empty.db"), tmp_path / "second.xlsx"
    imported = import_into(empty, first)
    assert imported.ok and imported.applied, imported.errors
    again = export_db(empty, second)
    assert again.warnings == [w for w in report.warnings if "split" in w.message]  # nothing left to replace
    assert sheet_values(second) == sheet_values(first)
    expected = content_rows(db_target)
    got = content_rows(empty)
    for table, rows in expected.items():
        stored = CONTROL.replace("\x00", "\ufffd") if ON_POSTGRESQL else CONTROL  # a server keeps no NUL
        replaced = [tuple(v.replace(stored, CONTROL_WRITTEN) if isinstance(v, str) else v for v in row)
                    for row in rows]
        assert got[table] == replaced, table


def test_hostile_text_round_trip_in_chinese(hostile_db, tmp_path, new_target):
    db_target, _ = hostile_db
    first, second, empty = tmp_path / "zh.xlsx", tmp_path / "zh2.xlsx", new_target("empty.db")
    export_db(db_target, first, lang="zh_CN", hxl=True)
    assert import_into(empty, first).applied
    export_db(empty, second, lang="zh_CN", hxl=True)
    assert sheet_values(second) == sheet_values(first)
    header = next(iter(sheet_values(first)["友好伙伴"]))
    assert "备注（续2）" in header


def test_an_update_through_the_workbook_changes_only_what_the_sheet_says(make, db_target, tmp_path):
    jeju = make.partner(name_en="Jeju", country="KR", population=690_000, notes="keep me")
    workspace.close()
    out = tmp_path / "edit.xlsx"
    export_db(db_target, out)
    wb = load_workbook(out)
    ws = wb["Partners"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("English name") + 1).value = "Jeju Province"
    for title in [t for t in wb.sheetnames if t != "Partners"]:
        del wb[title]
    for column in sorted((header.index(h) + 1 for h in ("Notes", "Population")), reverse=True):
        ws.delete_cols(column)  # columns the sheet lacks keep their stored values
    wb.save(out)
    report = import_into(db_target, out)
    assert report.applied and report.updated == {"Partners": 1}
    workspace.open_workspace(db_target, read_only=True)
    try:
        stored = records.get("partner", jeju)
    finally:
        workspace.close()
    assert (stored["name_en"], stored["population"], stored["notes"]) == ("Jeju Province", 690_000, "keep me")
    if ON_POSTGRESQL:  # a server's backups are pg_dump's
        assert report.backup is None
    else:
        assert report.backup is not None and report.backup.exists()


def test_a_status_changed_in_the_workbook_is_dated_in_the_history(make, db_target, tmp_path):
    jeju = make.partner()
    partnership = make.partnership(jeju, status="negotiating")
    workspace.close()
    out = tmp_path / "edit.xlsx"
    export_db(db_target, out)
    wb = load_workbook(out)
    ws = wb["Partnerships"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("Status") + 1).value = "已签署/存续"  # a Chinese label in an English sheet
    ws.cell(2, header.index("Established (year)") + 1).value = 2024  # a signed partnership says when
    wb.save(out)
    report = import_into(db_target, out)
    assert report.applied and report.updated["Partnerships"] == 1
    workspace.open_workspace(db_target, read_only=True)
    try:
        from twindesk.domain.queries import details

        history = details.children("status_change", partnership)
    finally:
        workspace.close()
    assert [h["status"] for h in history] == ["negotiating", "active"]
