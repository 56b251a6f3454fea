"""One window per database: the lock file beside the database (twindesk.store.instance_lock)."""

import getpass
import json
import os
import socket
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from twindesk.store import instance_lock
from twindesk.store.errors import UserError
from twindesk.store.instance_lock import DatabaseInUse, DatabaseLock, LockHolder, lock_path_for

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def dbfile(tmp_path) -> Path:
    return tmp_path / "office.db"


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return env


def _now() -> datetime:
    return datetime.now().astimezone()


def write_lock(dbfile: Path, **fields) -> Path:
    record = {
        "user": "someone",
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "since": _now().isoformat(timespec="seconds"),
        "heartbeat": _now().isoformat(timespec="seconds"),
        "version": "0.0.1",
        "token": "not-ours",
    }
    record.update(fields)
    record = {k: v for k, v in record.items() if v is not None}
    path = lock_path_for(dbfile)
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


def read_lock(dbfile: Path) -> dict:
    return json.loads(lock_path_for(dbfile).read_text(encoding="utf-8"))


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait(timeout=30)
    return proc.pid


def test_lock_file_sits_beside_the_database(dbfile):
    assert lock_path_for(dbfile) == dbfile.parent / "office.db.lock"


def test_acquire_writes_who_and_release_removes(dbfile):
    lock = DatabaseLock(dbfile)
    assert lock.acquire() is None
    assert lock.held
    data = read_lock(dbfile)
    assert data["user"] == getpass.getuser()
    assert data["host"] == socket.gethostname()
    assert data["pid"] == os.getpid()
    assert data["version"]
    since = datetime.fromisoformat(data["since"])
    assert abs((since - _now()).total_seconds()) < 60
    assert data["heartbeat"] == data["since"]
    # no temporary files left behind
    assert sorted(p.name for p in dbfile.parent.iterdir()) == ["office.db.lock"]

    assert lock.acquire() is None  # already ours: still fine
    lock.release()
    assert not lock.held
    assert not lock_path_for(dbfile).exists()
    lock.release()  # twice is harmless


def test_second_acquire_reports_the_holder(dbfile):
    first = DatabaseLock(dbfile)
    assert first.acquire() is None
    second = DatabaseLock(dbfile)
    holder = second.acquire()
    assert isinstance(holder, LockHolder)
    assert holder.user == getpass.getuser()
    assert holder.host == socket.gethostname()
    assert holder.pid == os.getpid()
    assert isinstance(holder.since, datetime) and holder.since.tzinfo is not None
    assert holder.is_this_host
    assert not second.held
    assert second.holder() == holder
    assert first.holder() == holder  # holder() also answers for the owner

    second.release()  # not ours: must not remove the first one's lock
    assert lock_path_for(dbfile).exists()
    first.release()
    assert second.acquire() is None
    second.release()


def test_context_manager(dbfile):
    with DatabaseLock(dbfile) as lock:
        assert lock.held
        assert lock_path_for(dbfile).exists()
        with pytest.raises(DatabaseInUse) as info, DatabaseLock(dbfile):
            pass
        assert isinstance(info.value, UserError)
        assert info.value.holder.pid == os.getpid()
        assert "open in TwinDesk by" in str(info.value)
    assert not lock_path_for(dbfile).exists()


def test_holder_is_none_without_a_lock(dbfile):
    assert DatabaseLock(dbfile).holder() is None


def test_stale_lock_of_a_dead_process_is_taken_over(dbfile):
    pid = dead_pid()
    write_lock(dbfile, pid=pid)
    lock = DatabaseLock(dbfile)
    assert lock.holder() is None  # stale: nobody really holds it
    assert lock.acquire() is None
    assert read_lock(dbfile)["pid"] == os.getpid()
    assert not list(dbfile.parent.glob("*.tmp"))
    lock.release()


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\xff garbage", b"{not json", b"[1, 2]", b'{"user": "x"}', json.dumps({"pid": "7"}).encode()],
)
def test_garbage_lock_file_is_taken_over(dbfile, content):
    lock_path_for(dbfile).write_bytes(content)
    left_long_ago = _now().timestamp() - 60  # a young one may still be being written (see below)
    os.utime(lock_path_for(dbfile), (left_long_ago, left_long_ago))
    lock = DatabaseLock(dbfile)
    assert lock.holder() is None
    assert lock.acquire() is None
    assert read_lock(dbfile)["pid"] == os.getpid()
    lock.release()
    assert not lock_path_for(dbfile).exists()


def test_foreign_host_lock_with_old_heartbeat_is_stale(dbfile):
    old = _now() - timedelta(minutes=20)
    write_lock(
        dbfile,
        host="office-pc-7",
        pid=4242,
        since=(old - timedelta(hours=3)).isoformat(),
        heartbeat=old.isoformat(),
    )
    lock = DatabaseLock(dbfile)
    assert lock.acquire() is None
    assert read_lock(dbfile)["host"] == socket.gethostname()
    lock.release()


def test_foreign_host_lock_with_fresh_heartbeat_is_live(dbfile):
    recent = _now() - timedelta(minutes=3)
    write_lock(
        dbfile,
        user="李明",
        host="office-pc-7",
        pid=4242,
        since=(recent - timedelta(days=2)).isoformat(),
        heartbeat=recent.isoformat(),
    )
    lock = DatabaseLock(dbfile)
    holder = lock.acquire()
    assert holder is not None
    assert (holder.user, holder.host, holder.pid) == ("李明", "office-pc-7", 4242)
    assert not holder.is_this_host
    assert read_lock(dbfile)["user"] == "李明"  # untouched


@pytest.mark.parametrize("age_hours, live", [(1, True), (13, False)])
def test_foreign_host_lock_without_heartbeat_goes_by_age(dbfile, age_hours, live):
    since = _now() - timedelta(hours=age_hours)
    write_lock(dbfile, host="office-pc-7", pid=4242, since=since.isoformat(), heartbeat=None)
    holder = DatabaseLock(dbfile).acquire()
    assert (holder is not None) == live


def test_refresh_rewrites_the_heartbeat(dbfile, monkeypatch):
    lock = DatabaseLock(dbfile)
    assert lock.acquire() is None
    before = read_lock(dbfile)
    later = _now() + timedelta(minutes=5)
    monkeypatch.setattr(instance_lock, "_now", lambda: later)
    assert lock.refresh() is True
    after = read_lock(dbfile)
    assert after["heartbeat"] == later.isoformat(timespec="seconds")
    assert after["since"] == before["since"]
    assert after["token"] == before["token"]
    assert not list(dbfile.parent.glob("*.tmp"))
    lock.release()
    assert lock.refresh() is False  # released: nothing to refresh


def test_release_and_refresh_leave_someone_elses_lock_alone(dbfile):
    lock = DatabaseLock(dbfile)
    assert lock.acquire() is None
    # Our lock was judged stale elsewhere (e.g. our laptop slept) and another host took it over.
    write_lock(dbfile, user="wang", host="office-pc-7", pid=99)
    assert lock.refresh() is False
    lock.release()
    assert read_lock(dbfile)["user"] == "wang"


def test_lock_in_a_new_folder(tmp_path):
    lock = DatabaseLock(tmp_path / "not" / "yet" / "there.db")
    assert lock.acquire() is None
    assert lock.path.exists()
    lock.release()


HOLD_LOCK = textwrap.dedent(
    """
    import sys
    from twindesk.store.instance_lock import DatabaseLock
    lock = DatabaseLock(sys.argv[1])
    holder = lock.acquire()
    print("ready" if holder is None else "busy", flush=True)
    sys.stdin.read()  # hold until the test closes our stdin
    lock.release()
    """
)


def test_a_real_second_process_holds_the_lock(dbfile):
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(dbfile)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
        cwd=str(REPO),
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        lock = DatabaseLock(dbfile)
        holder = lock.acquire()
        assert holder is not None
        assert holder.pid == proc.pid
        assert holder.user == getpass.getuser()
        assert holder.host == socket.gethostname()
        assert lock.holder() == holder
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    assert proc.returncode == 0
    assert not lock_path_for(dbfile).exists()  # it released on the way out
    assert lock.acquire() is None
    lock.release()


def test_killed_holder_leaves_a_stale_lock_that_is_taken_over(dbfile):
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(dbfile)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
        cwd=str(REPO),
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
    finally:
        proc.kill()
        proc.wait(timeout=30)
        proc.stdin.close()
        proc.stdout.close()
    assert read_lock(dbfile)["pid"] == proc.pid  # left behind
    lock = DatabaseLock(dbfile)
    assert lock.acquire() is None
    lock.release()


RACE = textwrap.dedent(
    """
    import sys, time
    from twindesk.store.instance_lock import DatabaseLock
    start = float(sys.argv[2])
    while time.time() < start:
        time.sleep(0.001)
    lock = DatabaseLock(sys.argv[1])
    print("won" if lock.acquire() is None else "lost", flush=True)
    sys.stdin.read()
    """
)


@pytest.mark.parametrize("stale_first", [False, True], ids=["no-lock", "stale-lock"])
def test_racing_processes_exactly_one_wins(dbfile, stale_first):
    import time

    if stale_first:
        write_lock(dbfile, pid=dead_pid())
    start = time.time() + 1.5
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACE, str(dbfile), repr(start)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=_env(),
            cwd=str(REPO),
        )
        for _ in range(6)
    ]
    try:
        results = [p.stdout.readline().strip() for p in procs]
    finally:
        for p in procs:
            p.stdin.close()
            p.wait(timeout=30)
            p.stdout.close()
    assert sorted(results) == ["lost"] * 5 + ["won"]


def test_store_modules_do_not_import_qt():
    code = (
        "import sys, twindesk.store.instance_lock, twindesk.store.environment_errors; "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(), cwd=str(REPO), timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


# -- the question the window asks -------------------------------------------------------------------------


def _holder() -> LockHolder:
    return LockHolder(
        user="李明", host="office-pc-7", pid=4242, since=datetime(2025, 3, 4, 9, 30).astimezone()
    )


def test_lock_prompt_names_who_holds_it(qtbot):
    from twindesk.ui.shell.lock_prompt import build_lock_prompt

    box = build_lock_prompt(None, _holder())
    qtbot.addWidget(box)
    text = box.text()
    assert "This database is open in TwinDesk by 李明 on office-pc-7 since" in text
    assert "2025" in text or "25" in text
    labels = [b.text() for b in box.buttons()]
    assert "Open read-only" in labels


@pytest.mark.parametrize("choice, expected", [("read_only", True), ("cancel", False), ("escape", False)])
def test_ask_read_only_answers(qtbot, choice, expected):
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from twindesk.ui.shell.lock_prompt import ask_read_only

    def answer():
        box = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.objectName() == "lockPrompt" and w.isVisible()
            ),
            None,
        )
        if box is None:
            QTimer.singleShot(10, answer)
            return
        if choice == "read_only":
            box.read_only_button.click()
        elif choice == "cancel":
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)
    assert ask_read_only(None, _holder()) is expected


def test_without_hard_links_it_falls_back_to_exclusive_create(dbfile, monkeypatch):
    def no_links(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(instance_lock.os, "link", no_links)
    first, second = DatabaseLock(dbfile), DatabaseLock(dbfile)
    assert first.acquire() is None
    assert read_lock(dbfile)["pid"] == os.getpid()
    assert second.acquire() is not None
    first.release()
    assert sorted(p.name for p in dbfile.parent.iterdir()) == []


def test_unwritable_folder_is_a_user_error(dbfile, monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(instance_lock, "_write_file", read_only)
    with pytest.raises(instance_lock.DatabaseLockError, match="cannot write the lock file") as info:
        DatabaseLock(dbfile).acquire()
    assert isinstance(info.value, UserError)


# -- the O_EXCL fallback (no hard links) never deletes or clobbers a racing window's lock ----------------


def _no_links(*args, **kwargs):
    raise PermissionError(1, "Operation not permitted")


def test_fallback_waits_for_a_lock_still_being_written(dbfile, monkeypatch):
    """Another window created the lock with O_EXCL and writes its content a moment later."""
    import threading
    import time

    monkeypatch.setattr(instance_lock.os, "link", _no_links)
    path = lock_path_for(dbfile)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    content = json.dumps({"user": "other", "host": socket.gethostname(), "pid": os.getpid(),
                          "since": _now().isoformat(timespec="seconds"), "token": "theirs"}).encode()

    def finish_writing():
        time.sleep(0.4)  # longer than the few quick re-reads a garbage lock used to get
        os.write(fd, content)
        os.close(fd)

    writer = threading.Thread(target=finish_writing)
    writer.start()
    try:
        holder = DatabaseLock(dbfile).acquire()
    finally:
        writer.join()
    assert holder is not None and holder.user == "other"
    assert read_lock(dbfile)["token"] == "theirs"


def test_take_over_leaves_a_lock_that_changed_since_it_was_judged_stale(dbfile, monkeypatch):
    """Two takers judged the same stale lock; the first already replaced it with its live one."""
    monkeypatch.setattr(instance_lock.os, "link", _no_links)
    stale = write_lock(dbfile, pid=dead_pid(), token="dead").read_bytes()
    first, second = DatabaseLock(dbfile), DatabaseLock(dbfile)
    assert first.acquire() is None  # took the stale lock over
    second._take_over(stale)  # the late taker acts on what it read before
    assert read_lock(dbfile)["token"] == first._token  # the live lock is still there, unchanged
    assert second.acquire() is not None
    first.release()
    assert sorted(p.name for p in dbfile.parent.iterdir()) == []


def test_a_breaker_left_by_a_dead_taker_expires(dbfile, monkeypatch):
    write_lock(dbfile, pid=dead_pid())
    breaker = lock_path_for(dbfile).with_name(lock_path_for(dbfile).name + ".breaking")
    breaker.write_text("host 1")
    old = _now().timestamp() - 60
    os.utime(breaker, (old, old))
    lock = DatabaseLock(dbfile)
    assert lock.acquire() is None
    lock.release()
    assert sorted(p.name for p in dbfile.parent.iterdir()) == []


RACE_NO_LINKS = RACE.replace("from twindesk.store.instance_lock import DatabaseLock",
                             "import os\n"
                             "def _no(*a, **k):\n"
                             "    raise PermissionError(1, 'Operation not permitted')\n"
                             "os.link = _no\n"
                             "from twindesk.store.instance_lock import DatabaseLock").replace(
    'print("won" if', 'print(os.getpid(), "won" if')


@pytest.mark.parametrize("stale_first", [False, True], ids=["no-lock", "stale-lock"])
def test_racing_processes_without_hard_links_exactly_one_wins_and_keeps_its_lock(dbfile, stale_first):
    import time

    if stale_first:
        write_lock(dbfile, pid=dead_pid())
    start = time.time() + 1.5
    procs = [
        subprocess.Popen([sys.executable, "-c", RACE_NO_LINKS, str(dbfile), repr(start)], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True, env=_env(), cwd=str(REPO))
        for _ in range(6)
    ]
    try:
        results = [p.stdout.readline().split() for p in procs]
        winners = [int(pid) for pid, outcome in results if outcome == "won"]
        assert len(winners) == 1, results
        assert read_lock(dbfile)["pid"] == winners[0]  # the winner's lock is the one on disk
    finally:
        for p in procs:
            p.stdin.close()
            p.wait(timeout=30)
            p.stdout.close()
