"""Finding the table on a sheet staff typed, the field of each column, the kind of each sheet, and
mappings: JSON both ways, remembered by the header layout."""

import json

import pytest
from helpers import staff_files as sf

from twindesk.exchange.staff_lists.column_mapping import (
    NOTES,
    PARTNER_COUNTRY,
    Mapping,
    MappingFileError,
    MappingMemory,
    SheetMapping,
    guess_kind,
    is_known_header,
    layout_key,
    suggest_field,
    target_label,
)
from twindesk.exchange.staff_lists.recognition import AUTOMATIC, GIVEN, REMEMBERED, recognise
from twindesk.exchange.staff_lists.sources import Grid, read_source
from twindesk.exchange.staff_lists.table_finder import find_table


def _grid(*rows, name="Sheet1"):
    return Grid(name, [(line, tuple(r)) for line, r in rows if r is not None])


def test_the_header_row_under_a_merged_title_and_a_note(tmp_path):
    source = read_source(sf.staff_workbook(tmp_path / "名录.xlsx"))
    table = find_table(source.sheets[0], is_known_header)
    assert table.header_line == 4
    assert table.headers == sf.PARTNER_HEADERS
    assert [line for line, _ in table.rows] == [5, 6, 8, 9]  # the blank row 7 is no row
    assert table.end_line == 9
    assert [(s.line, s.reason.text("en")) for s in table.skipped] == [
        (10, "a totals row; not imported."),
        (12, "after the end of the table; not imported."),  # 制表人 after the gap below the totals
    ]
    assert table.skipped[0].reason.text("zh_CN") == "合计行，不导入。"


@pytest.mark.parametrize("word", ["合计", "合 计", "总计", "小计", "共计", "Total", "TOTAL", "Sum", "Subtotal",
                                  "Grand total", "合计：", "ｔｏｔａｌ"])
def test_totals_rows_by_their_usual_words(word):
    grid = _grid((1, ["名称", "国家"]), (2, ["兵库县", "日本"]), (3, [word, 1]), (4, ["济州", "韩国"]))
    table = find_table(grid, is_known_header)
    assert [line for line, _ in table.rows] == [2, 4]  # a subtotal between groups: the table goes on
    assert [s.line for s in table.skipped] == [3]


def test_a_note_below_the_table_ends_it():
    grid = _grid((1, ["名称", "国家", "人口"]), (2, ["兵库县", "日本", 1]), (3, ["济州", "韩国", 2]),
                 (5, ["注：人口为2020年数据，来源：各国统计局。"]), (6, ["x", "y", 3]))
    table = find_table(grid, is_known_header)
    assert [line for line, _ in table.rows] == [2, 3]
    assert [(s.line, s.reason.text("en")) for s in table.skipped] == [
        (5, "a note below the table; the table ends above it."), (6, "after the end of the table; not imported.")]


def test_a_row_with_one_short_name_after_a_gap_is_still_data():
    grid = _grid((1, ["名称", "国家", "人口"]), (2, ["兵库县", "日本", 1]), (4, ["济州"]))
    assert [line for line, _ in find_table(grid, is_known_header).rows] == [2, 4]


def test_no_header_row_says_why():
    table = find_table(_grid((1, ["海南省友好城市名录"]), (2, [1, 2, 3])))
    assert table.header_line is None
    assert table.reason.text("en") == "no row looks like column headers (a row of at least two headers, all text)."
    assert find_table(Grid("empty")).reason.text("zh_CN") == "工作表是空的。"


def test_a_row_the_user_chose_is_the_header_row():
    grid = _grid((1, ["填报单位", "外事办"]), (2, ["名称", "国家"]), (3, ["兵库县", "日本"]))
    assert find_table(grid, is_known_header).header_line == 2
    assert find_table(grid, is_known_header, header_line=1).header_line == 1
    assert find_table(grid, header_line=9).reason.text("en") == "row 9 of the sheet is empty."


@pytest.mark.parametrize("kind, header, field", [
    ("partner", "城市名称", "name_zh"), ("partner", "中文名", "name_zh"), ("partner", "名称", "name_zh"),
    ("partner", "国别", "country"), ("partner", "国家", "country"), ("partner", "Country", "country"),
    ("partner", "面积（平方公里）", "area_km2"), ("partner", "人口(万人)", "population"),
    ("partner", "Chinese name", "name_zh"), ("partner", "中文名称", "name_zh"), ("partner", "备注", "notes"),
    ("partnership", "中方城市", "home_locality"), ("partnership", "本方", "home_locality"),
    ("partnership", "外方城市", "partner"), ("partnership", "友城", "partner"),
    ("partnership", "结好时间", "signed_on"), ("partnership", "缔结日期", "signed_on"),
    ("partnership", "签约时间", "signed_on"), ("partnership", "签约地点", "+notes"),  # an agreement's field: into the notes
    ("partnership", "国家", PARTNER_COUNTRY), ("partnership", "Partner ID", "partner"),
    ("shipment_item", "单位", "unit"), ("shipment_item", "计量单位", "unit"),
    ("shipment_item", "币种", "currency"), ("shipment_item", "货币", "currency"),
    ("contact", "单位", "organization"), ("shipment", "外方城市", "partner"),
    ("partner", "序号", None), ("partner", "颜色", None),
])
def test_a_field_is_suggested_for_the_headers_staff_write(kind, header, field):
    assert suggest_field(kind, header) == field


@pytest.mark.parametrize("name, headers, kind", [
    ("友城名录", sf.PARTNER_HEADERS, "partner"),
    ("Sheet1", sf.PARTNER_HEADERS, "partner"),  # from its headers, not its name
    ("结好情况", sf.PARTNERSHIP_HEADERS, "partnership"),
    ("Sheet2", sf.PARTNERSHIP_HEADERS, "partnership"),
    ("物资", ["物资名称", "类型", "发出日期", "友城"], "shipment"),
    ("明细", ["品名", "数量", "单位", "金额"], "shipment_item"),
    ("Sheet3", ["临时", "记录"], None),
    ("友城名录", ["甲", "乙"], None),  # a name alone is not enough
])
def test_the_kind_of_a_sheet_is_guessed_from_its_headers(name, headers, kind):
    assert guess_kind(name, headers) == kind


def test_recognition_of_the_staff_workbook(tmp_path):
    rec = recognise(read_source(sf.staff_workbook(tmp_path / "名录.xlsx")))
    partners, partnerships, scratch = rec.sheets
    assert (partners.kind, partners.origin, partners.imported) == ("partner", AUTOMATIC, True)
    assert {c.header: c.field for c in partners.columns} == {
        "序号": None, "城市名称": "name_zh", "国别": "country", "英文名": "name_en", "人口": "population",
        "面积（平方公里）": "area_km2", "备注": "notes"}
    assert partners.columns[2].place == "国别 (C)"
    assert {c.header: c.field for c in partnerships.columns} == {
        "中方城市": "home_locality", "外方城市": "partner", "国家": PARTNER_COUNTRY, "结好时间": "signed_on",
        "签约地点": "+notes", "级别": "tier", "状态": "status"}
    assert scratch.kind is None and not scratch.imported
    assert scratch.reason.text("zh_CN") == "其表头（临时、记录）对应不到 TwinDesk 的任何列表；请选择它所含记录的类型。"
    assert target_label("partnership", PARTNER_COUNTRY, "zh_CN") == "友好伙伴所在国家"
    assert target_label("partner", NOTES, "en") == "into the notes"


def test_a_mapping_goes_to_json_and_back_and_changes_the_recognition(tmp_path):
    path = sf.staff_workbook(tmp_path / "名录.xlsx")
    rec = recognise(read_source(path))
    mapping = Mapping.from_json(rec.mapping.to_json())
    assert mapping == rec.mapping
    data = json.loads(rec.mapping.to_json())
    assert data["sheets"]["友城名录"]["columns"]["城市名称"] == "name_zh"  # Chinese stays readable
    mapping.sheets["友城名录"].columns["序号"] = NOTES
    mapping.sheets["友城名录"].columns["备注"] = None
    mapping.sheets["结好情况"].kind = None  # skip it
    mapping.sheets["Sheet3"].kind = "home_locality"
    mapping.sheets["Sheet3"].columns["临时"] = "name_zh"
    mapping.save(tmp_path / "map.json")
    again = recognise(read_source(path), Mapping.load(tmp_path / "map.json"))
    partners, partnerships, scratch = again.sheets
    assert partners.origin == GIVEN and partners.columns[0].field == NOTES and partners.columns[6].field is None
    assert not partnerships.imported and partnerships.reason.text("en") == "skipped, as the mapping says."
    assert scratch.kind == "home_locality" and scratch.imported


def test_a_mapping_made_for_one_csv_fits_next_months_csv(tmp_path):
    rec = recognise(read_source(sf.partners_csv(tmp_path / "2023年.csv")))
    rec.mapping.sheets["2023年"].columns["序号"] = NOTES
    later = recognise(read_source(sf.partners_csv(tmp_path / "2024年.csv")), rec.mapping)
    assert later.sheets[0].origin == GIVEN and later.sheets[0].columns[0].field == NOTES


@pytest.mark.parametrize("text, message", [
    ("not json", "is not a mapping file (JSON:"),
    ('{"sheets": 3}', "is not a mapping file (it has no “sheets”)"),
    ('{"sheets": {"A": {"kind": "city"}}}', "sheet A: “city” is not a record kind"),
    ('{"sheets": {"A": {"kind": "partner", "columns": {"名称": "colour"}}}}',
     "column “名称”: “colour” is not a field of partner"),
    ('{"sheets": {"A": {"kind": "partner", "header_row": 0}}}', "“header_row” must be a row number"),
])
def test_a_wrong_mapping_file_says_where(tmp_path, text, message):
    (tmp_path / "m.json").write_text(text, encoding="utf-8")
    with pytest.raises(MappingFileError) as wrong:
        Mapping.load(tmp_path / "m.json")
    assert message in str(wrong.value) and str(tmp_path / "m.json") in str(wrong.value)
    chinese = wrong.value.text("zh_CN")
    assert chinese != str(wrong.value) and "sheet A" not in chinese


def test_a_mapping_is_remembered_by_the_header_layout(tmp_path):
    memory = MappingMemory(tmp_path / "data")
    path = sf.staff_workbook(tmp_path / "名录.xlsx")
    rec = recognise(read_source(path), memory=memory)
    assert rec.sheets[0].origin == AUTOMATIC
    mapping = rec.mapping
    mapping.sheets["友城名录"].columns["序号"] = NOTES
    memory.remember(mapping)
    other = tmp_path / "另一个文件.xlsx"  # another file, same headers, another sheet name
    sf.staff_workbook(other)
    again = recognise(read_source(other), memory=memory)
    assert again.sheets[0].origin == REMEMBERED and again.sheets[0].columns[0].field == NOTES
    assert again.sheets[1].origin == REMEMBERED  # remembered as confirmed, unchanged
    assert layout_key(["名称", " 国家 "]) == layout_key(["名称", "国家"]) != layout_key(["国家", "名称"])
    (tmp_path / "data" / MappingMemory.FILE).write_text("{damaged", encoding="utf-8")
    assert recognise(read_source(other), memory=memory).sheets[0].origin == AUTOMATIC


def test_a_repeated_header_goes_to_the_notes_once_a_field_has_it():
    grid = _grid((1, ["名称", "国家", "备注", "备注"]), (2, ["兵库县", "日本", "a", "b"]))
    rec = recognise(type("S", (), {"sheets": [grid], "path": None})())
    assert [(c.key, c.field) for c in rec.sheets[0].columns] == [
        ("名称", "name_zh"), ("国家", "country"), ("备注", "notes"), ("备注 (D)", NOTES)]
    assert SheetMapping.from_dict(rec.sheets[0].mapping.to_dict()) == rec.sheets[0].mapping


def _source(grid):
    return type("S", (), {"sheets": [grid], "path": None})()


def test_a_kind_the_user_chooses_gets_its_columns_suggested_by_the_recognition():
    # The saved mapping of a sheet of no guessed kind, with only its kind changed (as a person edits the JSON)
    source = _source(_grid((1, ["名称", "备注"]), (2, ["海口市", "省会"]), name="Sheet3"))
    rec = recognise(source)
    assert rec.sheets[0].kind is None and [c.field for c in rec.sheets[0].columns] == [None, None]
    mapping = Mapping.from_json(rec.mapping.to_json())
    mapping.sheets["Sheet3"].kind = "home_locality"
    chosen = recognise(source, mapping).sheets[0]
    assert chosen.kind == "home_locality" and chosen.imported
    assert [c.field for c in chosen.columns] == ["name_zh", "notes"]
    # A guessed kind changed to another: the columns guessed for the first are suggested for the second.
    partners = _source(_grid((1, ["城市名称", "国别", "人口"]), (2, ["兵库县", "日本", 5000])))
    mapping = recognise(partners).mapping
    assert mapping.sheets["Sheet1"].kind == "partner"
    mapping.sheets["Sheet1"].kind = "home_locality"
    assert [c.field for c in recognise(partners, mapping).sheets[0].columns] == ["name_zh", None, None]
    # A column the user mapped himself stays as he mapped it; the others are suggested.
    mapping.sheets["Sheet1"].columns = {"人口": None}
    assert [c.field for c in recognise(partners, mapping).sheets[0].columns] == ["name_zh", None, None]


def test_two_columns_mapped_to_one_field_are_said_in_both_languages():  # refused: test_staff_import.py
    source = _source(_grid((1, ["城市名称", "国别", "英文名"]), (2, ["兵库县", "日本", "Hyogo"])))
    mapping = recognise(source).mapping
    assert recognise(source).sheets[0].clashes == []
    mapping.sheets["Sheet1"].columns["英文名"] = "name_zh"
    sheet = recognise(source, mapping).sheets[0]
    assert [c.text("en") for c in sheet.clashes] == [
        "the columns 城市名称 (A) and 英文名 (C) are mapped to the same field, Chinese name; map only one of them to it."]
    assert [c.text("zh_CN") for c in sheet.clashes] == [
        "城市名称 (A)、英文名 (C) 列对应到了同一个字段“中文名称”；请只让其中一列对应到该字段。"]
    mapping.sheets["Sheet1"].columns["国别"] = NOTES  # notes take any number of columns
    mapping.sheets["Sheet1"].columns["城市名称"] = NOTES
    assert recognise(source, mapping).sheets[0].clashes == []


def test_totals_rows_are_told_in_any_width_case_and_spacing():
    """table_finder rules most rows out by their first character: every word of a total still counts."""
    from twindesk.exchange.staff_lists.table_finder import is_totals_row

    for word in ("合计", " 总计：12", "小计", "共计", "总数", "累计", "合共", "总和", "Ｔｏｔａｌ", "Grand Total",
                 "SUBTOTAL", "totals", "Sum", "ｓｕｍ", "\u3000合计"):
        assert is_totals_row((1, word)), word
    for word in ("神户", "Tokyo", "Summit City", "合肥", "Sumy"):
        assert not is_totals_row((1, word)), word
