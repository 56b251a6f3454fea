"""Backups that never lock anyone out: one copy for several slots, a space budget, a clock that jumped
ahead, a copy that cannot be written, and read-only media."""

import os
import shutil
import sqlite3
import subprocess
from collections import namedtuple
from datetime import datetime, timedelta

import pytest
from conftest import make_filled_database, sha256, table_counts
from wal_files import add_ballast

from twindesk.domain import workspace
from twindesk.store import BackupError, backup_space, backups, close_database, open_database
from twindesk.store import models as m
from twindesk.store.errors import DatabaseReadOnlyMedia
from twindesk.store.integrity import check_file

DAY = datetime(2026, 11, 29, 10, 15)
Usage = namedtuple("Usage", "total used free")


def _open(path, moment=DAY):
    opened = open_database(path, clock=lambda: moment)
    close_database()
    return opened


def _names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_the_first_open_writes_one_copy_for_three_slots(db_path):
    make_filled_database(db_path)
    opened = _open(db_path)
    assert sorted(p.name for p in opened.backups_written) == [
        "daily-2026-11-29.db", "monthly-2026-11.db", "weekly-2026-W48.db"]
    stats = [p.stat() for p in opened.backups_written]
    assert len({(s.st_dev, s.st_ino) for s in stats}) == 1 and stats[0].st_nlink == 3
    copies = backup_space.group_copies([(p, DAY) for p in opened.backups_written])
    assert backup_space.usage(copies) == stats[0].st_size  # counted once
    assert check_file(opened.backups_written[0]).ok


def test_without_hard_links_each_slot_is_a_copy(db_path, monkeypatch):
    make_filled_database(db_path)

    def no_links(*args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(backups.os, "link", no_links)
    opened = _open(db_path)
    assert len({p.stat().st_ino for p in opened.backups_written}) == 3
    assert all(check_file(p).ok for p in opened.backups_written)


def test_pruning_keeps_working_with_links(db_path):
    make_filled_database(db_path)
    for n in range(60):
        _open(db_path, DAY + timedelta(days=n))
    folder = backups.backup_folder(db_path)
    names = _names(folder)
    assert len([n for n in names if n.startswith("daily-")]) == 7
    assert len([n for n in names if n.startswith("weekly-")]) == 4
    assert "daily-2027-01-27.db" in names and "monthly-2026-11.db" in names
    inodes = {(folder / n).stat().st_ino for n in names}
    assert len(inodes) < len(names)  # slots still share copies
    assert all((folder / n).stat().st_nlink == sum((folder / o).stat().st_ino == (folder / n).stat().st_ino
                                                   for o in names) for n in names)


def test_all_backups_stay_within_the_budget_oldest_pruned_first(db_path, monkeypatch):
    make_filled_database(db_path)
    size = db_path.stat().st_size
    monkeypatch.setattr(backup_space, "BUDGET_MINIMUM", 0)
    monkeypatch.setattr(backup_space, "BUDGET_MULTIPLE", 5)
    folder = backups.backup_folder(db_path)
    for n in range(40):
        _open(db_path, DAY + timedelta(days=n))
        copies = backups._copies(folder)
        assert backup_space.usage(copies) <= 5 * size + size  # within budget (sizes vary by a page or two)
    copies = backups._copies(folder)
    assert len(copies) == 5
    assert "daily-2027-01-07.db" in _names(folder)  # the newest is kept
    assert [c.moment for c in copies] == sorted(c.moment for c in copies)
    assert min(c.moment for c in copies) >= DAY + timedelta(days=30)  # the oldest went first


def _fake_disk(monkeypatch, free):
    monkeypatch.setattr(backup_space, "disk_usage", lambda folder: Usage(10_000 * backup_space.MB, 0, free))


def test_no_room_for_todays_copy_is_a_warning_and_the_database_opens(db_path, monkeypatch):
    make_filled_database(db_path)
    _fake_disk(monkeypatch, 150 * backup_space.MB)  # under the 200 MB floor
    opened = open_database(db_path, clock=lambda: DAY)
    try:
        assert opened.backups_written == []
        assert "no backup was taken today: only 150 MB free" in opened.backup_warning
        m.Partner.create(name_en="Still writable", country="KR")
    finally:
        close_database()
    assert not list(backups.backup_folder(db_path).glob("*.db"))


def test_low_free_space_after_the_copy_is_reported(db_path, monkeypatch):
    make_filled_database(db_path)
    _open(db_path, DAY - timedelta(days=40))
    free = iter([10_000, 10_000] + [199] * 50)  # enough before the copy, low after it
    monkeypatch.setattr(backup_space, "disk_usage",
                        lambda folder: Usage(10_000 * backup_space.MB, 0, next(free) * backup_space.MB))
    opened = _open(db_path)
    assert len(opened.backups_written) == 3
    assert "free space is low (199 MB left)" in opened.backup_warning
    # room was made: only the newest copy is left
    assert _names(backups.backup_folder(db_path)) == sorted(p.name for p in opened.backups_written)


def test_a_clock_that_jumped_ahead_does_not_keep_its_slots(db_path):
    make_filled_database(db_path)
    _open(db_path, datetime(2031, 5, 1, 9))  # the clock was years ahead for one day
    folder = backups.backup_folder(db_path)
    assert "daily-2031-05-01.db" in _names(folder)
    _open(db_path, DAY)
    assert _names(folder) == ["daily-2026-11-29.db", "monthly-2026-11.db", "weekly-2026-W48.db"]


def test_a_copy_that_cannot_be_written_is_a_warning(db_path, monkeypatch):
    make_filled_database(db_path)

    def refuse(*args, **kwargs):
        raise BackupError(f"{args[1]}: cannot write the backup (Permission denied)")

    monkeypatch.setattr(backups, "copy_database", refuse)
    opened = open_database(db_path, clock=lambda: DAY)
    try:
        assert opened.backups_written == []
        assert opened.backup_warning.startswith("no backup was taken today (")
        assert "Permission denied" in opened.backup_warning
        m.Partner.create(name_en="Still writable", country="KR")
    finally:
        close_database()


# --- real faults, where this machine lets the test arrange them -----------------------------------


def _mount(*args) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    point = tmp_path / "small"
    point.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=1200k", "tmpfs", str(point)):
        pytest.skip("cannot mount a small tmpfs here")
    yield point
    subprocess.run(["umount", "-l", str(point)], check=False)


def test_disk_full_during_the_rotating_copy(small_disk, tmp_path, monkeypatch):
    template = tmp_path / "template.db"
    make_filled_database(template)
    conn = sqlite3.connect(str(template))
    add_ballast(conn, 300)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    path = small_disk / "t.db"
    shutil.copyfile(template, path)
    counts = table_counts(path)
    monkeypatch.setattr(backup_space, "leaves_floor", lambda folder, incoming: True)  # try the copy
    opened = open_database(path, clock=lambda: DAY)
    try:
        assert opened.backups_written == []
        assert "no backup was taken today" in opened.backup_warning
        assert "full" in opened.backup_warning or "No space" in opened.backup_warning
    finally:
        close_database()
    assert table_counts(path) == counts and check_file(path).ok
    assert [p for p in small_disk.rglob("*.tmp")] == []


@pytest.fixture
def read_only_folder(tmp_path):
    source, point = tmp_path / "rw", tmp_path / "ro"
    source.mkdir()
    point.mkdir()
    make_filled_database(source / "t.db")
    if not _mount("--bind", str(source), str(point)):
        pytest.skip("cannot bind-mount here")
    if subprocess.run(["mount", "-o", "remount,bind,ro", str(point)], capture_output=True).returncode:
        subprocess.run(["umount", "-l", str(point)], check=False)
        pytest.skip("cannot remount read-only here")
    yield point / "t.db"
    subprocess.run(["umount", "-l", str(point)], check=False)


def test_read_only_media_refuse_a_read_write_open_and_open_read_only(read_only_folder):
    path = read_only_folder
    digest = sha256(path)
    with pytest.raises(DatabaseReadOnlyMedia, match="is on a read-only medium; it can only be opened read-only"):
        open_database(path, clock=lambda: DAY)
    opened = workspace.open_workspace(path, read_only_fallback=True)
    try:
        assert opened.read_only and "read-only medium" in opened.read_only_reason
        assert m.Partner.select().count() == 3
    finally:
        close_database()
    assert check_file(path).ok  # `twindesk check` reads it too
    assert sha256(path) == digest
    assert _names(path.parent) == ["t.db"]


@pytest.fixture
def immutable_file(db_path):
    make_filled_database(db_path)
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(db_path)],
                                                        capture_output=True).returncode:
        pytest.skip("chattr +i is not available here")
    yield db_path
    subprocess.run(["chattr", "-i", str(db_path)], check=False)


def test_an_immutable_file_is_opened_read_only(immutable_file):
    with pytest.raises(DatabaseReadOnlyMedia, match="is a read-only file"):
        workspace.open_workspace(immutable_file)
    opened = workspace.open_workspace(immutable_file, read_only_fallback=True)
    close_database()
    assert opened.read_only and not backups.backup_folder(immutable_file).exists()
