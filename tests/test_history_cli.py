"""`twindesk history`: one line per change, newest first, read-only; bad input is one line and exit 2."""

from datetime import date

import pytest
from conftest import fingerprint, login_of, run_python

from twindesk.domain import workspace
from twindesk.domain.operations import records


@pytest.fixture
def changed(new_target):
    """A database where Li Na gave Jeju a population and Wang Fang added a delegate to a visit."""
    path = new_target("h.db")
    workspace.open_workspace(path, take_backups=False)
    try:
        jeju = records.save("partner", {"name_en": "Jeju", "country": "KR"}, user="Li Na")
        records.save("partner", {"population": 5400000}, jeju, user="Li Na")
        visit = records.save("visit", {"title": "Spring visit", "start_on": date(2026, 5, 1)}, user="Wang Fang")
        records.save("delegate", {"visit": visit, "name": "Zhang Wei"}, user="Wang Fang")
    finally:
        workspace.close()
    return path, jeju, visit


def history(path, *args):
    return run_python("-m", "twindesk", "history", "--db", str(path), *args)


def test_every_change_newest_first_one_line_each(changed):
    path, jeju, visit = changed
    me = login_of(path)  # the database login beside the staff name: on SQLite the system's user
    before = fingerprint(path)
    result = history(path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert lines[0].endswith(f"  Wang Fang ({me})  save  delegate 1  created “Zhang Wei”")
    assert lines[2].endswith(f"  Li Na ({me})  save  partner {jeju}  Population: — → 5,400,000")
    assert lines[2][:17].count("-") == 2 and lines[2][16] == " "  # "2026-12-01 09:30  …"
    assert fingerprint(path) == before  # read-only: not a byte (not a row) changed


def test_one_record_with_its_sub_records_and_a_limit(changed):
    path, jeju, visit = changed
    lines = history(path, "--record", f"visit:{visit}").stdout.splitlines()
    assert [line.split("  ", 3)[3] for line in lines] == ["delegate 1  created “Zhang Wei”",
                                                        f"visit {visit}  created “Spring visit”"]
    lines = history(path, "--record", f"partner:{jeju}", "--limit", "1").stdout.splitlines()
    assert len(lines) == 1 and lines[0].endswith("Population: — → 5,400,000")


def test_since_and_language(changed):
    path, jeju, _ = changed
    result = history(path, "--since", "2999-01-01")
    assert result.returncode == 0 and result.stdout == ""
    assert "no changes recorded since 2999-01-01" in result.stderr
    assert len(history(path, "--since", date.today().isoformat()).stdout.splitlines()) == 4
    zh = history(path, "--record", f"partner:{jeju}", "--lang", "zh_CN").stdout.splitlines()
    assert zh[0].endswith(f"  Li Na ({login_of(path)})  保存  友好伙伴 {jeju}  人口：— → 5,400,000")
    assert zh[1].endswith("新建“Jeju”")


@pytest.mark.parametrize(("args", "says"), [
    (("--record", "planet:1"), "--record 'planet:1': write KIND:ID with KIND one of"),
    (("--record", "partner"), "--record 'partner': write KIND:ID"),
    (("--record", "partner:twelve"), "the ID 'twelve' is not a whole number"),
    (("--record", "partner:99999999999999999999"), "the ID must be a whole number above zero"),
    (("--record", "partner:999"), "there is no partner with ID 999, and none in the history"),
    (("--since", "yesterday"), "--since 'yesterday' is not a date; write it as 2026-11-29"),
    (("--since", "2026-02-30"), "is not a real calendar date"),
    (("--limit", "0"), "--limit must be 1 or more"),
])
def test_bad_input_is_one_line_and_exit_2(changed, args, says):
    path, _, _ = changed
    result = history(path, *args)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("twindesk: error: ") and says in lines[0], lines


def test_a_deleted_record_still_has_its_history(changed):
    path, jeju, _ = changed
    workspace.open_workspace(path, take_backups=False)
    try:
        records.delete("partner", jeju, user="Li Na")
    finally:
        workspace.close()
    lines = history(path, "--record", f"partner:{jeju}").stdout.splitlines()
    assert lines[0].endswith(f"Li Na ({login_of(path)})  delete  partner {jeju}  deleted “Jeju”") and len(lines) == 3


def test_a_missing_database_is_one_line(tmp_path):
    result = history(tmp_path / "none.db")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "none.db").exists()
