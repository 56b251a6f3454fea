"""The rules the data keeps (model/rules.py, and the field rules they sit beside): each one broken and
kept, through records.save and through a workbook import, and the partner delete that would take signed
agreements with it."""

import sqlite3
import time
from datetime import date
from decimal import Decimal

import peewee as pw
import pytest
from conftest import make_filled_database
from exchange_support import export_db, import_into, table_rows
from openpyxl import load_workbook

from twindesk import cli
from twindesk.domain import workspace
from twindesk.domain.model import rules
from twindesk.domain.model.errors import DeleteRefused, ValidationError
from twindesk.domain.model.specs import SPECS
from twindesk.domain.operations import records
from twindesk.store import models as m


def refused(kind, values, record_id=None) -> list:
    """The errors a save is refused with (nothing written)."""
    with pytest.raises(ValidationError) as info:
        records.save(kind, values, record_id)
    return info.value.errors


# --- no parent-region loops ---------------------------------------------------------------------------


def test_a_partner_cannot_lie_inside_one_of_its_own_parts(make):
    region = make.partner(name_en="Gyeonggi")
    city = make.partner(name_en="Suwon", parent=region)
    district = make.partner(name_en="Jangan", parent=city)
    [error] = refused("partner", {"parent": district}, region)
    assert error.field == "parent"
    assert error.message == (f"Parent region: partner {district} lies within this partner "
                             f"({district} → {city} → {region}), so it cannot be its parent region.")
    assert error.text("zh_CN") == (f"上级行政区：编号为 {district} 的友好伙伴隶属于本友好伙伴"
                                   f"（{district} → {city} → {region}），不能作为其上级行政区。")
    assert refused("partner", {"parent": city}, region)[0].field == "parent"
    assert records.get("partner", region)["parent"] is None  # nothing written
    # Its own parent: the spec's own wording.
    assert refused("partner", {"parent": region}, region)[0].message == "A partner cannot be its own parent region."

    other = make.partner(name_en="Seoul")
    records.save("partner", {"parent": other}, region)  # no loop: fine
    records.save("partner", {"parent": region}, district)  # a part moved up: fine
    records.save("partner", {"name_en": "Suwon-si", "parent": region}, city)
    assert records.get("partner", city)["parent"] == region


def test_a_loop_stored_before_the_rule_does_not_hang_the_check(make):
    a = make.partner(name_en="A")
    b = make.partner(name_en="B", parent=a)
    m.Partner.update(parent=b).where(m.Partner.id == a).execute()  # a loop written behind the rules' back
    c = make.partner(name_en="C", parent=a)  # into the loop, not part of it
    assert records.get("partner", c)["parent"] == a
    assert refused("partner", {"parent": c}, a)[0].field == "parent"


# --- one live partnership per home locality, partner and tier -------------------------------------------


def test_no_two_live_partnerships_for_one_locality_partner_and_tier(make):
    jeju = make.partner()
    first = make.partnership(jeju, status="negotiating")
    [error] = refused("partnership", {"partner": jeju, "home_locality": make.default_locality(),
                                      "status": "prospect"})
    assert error.field == "partner"
    assert error.message == (f"Partner: partnership {first} already joins this partner and home locality at the "
                             "tier “Sister city / province” and has not ended; end one of them or give this one "
                             "another tier.")
    assert error.text("zh_CN").startswith(f"友好伙伴：编号为 {first} 的友好关系已在“友好城市（省州）”层级")
    assert m.Partnership.select().count() == 1

    other_tier = make.partnership(jeju, tier="friendly_exchange")  # another tier: fine
    records.save("partnership", {"notes": "Talks in May"}, first)  # editing the one itself: fine
    assert refused("partnership", {"tier": "sister"}, other_tier)[0].field == "partner"  # moved onto the first

    records.save("partnership", {"status": "ended"}, first)
    second = make.partnership(jeju)  # the first ended: a new start is fine
    assert refused("partnership", {"status": "negotiating"}, first)[0].field == "partner"  # no reviving it
    assert refused("partnership", {"status": "dormant", "established_year": 2001}, first)[0].field == "partner"
    elsewhere = make.locality(name_zh="三亚市", kind="city")
    make.partnership(jeju, home_locality=elsewhere)  # another locality: fine
    assert {r.id for r in m.Partnership.select()} >= {first, second, other_tier}


# --- a signed partnership says when -------------------------------------------------------------------


def test_a_signed_or_active_partnership_has_a_signing_date_or_a_year(make):
    jeju = make.partner()
    locality = make.default_locality()
    for status in ("active", "dormant"):
        [error] = refused("partnership", {"partner": jeju, "home_locality": locality, "status": status})
        assert error.field == "signed_on"
    [error] = refused("partnership", {"partner": jeju, "home_locality": locality, "status": "active"})
    assert error.message == "Signing date or established (year) is required when the status is “Signed / active”."
    assert error.text("zh_CN") == "状态为“已签署/存续”时，须填写签署日期或建立年份。"

    by_year = make.partnership(jeju, status="active", established_year=1995)
    assert refused("partnership", {"established_year": None}, by_year)[0].field == "signed_on"
    make.partnership(jeju, tier="intent", status="dormant", signed_on=date(2019, 4, 2))
    make.partnership(jeju, tier="friendly_exchange", status="negotiating")  # not signed yet: no date needed
    records.save("partnership", {"status": "ended", "established_year": None}, by_year)  # ended: history


# --- currencies -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind, field, values", [
    ("visit", "budget_currency", {"title": "Delegation"}),
    ("gift", "currency", {"description": "Tea set"}),
    ("shipment_item", "currency", {"description": "Masks"}),
])
def test_every_currency_field_takes_real_iso_4217_codes_only(make, kind, field, values):
    vid = make.visit()
    values = {**values, "visit": vid} if kind == "gift" else values
    if kind == "shipment_item":
        values = {**values, "shipment": make.shipment(None)}
    [error] = refused(kind, {**values, field: "RMB"})
    assert error.field == field
    assert error.message.endswith("“RMB” is not an ISO 4217 currency code (such as CNY, USD, JPY, KRW).")
    assert error.text("zh_CN").endswith("“RMB”不是 ISO 4217 币种代码（如 CNY、USD、JPY、KRW）。")
    assert refused(kind, {**values, field: "ABC"})[0].field == field
    saved = records.save(kind, {**values, field: " krw "})  # any case, spaces trimmed: stored upper case
    assert records.get(kind, saved)[field] == "KRW"


# --- numbers fit their columns --------------------------------------------------------------------------


def test_whole_numbers_fit_sqlites_64_bit_integers(make):
    biggest = 2**63 - 1
    pid = make.partner(population=biggest)
    assert records.get("partner", pid)["population"] == biggest
    [error] = refused("partner", {"population": str(2**63)}, pid)
    assert error.field == "population"
    assert error.message == f"Population “{2**63}” is too large a number to store."
    assert error.text("zh_CN") == f"人口“{2**63}”数值过大，无法保存。"
    assert refused("partner", {"population": -1}, pid)[0].field == "population"
    # An ID past 2^63 is no record (not an overflow in SQLite).
    [error] = refused("contact", {"partner": 2**64, "family_name": "Kim"})
    assert error.field == "partner" and "matches no record" in error.message
    started = time.perf_counter()
    assert refused("partner", {"population": "1e999999999"}, pid)[0].field == "population"  # not a huge int()
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("value", ["inf", "-Infinity", "nan", float("inf"), float("nan"), "1e400", 1e308 * 10])
def test_floats_are_finite(make, value):
    pid = make.partner()
    errors = refused("partner", {"latitude": value, "area_km2": value, "longitude": value}, pid)
    assert [e.field for e in errors] == ["area_km2", "latitude", "longitude"]
    assert records.get("partner", pid)["latitude"] is None


def test_coordinates_stay_on_the_globe(make):
    pid = make.partner()
    assert [e.field for e in refused("partner", {"latitude": 90.5, "longitude": -180.01}, pid)] == [
        "latitude", "longitude"]
    records.save("partner", {"latitude": -90, "longitude": 180}, pid)


def test_decimals_fit_their_column_and_come_back_as_saved(make):
    vid = make.visit()
    # Visit budget: DECIMAL(14, 2), so at most 999,999,999,999.99.
    [error] = refused("visit", {"budget": "1000000000000"}, vid)
    assert error.field == "budget"
    assert error.message == ("Budget “1000000000000” is too large a number to store "
                             "(at most 999,999,999,999.99).")
    assert error.text("zh_CN") == "预算“1000000000000”数值过大，无法保存（最大为 999,999,999,999.99）。"
    assert refused("visit", {"budget": "999999999999.995"}, vid)[0].field == "budget"  # rounds past the top
    records.save("visit", {"budget": "999,999,999,999.99"}, vid)
    assert records.get("visit", vid)["budget"] == Decimal("999999999999.99")
    records.save("visit", {"budget": "12.345"}, vid)  # rounded as the column rounds (half to even)
    assert records.get("visit", vid)["budget"] == Decimal("12.34")
    # Shipment item value: DECIMAL(16, 2), but SQLite keeps 15 significant digits of it.
    sid = make.shipment(None)
    [error] = refused("shipment_item", {"shipment": sid, "description": "Funds", "value": "10000000000000"})
    assert error.field == "value" and "(at most 9,999,999,999,999.99)" in error.message
    item = make.item(sid, value="9999999999999.99", quantity="999999999999.999")
    stored = records.get("shipment_item", item)
    assert (stored["value"], stored["quantity"]) == (Decimal("9999999999999.99"), Decimal("999999999999.999"))
    # A spreadsheet's float noise is rounded away, not refused.
    records.save("shipment_item", {"value": 0.1 + 0.2}, item)
    assert records.get("shipment_item", item)["value"] == Decimal("0.30")


def test_each_decimal_field_knows_its_columns_digits_and_places():
    for spec in SPECS.values():
        for f in spec.fields:
            column = getattr(spec.model, f.name, None)
            if isinstance(column, pw.DecimalField):
                assert (f.kind, f.digits, f.places) == ("decimal", column.max_digits, column.decimal_places), f
            else:
                assert f.kind != "decimal", f


# --- deleting a partner never takes signed agreements with it -------------------------------------------


def test_a_partner_with_a_signed_agreement_in_force_is_not_deleted(make):
    hyogo = make.partner(name_en="Hyogo", country="JP")
    active = make.partnership(hyogo, status="active", established_year=1990)
    make.contact(hyogo)
    impact = records.delete_impact("partner", hyogo)
    assert not impact.allowed and impact.agreements == [active] and impact.blockers == {}
    expected = (f"The partner with ID {hyogo} cannot be deleted: its signed partnerships (IDs {active}) would be "
                "deleted with it. Set their status to “Ended” first, or delete on its own a partnership entered "
                "by mistake.")
    assert impact.refusal() == expected
    assert impact.refusal("zh_CN") == (f"无法删除编号为 {hyogo} 的友好伙伴：其已签署的友好关系（编号 {active}）会随之一并删除。"
                                       "请先将这些友好关系的状态改为“已终止”；误录的友好关系可单独删除。")
    with pytest.raises(DeleteRefused) as info:
        records.delete("partner", hyogo)
    assert str(info.value) == expected
    assert m.Partner.select().count() == 1 and m.Partnership.select().count() == 1 and m.Contact.select().count() == 1

    # Dormant, or any live status with a signing date, is an agreement too; talks or an ended one are not.
    dormant = make.partnership(hyogo, tier="friendly_exchange", status="dormant", signed_on=date(2001, 5, 5))
    pending = make.partnership(hyogo, tier="intent", status="approval_pending", signed_on=date(2024, 1, 2))
    assert records.delete_impact("partner", hyogo).agreements == [active, dormant, pending]
    assert f"(IDs {active}, {dormant}, {pending})" in records.delete_impact("partner", hyogo).refusal()
    for ps in (active, dormant, pending):
        records.save("partnership", {"status": "ended"}, ps)
    impact = records.delete_impact("partner", hyogo)
    assert impact.allowed and impact.removed["partnership"] == 3  # listed in the delete's confirmation
    records.delete("partner", hyogo)
    assert m.Partnership.select().count() == 0


def test_a_partner_refused_for_agreements_and_shipments_says_both(make):
    pid = make.partner()
    ps = make.partnership(pid, status="active", signed_on=date(1995, 9, 21))
    make.shipment(pid)
    impact = records.delete_impact("partner", pid)
    assert impact.agreements == [ps] and impact.blockers == {"shipment": 1}
    assert f"signed partnerships (IDs {ps})" in impact.refusal() and "1 shipment still refers" in impact.refusal()
    assert rules.agreements_in_force("shipment", 1) == []  # only a partner holds agreements


# --- the same rules through a workbook import -----------------------------------------------------------


@pytest.fixture
def filled(tmp_path):
    """`fill_everything` (Jeju 1 with its part Seogwipo 2, Vladivostok 3; partnership 1 Jeju dormant since
    1995, partnership 2 Vladivostok negotiating; home locality 1) and its English workbook."""
    path = tmp_path / "filled.db"
    make_filled_database(path)
    out = tmp_path / "filled.xlsx"
    export_db(path, out)
    return path, out


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


def refused_import(db, workbook) -> list[tuple]:
    before = table_rows(db)
    report = import_into(db, workbook)
    assert not report.applied
    assert table_rows(db) == before
    return [(e.sheet, e.row, e.column, e.message) for e in report.errors]


def test_import_refuses_a_parent_loop_with_a_stored_record(filled):
    db, workbook = filled
    edit(workbook, changes=[("Partners", 2, "Parent region ID", 2)])  # Jeju inside its own Seogwipo
    [(sheet, row, column, message)] = refused_import(db, workbook)
    assert (sheet, row, column) == ("Partners", 2, "Parent region ID")
    assert message.endswith("Parent region: partner 2 lies within this partner (2 → 1), so it cannot be its "
                            "parent region.")


def test_import_refuses_a_parent_loop_made_by_its_own_rows(filled, capsys):
    db, workbook = filled
    # Stored, none of these is a loop: Jeju 1 ← Seogwipo 2. The workbook makes 1 → 3 → 2 → 1.
    edit(workbook, changes=[("Partners", 2, "Parent region ID", 3), ("Partners", 4, "Parent region ID", 2)])
    problems = refused_import(db, workbook)
    assert [(s, r, c) for s, r, c, _ in problems] == [("Partners", 2, "Parent region ID"),
                                                       ("Partners", 4, "Parent region ID")]
    assert "(3 → 2 → 1)" in problems[0][3] and "(2 → 1 → 3)" in problems[1][3]
    assert cli.main(["import", str(workbook), "--db", str(db)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"twindesk: error: {workbook}, sheet Partners, row 2, column Parent region ID: ")
    # A chain that is no loop goes in.
    edit(workbook, changes=[("Partners", 2, "Parent region ID", 3), ("Partners", 4, "Parent region ID", None)])
    assert import_into(db, workbook).applied


def test_import_refuses_a_second_live_partnership_against_the_database(filled):
    db, workbook = filled
    edit(workbook, appended=[("Partnerships", {"Partner ID": 1, "Home locality ID": 1, "Tier": "sister",
                                               "Status": "negotiating"})])
    [(sheet, row, column, message)] = refused_import(db, workbook)
    assert (sheet, row, column) == ("Partnerships", 4, "Partner ID")
    assert "partnership 1 already joins this partner and home locality" in message
    # Ending the stored one in the same workbook makes room for the new one.
    edit(workbook, changes=[("Partnerships", 2, "Status", "Ended")])
    report = import_into(db, workbook)
    assert report.applied and report.created["Partnerships"] == 1


def test_import_refuses_two_live_partnerships_within_the_workbook(filled):
    db, workbook = filled
    row = {"Partner ID": 3, "Home locality ID": 1, "Tier": "Friendly exchange", "Status": "Prospect"}
    edit(workbook, appended=[("Partnerships", row), ("Partnerships", row)])
    [(sheet, line, column, message)] = refused_import(db, workbook)
    assert (sheet, line, column) == ("Partnerships", 5, "Partner ID")
    assert message.endswith("Partner: rows 4 and 5 both join partner 3 and home locality 1 at the tier "
                            "“Friendly exchange”, and neither has ended.")
    edit(workbook, changes=[("Partnerships", 5, "Status", "Ended")])
    assert import_into(db, workbook).applied


def test_import_applies_the_field_rules_row_by_row(filled):
    db, workbook = filled
    edit(workbook, changes=[
        ("Partnerships", 3, "Status", "Active"),  # Vladivostok signed, but when?
        ("Gifts", 2, "Currency", "RMB"),
        ("Partners", 3, "Population", str(2**63)),
        ("Partners", 4, "Latitude", "1e400"),
        ("Visits", 2, "Budget", 10**12),
    ])
    problems = refused_import(db, workbook)
    assert [(s, r, c) for s, r, c, _ in problems] == [
        ("Partners", 3, "Population"), ("Partners", 4, "Latitude"), ("Partnerships", 3, "Signing date"),
        ("Visits", 2, "Budget"), ("Gifts", 2, "Currency")]
    assert "is too large a number to store" in problems[0][3]
    assert "is not an ISO 4217 currency code" in problems[4][3]
    edit(workbook, changes=[
        ("Partnerships", 3, "Established (year)", 2024),
        ("Gifts", 2, "Currency", "usd"),
        ("Partners", 3, "Population", 8_000_000_000),  # a cell is a double: 2^63 - 1 would read as 2^63
        ("Partners", 4, "Latitude", 43.1),
        ("Visits", 2, "Budget", "999999999999.99"),
    ])
    assert import_into(db, workbook).applied
    conn = sqlite3.connect(str(db))
    try:
        assert conn.execute("SELECT currency FROM gift WHERE id = 1").fetchone() == ("USD",)
        assert conn.execute("SELECT population FROM partner WHERE id = 2").fetchone() == (8_000_000_000,)
    finally:
        conn.close()


def test_the_demo_keeps_every_rule(tmp_path):
    from twindesk.domain.demo import write_demo

    workspace.open_workspace(tmp_path / "demo.db", take_backups=False)
    try:
        write_demo(scale=30)
        for ps in m.Partnership.select():
            values = {f.name: getattr(ps, f.name + "_id" if f.kind == "ref" else f.name)
                      for f in SPECS["partnership"].fields}
            assert rules.check("partnership", values, ps.id) == [], ps.id
        for p in m.Partner.select():
            assert rules.check("partner", {"parent": p.parent_id}, p.id) == [], p.id
    finally:
        workspace.close()
