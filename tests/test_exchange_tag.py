"""The demo's `illustrative` tag in the workbook: written as the last column of every list sheet (in either
language, with its HXL hashtag), read back by the import; a sheet typed by staff without the column keeps
the stored tag of a record it updates and gives a new record none."""

import sqlite3

from exchange_support import database_rows, export_db, import_into
from openpyxl import Workbook, load_workbook

from twindesk.domain import workspace
from twindesk.exchange.columns import SHEETS
from twindesk.store.server.address import is_database_url, parse_database_url


def _tag(db_target, table: str, record_id: int) -> int:
    with database_rows(db_target) as select:
        return select(f'SELECT illustrative FROM "{table}" WHERE id = {int(record_id)}')[0]["illustrative"]


def _set_tag(db_target, table: str, record_id: int) -> None:
    """What the demo does to a record it adds (set-up only: the demo writes through its own operation)."""
    if is_database_url(str(db_target)):
        import psycopg

        with psycopg.connect(**parse_database_url(str(db_target)).connect_params(), autocommit=True) as conn:
            conn.execute(f'UPDATE "{table}" SET illustrative = true WHERE id = %s', (record_id,))
        return
    conn = sqlite3.connect(str(db_target))
    try:
        with conn:
            conn.execute(f'UPDATE "{table}" SET illustrative = 1 WHERE id = ?', (record_id,))
    finally:
        conn.close()


def _typed(path, title: str, header: list, *rows: list):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_every_list_sheet_ends_with_the_tag_in_either_language_with_its_hxl_tag(make, db_target, tmp_path):
    tagged = make.partner(name_en="Tagged", country="JP")
    plain = make.partner(name_en="Plain", country="KR")
    workspace.close()
    _set_tag(db_target, "partner", tagged)
    for lang, header, yes, no in (("en", "Illustrative", "Yes", "No"), ("zh_CN", "示意", "是", "否")):
        out = tmp_path / f"{lang}.xlsx"
        export_db(db_target, out, lang=lang, hxl=True)
        wb = load_workbook(out, read_only=True)
        try:
            for sheet in SHEETS.values():
                rows = list(wb[sheet.name(lang)].iter_rows(values_only=True))
                assert rows[0][-1] == header and rows[1][-1] == "#meta+illustrative", (lang, sheet.kind)
            partners = {row[0]: row[-1] for row in wb[SHEETS["partner"].name(lang)].iter_rows(min_row=3,
                                                                                             values_only=True)}
        finally:
            wb.close()
        assert partners == {tagged: yes, plain: no}


def test_a_typed_sheet_without_the_column_keeps_the_stored_tag_and_new_records_get_none(make, db_target, tmp_path):
    tagged = make.partner(name_en="Tagged", country="JP")
    workspace.close()
    _set_tag(db_target, "partner", tagged)
    source = _typed(tmp_path / "typed.xlsx", "Partners", ["ID", "English name", "Country"],
                    [tagged, "Tagged, renamed", "JP"], [None, "New one", "KR"])
    report = import_into(db_target, source)
    assert report.applied and report.errors == []
    assert report.updated == {"Partners": 1} and report.created == {"Partners": 1}
    assert _tag(db_target, "partner", tagged) == 1
    assert _tag(db_target, "partner", tagged + 1) == 0


def test_the_column_sets_and_clears_the_tag_and_a_tag_alone_is_a_change(make, db_target, tmp_path):
    tagged = make.partner(name_en="Tagged", country="JP")
    plain = make.partner(name_en="Plain", country="KR")
    workspace.close()
    _set_tag(db_target, "partner", tagged)
    source = _typed(tmp_path / "typed.xlsx", "友好伙伴", ["ID", "English name", "Country", "示意"],
                    [tagged, "Tagged", "JP", "否"], [plain, "Plain", "KR", "是"], [None, "New one", "RU", "yes"],
                    [None, "Blank", "RU", None])
    report = import_into(db_target, source)
    assert report.applied and report.errors == []
    assert report.updated == {"友好伙伴": 2} and report.created == {"友好伙伴": 2}  # nothing else changed
    assert [_tag(db_target, "partner", i) for i in (tagged, plain, plain + 1, plain + 2)] == [0, 1, 1, 0]


def test_a_tag_that_is_not_yes_or_no_is_a_problem_under_its_column(make, db_target, tmp_path):
    partner = make.partner(name_en="Plain", country="KR")
    workspace.close()
    source = _typed(tmp_path / "typed.xlsx", "Partners", ["ID", "English name", "Country", "Illustrative"],
                    [partner, "Plain", "KR", "perhaps"])
    report = import_into(db_target, source)
    assert not report.applied
    [error] = report.errors
    assert (error.sheet, error.row, error.column) == ("Partners", 2, "Illustrative")
    assert "“perhaps” must be yes or no" in error.message
    assert "示意" in error.text("zh_CN") and _tag(db_target, "partner", partner) == 0
