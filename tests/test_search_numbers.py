"""Search as staff type it, numbers as they write them (issue 12, "Search and numbers").

A shipment is found by its items, a visit by its delegates, a Chinese name by its pinyin (full or
initials, with or without spaces, full-width too); number fields read 23万, 1.2万, 3亿 and full-width
digits, code fields full-width letters: through `records.save`, through a workbook import, and in a
database upgraded from schema 2.
"""

import sqlite3
from decimal import Decimal

import pytest
from exchange_support import import_into
from openpyxl import Workbook

from twindesk.domain import workspace
from twindesk.domain.model.errors import ValidationError
from twindesk.domain.model.fields import parse_decimal, parse_float, parse_int
from twindesk.domain.operations import records, undo
from twindesk.domain.queries import details, lists
from twindesk.domain.queries.lists import ListQuery
from twindesk.store import models as m


def found(list_name: str, text: str) -> set[int]:
    page = lists.fetch(list_name, ListQuery(text=text))
    assert set(lists.ids(list_name, ListQuery(text=text))) == {r["id"] for r in page.rows}
    return {r["id"] for r in page.rows}


# -- search ------------------------------------------------------------------------------------------


def test_a_shipment_is_found_by_its_items_description(make):
    masks = make.shipment(None, title="Spring aid")
    make.item(masks, description="医用口罩")
    rice = make.shipment(None, title="Autumn aid")
    make.item(rice, description="Rice")
    assert found("shipments", "口罩") == {masks}
    assert found("shipments", "kouzhao") == {masks}  # the item's pinyin too
    assert found("shipments", "rice") == {rice}
    assert found("shipments", "口罩 spring") == {masks}  # every word, each anywhere in the record
    assert found("shipments", "口罩 autumn") == set()
    assert lists.fetch("shipments", ListQuery(text="口罩")).matched == 1


def test_the_item_search_follows_edits_deletes_and_undo(make):
    shipment = make.shipment(None, title="Aid")
    item = make.item(shipment, description="Tents")
    assert found("shipments", "tents") == {shipment}
    records.save("shipment_item", {"description": "医用口罩"}, item)
    assert found("shipments", "tents") == set() and found("shipments", "口罩") == {shipment}
    records.delete("shipment_item", item)
    assert found("shipments", "口罩") == set()
    undo.history.undo()  # the item comes back with its own search text
    assert found("shipments", "口罩") == {shipment}


def test_a_visit_is_found_by_a_delegates_name(make):
    visit = make.visit(title="Trade mission")
    make.delegate(visit, name="王小明")
    make.delegate(visit, name="Ольга Петрова", precedence=2)
    other = make.visit(title="Culture week")
    make.delegate(other, name="Kim Minji")
    assert found("visits", "王小明") == {visit}
    assert found("visits", "wangxiaoming") == {visit}
    assert found("visits", "wxm") == {visit}
    assert found("visits", "ольга") == {visit}  # case-folded in any script
    assert found("visits", "minji") == {other}
    assert found("visits", "trade") == {visit}  # the visit's own text still counts


@pytest.mark.parametrize("typed", ["jizhou", "ji zhou", "JiZhou", "jz", "ｊｉｚｈｏｕ", "济州", "jeju", "제주"])
def test_pinyin_finds_a_chinese_partner_name(make, typed):
    jeju = make.partner(name_zh="济州特别自治道", name_en="Jeju", name_native="제주", country="KR")
    make.partner(name_zh="符拉迪沃斯托克", name_en="Vladivostok", country="RU")
    assert found("partners", typed) == {jeju}


def test_pinyin_finds_a_shipment_and_a_visit_by_their_partners_name(make):
    jeju = make.partner(name_zh="济州", name_en="Jeju", country="KR")
    kobe = make.partner(name_zh="神户", name_en="Kobe", country="JP")
    shipment = make.shipment(jeju, title="Aid")
    make.shipment(kobe, title="Aid")
    visit = make.visit((jeju,), title="Visit")
    make.visit((kobe,), title="Visit")
    assert found("shipments", "jizhou") == found("shipments", "jz") == {shipment}
    assert found("visits", "jizhou") == {visit}
    assert found("contacts", "shenhu") == set()  # no contacts yet: nothing false
    make.contact(kobe, family_name="Tanaka")
    assert {r["family_name"] for r in lists.fetch("contacts", ListQuery(text="shenhu")).rows} == {"Tanaka"}
    assert [i for i, _name in details.find_choices("partner", "jz")] == [jeju]  # the partner picker


def test_a_chinese_title_is_found_by_pinyin(make):
    visit = make.visit(title="海南省代表团访问济州", leader="李明")
    assert found("visits", "daibiaotuan") == {visit}
    assert found("visits", "liming") == {visit}
    assert found("visits", "hnsdbtfwjz") == {visit}


def test_search_text_is_one_function_for_every_writer(make):
    """A save and the scale demo write what `search_key` gives; an import is checked below."""
    from twindesk.domain.demo.synthetic import add_synthetic

    pid = make.partner(name_zh="济州", name_en="Jeju", country="KR")
    assert m.Partner.get_by_id(pid).search_text == m.search_key("济州", "Jeju", "") == "济州\njeju\njizhou\njz"
    add_synthetic(20, seed=3)
    for model in (m.Partner, m.Contact, m.Activity, m.Visit, m.Delegate, m.Shipment, m.ShipmentItem):
        rows = list(model.select())
        assert rows and all(r.search_text == m.search_key(*(getattr(r, f) for f in model.search_fields))
                            for r in rows), model
    assert any("\n" in p.search_text.rpartition(p.name_en.casefold())[2] for p in m.Partner.select())  # pinyin


# -- numbers and codes -------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "number"), [
    ("23万", 230000), ("1.2万", 12000), ("3亿", 300000000), ("1.5亿", 150000000), ("２３万", 230000),
    ("１２３", 123), ("1,234", 1234), ("1，234", 1234), ("１，２３４", 1234), ("-2万", -20000), (" 12 000 ", 12000),
])
def test_whole_numbers_as_people_write_them(typed, number):
    assert parse_int(typed) == number
    assert type(parse_int(typed)) is int


@pytest.mark.parametrize(("typed", "number"), [
    ("１．５", Decimal("1.5")), ("1.2万", Decimal("12000")), ("0.35万", Decimal("3500")), ("1,234.5", Decimal("1234.5")),
    ("１２，３４５．６７", Decimal("12345.67")), ("1.23456万", Decimal("12345.6")),
])
def test_decimals_as_people_write_them(typed, number):
    assert parse_decimal(typed) == number
    assert parse_float(typed) == float(number)


@pytest.mark.parametrize("typed", ["万", "亿万x", "1e3万", "inf万", "nan万", "1.2.3万", "万3", "abc", "nan", "inf"])
def test_what_is_not_a_number_is_still_refused(typed):
    with pytest.raises(ValueError, match="is not a number"):
        parse_decimal(typed)


def test_ranges_still_hold_for_units(make):
    with pytest.raises(ValidationError) as info:
        records.save("partner", {"name_en": "X", "country": "KR", "population": "1.5万亿亿"})  # 1.5e24: past 2**63
    assert info.value.for_field("population")
    with pytest.raises(ValidationError) as info:
        records.save("partner", {"name_en": "X", "country": "KR", "population": "1.00005万"})
    assert [e.text("zh_CN") for e in info.value.for_field("population")] == ["人口“1.00005万”必须是整数。"]
    with pytest.raises(ValidationError) as info:
        records.save("visit", {"title": "V", "budget": "1万亿亿"})  # more digits than the column keeps
    assert "数值过大" in info.value.for_field("budget")[0].text("zh_CN")


def test_numbers_and_codes_through_records_save(make):
    pid = make.partner(name_en="Kobe", country="ＪＰ", population="152.5万", area_km2="５５７．０２")
    kobe = records.get("partner", pid)
    assert (kobe["country"], kobe["population"], kobe["area_km2"]) == ("JP", 1_525_000, 557.02)
    visit = records.save("visit", {"title": "Trade mission", "budget": "1.2万", "budget_currency": "ｃｎｙ"})
    got = records.get("visit", visit)
    assert (got["budget"], got["budget_currency"]) == (Decimal("12000.00"), "CNY")
    shipment = make.shipment(None)
    item = make.item(shipment, quantity="２万", value="1，234.5", currency="ＵＳＤ", category="ｐｐｅ")
    got = records.get("shipment_item", item)
    assert (got["quantity"], got["value"], got["currency"], got["category"]) == (
        Decimal("20000"), Decimal("1234.50"), "USD", "ppe")


def test_numbers_codes_and_search_through_a_workbook_import(make, db_target, tmp_path):
    shipment = make.shipment(None, title="Winter aid")
    workspace.close()
    wb = Workbook()
    partners = wb.active
    partners.title = "友好伙伴"
    partners.append(["国家", "中文名称", "英文名称", "人口"])
    partners.append(["ＫＲ", "济州", "Jeju", "69.7万"])
    partners.append(["JP", "神户", "Kobe", "１５２，５０００"])
    visits = wb.create_sheet("出访来访")
    visits.append(["团组名称", "预算", "预算币种"])
    visits.append(["Trade mission", "1.5万", "ＣＮＹ"])
    items = wb.create_sheet("物资明细")
    items.append(["援助物资ID", "描述", "数量", "价值", "币种"])
    items.append([shipment, "医用口罩", "3万", "１．５万", "ｕｓｄ"])
    source = tmp_path / "typed.xlsx"
    wb.save(source)

    report = import_into(db_target, source)
    assert report.errors == [] and report.applied, report.errors
    workspace.open_workspace(db_target, read_only=True)
    try:
        jeju = m.Partner.get(m.Partner.name_en == "Jeju")
        assert (jeju.country, jeju.population) == ("KR", 697_000)
        assert m.Partner.get(m.Partner.name_en == "Kobe").population == 1_525_000
        assert jeju.search_text == m.search_key("济州", "Jeju", "")  # the import writes what a save would
        visit = m.Visit.get(m.Visit.title == "Trade mission")
        assert (visit.budget, visit.budget_currency) == (Decimal("15000.00"), "CNY")
        item = m.ShipmentItem.get(m.ShipmentItem.shipment == shipment)
        assert (item.quantity, item.value, item.currency) == (Decimal("30000"), Decimal("15000.00"), "USD")
        assert found("partners", "jizhou") == found("partners", "jz") == {jeju.id}
        assert found("shipments", "口罩") == found("shipments", "yykz") == {shipment}
    finally:
        workspace.close()


# -- an older database -------------------------------------------------------------------------------


@pytest.mark.sqlite_only  # takes a SQLite file back to schema 2
def test_a_schema_2_database_finds_by_pinyin_and_by_items_after_the_upgrade(tmp_path):
    """Schema 2 had no pinyin in search_text and no search text on delegates and items: the schema-3
    step computes them all (the recipe of tests/test_one_door.py's schema-3 upgrade test)."""
    from tests.conftest import make_filled_database

    path = tmp_path / "old.db"
    make_filled_database(path)
    workspace.open_workspace(path, take_backups=False)
    try:
        records.save("partner", {"name_zh": "济州"}, m.Partner.get(m.Partner.name_en == "Jeju").id)
        visit = m.Visit.select().first().id
        records.save("delegate", {"visit": visit, "name": "王小明"})
        shipment = m.Shipment.select().first().id
        records.save("shipment_item", {"shipment": shipment, "description": "医用口罩"})
    finally:
        workspace.close()
    conn = sqlite3.connect(path)
    for model in m.ALL_MODELS:  # back to schema 2: no uuid, no version, no child search text
        table = model._meta.table_name
        dropped = {"uuid", "version"} | ({"search_text"} if model in (m.Delegate, m.ShipmentItem) else set())
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[1] not in dropped]
        conn.execute(f'CREATE TABLE "{table}__old" AS SELECT {", ".join(cols)} FROM "{table}"')
        conn.execute(f'DROP TABLE "{table}"')
        conn.execute(f'ALTER TABLE "{table}__old" RENAME TO "{table}"')
        if "search_text" in cols:  # as schema 2 wrote it: case-folded names, no pinyin
            conn.execute(f'UPDATE "{table}" SET search_text = lower(search_text)')
    conn.execute("UPDATE partner SET search_text = name_zh || char(10) || lower(name_en)")
    conn.execute("DROP TABLE history_change")
    conn.execute("DROP TABLE history_operation")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()

    opened = workspace.open_workspace(path, take_backups=False)
    try:
        assert opened.migrated_from == 2
        jeju = m.Partner.get(m.Partner.name_zh == "济州").id
        assert found("partners", "jizhou") == found("partners", "jz") == {jeju}
        assert visit in found("visits", "wangxiaoming") and visit in found("visits", "王小明")
        assert found("shipments", "口罩") == {shipment}
        for model in m.ALL_MODELS:
            if model.search_fields:
                assert all(r.search_text == m.search_key(*(getattr(r, f) for f in model.search_fields))
                           for r in model.select()), model
    finally:
        workspace.close()
