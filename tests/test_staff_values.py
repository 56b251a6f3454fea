"""What the values in a list staff typed mean: ImportCheck(typed_by_staff=True) given raw cells by field
name, as the staff-list reader hands them (strings as typed, floats and huge ints from cells)."""

from datetime import date
from decimal import Decimal

import pytest
from conftest import table_counts

from twindesk.domain.model import countries, validation
from twindesk.domain.model.errors import ValidationError
from twindesk.domain.transfer.apply import apply_import
from twindesk.domain.transfer.check import ImportCheck
from twindesk.domain.transfer.tables import spec_of


def _check(rows, **options):
    check = ImportCheck(typed_by_staff=True, **options)
    for kind, line, values in rows:
        check.add(kind, line, None, values)
    return check.finish()


def _values(plan, kind, line) -> dict:
    names = [f.name for f in spec_of(kind).fields]
    (row,) = [r for r in plan.tables[kind].rows if r.line == line]
    return dict(zip(names, row.values, strict=True))


def _said(plan, lang="en") -> list[tuple[str, int, str, str]]:
    return [(p.kind, p.line, p.field, p.error.text(lang)) for p in plan.problems]


@pytest.fixture
def hainan(make):
    return make.locality()  # 海南省 / Hainan Province


def test_labels_synonyms_countries_numbers_and_widths_are_understood(db, hainan):
    plan = _check([
        ("partner", 3, {"name_zh": "神户市", "name_en": "ＫＯＢＥ　 City", "country": "日本", "kind": "市",
                        "population": "１５２万", "area_km2": "557.02"}),
        ("partner", 4, {"name_zh": "济州特别自治道", "country": "大韩民国", "kind": "道", "population": "100,000"}),
        ("partner", 5, {"name_en": "Busan", "country": "South Korea", "kind": "City", "population": 3.4e6}),
        ("partner", 6, {"name_native": "Владивосток", "country": "俄罗斯联邦", "kind": "城市", "population": "1.2亿"}),
        ("partner", 7, {"name_zh": "大阪府", "country": "ＪＰ", "kind": "府"}),
        ("partner", 8, {"name_zh": "兵库县", "country": "Japan", "kind": "县"}),  # a Japanese 县 is a prefecture
        ("partner", 9, {"name_en": "Seoul", "country": "대한민국", "kind": "特别市"}),
        ("partnership", 3, {"partner": "神户市", "home_locality": "海南省", "tier": "友好城市", "status": "已签署",
                            "signed_on": "1995/9/1"}),
        ("partnership", 4, {"partner": "济州特别自治道", "home_locality": "Hainan Province", "tier": "友好省道",
                            "status": "存续", "signed_on": "1995年9月1日"}),
        ("partnership", 5, {"partner": "Busan", "home_locality": "海南省", "tier": "友好省县", "status": "正常",
                            "signed_on": "2007.10.1"}),
        ("shipment", 2, {"title": "抗疫物资", "partner": "Busan", "kind": "物资", "status": "已送达",
                         "direction": "援出", "dispatched_on": "2020-02-01", "delivered_on": "2020年2月5日"}),
    ])
    assert _said(plan) == []
    kobe = _values(plan, "partner", 3)
    assert (kobe["name_en"], kobe["country"], kobe["kind"], kobe["population"]) == ("KOBE City", "JP", "city", 1_520_000)
    jeju = _values(plan, "partner", 4)
    assert (jeju["country"], jeju["kind"], jeju["population"]) == ("KR", "province", 100_000)
    assert _values(plan, "partner", 5)["country"] == "KR" and _values(plan, "partner", 5)["population"] == 3_400_000
    assert _values(plan, "partner", 6)["country"] == "RU" and _values(plan, "partner", 6)["population"] == 120_000_000
    assert _values(plan, "partner", 7)["kind"] == "prefecture" and _values(plan, "partner", 7)["country"] == "JP"
    assert _values(plan, "partner", 8)["kind"] == "prefecture"
    assert _values(plan, "partner", 9)["country"] == "KR"
    ps = _values(plan, "partnership", 4)
    assert (ps["tier"], ps["status"], ps["signed_on"], ps["home_locality"]) == ("sister", "active", date(1995, 9, 1), hainan)
    # New partners that other rows name get their IDs now, and the partnership points to them.
    partner_ids = {r.line: r.record_id for r in plan.tables["partner"].rows}
    assert ps["partner"] == partner_ids[4] and _values(plan, "partnership", 3)["partner"] == partner_ids[3]
    assert _values(plan, "shipment", 2)["partner"] == partner_ids[5]
    assert {plan.row_status("partner", n).state for n in range(3, 10)} == {"new"}


@pytest.mark.parametrize("field,typed,code", [
    ("currency", "人民币", "CNY"), ("currency", "元", "CNY"), ("currency", "RMB", "CNY"), ("currency", "¥", "CNY"),
    ("currency", "ＣＮＹ", "CNY"), ("currency", "美元", "USD"), ("currency", "$", "USD"), ("currency", "日元", "JPY"),
    ("category", "口罩", "ppe"), ("category", "口罩/防护用品", "ppe"), ("category", "药品", "medical"),
    ("category", "Disinfectant", "disinfectant"), ("quantity", "10万", Decimal("100000.000")),
    ("quantity", "１，０００", Decimal("1000.000")),
])
def test_item_values(make, field, typed, code):
    shipment = make.shipment(None)
    plan = _check([("shipment_item", 2, {"shipment": shipment, "description": "x", field: typed})])
    assert _said(plan) == []
    assert _values(plan, "shipment_item", 2)[field] == code


def test_choices_and_countries_not_understood_are_named_by_their_labels(db, hainan):
    plan = _check([
        ("partner", 2, {"name_zh": "某地", "country": "火星", "kind": "星球"}),
        ("partnership", 2, {"partner": 1, "home_locality": 1, "status": "差不多", "tier": "友好"}),
        ("visit", 2, {"title": "访问", "budget": "5000", "budget_currency": "贝壳"}),
    ])
    said = {(k, f): m for k, _line, f, m in _said(plan)}
    assert said[("partner", "country")] == ("Country “火星” is not a country TwinDesk knows; write its name "
                                            "(日本, Japan, 大韩民国) or its code (JP, KR).")
    assert said[("partner", "kind")] == ("Kind “星球” is not one of the choices: City, County, Prefecture, Province, "
                                         "State, Region, Village, Other.")
    assert said[("partnership", "status")].startswith("Status “差不多” is not one of the choices: Prospect, Negotiating,")
    assert "prospect" not in said[("partnership", "status")]  # labels, never codes
    assert said[("visit", "budget_currency")].startswith("Budget currency “贝壳” is not a currency TwinDesk knows")
    zh = {(k, f): m for k, _line, f, m in _said(plan, "zh_CN")}
    assert zh[("partner", "kind")] == "类型“星球”不是可选项之一：城市、县、县（日本）、省/道、州、大区/地区、村镇、其他。"
    assert zh[("partner", "country")].startswith("国家“火星”不是可识别的国家")
    # the required fields whose cells were not understood are said once, not again as "is required"
    assert len([p for p in plan.problems if p.kind == "partner"]) == 2


@pytest.mark.sqlite_only  # apply_import's backup of the SQLite file
def test_figures_that_are_not_numbers_or_too_large_are_refused_before_anything_is_written(db, db_path, hainan):
    before = table_counts(db_path)
    plan = _check([
        ("partner", 2, {"name_en": "A", "country": "JP", "population": "约5000"}),
        ("partner", 3, {"name_en": "B", "country": "JP", "population": 2**63}),  # a pasted 20-digit number
        ("partner", 4, {"name_en": "C", "country": "JP", "population": "12345678901234567890"}),
        ("partner", 5, {"name_en": "D", "country": "JP", "area_km2": "1e400"}),
        ("partner", 6, {"name_en": "E", "country": "JP", "area_km2": float("inf")}),
        ("partner", 7, {"name_en": "F", "country": "JP", "latitude": float("nan")}),
        ("partner", 8, {"name_en": "G", "country": "JP", "population": "五千"}),
        ("shipment", 2, {"title": "T", "counterparty": "X"}),
        ("shipment_item", 2, {"shipment": 1, "description": "x", "quantity": 1e25}),
        ("shipment_item", 3, {"shipment": 1, "description": "y", "quantity": "1e25"}),
    ])
    said = {(k, line): m for k, line, _f, m in _said(plan)}
    assert said[("partner", 2)] == ("Population “约5000” is an approximate figure; write the number alone, "
                                    "such as 5000, 5,000, 10万 or 1.2亿.")
    assert said[("partner", 3)] == "Population “9223372036854775808” is too large a number to store."
    assert said[("partner", 4)] == "Population “12345678901234567890” is too large a number to store."
    assert said[("partner", 5)] == "Area (km²) “1e400” is too large a number to store."
    assert said[("partner", 6)] == "Area (km²) “inf” is infinite or not a number; write the figure itself."
    assert said[("partner", 7)] == "Latitude “nan” is infinite or not a number; write the figure itself."
    assert said[("partner", 8)].startswith("Population “五千” is not a number; write it in figures, such as 5000")
    assert said[("shipment_item", 2)].startswith("Quantity “1e+25” is too large a number to store (at most")
    assert said[("shipment_item", 3)].startswith("Quantity “1e25” is too large a number to store (at most")
    zh = {(k, line): m for k, line, _f, m in _said(plan, "zh_CN")}
    assert zh[("partner", 2)] == "人口“约5000”是约数；请只写数字，如 5000、5,000、10万 或 1.2亿。"
    assert {s.state for s in plan.row_statuses().values() if s.kind == "partner"} == {"error"}
    with pytest.raises(Exception, match="problem"):
        apply_import(plan, db_path=db_path)
    assert table_counts(db_path) == before


@pytest.mark.parametrize("typed", ["1e400", "-1e400", "1e999999999"])
def test_a_form_refuses_an_infinite_number_too(db, typed):
    with pytest.raises(ValidationError, match="too large a number to store"):
        validation.validate("partner", {"name_en": "X", "country": "JP", "area_km2": typed})


def test_dates_are_kept_at_the_precision_typed(db, hainan, make):
    jeju = make.partner(name_zh="济州", country="KR")
    plan = _check([
        ("partnership", 2, {"partner": jeju, "home_locality": hainan, "status": "已签署", "signed_on": "1995年3月"}),
        ("partnership", 3, {"partner": jeju, "home_locality": hainan, "tier": "意向书", "status": "已签署",
                            "signed_on": "1990年"}),
        ("partnership", 4, {"partner": jeju, "home_locality": hainan, "tier": "友好交流", "status": "已签署",
                            "signed_on": 1990}),
        ("activity", 2, {"title": "会见", "held_on": "1995-03"}),
        ("visit", 2, {"title": "访问", "start_on": "1990"}),
        ("visit", 3, {"title": "访问", "start_on": "２０２４／５／１", "end_on": "2024年5月3日"}),
    ])
    signed = _values(plan, "partnership", 2)
    assert (signed["signed_on"], signed["established_year"], signed["notes"]) == (None, 1995, "签署日期：1995年3月")
    assert (_values(plan, "partnership", 3)["signed_on"], _values(plan, "partnership", 3)["established_year"]) == (None, 1990)
    assert _values(plan, "partnership", 4)["established_year"] == 1990
    assert _values(plan, "visit", 3)["start_on"] == date(2024, 5, 1)
    notes = [(n.kind, n.line, n.error.text("en")) for n in plan.notes]
    assert ("partnership", 2, "Signing date “1995年3月” gives only the year and month: kept as the established year "
            "1995, the month in the notes; the signing date is left empty.") in notes
    assert [n.error.text("zh_CN") for n in plan.notes if n.line == 3][0] == \
        "签署日期“1990年”只写了年份：记为建立年份 1990；签署日期留空。"
    assert _said(plan) == [
        ("activity", 2, "held_on", "Date “1995-03” gives only the year and month: a full date is needed here, "
                                   "such as 1995-03-15."),
        ("visit", 2, "start_on", "Start date “1990” gives only the year: a full date is needed here, such as 1990-01-15."),
    ]


def test_references_by_name_namesakes_ambiguity_and_unknown_names(db, hainan, make):
    hyogo = make.partner(name_zh="兵库县", name_en="Hyogo Prefecture", country="JP", kind="prefecture")
    us = make.partner(name_en="Springfield", country="US")
    us2 = make.partner(name_en="Springfield", country="US", kind="county")
    au = make.partner(name_en="Richmond", country="AU")
    ca = make.partner(name_en="Richmond", country="CA")
    plan = _check([
        ("partnership", 2, {"partner": "兵庫県", "home_locality": "海南", "status": "prospect"}),  # script, like name
        ("partnership", 3, {"partner": "HYOGO", "home_locality": "海南省", "status": "prospect"}),
        ("partnership", 4, {"partner": "Springfield", "home_locality": "海南省", "status": "prospect"}),
        ("partnership", 5, {"partner": "Richmond", "partner.country": "Canada", "home_locality": "海南省",
                            "status": "prospect"}),
        ("partnership", 6, {"partner": "Richmond", "partner.country": "日本", "home_locality": "海南省",
                            "status": "prospect"}),
        ("partnership", 7, {"partner": "无名市", "home_locality": "三亚", "status": "prospect"}),
    ])
    assert _values(plan, "partnership", 2)["partner"] == hyogo
    assert _values(plan, "partnership", 2)["home_locality"] == hainan
    assert _values(plan, "partnership", 3)["partner"] == hyogo
    assert _values(plan, "partnership", 5)["partner"] == ca
    said = {line: m for _k, line, _f, m in _said(plan)}
    assert said[4] == (f"Partner “Springfield” matches 2 records: Springfield (United States, ID {us}); "
                       f"Springfield (United States, ID {us2}). Give the ID, or the country, of the one meant.")
    assert said[6] == (f"Partner “Richmond” matches no record in Japan (Chinese name, English name, Native name "
                       f"looked in); of that name there is only Richmond (Australia, ID {au}); "
                       f"Richmond (Canada, ID {ca}).")
    errors7 = [m for _k, line, _f, m in _said(plan) if line == 7]
    assert errors7 == [
        "Partner “无名市” matches no record: no partner in the database or in this import has that name "
        "(Chinese name, English name, Native name looked in). Give the ID of an existing one, or let the "
        "import create it.",
        "Home locality “三亚” matches no record: no home locality in the database or in this import has that "
        "name (Chinese name, English name looked in). Give the ID of an existing one, or let the import create it.",
    ]
    zh = {line: m for _k, line, f, m in _said(plan, "zh_CN") if f == "partner"}
    assert zh[4].startswith("友好伙伴“Springfield”对应 2 条记录：Springfield（美国，编号")
    assert ("partnership", 3, "Partner “HYOGO” is taken as 兵库县 / Hyogo Prefecture (Japan, ID 1), the one partner "
            "of a like name.") in [(n.kind, n.line, n.error.text("en")) for n in plan.notes]
    assert plan.row_status("partnership", 2).state == "new" and plan.row_status("partnership", 4).state == "error"


@pytest.mark.sqlite_only  # apply_import's backup of the SQLite file
def test_unknown_names_are_created_in_the_same_import_when_allowed(db, db_path, hainan):
    rows = [
        ("partnership", 2, {"partner": "济州特别自治道", "partner.country": "韩国", "home_locality": "三亚市",
                            "tier": "友好省道", "status": "已签署", "signed_on": "1995-09-01"}),
        ("partnership", 3, {"partner": "济州特别自治道", "partner.country": "韩国", "home_locality": "海南省",
                            "tier": "友好交流", "status": "prospect"}),
        ("partnership", 4, {"partner": "Kobe", "home_locality": "海南省", "status": "prospect"}),  # no country
    ]
    plan = _check(rows, create_missing=True)
    assert _said(plan) == [("partnership", 4, "partner", "Partner “Kobe” matches no record, and a new partner needs "
                            "its country: add a country column for it to this sheet, or list the partner on a "
                            "partners sheet.")]
    # only the ticked names are created
    plan = _check(rows[:1], create_missing={"济州特别自治道"})
    assert [(f, m.split(":")[0]) for _k, _l, f, m in _said(plan)] == [("home_locality", "Home locality “三亚市” matches no record")]
    plan = _check(rows[:2], create_missing={"济州特别自治道", "三亚市"})
    assert _said(plan) == []
    made = {(c.kind, c.name): c for c in plan.created}
    jeju, sanya = made[("partner", "济州特别自治道")], made[("home_locality", "三亚市")]
    assert jeju.values == {"name_zh": "济州特别自治道", "country": "KR", "kind": "province"}
    assert sanya.values == {"name_zh": "三亚市", "kind": "city"}
    assert jeju.referenced_by == [("partnership", 2, "partner"), ("partnership", 3, "partner")]  # created once
    assert _values(plan, "partnership", 2)["partner"] == _values(plan, "partnership", 3)["partner"] == jeju.record_id
    result = apply_import(plan, db_path=db_path)
    assert result.created["partner"] == 1 and result.created["home_locality"] == 1
    assert result.created["partnership"] == 2
    from twindesk.store import models as m
    stored = m.Partner.get_by_id(jeju.record_id)
    assert (stored.name_zh, stored.country) == ("济州特别自治道", "KR")
    assert m.Partnership.select().where(m.Partnership.partner == jeju.record_id).count() == 2


def test_likely_duplicates_across_scripts_widths_and_rows(db, make):
    hyogo = make.partner(name_zh="兵库县", name_en="Hyogo Prefecture", country="JP", kind="prefecture")
    plan = _check([
        ("partner", 2, {"name_zh": "兵庫県", "country": "日本", "kind": "県"}),
        ("partner", 3, {"name_en": "HYŌGO", "country": "JP"}),
        ("partner", 4, {"name_en": "Ｈｙｏｇｏ", "country": "JP"}),
        ("partner", 5, {"name_en": "Hyogo", "country": "KR"}),  # another country: not alike
        ("partner", 6, {"name_zh": "大阪府", "country": "JP"}),
        ("partner", 7, {"name_en": "Osaka Prefecture", "name_zh": "大阪", "country": "JP"}),
    ])
    assert _said(plan) == []
    flags = {d.line: d for d in plan.duplicates}
    assert sorted(flags) == [2, 3, 4, 7]
    assert (flags[2].existing_id, flags[2].names) == (hyogo, ("兵库县", "Hyogo Prefecture", ""))
    assert flags[2].error.text("en") == (f"“兵庫県” (JP) is likely partner {hyogo}, 兵库县 / Hyogo Prefecture, already "
                                         "in the database; confirm to create it all the same.")
    assert flags[3].existing_id == hyogo and flags[4].existing_id == hyogo
    assert (flags[7].existing_id, flags[7].other_line) == (None, 6)
    assert flags[7].error.text("zh_CN") == "“大阪”（JP）很可能与本次导入第 6 行的友好伙伴“大阪府”相同；确认后两者都会新建。"
    status = plan.row_status("partner", 2)
    assert status.state == "duplicate" and status.duplicate.existing_id == hyogo
    assert plan.row_status("partner", 5).state == "new" and plan.row_status("partner", 5).label("zh_CN") == "新建"


def test_the_default_mode_is_unchanged(db, hainan):
    check = ImportCheck()
    check.add("partner", 2, None, {"name_zh": "神户", "country": "JP", "kind": "市"})
    check.add("partnership", 2, None, {"partner": "神户", "home_locality": hainan})
    plan = check.finish()
    said = [p.message for p in plan.problems]
    assert said[0].startswith("Kind “市” must be one of: city, county")
    assert said[1] == "Partner “神户” matches no record; pick one from the list or give its ID."


def test_the_country_names_are_built_once_and_only_when_needed():
    import subprocess
    import sys
    code = ("import sys, twindesk.domain.transfer.check, twindesk.domain.model.fields; "
            "print('babel' in sys.modules, 'opencc' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
    for typed, code in (("韩国", "KR"), ("大韩民国", "KR"), ("Korea", "KR"), ("South Korea", "KR"),
                        ("대한민국", "KR"), ("俄罗斯", "RU"), ("俄罗斯联邦", "RU"), ("Russia", "RU"),
                        ("Россия", "RU"), ("ＪＰ", "JP"), ("Deutschland", "DE"), ("Côte d’Ivoire", "CI")):
        assert countries.country_for_name(typed) == code, typed
