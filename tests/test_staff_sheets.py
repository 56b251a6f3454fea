"""Two sheets of one kind in a staff list: every message, the preview and the error list name the real
sheet and row of the second sheet's rows (the check keeps them apart without showing how)."""

import re

from openpyxl import Workbook

from twindesk.domain import workspace
from twindesk.exchange.staff_lists.flow import preview_staff_list


def _two_sheets(path):
    wb = Workbook()
    asia = wb.active
    asia.title = "亚洲"
    asia.append(["城市名称", "国别"])
    asia.append(["神户", "日本"])
    europe = wb.create_sheet("欧洲")
    europe.append(["城市名称", "国别"])
    europe.append(["里昂", "法国"])  # row 2
    europe.append(["无名", "火星"])  # row 3: no such country
    europe.append(["里昂市", "法国"])  # row 4: likely the partner of row 2 of 欧洲
    wb.save(path)
    return path


def test_the_second_sheet_of_a_kind_is_told_by_its_own_name_and_rows(tmp_path):
    source = _two_sheets(tmp_path / "two.xlsx")
    workspace.open_workspace(tmp_path / "t.db", take_backups=False)
    try:
        report = preview_staff_list(source)
    finally:
        workspace.close()
    assert [s.kind for s in report.recognition.sheets] == ["partner", "partner"]
    [error] = report.errors
    assert (error.sheet, error.row, error.column) == ("欧洲", 3, "国别 (B)")
    assert "火星" in error.message
    [duplicate] = report.duplicates
    assert (duplicate.sheet, duplicate.row) == ("欧洲", 4)
    assert "row 2 (sheet 欧洲) of this import" in duplicate.detail.text("en")
    assert "本次导入第 2（工作表“欧洲”） 行" in duplicate.detail.text("zh_CN")
    assert [(r.sheet, r.row, r.status) for r in report.rows] == [
        ("亚洲", 2, "new"), ("欧洲", 2, "new"), ("欧洲", 3, "error"), ("欧洲", 4, "duplicate")]
    said = [i.text(lang) for i in [*report.errors, *report.duplicates, *report.notes] for lang in ("en", "zh_CN")]
    said += [str(p.error.text(lang)) for r in report.rows if r.detail for p in r.detail.problems
             for lang in ("en", "zh_CN")]
    assert not [t for t in said if re.search(r"\d{6,}", t)], said  # no inner line number shows


def test_the_counts_per_sheet_agree_with_the_row_statuses_made_only_when_asked_for(tmp_path):
    """The counts come from the plan (flow._Feed._count); each row's status is made on first use."""
    source = _two_sheets(tmp_path / "two.xlsx")
    workspace.open_workspace(tmp_path / "t.db", take_backups=False)
    try:
        report = preview_staff_list(source)
    finally:
        workspace.close()
    assert report._rows is None  # a plain import never asks for them
    counted = {sheet: {"new": 0, "update": 0, "unchanged": 0} for sheet in ("亚洲", "欧洲")}
    for r in report.rows:
        if r.status != "error":
            counted[r.sheet]["new" if r.status == "duplicate" else r.status] += 1
    assert report.created == {"亚洲": 1, "欧洲": 2} == {k: v["new"] for k, v in counted.items()}
    assert report.updated == report.unchanged == {"亚洲": 0, "欧洲": 0}
