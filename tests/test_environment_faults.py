"""The environment's faults are the user's errors, not bugs: disk full (also when the rollback hides it),
read-only files, folders and disks, permission denied, a symbolic-link loop, an ID past 2**63 - 1, a
closed pipe and a workbook bomb. Each ends with exit 2 and one line, no traceback, and nothing lost."""

import contextlib
import errno
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

import peewee as pw
import pytest
from conftest import make_filled_database, run_python, sha256, subprocess_env
from openpyxl import load_workbook

from twindesk import cli
from twindesk.domain import workspace
from twindesk.domain.model.ids import MAX_ID, IdOutOfRange
from twindesk.domain.operations import records
from twindesk.domain.queries.brief_content import PartnerBriefContent, VisitBriefContent
from twindesk.exchange import workbook_budget
from twindesk.exchange.import_read import open_workbook
from twindesk.store import close_database, connection, open_database
from twindesk.store.environment_errors import DISK_FULL, READ_ONLY, describe_environment_error
from twindesk.store.models import database


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


def twindesk(*argv, **kwargs):
    return run_python("-m", "twindesk", *map(str, argv), **kwargs)


def assert_one_line(done, *words):
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("twindesk: error: "), lines
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("faults") / "t.db"
    make_filled_database(path)
    return path


@pytest.fixture
def good(tmp_path, template):
    path = tmp_path / "t.db"
    shutil.copyfile(template, path)
    return path


def _partner_count(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM partner").fetchone()[0]
    finally:
        conn.close()


def _as_root_mount(*args):
    if os.geteuid() != 0:
        pytest.skip("mounting needs root")
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"mount is not permitted here: {done.stderr.strip()}")


@contextlib.contextmanager
def _immutable(path):
    if os.geteuid() != 0 or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i needs root on a file system that has it")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


# --- disk full -----------------------------------------------------------------------------------------


def _no_room_to_grow():
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")


def test_disk_full_during_a_save_is_the_disk_full_message_not_the_rollback_error(good):
    workspace.open_workspace(good, take_backups=False)  # with the write lock, as the window holds it
    try:
        before = _partner_count(good)
        _no_room_to_grow()
        with pytest.raises(pw.OperationalError) as info:
            records.save("partner", {"name_en": "Big", "country": "JP", "notes": "many words " * 80_000})
        # what peewee raises is the failed rollback; SQLITE_FULL is underneath it
        assert describe_environment_error(info.value) == DISK_FULL
    finally:
        workspace.close()
    assert _partner_count(good) == before


def test_disk_full_during_an_import_is_exit_2_and_nothing_is_written(capsys, good, tmp_path, monkeypatch):
    workspace.open_workspace(good, take_backups=False)
    try:
        records.save("partner", {"name_en": "Long notes", "country": "JP", "notes": "many words " * 80_000})
    finally:
        workspace.close()
    workbook = tmp_path / "big.xlsx"
    assert run(capsys, "export", workbook, "--db", good)[0] == 0
    target = tmp_path / "empty.db"
    open_database(target, create=True, take_backups=False)
    close_database()
    before = sha256(target)
    monkeypatch.setattr(connection, "PRAGMAS", connection.PRAGMAS + (("max_page_count", 1),))  # no growth
    code, out, err = run(capsys, "import", workbook, "--db", target)
    assert (code, out, err) == (2, "", [f"twindesk: error: {DISK_FULL}"])
    assert sha256(target) == before


@pytest.fixture
def full_disk(tmp_path):
    folder = tmp_path / "full"
    folder.mkdir()
    _as_root_mount("-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder))
    try:
        with contextlib.suppress(OSError), open(folder / "filler", "wb") as f:
            while True:
                f.write(b"\0" * 4096)
                f.flush()
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_disk_full_during_an_export_and_a_backup(good, full_disk):
    before = sha256(good)
    done = twindesk("export", full_disk / "meeting.xlsx", "--db", good)
    assert_one_line(done, "No space left on device")
    done = twindesk("backup", full_disk / "copy.db", "--db", good)
    assert_one_line(done, "cannot write the backup")
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]  # no .part, .tmp or -journal left
    assert sha256(good) == before


# --- read-only files, folders and disks, permission ----------------------------------------------------


def test_a_read_only_disk(good, tmp_path):
    workbook = tmp_path / "t.xlsx"
    assert twindesk("export", workbook, "--db", good).returncode == 0
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copyfile(good, folder / "t.db")
    _as_root_mount("--bind", str(folder), str(folder))
    try:
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], capture_output=True).returncode:
            pytest.skip("a read-only bind mount is not permitted here")
        before = sha256(folder / "t.db")
        assert_one_line(twindesk("import", workbook, "--db", folder / "t.db"), "is on a read-only medium")
        assert_one_line(twindesk("export", folder / "o.xlsx", "--db", good), "Read-only file system")
        assert sha256(folder / "t.db") == before and sorted(os.listdir(folder)) == ["t.db"]
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_an_immutable_database_file_and_folder(good, tmp_path):
    workbook = tmp_path / "t.xlsx"
    assert twindesk("export", workbook, "--db", good).returncode == 0
    wb = load_workbook(workbook)
    wb["Partners"]["C2"] = "Jeju (renamed)"
    wb.save(workbook)
    before = sha256(good)
    with _immutable(good):
        assert_one_line(twindesk("import", workbook, "--db", good), "is a read-only file")
    assert sha256(good) == before
    folder = tmp_path / "locked"
    folder.mkdir()
    with _immutable(folder):
        assert_one_line(twindesk("export", folder / "o.xlsx", "--db", good), "Operation not permitted")
        assert os.listdir(folder) == []


def test_an_immutable_file_that_force_would_replace(good, tmp_path):
    out = tmp_path / "old.xlsx"
    out.write_bytes(b"last week's")
    with _immutable(out):
        assert_one_line(twindesk("export", out, "--db", good, "--force"), "Operation not permitted")
    assert out.read_bytes() == b"last week's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.xlsx", "t.db"]


def test_a_read_only_database_connection_is_the_read_only_message(good):
    open_database(good, read_only=True)
    try:
        with pytest.raises(pw.OperationalError) as info:
            database.execute_sql("UPDATE partner SET notes = 'x'")
        assert describe_environment_error(info.value) == READ_ONLY
    finally:
        close_database()


def test_permission_denied_is_one_line(capsys, good, tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path))

    monkeypatch.setattr(tempfile, "mkstemp", denied)  # as root no folder refuses us; a real EACCES does this
    code, out, err = run(capsys, "export", tmp_path / "o.xlsx", "--db", good)
    assert (code, out) == (2, "") and len(err) == 1 and "Permission denied" in err[0]
    code, out, err = run(capsys, "backup", tmp_path / "o.db", "--db", good)
    assert (code, out) == (2, "") and len(err) == 1 and "Permission denied" in err[0]


# --- symbolic-link loops ----------------------------------------------------------------------------


def test_a_symlink_loop_as_the_database_or_the_output(good, tmp_path):
    loop = tmp_path / "loop.db"
    loop.symlink_to(loop)
    for command in (["export", tmp_path / "o.xlsx"], ["import", tmp_path / "o.xlsx"], ["check"]):
        assert_one_line(twindesk(*command, "--db", loop), f"{loop}: is a loop of symbolic links")
    out = tmp_path / "loop.xlsx"
    out.symlink_to(out)
    assert_one_line(twindesk("export", out, "--db", good, "--force"), "is a symbolic link")
    assert_one_line(twindesk("export", loop / "o.xlsx", "--db", good), "Too many levels of symbolic links")


# --- IDs out of range --------------------------------------------------------------------------------


def test_an_id_past_sqlites_integers_is_refused_in_the_command_line(good, tmp_path):
    for kind in ("visit", "partner"):
        done = twindesk("brief", kind, "99999999999999999999", tmp_path / "out.pdf", "--db", good)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert done.stderr.splitlines()[-1].endswith(
            "error: argument ID: ID 99999999999999999999 is out of range (IDs run from 1 to 9223372036854775807).")
    assert not (tmp_path / "out.pdf").exists()


def test_an_id_past_sqlites_integers_is_refused_by_the_domain(good):
    open_database(good, read_only=True)
    try:
        for content in (PartnerBriefContent, VisitBriefContent):
            with pytest.raises(IdOutOfRange, match="ID 1180591620717411303424 is out of range"):
                content(2**70)
        with pytest.raises(IdOutOfRange, match="out of range"):  # a record asked for by such an ID
            records.get("partner", MAX_ID + 1)
        overflow = OverflowError("Python int too large to convert to SQLite INTEGER")  # any other read's
        assert "out of range" in describe_environment_error(overflow)
    finally:
        close_database()


def test_an_id_past_sqlites_integers_in_a_workbook_is_a_row_problem(capsys, good, tmp_path):
    workbook = tmp_path / "t.xlsx"
    assert run(capsys, "export", workbook, "--db", good)[0] == 0
    wb = load_workbook(workbook)
    wb["Partners"]["A2"] = "99999999999999999999"  # typed as text: Excel would round a number that large
    wb.save(workbook)
    before = sha256(good)
    code, out, err = run(capsys, "import", workbook, "--db", good)
    assert (code, out) == (2, "")
    assert err[0] == (f"twindesk: error: {workbook}, sheet Partners, row 2, column ID: ID 99999999999999999999 "
                      "is out of range (IDs run from 1 to 9223372036854775807).")
    assert "Traceback" not in "\n".join(err)
    assert sha256(good) == before


# --- a closed pipe -----------------------------------------------------------------------------------


def _with_stdout_closed(*argv):
    child = subprocess.Popen([sys.executable, "-m", "twindesk", *map(str, argv)], env=subprocess_env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.stdout.close()  # the reader (`| head -0`) is gone before the first line
    err = child.stderr.read().decode()
    child.stderr.close()
    return child.wait(timeout=60), err


def test_a_closed_pipe_ends_quietly(good, tmp_path):
    before = sha256(good)
    for argv in (["check", "--db", good], ["export", tmp_path / "o.xlsx", "--db", good]):
        code, err = _with_stdout_closed(*argv)
        assert (code, err) == (2, ""), err
    code, err = _with_stdout_closed("export", "--help")
    assert code in (0, 2) and "Traceback" not in err and "Exception ignored" not in err
    assert sha256(good) == before


# --- a workbook bomb ---------------------------------------------------------------------------------


def _bomb(template_workbook, path, sheet_bytes: int, *, dimension: str = ""):
    """`template_workbook` with its Partners sheet replaced by `sheet_bytes` of empty rows, compressed."""
    chunk = b"<row/>" * (1 << 20)
    with zipfile.ZipFile(template_workbook) as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet2.xml":
                out.writestr(info.filename, src.read(info.filename))
        with out.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as f:
            f.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    + dimension.encode() + b"<sheetData>")
            for _ in range(sheet_bytes // len(chunk)):
                f.write(chunk)
            f.write(b"</sheetData></worksheet>")
    return path


@pytest.fixture(scope="module")
def exported(template, tmp_path_factory):
    out = tmp_path_factory.mktemp("bomb") / "t.xlsx"
    assert twindesk("export", out, "--db", template).returncode == 0
    return out


def test_a_workbook_bomb_is_refused_in_bounded_time_and_memory(exported, good, tmp_path):
    bomb = _bomb(exported, tmp_path / "bomb.xlsx", 2**30)  # 1 GiB of rows in a file of a few MB
    assert bomb.stat().st_size < 16 * 2**20
    before = sha256(good)
    # The peak is read from VmHWM: getrusage's ru_maxrss survives exec on Linux, so a child of a large
    # pytest process would report the parent's size.
    probe = (
        "import json, re, sys, time\n"
        "from twindesk import cli\n"
        "start = time.monotonic()\n"
        "code = cli.main(sys.argv[1:])\n"
        "seconds = time.monotonic() - start\n"
        "peak = int(re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read()).group(1))\n"
        "print(json.dumps([code, seconds, peak]))\n"
    )
    done = run_python("-c", probe, "import", str(bomb), "--db", str(good), timeout=120)
    code, seconds, peak_kib = json.loads(done.stdout)
    assert code == 2 and len(done.stderr.splitlines()) == 1, done.stderr
    assert re.fullmatch(rf"twindesk: error: {re.escape(str(bomb))}: unpacks to 1,0\d\d MB \(the limit is 512 MB\); "
                        r"split it into smaller workbooks\n", done.stderr), done.stderr
    assert seconds < 3 and peak_kib < 250 * 1024, (seconds, peak_kib)
    assert sha256(good) == before


def test_a_part_compressed_too_far_is_refused(exported, tmp_path):
    bomb = _bomb(exported, tmp_path / "ratio.xlsx", 40 * 2**20)  # under the size budget, ~1000:1
    with pytest.raises(workbook_budget.WorkbookTooLarge, match="xl/worksheets/sheet2.xml unpacks .* times larger"):
        open_workbook(bomb)


def test_a_sheet_that_spans_too_many_rows_or_cells_is_refused(exported, tmp_path):
    rows = _bomb(exported, tmp_path / "rows.xlsx", 0, dimension='<dimension ref="A1:B2000000"/>')
    with pytest.raises(workbook_budget.WorkbookTooLarge, match="spans 2,000,000 rows"):
        open_workbook(rows)
    cells = _bomb(exported, tmp_path / "cells.xlsx", 0, dimension='<dimension ref="A1:XFD100000"/>')
    with pytest.raises(workbook_budget.WorkbookTooLarge, match="cells"):
        open_workbook(cells)


def test_an_ordinary_export_is_well_within_the_budgets(exported):
    workbook_budget.check_workbook_budget(exported)
    open_workbook(exported).close()


def test_defusedxml_is_installed_for_openpyxl():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML

