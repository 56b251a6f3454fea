"""An import with any error writes nothing and lists every problem with sheet, row, column and message
(stderr lines and exit status 2 on the command line); likely duplicates wait for confirmation."""

import pytest
from conftest import IMPORT_BACKUP_SAID, ON_POSTGRESQL, make_filled_database
from exchange_support import export_db, import_into, table_rows
from openpyxl import load_workbook

from twindesk import cli
from twindesk.domain import workspace
from twindesk.exchange import import_workbook
from twindesk.store import backups


@pytest.fixture
def filled(tmp_path, new_target):
    """A database holding `fill_everything`, and its workbook."""
    path = new_target("filled.db")
    ids = make_filled_database(path)
    out = tmp_path / "filled.xlsx"
    export_db(path, out)
    return path, out, ids


def edit(path, changes=(), appended=()):
    """Set cells by (sheet, row, header, value); append rows by (sheet, {header: value})."""
    wb = load_workbook(path)
    for sheet, row, header, value in changes:
        ws = wb[sheet]
        headers = [c.value for c in ws[1]]
        ws.cell(row, headers.index(header) + 1).value = value
    for sheet, values in appended:
        ws = wb[sheet]
        headers = [c.value for c in ws[1]]
        ws.append([values.get(h) for h in headers])
    wb.save(path)


# (what is wrong, the edit, the (sheet, row, column) it is reported at, words of the message)
CASES = {
    "missing required field": (
        dict(changes=[("Visits", 2, "Title", None)]), ("Visits", 2, "Title"), "Title is required"),
    "end before start": (
        dict(changes=[("Visits", 3, "Start date", "2024-06-10"), ("Visits", 3, "End date", "2024-06-01")]),
        ("Visits", 3, "End date"), "is before start date"),
    "negative quantity": (
        dict(changes=[("Shipment items", 2, "Quantity", -5)]), ("Shipment items", 2, "Quantity"),
        "Quantity must be more than zero (got -5)"),
    "unknown country": (
        dict(changes=[("Partners", 3, "Country", "Atlantis")]), ("Partners", 3, "Country"),
        "is not a country"),
    "unknown ID": (
        dict(changes=[("Delegates", 2, "Visit ID", 999)]), ("Delegates", 2, "Visit ID"),
        "there is no visit with ID 999"),
    "wrong type (number)": (
        dict(changes=[("Partners", 2, "Population", "many")]), ("Partners", 2, "Population"),
        "is not a number"),
    "wrong type (date)": (
        dict(changes=[("Activities", 2, "Date", "31/31/2024")]), ("Activities", 2, "Date"), "is not a date"),
    "wrong type (ID)": (
        dict(changes=[("Gifts", 2, "ID", "abc")]), ("Gifts", 2, "ID"), "ID “abc” is not a whole number"),
    "wrong type (code)": (
        dict(changes=[("Shipments", 2, "Status", "lost at sea")]), ("Shipments", 2, "Status"),
        "must be one of"),
    "duplicate ID": (
        dict(appended=[("Contacts", {"ID": 1, "Partner ID": 1, "Family name": "Park"})]),
        ("Contacts", 6, "ID"), "ID 1 appears twice in this sheet (rows 2 and 6)"),
    "duplicate link": (
        dict(appended=[("Visit partners", {"Visit ID": 1, "Partner ID": 1})]),
        ("Visit partners", 5, "Partner ID"), "are linked twice (rows 2 and 5)"),
    "itinerary day outside the visit": (
        dict(changes=[("Itinerary", 2, "Day", "2030-01-01")]), ("Itinerary", 2, "Day"),
        "outside the visit's dates"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_kind_of_error_writes_nothing_and_says_where(filled, case, capsys):
    db, workbook, _ = filled
    change, (sheet, row, column), words = CASES[case]
    edit(workbook, **change)
    before = table_rows(db)

    report = import_into(db, workbook)
    assert not report.applied and report.backup is None
    assert [(e.sheet, e.row, e.column) for e in report.errors] == [(sheet, row, column)], report.errors
    assert words in report.errors[0].message

    code = cli.main(["import", str(workbook), "--db", str(db)])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert err[0].startswith(f"twindesk: error: {workbook}, sheet {sheet}, row {row}, column {column}: ")
    assert words in err[0]
    assert err[-1] == f"twindesk: error: {workbook}: 1 problem(s); nothing was imported"
    assert table_rows(db) == before
    assert ON_POSTGRESQL or not [p for p in backups.list_backups(db) if "before-import" in p.name]


def test_every_error_at_once_is_listed(filled, capsys):
    db, workbook, _ = filled
    for change, _, _ in CASES.values():
        if "appended" not in change:
            edit(workbook, **change)
    edit(workbook, appended=[("Contacts", {"ID": 1, "Partner ID": 1, "Family name": "Park"}),
                             ("Visit partners", {"Visit ID": 1, "Partner ID": 1})])
    before = table_rows(db)
    code = cli.main(["import", str(workbook), "--db", str(db)])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    for _, (sheet, row, column), words in CASES.values():
        prefix = f"twindesk: error: {workbook}, sheet {sheet}, row {row}, column {column}: "
        assert any(line.startswith(prefix) and words in line for line in err), (sheet, row, column, words)
    assert err[-1].endswith("nothing was imported")
    assert table_rows(db) == before


def test_a_dry_run_checks_the_same_and_never_writes(filled, capsys):
    db, workbook, _ = filled
    edit(workbook, changes=[("Partners", 3, "Country", "Atlantis")])
    before = table_rows(db)
    assert cli.main(["import", str(workbook), "--db", str(db), "--dry-run"]) == 2
    assert "sheet Partners, row 3, column Country" in capsys.readouterr().err
    edit(workbook, changes=[("Partners", 3, "Country", "Russia"),
                            ("Partners", 3, "English name", "Vladivostok!")])
    assert cli.main(["import", str(workbook), "--db", str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "nothing was written" in out and "Partners: 0 new, 1 changed" in out
    assert table_rows(db) == before


def test_errors_in_a_chinese_workbook_name_the_chinese_column_and_read_in_chinese(filled, tmp_path):
    db, _, _ = filled
    zh = tmp_path / "zh.xlsx"
    export_db(db, zh, lang="zh_CN")
    edit(zh, changes=[("物资明细", 2, "数量", -1), ("出访来访", 2, "团组名称", None), ("团组成员", 2, "出访/来访ID", 999),
                      ("礼品", 2, "ID", "x")])
    report = import_into(db, zh)
    assert [(e.sheet, e.row, e.column) for e in report.errors] == [
        ("出访来访", 2, "团组名称"), ("团组成员", 2, "出访/来访ID"), ("礼品", 2, "ID"), ("物资明细", 2, "数量")]
    assert [e.text("zh_CN") for e in report.errors] == [
        "工作表“出访来访”，第 2 行，“团组名称”列：团组名称为必填项。",
        "工作表“团组成员”，第 2 行，“出访/来访ID”列：出访/来访：数据库和导入文件中都没有编号为 999 的出访/来访。",
        "工作表“礼品”，第 2 行，“ID”列：编号“x”不是整数。",
        "工作表“物资明细”，第 2 行，“数量”列：数量必须大于零（现为 -1）。",
    ]
    assert str(report.errors[1]) == ("sheet 团组成员, row 2, column 出访/来访ID: Visit: there is no visit "
                                     "with ID 999 in the database or in the import.")


def test_structural_problems_are_errors_and_unknown_things_warnings(filled):
    db, workbook, _ = filled
    wb = load_workbook(workbook)
    wb["Partners"].cell(1, 20).value = "Colour"
    wb["Contacts"].cell(1, 20).value = "Email"  # a second Email column
    wb.create_sheet("Scratch").append(["anything"])
    copy = wb.copy_worksheet(wb["Gifts"])
    copy.title = "礼品"  # the same list twice, in Chinese
    wb.save(workbook)
    before = table_rows(db)
    report = import_into(db, workbook)
    assert not report.applied
    assert ("Contacts", 1, "Email (T)") in [(e.sheet, e.row, e.column) for e in report.errors]
    assert any(e.sheet == "礼品" and "same list as sheet Gifts" in e.message for e in report.errors)
    assert ("Partners", 1, "Colour (T)") in [(w.sheet, w.row, w.column) for w in report.warnings]
    assert any(w.sheet == "Scratch" and "unknown sheet" in w.message for w in report.warnings)
    assert table_rows(db) == before


def test_a_file_that_is_not_a_workbook_is_one_line(tmp_path, capsys):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    db = tmp_path / "t.db"
    assert cli.main(["import", str(bad), "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"twindesk: error: {bad}: is not an Excel workbook")
    assert not db.exists()  # no empty database left behind
    assert cli.main(["import", str(tmp_path / "missing.xlsx"), "--db", str(db)]) == 2
    assert capsys.readouterr().err.strip() == f"twindesk: error: {tmp_path / 'missing.xlsx'}: no such file"


# --- likely duplicates ------------------------------------------------------------------------------


def _add_lookalikes(workbook):
    edit(workbook, appended=[
        ("Partners", {"English name": "Jeju", "Country": "KR", "Kind": "Province"}),  # same as partner 1
        ("Partners", {"Chinese name": "济州", "Country": "韩国"}),  # the same, by its Chinese name
        ("Partners", {"English name": "Jeju", "Country": "JP"}),  # another country: a different place
    ])


def test_likely_duplicates_are_listed_and_not_created_unless_confirmed(filled, capsys):
    db, workbook, ids = filled
    _add_lookalikes(workbook)
    before = table_rows(db)

    code = cli.main(["import", str(workbook), "--db", str(db)])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert err[0] == (f"twindesk: error: {workbook}, sheet Partners, row 5: “Jeju” (KR) has the same name "
                      f"and country as partner {ids['jeju']}; confirm to create it.")
    assert err[1].startswith(f"twindesk: error: {workbook}, sheet Partners, row 6: “济州” (KR)")
    assert "--accept-duplicates" in err[-1] and "nothing was imported" in err[-1]
    assert table_rows(db) == before

    dry = import_into(db, workbook, dry_run=True)
    assert [(d.sheet, d.row, d.existing_id) for d in dry.duplicates] == [("Partners", 5, ids["jeju"]),
                                                                         ("Partners", 6, ids["jeju"])]
    assert dry.created["Partners"] == 3 and not dry.ok
    assert dry.duplicates[0].text("zh_CN") == (f"工作表“Partners”，第 5 行：“Jeju”（KR）与编号为 {ids['jeju']} 的"
                                              "友好伙伴名称和国家相同；确认后才会新建。")

    # The window's way: confirm the flags the user ticked. Only one ticked: still refused.
    partial = import_into(db, workbook, confirmed_duplicates=dry.duplicates[:1])
    assert not partial.applied and [d.row for d in partial.unconfirmed] == [6]
    assert table_rows(db) == before
    confirmed = import_into(db, workbook, confirmed_duplicates=dry.duplicates)
    assert confirmed.applied and confirmed.created["Partners"] == 3
    assert len(table_rows(db)["partner"]) == len(before["partner"]) + 3


def test_accept_duplicates_on_the_command_line(filled, capsys):
    db, workbook, _ = filled
    _add_lookalikes(workbook)
    partners = len(table_rows(db)["partner"])
    assert cli.main(["import", str(workbook), "--db", str(db), "--accept-duplicates"]) == 0
    out = capsys.readouterr().out
    assert "Partners: 3 new" in out and IMPORT_BACKUP_SAID in out
    assert len(table_rows(db)["partner"]) == partners + 3


def test_the_help_explains_ids_and_duplicates(capsys):
    with pytest.raises(SystemExit):
        cli.main(["import", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for words in ("--accept-duplicates", "--dry-run", "a row without an ID creates a record",
                  "nothing is written", "exit status is 2", "likely duplicate"):
        assert words in text


def test_import_needs_a_bound_database_only_through_the_domain(filled):
    """The API the window calls: the same report, the database it has open."""
    db, workbook, _ = filled
    workspace.open_workspace(db, take_backups=False)
    try:
        report = import_workbook(workbook, dry_run=True)
    finally:
        workspace.close()
    assert report.ok and not report.applied and sum(report.unchanged.values()) > 0
