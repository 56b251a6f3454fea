"""Staff lists from the file to the database, with the domain understanding what staff type (labels,
countries and partners by name, 万, dates at the precision typed): each fixture says what is understood,
what is refused with which message, and that a refused import writes nothing."""

import pytest
from conftest import table_counts
from exchange_support import database_rows
from helpers import staff_files as sf

from twindesk import cli
from twindesk.domain import workspace

PARTNERS_READ = [
    ("兵库县", "Hyogo", "JP", 5_460_000, 8401.0, "友好省县"),
    ("济州特别自治道", "Jeju", "KR", 670_000, 1850.0, ""),
    ("滨海边疆区", "Primorsky Krai", "RU", 1_845_000, 164673.0, ""),
    ("伊斯坎德尔", "Iskandar", "MY", 3_000_000, None, ""),
]


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


def _run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _select(target, sql):
    with database_rows(target) as select:
        return [tuple(row.values()) for row in select(sql)]


def _empty(path):
    workspace.open_workspace(path, take_backups=False)
    workspace.close()
    return table_counts(path)


PARTNER_SQL = "SELECT name_zh, name_en, country, population, area_km2, notes FROM partner ORDER BY id"


def test_the_staff_workbook_is_understood_and_written(tmp_path, new_target, capsys):
    path = sf.staff_workbook(tmp_path / "名录.xlsx", no_saved_value=False, pasted_number=False)
    db = new_target("t.db")
    code, out, err = _run(capsys, "import", str(path), "--db", str(db), "--create-missing")
    assert code == 0, err
    assert "  友城名录: 4 new, 0 changed, 0 unchanged" in out and "  结好情况: 3 new, 0 changed, 0 unchanged" in out
    assert "home localities “海南省”: new, named by 3 row(s)" in out
    assert _select(db, PARTNER_SQL) == PARTNERS_READ  # 合计 (=COUNTA, saved 4) is no partner
    assert _select(db, "SELECT name_zh, kind FROM home_locality") == [("海南省", "province")]
    # The signing place is an agreement's field: a staff list's column of it goes into the notes.
    assert _select(db, "SELECT p.name_zh, s.tier, s.status, s.signed_on, "
                       "CASE WHEN s.notes LIKE '%签约地点: %' THEN 1 ELSE 0 END AS has_place, "
                       "CASE WHEN s.notes LIKE '%神户%' THEN 1 ELSE 0 END AS names_kobe, s.established_year "
                       "FROM partnership s JOIN partner p ON p.id = s.partner_id ORDER BY s.id") == [
        ("兵库县", "sister", "active", "1990-05-01", 1, 1, None),
        ("济州特别自治道", "sister", "active", None, 1, 0, 1995),  # 1995年3月: never made a full date
        ("滨海边疆区", "sister", "active", None, 1, 0, 1990),
    ]
    assert f"{path}, sheet 友城名录, row 10: a totals row; not imported." in err


def test_a_refused_staff_workbook_writes_nothing(tmp_path, new_target, capsys):
    path = sf.staff_workbook(tmp_path / "名录.xlsx")  # the 20-digit number and a formula never calculated
    db = new_target("t.db")
    before = _empty(db)
    code, _, err = _run(capsys, "import", str(path), "--db", str(db), "--create-missing")
    assert code == 2
    errors = [line for line in err.splitlines() if line.startswith("twindesk: error:")]
    assert errors[0] == (f"twindesk: error: {path}, sheet 结好情况, row 6, column 外方城市 (B): the formula =B3 "
                         "has no saved value (the program that wrote the file did not calculate it); open the "
                         "file in Excel, WPS or LibreOffice, save it, and import again.")
    assert any(f"sheet 友城名录, row 9, column 人口 (E): Population “{sf.PASTED}”" in line for line in errors)
    assert errors[-1] == f"twindesk: error: {path}: {len(errors) - 1} problem(s); nothing was imported"
    assert table_counts(db) == before
    code, _, err = _run(capsys, "--lang", "zh_CN", "import", str(path), "--db", str(db), "--create-missing")
    assert code == 2 and "工作表“结好情况”，第 6 行，“外方城市 (B)”列：公式 =B3 没有保存的计算结果" in err
    assert table_counts(db) == before


@pytest.mark.parametrize("make, name", [
    (lambda p, **k: sf.partners_xls(p / "old.xls", **k), "old.xls"),
    (lambda p, **k: sf.partners_ods(p / "list.ods", **k), "list.ods"),
    (lambda p, **k: sf.partners_csv(p / "list.csv", "gb18030", **k), "list.csv"),
])
def test_an_xls_an_ods_and_a_gb18030_csv(tmp_path, new_target, capsys, make, name):
    db = new_target("t.db")
    before = _empty(db)
    refused = make(tmp_path)
    code, _, err = _run(capsys, "import", str(refused), "--db", str(db))
    assert code == 2 and f"column 人口 (E): Population “{sf.PASTED}”" in err
    assert table_counts(db) == before
    good = make(tmp_path, pasted_number=False)
    code, out, err = _run(capsys, "import", str(good), "--db", str(db))
    assert code == 0, err
    assert _select(db, PARTNER_SQL) == PARTNERS_READ
