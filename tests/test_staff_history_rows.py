"""A staff list's new records (no IDs of their own) are written in bulk with the IDs SQLite would give
them, and each has exactly one "create" row in the history (they once had two)."""

import sqlite3

from openpyxl import Workbook

from twindesk.domain import workspace
from twindesk.exchange.staff_lists.flow import import_staff_list


def test_each_new_record_has_one_history_row_and_the_next_ids(tmp_path):
    wb = Workbook()
    wb.active.title = "友城名录"
    wb.active.append(["城市名称", "国别"])
    for name in ("神户", "釜山", "里昂"):
        wb.active.append([name, {"神户": "日本", "釜山": "韩国", "里昂": "法国"}[name]])
    wb.save(tmp_path / "list.xlsx")
    db = tmp_path / "t.db"
    workspace.open_workspace(db, take_backups=False)
    try:
        report = import_staff_list(tmp_path / "list.xlsx")
        assert report.applied, report.errors
    finally:
        workspace.close()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT id, name_zh, country FROM partner ORDER BY id").fetchall() == [
            (1, "神户", "JP"), (2, "釜山", "KR"), (3, "里昂", "FR")]
        assert conn.execute("SELECT record_id, count(*) FROM history_change WHERE kind = 'partner' "
                            "AND change = 'create' GROUP BY record_id").fetchall() == [(1, 1), (2, 1), (3, 1)]
        assert conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'partner'").fetchone() == (3,)
    finally:
        conn.close()
