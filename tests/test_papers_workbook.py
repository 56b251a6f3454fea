"""Agreements, approval stages and visits' approvals in the workbook: their sheets, headers in either
language and HXL, an exact round trip, and an edit typed in the sheet coming back through the import."""

import pytest
from exchange_support import content_rows, export_db, import_into, sheet_values
from openpyxl import load_workbook

from twindesk.domain import workspace
from twindesk.domain.operations import records
from twindesk.exchange.columns import SHEETS
from twindesk.store import models as m

PAPER_TABLES = ("agreement", "partnership_approval", "visit_approval")


@pytest.fixture
def papers_db(make, db_target):
    seoul = make.partner(name_zh="首尔", name_en="Seoul", country="KR")
    ps = make.partnership(seoul, status="approval_pending")
    make.agreement(ps, kind="intent", title="意向书", signed_on="2025-05-01", signed_place="海口",
                   signatories_home="王晓峰\n李娜", signatories_partner="=Kim", term_years=3, notes="首签")
    make.agreement(ps, kind="amendment", title="补充协议", signed_on="2026-01-01", expires_on="2027-06-30")
    records.save("partnership_approval", {"partnership": ps, "stage": "local", "authority": "海口市人民政府",
                                          "document_number": "海府函〔2025〕8号", "decided_on": "2025-04-01",
                                          "outcome": "approved"})
    records.save("partnership_approval", {"partnership": ps, "stage": "provincial"})
    visit = make.visit((seoul,), title="赴首尔", direction="outbound", status="confirmed",
                       start_on="2027-03-10", end_on="2027-03-13")
    make.visit_approval(visit, document_number="琼外审〔2027〕12号", approved_on="2027-02-01", delegation_size=4,
                        countries="KR JP", days=5, window_from="2027-03-01", window_to="2027-03-31",
                        conditions="不得延期")
    workspace.close()
    return db_target


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("hxl", [False, True])
def test_the_papers_round_trip_exactly(papers_db, tmp_path, lang, hxl):
    first, second, empty = tmp_path / "first.xlsx", tmp_path / "second.xlsx", tmp_path / "empty.db"
    export_db(papers_db, first, lang=lang, hxl=hxl)
    report = import_into(empty, first)
    assert report.ok and report.errors == [] and report.warnings == []
    assert {k: report.created[SHEETS[k].name(lang)] for k in PAPER_TABLES} == {
        "agreement": 2, "partnership_approval": 2, "visit_approval": 1}
    export_db(empty, second, lang=lang, hxl=hxl)
    assert sheet_values(second) == sheet_values(first)
    before, after = content_rows(papers_db), content_rows(empty)
    assert {t: after[t] for t in PAPER_TABLES} == {t: before[t] for t in PAPER_TABLES} and after == before


def test_the_sheets_say_their_fields_in_chinese_with_hxl_tags(papers_db, tmp_path):
    out = tmp_path / "zh.xlsx"
    export_db(papers_db, out, lang="zh_CN", hxl=True)
    wb = load_workbook(out, read_only=True)
    try:
        sheet = list(wb["出访批件"].iter_rows(values_only=True))
        agreements = list(wb["协议"].iter_rows(values_only=True))
        stages = list(wb["结好审批"].iter_rows(values_only=True))
    finally:
        wb.close()
    header, tags, row = sheet[0], sheet[1], sheet[2]
    assert {"文号", "批准人数", "批准国家", "批准天数", "审批机关", "附加条件"} <= set(header)
    assert row[header.index("文号")] == "琼外审〔2027〕12号" and row[header.index("批准国家")] == "KR JP"
    assert tags[header.index("批准国家")] == "#country+code+approved"
    assert tags[header.index("文号")] == "#meta+document_number"
    a_header = agreements[0]
    assert {"协议类型", "协议名称", "我方签署人", "对方签署人", "有效期（年）", "到期日期"} <= set(a_header)
    assert agreements[2][a_header.index("协议类型")] == "意向书"
    assert agreements[2][a_header.index("对方签署人")] == "=Kim"  # text, never a formula
    assert stages[3][stages[0].index("审批层级")] == "省级" and stages[3][stages[0].index("审批结果")] == "待批"


def test_an_edit_typed_in_the_sheet_comes_back(papers_db, tmp_path):
    out = tmp_path / "en.xlsx"
    export_db(papers_db, out, lang="en")
    wb = load_workbook(out)
    sheet = wb["Visit approvals"]
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index("Approved countries") + 1, "韩国、日本、俄罗斯")
    sheet.cell(2, header.index("Approved delegation size") + 1, 6)
    ag = wb["Agreements"]
    a_header = [c.value for c in ag[1]]
    ag.cell(3, a_header.index("Kind") + 1, "续签协议")  # a renewal, typed as its Chinese label
    wb.save(out)
    report = import_into(papers_db, out)
    assert report.ok, report.errors
    workspace.open_workspace(papers_db, read_only=True)
    try:
        approval = m.VisitApproval.get()
        assert (approval.countries, approval.delegation_size) == ("KR JP RU", 6)
        assert m.Agreement.get_by_id(2).kind == "renewal"
    finally:
        workspace.close()


def test_a_bad_country_in_the_sheet_is_refused_with_its_cell(papers_db, tmp_path):
    out = tmp_path / "en.xlsx"
    export_db(papers_db, out, lang="en")
    wb = load_workbook(out)
    sheet = wb["Visit approvals"]
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index("Approved countries") + 1, "KR Narnia")
    wb.save(out)
    report = import_into(papers_db, out)
    assert not report.ok
    (problem,) = report.errors
    assert "Narnia" in str(problem) and "not a country" in str(problem)
