"""The meeting workbook as the office opens it: Summary first, one sheet per list with ID first, bold
frozen header, autofilter, widths, real dates and numbers, links by ID, English or Chinese, HXL."""

import re
from datetime import datetime
from pathlib import Path

import pytest
from conftest import REPO, run_python
from exchange_support import export_db
from openpyxl import load_workbook

from twindesk import cli
from twindesk.domain import demo, workspace
from twindesk.domain.queries import insights

EN_SHEETS = ["Summary", "Partners", "Partnerships", "Contacts", "Activities", "Visits", "Delegates",
             "Itinerary", "Gifts", "Shipments", "Shipment items", "Home localities", "Status history", "Visit partners",
             "Agreements", "Partnership approvals", "Visit approvals", "Documents"]
ZH_SHEETS = ["概况", "友好伙伴", "友好关系", "联系人", "交流活动", "出访来访", "团组成员", "日程安排", "礼品",
             "援助物资", "物资明细", "本方地区", "关系状态变更", "出访来访伙伴", "协议", "结好审批",
             "出访批件", "文件"]
HELPER = Path(__file__).parent / "helpers" / "no_qt_cli.py"


@pytest.fixture(scope="module")
def demo_db(module_targets):
    path = module_targets.new("demo.db")
    workspace.open_workspace(path, take_backups=False)
    try:
        demo.write_demo()
    finally:
        workspace.close()
    return path


@pytest.fixture(scope="module")
def english(demo_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("en") / "meeting.xlsx"
    export_db(demo_db, out)
    return load_workbook(out)


def _rows(ws) -> list[dict]:
    header = [c.value for c in ws[1]]
    return [dict(zip(header, row, strict=True)) for row in ws.iter_rows(min_row=2, values_only=True)]


def test_sheets_in_order_each_list_with_id_first_bold_frozen_filtered(english):
    assert english.sheetnames == EN_SHEETS
    for ws in english.worksheets[1:]:
        assert ws["A1"].value == "ID", ws.title
        assert all(c.font.b for c in ws[1]), ws.title
        assert ws.freeze_panes == "A2", ws.title
        last = ws.cell(1, ws.max_column).column_letter
        assert ws.auto_filter.ref == f"A1:{last}{ws.max_row}", ws.title
        headers = [c.value for c in ws[1]]
        assert len(set(headers)) == len(headers), ws.title
        for cell in ws[1]:
            width = ws.column_dimensions[cell.column_letter].width
            assert 6 <= width <= 50 and width >= min(len(cell.value), 47), (ws.title, cell.value, width)
        ids = [r[0] for r in ws.iter_rows(min_row=2, values_only=True)]
        assert ids == sorted(ids) and all(isinstance(i, int) for i in ids)


def test_dates_and_numbers_are_real_with_formats(english):
    shipment = _rows(english["Shipments"])[0]
    assert isinstance(shipment["Delivery date"], datetime)
    shipments = english["Shipments"]
    delivered = shipments.cell(2, [c.value for c in shipments[1]].index("Delivery date") + 1)
    assert delivered.number_format == "yyyy-mm-dd"
    gifts = english["Gifts"]
    value = gifts.cell(2, [c.value for c in gifts[1]].index("Value") + 1)
    assert (value.data_type, value.number_format) == ("n", "#,##0.00")
    items = english["Shipment items"]
    quantity = items.cell(2, [c.value for c in items[1]].index("Quantity") + 1)
    assert (quantity.value, quantity.number_format) == (100_000, "#,##0")
    itinerary = english["Itinerary"]
    start = itinerary.cell(2, [c.value for c in itinerary[1]].index("Start time") + 1)
    assert start.number_format == "hh:mm"
    contact = _rows(english["Contacts"])[0]
    assert contact["Family name first"] in ("Yes", "No")


def test_links_between_sheets_are_ids_with_the_name_beside(english):
    visits = {r["ID"]: r for r in _rows(english["Visits"])}
    for delegate in _rows(english["Delegates"]):
        assert delegate["Visit ID"] in visits
        assert delegate["Visit"].startswith(visits[delegate["Visit ID"]]["Title"])
    partners = {r["ID"] for r in _rows(english["Partners"])}
    links = _rows(english["Visit partners"])
    assert links and all(link["Partner ID"] in partners and link["Visit ID"] in visits for link in links)
    shipments = {r["ID"] for r in _rows(english["Shipments"])}
    assert all(item["Shipment ID"] in shipments for item in _rows(english["Shipment items"]))
    partner = _rows(english["Partners"])[0]
    assert (partner["Country"], partner["Country name"]) == ("JP", "Japan")
    assert _rows(english["Partnerships"])[0]["Tier"] == "Sister city / province"


def test_the_summary_counts_what_the_records_hold(english, demo_db):
    workspace.open_workspace(demo_db, read_only=True)
    try:
        statuses = insights.status_counts()
        by_country = insights.partner_counts_by_country()
    finally:
        workspace.close()
    rows = [r for r in english["Summary"].iter_rows(values_only=True)]
    assert rows[0][0].startswith("TwinDesk") and rows[1][0] == "Exported"
    start = next(i for i, r in enumerate(rows) if r[0] == "Partnerships by status")
    table = {r[0]: r[1] for r in rows[start + 2:start + 8]}
    assert table["Signed / active"] == statuses["partnerships"].get("active", 0)
    assert table["Ended"] == statuses["partnerships"].get("ended", 0)
    countries = next(i for i, r in enumerate(rows) if r[0] == "Partners by country")
    # The handout's tables stand two side by side (test_workbook_print): this one in columns A–C.
    assert rows[countries + 2][:4] == ("Russian Federation", "RU", by_country["RU"], None)
    titles = [c for r in rows for c in r if isinstance(c, str)]
    assert "Aid shipments by year (not cancelled)" in titles
    assert "Aid value by year and currency (not cancelled)" in titles


def test_chinese_sheet_names_headers_and_labels(demo_db, tmp_path):
    out = tmp_path / "zh.xlsx"
    export_db(demo_db, out, lang="zh_CN")
    wb = load_workbook(out)
    assert wb.sheetnames == ZH_SHEETS
    partner = _rows(wb["友好伙伴"])[0]
    assert (partner["ID"], partner["中文名称"], partner["国家"], partner["国家名称"]) == (1, "兵库县", "JP", "日本")
    assert _rows(wb["友好关系"])[0]["关系级别"] == "友好城市（省州）"
    assert "出访/来访ID" in [c.value for c in wb["团组成员"][1]]
    for ws in wb.worksheets[1:]:
        headers = [c.value for c in ws[1]]
        assert len(set(headers)) == len(headers)
        assert not [h for h in headers[1:] if re.fullmatch(r"[A-Za-z ()/²-]+", h)], (ws.title, headers)


def test_hxl_row_under_the_headers(demo_db, tmp_path):
    out = tmp_path / "hxl.xlsx"
    export_db(demo_db, out, hxl=True)
    wb = load_workbook(out)
    for ws in wb.worksheets[1:]:
        tags = [c.value for c in ws[2]]
        assert tags[0] == "#meta+id" and all(t.startswith("#") for t in tags), ws.title
        assert ws.freeze_panes == "A3" and ws.auto_filter.ref.startswith("A2:")
    assert {"#org+name+i_en", "#country+code", "#country+name"} <= {c.value for c in wb["Partners"][2]}
    assert {"#item+name", "#item+num", "#value", "#currency"} <= {c.value for c in wb["Shipment items"][2]}
    assert {"#date+delivered", "#status", "#adm1+id"} <= {c.value for c in wb["Shipments"][2]}


def test_export_on_the_command_line(demo_db, tmp_path, capsys):
    out = tmp_path / "cli.xlsx"
    assert cli.main(["export", str(out), "--db", str(demo_db), "--lang", "zh_CN", "--hxl"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"工作簿已写到 {out}（各工作表行数：友好伙伴 ")  # messages follow --lang
    assert load_workbook(out, read_only=True).sheetnames == ZH_SHEETS


@pytest.mark.parametrize("command", ["export", "import"])
def test_export_and_import_never_load_qt(demo_db, tmp_path, new_target, command):
    workbook = tmp_path / "w.xlsx"
    export_db(demo_db, workbook)
    argv = {"export": ["export", str(tmp_path / "again.xlsx"), "--db", str(demo_db)],
            "import": ["import", str(workbook), "--db", str(new_target("new.db"))]}[command]
    proc = run_python(str(HELPER), *argv)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "qt-imports: none"


def test_exchange_asks_the_domain_and_never_the_store():
    """exchange never imports twindesk.store and builds no SQL (docs/architecture.md)."""
    offenders = []
    for path in sorted((REPO / "twindesk" / "exchange").glob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"\s*(from|import)\s+(twindesk\.store|peewee|playhouse|sqlite3)\b", line):
                offenders.append(f"{path.name}:{n}: {line.strip()}")
            if re.search(r"\b(SELECT|INSERT INTO|UPDATE \"|DELETE FROM)\b", line):
                offenders.append(f"{path.name}:{n}: {line.strip()}")
    assert offenders == []


def test_each_list_sheet_records_its_exact_size(demo_db, tmp_path):
    """Read-only readers take the recorded size on trust (and stop there), so it must be exact."""
    out = tmp_path / "size.xlsx"
    export_db(demo_db, out, hxl=True)
    wb = load_workbook(out, read_only=True)
    for ws in wb.worksheets[1:]:
        rows = list(ws.iter_rows(values_only=True))
        assert (ws.max_row, ws.max_column) == (len(rows), len(rows[0])), ws.title
