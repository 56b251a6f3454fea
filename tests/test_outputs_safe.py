"""Outputs never destroy data: an existing file only with --force; never the database, its side files or
its backups folder, nor anything that is not a regular file; fsync before and after the rename; the
temporary file of a killed write is removed by the next write."""

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time

import pytest
from conftest import make_filled_database, run_python, sha256, subprocess_env

from twindesk import cli
from twindesk.domain.output_file import OutputFileError, atomic_output, check_target
from twindesk.store import backups, close_database, durable, open_database
from twindesk.store.instance_lock import lock_path_for


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


def twindesk_in(folder, *argv):
    return subprocess.run([sys.executable, "-m", "twindesk", *argv], capture_output=True, text=True, timeout=60,
                          env=subprocess_env(), cwd=str(folder))


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("outputs") / "t.db"
    make_filled_database(path)
    return path


@pytest.fixture
def good(tmp_path, template):
    path = tmp_path / "t.db"
    path.write_bytes(template.read_bytes())
    return path


# --- the database and its files -----------------------------------------------------------------------


def test_export_onto_the_database_is_refused_and_leaves_it_byte_identical(good):
    before = sha256(good)
    for force in ([], ["--force"]):
        done = twindesk_in(good.parent, "export", str(good), "--db", str(good), *force)
        assert done.returncode == 2, done.stderr
        assert done.stderr.splitlines() == [
            f"twindesk: error: {good}: is the database in use (t.db); choose another name "
            "(it is never replaced, even with --force)"]
        assert "Traceback" not in done.stderr
        assert sha256(good) == before
    # by another spelling of the same path, and by a hard link to it
    (good.parent / "sub").mkdir()
    done = twindesk_in(good.parent, "export", "./sub/../t.db", "--db", "t.db", "--force")
    assert done.returncode == 2 and "is the database in use" in done.stderr
    os.link(good, good.parent / "same.xlsx")
    done = twindesk_in(good.parent, "export", "same.xlsx", "--db", "t.db", "--force")
    assert done.returncode == 2 and "is the database in use" in done.stderr
    assert sha256(good) == before


@pytest.mark.parametrize("name", ["t.db-wal", "t.db-shm", "t.db-journal", "t.db.lock"])
def test_the_database_side_files_are_refused_even_with_force(capsys, good, name):
    side = good.with_name(name)
    side.write_bytes(b"side file")
    for command in (["export", side], ["brief", "visit", 1, side]):
        code, out, err = run(capsys, *command, "--db", good, "--force")
        assert (code, out) == (2, "") and len(err) == 1 and "is the database in use" in err[0], err
    assert side.read_bytes() == b"side file"
    assert lock_path_for(good).name == "t.db.lock"  # the name the window really uses


def test_nothing_is_written_into_the_backups_folder(capsys, good):
    folder = backups.backup_folder(good)
    folder.mkdir()
    code, _, err = run(capsys, "export", folder / "x.xlsx", "--db", good)
    assert code == 2 and err == [f"twindesk: error: {folder / 'x.xlsx'}: is in the database's backups folder "
                                 f"{folder}; save it somewhere else"]
    code, _, err = run(capsys, "backup", folder / "mine.db", "--db", good)
    assert code == 2 and "backups folder" in err[0]
    assert list(folder.iterdir()) == []


def test_the_bound_database_is_protected_without_being_named(good):
    open_database(good, read_only=True)
    try:
        with pytest.raises(OutputFileError, match="is the database in use"):
            with atomic_output(good, replace=True):
                pytest.fail("a temporary file was offered for the database itself")
    finally:
        close_database()


def test_backup_onto_the_database_is_refused(capsys, good):
    before = sha256(good)
    code, _, err = run(capsys, "backup", good, "--db", good)
    assert code == 2 and len(err) == 1
    assert sha256(good) == before


# --- an existing file --------------------------------------------------------------------------------


def test_an_existing_workbook_needs_force(capsys, good, tmp_path):
    out = tmp_path / "meeting.xlsx"
    out.write_bytes(b"last week's workbook")
    code, stdout, err = run(capsys, "export", out, "--db", good)
    assert (code, stdout) == (2, "")
    assert err == [f"twindesk: error: {out}: already exists; use --force to replace it"]
    assert out.read_bytes() == b"last week's workbook"
    code, stdout, err = run(capsys, "export", out, "--db", good, "--force")
    assert (code, err) == (0, [])
    assert out.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("kind", ["visit", "partner"])
def test_an_existing_pack_needs_force(capsys, good, tmp_path, kind):
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"yesterday's pack")
    code, _, err = run(capsys, "brief", kind, 1, out, "--db", good)
    assert code == 2 and err == [f"twindesk: error: {out}: already exists; use --force to replace it"]
    assert out.read_bytes() == b"yesterday's pack"
    code, _, err = run(capsys, "brief", kind, 1, out, "--db", good, "--force")
    assert (code, err) == (0, [])
    assert out.read_bytes()[:5] == b"%PDF-"


def test_a_file_that_appears_while_writing_is_not_replaced(tmp_path):
    out = tmp_path / "race.xlsx"
    with pytest.raises(OutputFileError, match="already exists"):
        with atomic_output(out) as tmp:
            tmp.write_bytes(b"ours")
            out.write_bytes(b"someone else's")  # between the check and the rename
    assert out.read_bytes() == b"someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["race.xlsx"]


# --- not a regular file ------------------------------------------------------------------------------


def _other_file(tmp_path):
    other = tmp_path / "elsewhere.txt"
    other.write_bytes(b"the link's target")
    return other


def test_a_symlink_is_never_replaced_nor_followed(capsys, good, tmp_path):
    other = _other_file(tmp_path)
    link = tmp_path / "link.xlsx"
    link.symlink_to(other)
    for command in (["export", link], ["brief", "partner", 1, link]):
        code, _, err = run(capsys, *command, "--db", good, "--force")
        assert code == 2 and err == [
            f"twindesk: error: {link}: is a symbolic link; TwinDesk never replaces one (give another name)"]
    assert link.is_symlink() and other.read_bytes() == b"the link's target"
    dangling = tmp_path / "dangling.xlsx"
    dangling.symlink_to(tmp_path / "nowhere.xlsx")
    code, _, err = run(capsys, "export", dangling, "--db", good)
    assert code == 2 and "symbolic link" in err[0] and not (tmp_path / "nowhere.xlsx").exists()


def test_a_fifo_is_refused_without_blocking(capsys, good, tmp_path):
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "export", fifo, "--db", good, "--force")
    assert code == 2 and err == [
        f"twindesk: error: {fifo}: is not a regular file (a device, a pipe or a socket); give a file name"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_folder_is_refused(capsys, good, tmp_path):
    folder = tmp_path / "pack.pdf"
    folder.mkdir()
    code, _, err = run(capsys, "brief", "visit", 1, folder, "--db", good, "--force")
    assert code == 2 and err == [f"twindesk: error: {folder}: is a folder; give a file name"]
    assert folder.is_dir()


def test_a_device_is_refused_even_as_root(good):
    before = os.stat("/dev/null")
    done = run_python("-m", "twindesk", "export", "/dev/null", "--db", str(good), "--force")
    assert done.returncode == 2 and done.stderr.splitlines() == [
        "twindesk: error: /dev/null: is not a regular file (a device, a pipe or a socket); give a file name"]
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_rdev, after.st_ino) == (before.st_rdev, before.st_ino)
    assert not list(__import__("pathlib").Path("/dev").glob(".null.*.part"))


# --- durability --------------------------------------------------------------------------------------


@pytest.fixture
def durability_log(monkeypatch):
    """What reaches the disk, in order: fsync of a file or folder (by path), and renames."""
    events = []
    real_fsync, real_link, real_replace = os.fsync, os.link, os.replace

    def fsync(fd):
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        return real_fsync(fd)

    def link(src, dst, *args, **kwargs):
        events.append(("rename", str(dst)))
        return real_link(src, dst, *args, **kwargs)

    def replace(src, dst, *args, **kwargs):
        events.append(("rename", str(dst)))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "link", link)
    monkeypatch.setattr(os, "replace", replace)
    return events


def _assert_fsync_rename_fsync(events, target, temp_suffix):
    renames = [i for i, e in enumerate(events) if e == ("rename", str(target))]
    assert len(renames) == 1, events
    r = renames[0]
    before = [p for kind, p in events[:r] if kind == "fsync"]
    after = [p for kind, p in events[r + 1:] if kind == "fsync"]
    assert any(os.path.basename(p).startswith(f".{target.name}.") and p.endswith(temp_suffix) for p in before), events
    assert str(target.parent) in after, events


def test_an_export_is_fsynced_before_and_after_its_rename(capsys, good, tmp_path, durability_log):
    out = tmp_path / "meeting.xlsx"
    assert run(capsys, "export", out, "--db", good)[0] == 0
    _assert_fsync_rename_fsync(durability_log, out, ".part")


def test_a_replaced_brief_is_fsynced_before_and_after_its_rename(capsys, good, tmp_path, durability_log):
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"old")
    assert run(capsys, "brief", "visit", 1, out, "--db", good, "--force")[0] == 0
    _assert_fsync_rename_fsync(durability_log, out, ".part")


def test_a_backup_is_fsynced_before_and_after_its_rename(capsys, good, tmp_path, durability_log):
    out = tmp_path / "copy.db"
    assert run(capsys, "backup", out, "--db", good)[0] == 0
    _assert_fsync_rename_fsync(durability_log, out, ".tmp")
    durability_log.clear()
    conn = sqlite3.connect(good)
    try:
        written = backups.rotate(conn, good, __import__("datetime").datetime(2026, 11, 29, 10, 0))
    finally:
        conn.close()
    _assert_fsync_rename_fsync(durability_log, written.written[0], ".tmp")


# --- stale temporary files ---------------------------------------------------------------------------


def _age(path, seconds):
    old = time.time() - seconds
    os.utime(path, (old, old))


def test_a_killed_export_leaves_a_part_file_that_the_next_export_removes(tmp_path):
    db = tmp_path / "x.db"
    made = run_python("-m", "twindesk", "demo", "--scale", "3000", "--db", str(db), timeout=120)
    assert made.returncode == 0, made.stderr
    out = tmp_path / "meeting.xlsx"
    child = subprocess.Popen([sys.executable, "-m", "twindesk", "export", str(out), "--db", str(db)],
                             env=subprocess_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob(".meeting.xlsx.*.part")) and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.3)  # well inside the export (several seconds at this scale)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    stale = list(tmp_path.glob(".meeting.xlsx.*.part"))
    assert len(stale) == 1 and not out.exists()
    _age(stale[0], durable.STALE_AFTER_S + 60)  # the next run, a few minutes later
    small = tmp_path / "small.db"
    make_filled_database(small)
    done = run_python("-m", "twindesk", "export", str(tmp_path / "other.xlsx"), "--db", str(small))
    assert done.returncode == 0, done.stderr
    assert not stale[0].exists()
    assert not list(tmp_path.glob(".*.part"))


def test_only_old_unlocked_temp_files_of_ours_are_removed(tmp_path):
    import fcntl

    def make(name, age):
        path = tmp_path / name
        path.write_bytes(b"half")
        _age(path, age)
        return path

    old = make(".meeting.xlsx.abc_1234.part", 600)
    young = make(".pack.pdf.abcd1234.part", 5)
    held = make(".held.xlsx.abcd1234.part", 600)
    not_ours = [make(".meeting.xlsx.part", 600), make("meeting.xlsx.abcd1234.part", 600),
                make(".meeting.xlsx.abcd1234.part.keep", 600), make(".x.db.abcd1234.tmp", 600)]
    fd = os.open(held, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # a live writer
    try:
        with atomic_output(tmp_path / "new.xlsx") as tmp:
            tmp.write_bytes(b"new")
    finally:
        os.close(fd)
    assert not old.exists()
    assert young.exists() and held.exists() and all(p.exists() for p in not_ours)
    assert (tmp_path / "new.xlsx").read_bytes() == b"new"


def test_a_killed_backups_tmp_file_is_removed_by_the_next_backup(good, tmp_path):
    folder = backups.backup_folder(good)
    folder.mkdir()
    stale = folder / ".daily-2026-11-28.db.k2j4_x9q.tmp"
    stale.write_bytes(b"\0" * 4096)
    _age(stale, durable.STALE_AFTER_S + 60)
    conn = sqlite3.connect(good)
    try:
        backups.event_backup(conn, good, "import", __import__("datetime").datetime(2026, 11, 29, 10, 0))
    finally:
        conn.close()
    assert not stale.exists()
    assert [p.name for p in folder.iterdir()] == ["before-import-20261129-100000.db"]


def test_check_target_says_whether_the_file_exists(tmp_path):
    out = tmp_path / "a.xlsx"
    assert check_target(out) is False
    out.write_bytes(b"x")
    assert check_target(out, replace=True) is True
    with pytest.raises(OutputFileError, match="use --force"):
        check_target(out)


def test_a_raw_copy_is_fsynced_before_and_after_its_rename(good, tmp_path, durability_log):
    from twindesk.store.file_copies import raw_copy

    out = tmp_path / "safety.db"
    raw_copy(good, out)
    assert out.read_bytes() == good.read_bytes()
    _assert_fsync_rename_fsync(durability_log, out, ".tmp")
