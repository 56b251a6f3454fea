"""`twindesk import` and `import_file` on lists staff typed: what is recognised, what is refused and
where, that a refused import writes nothing, mappings given and saved, and TwinDesk's own workbooks
still going the way they always went."""


import pytest
from conftest import table_counts
from exchange_support import database_rows
from helpers import staff_files as sf
from openpyxl import Workbook

from twindesk import cli
from twindesk.domain import workspace
from twindesk.exchange import export_workbook
from twindesk.exchange.import_flow import import_file, is_twindesk_workbook
from twindesk.exchange.report import ImportReport
from twindesk.exchange.staff_lists.flow import StaffImportReport


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # where the CLI remembers mappings


def _run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _empty_db(path):
    workspace.open_workspace(path, take_backups=False)
    workspace.close()
    return table_counts(path)


def _rows(target, sql):
    with database_rows(target) as select:
        return [tuple(row.values()) for row in select(sql)]


def test_a_workbook_with_no_recognised_sheet_is_not_imported(tmp_path, capsys):
    wb = Workbook()
    wb.active.title = "友城名录"
    wb.active.append(["甲", "乙"])
    wb.active.append(["兵库县", "日本"])
    wb.create_sheet("Sheet3")
    wb.save(tmp_path / "lists.xlsx")
    db = tmp_path / "t.db"
    code, out, err = _run(capsys, "import", str(tmp_path / "lists.xlsx"), "--db", str(db))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0] == (f"twindesk: error: {tmp_path / 'lists.xlsx'}, sheet 友城名录, row 1: its headers (甲、乙) "
                        "name no list TwinDesk keeps; choose the kind of records it holds.")
    assert lines[1] == f"twindesk: error: {tmp_path / 'lists.xlsx'}, sheet Sheet3: the sheet is empty."
    assert lines[2].startswith(f"twindesk: error: {tmp_path / 'lists.xlsx'}: nothing to import: no sheet holds")
    assert not db.exists()  # no backup, no empty database left behind
    code, _, err = _run(capsys, "--lang", "zh_CN", "import", str(tmp_path / "lists.xlsx"), "--db", str(db))
    assert code == 2 and "没有可导入的内容" in err and "工作表“Sheet3”：工作表是空的。" in err


def test_the_dry_run_prints_the_recognition(tmp_path, capsys):
    path = sf.staff_workbook(tmp_path / "名录.xlsx")
    code, out, err = _run(capsys, "import", str(path), "--db", str(tmp_path / "t.db"), "--dry-run")
    assert code == 2  # the values are refused (see below); the recognition is printed all the same
    assert out.splitlines()[:13] == [
        f"{path}: a list typed by staff (xlsx)",
        "sheet 友城名录: headers in row 4, data in rows 5–9; partners (recognised from its headers)",
        "  A 序号 → not imported",
        "  B 城市名称 → Chinese name (name_zh)",
        "  C 国别 → Country (country)",
        "  D 英文名 → English name (name_en)",
        "  E 人口 → Population (population)",
        "  F 面积（平方公里） → Area (km²) (area_km2)",
        "  G 备注 → Notes (notes)",
        "  row 10: a totals row; not imported.",
        "  row 12: after the end of the table; not imported.",
        "sheet 结好情况: headers in row 2, data in rows 3–6; partnerships (recognised from its headers)",
        "  A 中方城市 → Home locality (home_locality)",
    ]
    assert out.splitlines()[-1] == ("sheet Sheet3: not imported: its headers (临时、记录) name no list TwinDesk "
                                    "keeps; choose the kind of records it holds.")
    # the formula never calculated is an error at its cell, not an empty partner
    assert (f"twindesk: error: {path}, sheet 结好情况, row 6, column 外方城市 (B): the formula =B3 has no saved "
            "value") in err
    code, out, _ = _run(capsys, "--lang", "zh_CN", "import", str(path), "--db", str(tmp_path / "t.db"), "--dry-run")
    assert "工作表“友城名录”：表头在第 4 行，数据在第 5–9 行；友好伙伴（按表头识别）" in out
    assert "  第 10 行：合计行，不导入。" in out and "  A 序号 → 不导入" in out


def test_formulas_are_read_as_their_saved_values_and_noted(tmp_path, new_target, capsys):
    wb = Workbook()
    wb.active.title = "名单"
    wb.active.append(["名称", "国家", "人口"])
    wb.active.append(["Kobe", "JP", "=150*10000"])
    wb.active.append(["Busan", "KR", "=340*10000"])
    wb.active.append(["合计", None, "=SUM(C2:C3)"])
    wb.save(tmp_path / "f.xlsx")
    sf.put_saved_values(tmp_path / "f.xlsx", {("名单", "C2"): "1500000", ("名单", "C3"): "3400000",
                                              ("名单", "C4"): "4900000"})
    db = new_target("t.db")
    code, out, err = _run(capsys, "import", str(tmp_path / "f.xlsx"), "--db", str(db))
    assert code == 0, err
    assert f"twindesk: note: {tmp_path / 'f.xlsx'}, sheet 名单, column 人口 (C): 2 cell(s) are formulas (rows 2–3); " \
           "the values saved with the file are read." in err
    assert f"twindesk: note: {tmp_path / 'f.xlsx'}, sheet 名单, row 4: a totals row; not imported." in err
    assert "  名单: 2 new, 0 changed, 0 unchanged" in out
    assert _rows(db, "SELECT name_zh, country, population FROM partner ORDER BY id") == [
        ("Kobe", "JP", 1500000), ("Busan", "KR", 3400000)]


def test_a_formula_error_and_a_formula_never_calculated_write_nothing(tmp_path, new_target, capsys):
    wb = Workbook()
    wb.active.append(["名称", "国家", "人口"])
    wb.active.append(["Kobe", "JP", "=1/0"])
    wb.active.append(["Busan", "KR", "=C2*2"])
    wb.save(tmp_path / "f.xlsx")
    sf.put_saved_values(tmp_path / "f.xlsx", {}, errors={("Sheet", "C2"): "#DIV/0!"})
    db = new_target("t.db")
    before = _empty_db(db)
    code, _, err = _run(capsys, "import", str(tmp_path / "f.xlsx"), "--db", str(db))
    assert code == 2
    assert err.splitlines() == [
        f"twindesk: error: {tmp_path / 'f.xlsx'}, sheet Sheet, row 2, column 人口 (C): the formula =1/0 gives the "
        "error #DIV/0!; correct it or type the value.",
        f"twindesk: error: {tmp_path / 'f.xlsx'}, sheet Sheet, row 3, column 人口 (C): the formula =C2*2 has no "
        "saved value (the program that wrote the file did not calculate it); open the file in Excel, WPS or "
        "LibreOffice, save it, and import again.",
        f"twindesk: error: {tmp_path / 'f.xlsx'}: 2 problem(s); nothing was imported",
    ]
    assert table_counts(db) == before


def test_a_mapping_saved_changed_and_given(tmp_path, capsys):
    path = sf.staff_workbook(tmp_path / "名录.xlsx")
    db = tmp_path / "t.db"
    code, out, _ = _run(capsys, "import", str(path), "--db", str(db), "--dry-run", "--save-mapping",
                        str(tmp_path / "map.json"))
    assert f"mapping saved to {tmp_path / 'map.json'}" in out
    text = (tmp_path / "map.json").read_text(encoding="utf-8")
    text = text.replace('"kind": "partnership"', '"kind": null').replace('"序号": null', '"序号": "+notes"')
    text = text.replace('"面积（平方公里）": "area_km2"', '"面积（平方公里）": null')
    (tmp_path / "map.json").write_text(text, encoding="utf-8")
    code, out, err = _run(capsys, "import", str(path), "--db", str(db), "--dry-run", "--mapping",
                          str(tmp_path / "map.json"))
    assert "sheet 友城名录: headers in row 4, data in rows 5–9; partners (as the mapping says)" in out
    assert "  A 序号 → into the notes" in out and "  F 面积（平方公里） → not imported" in out
    assert "sheet 结好情况: not imported: skipped, as the mapping says." in out
    assert "结好情况, row 6" not in err  # the skipped sheet's formula is no error now
    (tmp_path / "bad.json").write_text('{"sheets": {"友城名录": {"kind": "city"}}}', encoding="utf-8")
    code, _, err = _run(capsys, "import", str(path), "--db", str(db), "--mapping", str(tmp_path / "bad.json"))
    assert code == 2 and "“city” is not a record kind" in err and not db.exists()


def test_notes_columns_and_two_sheets_of_one_kind(tmp_path, new_target, capsys):
    wb = Workbook()
    asia = wb.active
    asia.title = "亚洲"
    asia.append(["名称", "国家", "序号", "备注"])
    asia.append(["Kobe", "JP", 1, "港口城市"])
    europe = wb.create_sheet("欧洲")
    europe.append(["名称", "国家", "序号"])
    europe.append(["Lyon", "FR", 7])
    europe.append(["Nowhere", "XX", 8])
    wb.save(tmp_path / "two.xlsx")
    (tmp_path / "map.json").write_text('{"sheets": {"亚洲": {"kind": "partner", "columns": {"序号": "+notes"}},'
                                       ' "欧洲": {"kind": "partner", "columns": {"序号": "+notes"}}}}',
                                       encoding="utf-8")
    db = new_target("t.db")
    code, _, err = _run(capsys, "import", str(tmp_path / "two.xlsx"), "--db", str(db), "--mapping",
                        str(tmp_path / "map.json"))
    assert code == 2 and f"{tmp_path / 'two.xlsx'}, sheet 欧洲, row 3, column 国家 (B): Country “XX”" in err
    europe.delete_rows(3)
    wb.save(tmp_path / "two.xlsx")
    code, out, err = _run(capsys, "import", str(tmp_path / "two.xlsx"), "--db", str(db), "--mapping",
                          str(tmp_path / "map.json"))
    assert code == 0, err
    assert "  亚洲: 1 new, 0 changed, 0 unchanged" in out and "  欧洲: 1 new, 0 changed, 0 unchanged" in out
    assert _rows(db, "SELECT name_zh, notes FROM partner ORDER BY id") == [
        ("Kobe", "港口城市\n序号: 1"), ("Lyon", "序号: 7")]


def test_a_written_import_remembers_its_mapping_but_the_cli_recognises_afresh(tmp_path, new_target, capsys):
    wb = Workbook()
    wb.active.append(["名称", "国家"])
    wb.active.append(["Kobe", "JP"])
    wb.save(tmp_path / "p.xlsx")
    db = new_target("t.db")
    assert _run(capsys, "import", str(tmp_path / "p.xlsx"), "--db", str(db))[0] == 0
    remembered = list((tmp_path / "xdg").rglob("import-mappings.json"))
    assert len(remembered) == 1 and "name_zh" in remembered[0].read_text(encoding="utf-8")
    _, out, _ = _run(capsys, "import", str(tmp_path / "p.xlsx"), "--db", str(db), "--dry-run")
    assert "(recognised from its headers)" in out  # a script gets the same answer every time


def test_twindesk_workbooks_keep_their_own_import(tmp_path, make):
    make.partner(name_zh="济州", name_en="Jeju", country="KR")
    for lang in ("en", "zh_CN"):
        export_workbook(tmp_path / f"{lang}.xlsx", lang=lang)
        assert is_twindesk_workbook(tmp_path / f"{lang}.xlsx")
        report = import_file(tmp_path / f"{lang}.xlsx", dry_run=True)
        assert type(report) is ImportReport and report.ok
        assert sum(report.unchanged.values()) == 1
    staff = sf.staff_workbook(tmp_path / "staff.xlsx")
    assert not is_twindesk_workbook(staff)
    assert isinstance(import_file(staff, dry_run=True), StaffImportReport)


def test_two_columns_mapped_to_one_field_are_refused_and_nothing_is_written(tmp_path, new_target, capsys):
    path = sf.staff_workbook(tmp_path / "名录.xlsx")
    db = new_target("t.db")
    before = _empty_db(db)
    _run(capsys, "import", str(path), "--db", str(db), "--dry-run", "--save-mapping", str(tmp_path / "map.json"))
    text = (tmp_path / "map.json").read_text(encoding="utf-8").replace('"英文名": "name_en"', '"英文名": "name_zh"')
    (tmp_path / "map.json").write_text(text, encoding="utf-8")
    code, out, err = _run(capsys, "import", str(path), "--db", str(db), "--mapping", str(tmp_path / "map.json"))
    assert code == 2, (out, err)
    assert (f"twindesk: error: {path}, sheet 友城名录: the columns 城市名称 (B) and 英文名 (D) are mapped to the "
            "same field, Chinese name; map only one of them to it.") in err.splitlines()
    assert table_counts(db) == before
    code, _, err = _run(capsys, "--lang", "zh_CN", "import", str(path), "--db", str(db), "--mapping",
                        str(tmp_path / "map.json"))
    assert code == 2 and "城市名称 (B)、英文名 (D) 列对应到了同一个字段“中文名称”；请只让其中一列对应到该字段。" in err
