"""Reading lists staff typed: .xlsx (a merged title, formulas with and without a saved value), .xls, .ods
and CSV in the encodings Chinese Excel and others save; hostile files refused with a clear message."""

import zipfile
from datetime import date

import pytest
from helpers import staff_files as sf
from openpyxl import Workbook

from twindesk.exchange.staff_lists import sources
from twindesk.exchange.staff_lists.sources import SourceReadError, read_source
from twindesk.exchange.workbook_budget import WorkbookTooLarge


def _rows(grid):
    return dict(grid.rows)


def test_an_xlsx_is_read_as_values_with_its_formulas(tmp_path):
    source = read_source(sf.staff_workbook(tmp_path / "名录.xlsx"))
    assert source.format == "xlsx" and source.encoding is None
    assert [g.name for g in source.sheets] == ["友城名录", "结好情况", "Sheet3"]
    partners = _rows(source.sheets[0])
    assert partners[1] == (sf.TITLE, None, None, None, None, None, None)  # merged: the top-left cell only
    assert 2 not in partners and 7 not in partners  # blank rows are not rows
    assert partners[5] == (1, "兵库县", "日本", "Hyogo", "546万", 8401, "友好省县")  # whole numbers are ints
    assert partners[10] == ("合计", 4, None, None, None, None, None)  # the value Excel saved with =COUNTA
    formula = source.sheets[0].formula_at(10, 1)
    assert (formula.formula, formula.cached, formula.error) == ("COUNTA(B5:B9)", True, None)
    unsaved = source.sheets[1].formula_at(6, 1)
    assert (unsaved.formula, unsaved.cached) == ("B3", False)
    assert _rows(source.sheets[1])[6][1] is None  # calamine reads it as empty: the formula scan says why


def test_dates_stay_dates_and_text_stays_text(tmp_path):
    wb = Workbook()
    wb.active.append(["结好时间", "人口"])
    wb.active.append([date(1990, 5, 1), "12345678901234567890"])
    wb.active.append(["1995年3月", 12345678901234567890])
    wb.save(tmp_path / "d.xlsx")
    rows = _rows(read_source(tmp_path / "d.xlsx").sheets[0])
    assert rows[2] == (date(1990, 5, 1), "12345678901234567890")
    assert rows[3][0] == "1995年3月" and isinstance(rows[3][1], float)  # Excel keeps 15 digits: a float


def test_a_saved_error_value_is_reported_as_the_formulas_error(tmp_path):
    wb = Workbook()
    wb.active.append(["名称", "人口"])
    wb.active.append(["a", "=1/0"])
    wb.save(tmp_path / "e.xlsx")
    sf.put_saved_values(tmp_path / "e.xlsx", {}, errors={("Sheet", "B2"): "#DIV/0!"})
    cell = read_source(tmp_path / "e.xlsx").sheets[0].formula_at(2, 1)
    assert (cell.cached, cell.error) == (True, "#DIV/0!")


def test_an_old_xls(tmp_path):
    source = read_source(sf.partners_xls(tmp_path / "old.xls"))
    assert source.format == "xls"
    rows = _rows(source.sheets[0])
    assert rows[1][0] == sf.TITLE and rows[3][:3] == ("序号", "城市名称", "国别")
    assert rows[4] == (1, "兵库县", "日本", "Hyogo", "546万", 8401, "友好省县")
    assert rows[11][1] == date(1990, 5, 1)  # a date-formatted cell is a date


@pytest.mark.parametrize("calculated", [True, False])
def test_an_ods_with_a_formula_saved_or_not(tmp_path, calculated):
    source = read_source(sf.partners_ods(tmp_path / "list.ods", calculated=calculated))
    assert source.format == "ods"
    rows = _rows(source.sheets[0])
    assert rows[3][1] == "城市名称" and rows[4][:2] == (1, "兵库县")
    cell = source.sheets[0].formula_at(9, 1)
    assert cell.formula == "COUNTA([.B4:.B8])" and cell.cached is calculated
    assert rows[9][1] == (4 if calculated else None)


@pytest.mark.parametrize("encoding, detected", [
    ("gb18030", "gb18030"), ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"),
])
def test_a_csv_in_the_encodings_programs_save(tmp_path, encoding, detected):
    source = read_source(sf.partners_csv(tmp_path / "名录.csv", encoding))
    assert (source.format, source.encoding, source.encoding_detected) == ("csv", detected, True)
    grid = source.sheets[0]
    assert grid.name == "名录"
    rows = _rows(grid)
    assert rows[2][:3] == ("序号", "城市名称", "国别")  # no BOM left on the first header
    assert rows[3] == ("1", "兵库县", "日本", "Hyogo", "546万", "8401", "友好省县")
    assert rows[6][3] == "Primorsky Krai" and rows[6][4] == "1,845,000"  # a quoted comma stays in its cell


def test_a_csv_utf8_at_the_start_and_gb18030_later_is_read_as_gb18030(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "_HEAD", 64)
    path = tmp_path / "late.csv"
    # the first 64 bytes are plain ASCII, so UTF-8 is the first guess; the Chinese comes later
    path.write_bytes(("name,country\r\n" + "a,b\r\n" * 20 + "兵库县,日本\r\n").encode("gb18030"))
    source = read_source(path)
    assert source.encoding == "gb18030" and dict(source.sheets[0].rows)[22] == ("兵库县", "日本")


def test_a_csv_in_the_encoding_the_user_chose(tmp_path):
    path = sf.partners_csv(tmp_path / "名录.csv", "gb18030")
    source = read_source(path, encoding="gb18030")
    assert (source.encoding, source.encoding_detected) == ("gb18030", False)
    with pytest.raises(SourceReadError) as wrong:
        read_source(path, encoding="utf-8")
    assert str(wrong.value) == f"{path}: is not text in utf-8; choose its encoding (e.g. gb18030 or utf-8)"
    assert "不是 utf-8 编码的文本" in wrong.value.text("zh_CN")
    with pytest.raises(SourceReadError, match="'klingon' is not an encoding TwinDesk knows"):
        read_source(path, encoding="klingon")


def test_files_that_are_not_lists_are_refused_in_one_line(tmp_path):
    web = tmp_path / "导出.xls"
    web.write_text("<html><table><tr><td>1</td></tr></table></html>", encoding="utf-8")
    with pytest.raises(SourceReadError) as page:
        read_source(web)
    assert "is a web page saved as .xls" in str(page.value) and "另存为 .xlsx" in page.value.text("zh_CN")
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(SourceReadError, match="is not an Excel workbook"):
        read_source(fake)
    with pytest.raises(SourceReadError, match="no such file"):
        read_source(tmp_path / "missing.ods")
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(SourceReadError, match="cannot be read as a workbook"):
        read_source(broken)


def test_a_sheet_with_a_cell_far_away_is_refused_before_it_is_laid_out(tmp_path):
    wb = Workbook()
    wb.active["A1"] = "名称"
    wb.active["B2"] = "x"
    wb.save(tmp_path / "far.xlsx")
    with zipfile.ZipFile(tmp_path / "far.xlsx") as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    # the dimension says A1:B2; a cell at XFD1048576 would make calamine lay out 17 billion cells
    sheet = sheet.replace("</sheetData>",
                          '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(tmp_path / "far.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    with pytest.raises(WorkbookTooLarge, match="spans 17,179,869,184 cells"):
        read_source(tmp_path / "far.xlsx")


def test_a_huge_csv_is_refused_with_a_clear_message(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_text("名称,国家\n" + "a,b\n" * 1000, encoding="utf-8")
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1000)
    with pytest.raises(SourceReadError) as big:
        read_source(path)
    assert "more than a list TwinDesk imports" in str(big.value) and "请拆分" in big.value.text("zh_CN")
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 10**9)
    monkeypatch.setattr(sources, "MAX_ROWS", 100)
    with pytest.raises(SourceReadError, match="has more than 100 rows"):
        read_source(path)
