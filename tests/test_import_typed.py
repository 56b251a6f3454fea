"""A workbook staff made or edited by hand: sheets and headers in either language and any order, dates,
numbers, codes and countries as people type them in Excel, an HXL row, blank rows, unknown columns."""

from datetime import date, datetime, time
from decimal import Decimal

from exchange_support import import_into
from openpyxl import Workbook

from twindesk.domain import workspace
from twindesk.domain.operations import records
from twindesk.domain.queries import details


def _stored(db_target, kind, **where):
    workspace.open_workspace(db_target, read_only=True)
    try:
        model = records.spec_for(kind).model
        found = model.select().where(*(getattr(model, k) == v for k, v in where.items())).get()
        return records.get(kind, found.id)
    finally:
        workspace.close()


def test_what_staff_type_is_understood(make, db_target, tmp_path):
    visit = make.visit(title="Existing visit", start_on=date(2024, 5, 1), end_on=date(2024, 5, 3))
    shipment = make.shipment(None, title="Existing shipment")
    workspace.close()

    wb = Workbook()
    partners = wb.active
    partners.title = "partners "  # case and spacing do not matter
    partners.append(["Country", "English name", "类型", "Population", "Colour", None, "中文名称"])
    partners.append(["#country+code", "#org+name+i_en", "#org+type", "#population+num", "", None, None])
    partners.append(["Japan", "Kobe", "城市", "1,525,000", "red", None, "神户"])
    partners.append(["日本", "Osaka", "City", 2_750_000, None, None, None])
    partners.append([None] * 7)  # a blank row in between
    partners.append(["jp", "Kyoto", "city", None, None, None, None])
    partners.append(["韩国", "Busan", "Prefecture", "  3 400 000 ", None, None, None])
    partners.append(["Russia", "Yalta", None, None, None, None, None])  # no kind: the default, as in a form

    visits = wb.create_sheet("出访来访")
    visits.append(["团组名称", "状态", "开始日期", "结束日期", "Budget", "方向"])
    visits.append(["Trade mission", "已完成", "2024/5/1", "2024年5月3日", "12,500.50", "Outbound"])
    visits.append(["Return visit", "proposed", 45413, datetime(2024, 5, 2, 0, 0), None, "来访"])

    itinerary = wb.create_sheet("Itinerary")
    itinerary.append(["Activity", "End time", "Start time", "Day", "Visit ID"])  # any order
    itinerary.append(["Talks", 0.5, "09:30", "2024-05-02", visit])
    itinerary.append(["Dinner", time(21, 0), "19：00", datetime(2024, 5, 2), str(visit)])

    items = wb.create_sheet("物资明细")
    items.append(["Shipment ID", "描述", "Quantity", "Value", "Currency", "Category"])
    items.append([shipment, "Masks", "1,000", "12.5", "usd", "口罩/防护用品"])
    items.append([float(shipment), "Gloves", 20, 3, None, "ppe"])

    wb.create_sheet("Scratch").append(["my own notes"])
    source = tmp_path / "typed.xlsx"
    wb.save(source)

    report = import_into(db_target, source)
    assert report.errors == [] and report.applied
    assert report.created == {"partners ": 5, "出访来访": 2, "Itinerary": 2, "物资明细": 2}
    assert ("partners ", 1, "Colour (E)") in [(w.sheet, w.row, w.column) for w in report.warnings]
    assert any(w.sheet == "Scratch" and "unknown sheet" in w.message for w in report.warnings)

    kobe = _stored(db_target, "partner", name_en="Kobe")
    assert (kobe["country"], kobe["kind"], kobe["population"]) == ("JP", "city", 1_525_000)
    assert kobe["name_zh"] == "神户"
    assert _stored(db_target, "partner", name_en="Osaka")["country"] == "JP"
    assert _stored(db_target, "partner", name_en="Kyoto")["country"] == "JP"
    busan = _stored(db_target, "partner", name_en="Busan")
    assert (busan["country"], busan["kind"], busan["population"]) == ("KR", "prefecture", 3_400_000)
    yalta = _stored(db_target, "partner", name_en="Yalta")
    assert (yalta["country"], yalta["kind"]) == ("RU", "city")

    mission = _stored(db_target, "visit", title="Trade mission")
    assert (mission["status"], mission["direction"]) == ("completed", "outbound")
    assert (mission["start_on"], mission["end_on"]) == (date(2024, 5, 1), date(2024, 5, 3))
    assert mission["budget"] == Decimal("12500.50") and mission["budget_currency"] == "CNY"
    back = _stored(db_target, "visit", title="Return visit")
    assert back["direction"] == "inbound"
    assert (back["start_on"], back["end_on"]) == (date(2024, 5, 1), date(2024, 5, 2))

    workspace.open_workspace(db_target, read_only=True)
    try:
        days = details.children("itinerary_item", visit)
        goods = details.children("shipment_item", shipment)
    finally:
        workspace.close()
    assert [(d["activity"], d["start_time"], d["end_time"]) for d in days] == [
        ("Talks", time(9, 30), time(12, 0)), ("Dinner", time(19, 0), time(21, 0))]
    assert [(g["description"], g["quantity"], g["value"], g["currency"], g["category"]) for g in goods] == [
        ("Masks", Decimal("1000"), Decimal("12.5"), "USD", "ppe"),
        ("Gloves", Decimal("20"), Decimal("3"), "CNY", "ppe")]


def test_a_sheet_without_an_id_column_only_adds(make, db_target, tmp_path):
    make.partner(name_en="Jeju", country="KR")
    workspace.close()
    wb = Workbook()
    ws = wb.active
    ws.title = "友好伙伴"
    ws.append(["英文名称", "国家"])
    ws.append(["Hyogo", "JP"])
    source = tmp_path / "add.xlsx"
    wb.save(source)
    report = import_into(db_target, source)
    assert report.applied and report.created == {"友好伙伴": 1} and report.duplicates == []
