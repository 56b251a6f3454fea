"""One window per database: a lock file beside the database says who has it open.

`DatabaseLock(db_path)` writes `<db>.lock`, a small JSON file with the user, host, process id, the
time it was taken (`since`), the last `heartbeat` and the TwinDesk version. A second window that finds
a live lock learns who holds it (`LockHolder`) and can offer to open the database read-only.

A lock left behind is taken over silently when it is stale:

- on this host, when its process no longer exists;
- when the file is empty, unreadable or not a lock at all;
- from another host (a shared folder) we cannot see the process, so we go by the heartbeat the window
  rewrites every few minutes (`refresh()`): older than `FOREIGN_HEARTBEAT_TIMEOUT` is stale; a lock
  without a heartbeat is stale after `FOREIGN_LOCK_MAX_AGE`.

The lock is created with its full content in one step (a temporary file hard-linked to the lock name,
which fails if the name exists), so nobody ever reads a half-written lock; where the file system has no
hard links it falls back to `O_CREAT | O_EXCL` and writes the content just after. A lock file that is
empty or unreadable but only seconds old is therefore treated as being written, not as stale.

Taking over a stale lock happens under a second, short-lived file, `<db>.lock.breaking` (created with
`O_EXCL`, which works without hard links too): the taker reads the lock again under it and moves it
aside only if it is still the stale lock it judged. Without that, a second taker could move aside the
live lock the first had just created, and without hard links it could not put it back.

Known limit: on this host a pid reused by an unrelated process after a crash keeps the old lock "live";
the user then opens read-only once, or deletes the `.lock` file.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import socket
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from twindesk import __version__
from twindesk.store.errors import UserError
from twindesk.store.messages import os_reason

LOCK_SUFFIX = ".lock"
#: How often the window should call `refresh()`.
REFRESH_INTERVAL = timedelta(minutes=5)
#: A lock from another host whose heartbeat is older than this is stale.
FOREIGN_HEARTBEAT_TIMEOUT = timedelta(minutes=15)
#: A lock from another host with no heartbeat at all is stale after this long.
FOREIGN_LOCK_MAX_AGE = timedelta(hours=12)

_ATTEMPTS = 20
_GARBAGE_RETRY_DELAY = 0.05
#: An empty or unreadable lock younger than this may still be being written (the O_EXCL fallback).
_GARBAGE_GRACE = 2.0
#: A `.breaking` file older than this was left by a taker that died; it is removed.
_BREAKER_STALE = 10.0
_BREAKER_BUSY_DELAY = 0.02


@dataclass(frozen=True)
class LockHolder:
    """Who holds a database lock, as read from the lock file."""

    user: str
    host: str
    pid: int
    since: datetime
    heartbeat: datetime | None = None
    version: str = ""

    @property
    def is_this_host(self) -> bool:
        return _same_host(self.host, _hostname())


class DatabaseLockError(UserError):
    """The lock file cannot be written (read-only folder, no permission …)."""


class DatabaseInUse(UserError):
    """Raised by `with DatabaseLock(...)` when another live process holds the lock."""

    def __init__(self, db_path, holder: LockHolder):
        self.db_path = str(db_path)
        self.holder = holder
        when = holder.since.astimezone().strftime("%Y-%m-%d %H:%M")
        super().__init__("{path}: is open in TwinDesk by {user} on {host} since {when}",
                         path=self.db_path, user=holder.user, host=holder.host, when=when)


def lock_path_for(db_path: str | os.PathLike) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


class DatabaseLock:
    """The lock file of one database. Not thread-safe: one owner (the window) per instance."""

    def __init__(self, db_path: str | os.PathLike):
        self.db_path = Path(db_path)
        self.path = lock_path_for(self.db_path)
        self._token: str | None = None
        self._since: datetime | None = None

    # -- public API ---------------------------------------------------------------------------------

    @property
    def held(self) -> bool:
        """True after a successful `acquire()` until `release()` (even if someone broke the lock since)."""
        return self._token is not None

    def still_held(self) -> bool:
        """True while the lock file is still the one we wrote (nobody took it over since)."""
        return self._token is not None and self._is_ours()

    def acquire(self) -> LockHolder | None:
        """Take the lock. None on success (also if we hold it already); otherwise the live holder."""
        if self._token is not None and self._is_ours():
            return None
        self._token = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseLockError(
                "{path}: cannot create the lock file ({reason})", path=self.path, reason=os_reason(exc)
            ) from exc
        for _ in range(_ATTEMPTS):
            token = uuid.uuid4().hex
            since = _now()
            content = self._content(token, since, since)
            if self._create_exclusive(content):
                self._token, self._since = token, since
                return None
            raw, data = self._read_settled()
            if raw is None:
                continue  # vanished in between: try again
            holder = _holder_from(data)
            if holder is not None and not _is_stale(holder):
                return holder
            self._take_over(raw)
        # Somebody keeps winning the race; whoever holds it now is the answer.
        holder = self.holder()
        if holder is not None:
            return holder
        raise DatabaseLockError("{path}: could not take the lock (other processes keep changing it)", path=self.path)

    def refresh(self) -> bool:
        """Rewrite the heartbeat. False if the lock is no longer ours (broken or removed by someone)."""
        if self._token is None or not self._is_ours():
            return False
        content = self._content(self._token, self._since or _now(), _now())
        tmp = self._temp_name("hb")
        try:
            _write_file(tmp, content)
            os.replace(tmp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()
            return False
        return True

    def release(self) -> None:
        """Remove the lock file if it is still ours; leave anyone else's alone."""
        token, self._token = self._token, None
        if token is None:
            return
        data = _parse(self._read_raw())
        if isinstance(data, dict) and data.get("token") == token:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()

    def holder(self) -> LockHolder | None:
        """Who holds the lock now (possibly ourselves); None if nobody or only a stale lock."""
        _raw, data = self._read_settled()
        holder = _holder_from(data)
        if holder is None or _is_stale(holder):
            return None
        return holder

    def __enter__(self) -> DatabaseLock:
        holder = self.acquire()
        if holder is not None:
            raise DatabaseInUse(self.db_path, holder)
        return self

    def __exit__(self, *exc_info) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"DatabaseLock({str(self.db_path)!r}, held={self.held})"

    # -- internals ----------------------------------------------------------------------------------

    def _content(self, token: str, since: datetime, heartbeat: datetime) -> bytes:
        record = {
            "user": _username(),
            "host": _hostname(),
            "pid": os.getpid(),
            "since": since.isoformat(timespec="seconds"),
            "heartbeat": heartbeat.isoformat(timespec="seconds"),
            "version": __version__,
            "app": "TwinDesk",
            "token": token,
        }
        return json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")

    def _temp_name(self, tag: str) -> Path:
        return self.path.with_name(f".{self.path.name}.{tag}.{uuid.uuid4().hex}.tmp")

    def _create_exclusive(self, content: bytes) -> bool:
        """Create the lock file with `content` unless it exists. True if we created it."""
        tmp = self._temp_name("new")
        try:
            _write_file(tmp, content)
        except OSError as exc:
            raise DatabaseLockError(
                "{path}: cannot write the lock file ({reason})", path=self.path, reason=os_reason(exc)
            ) from exc
        try:
            os.link(tmp, self.path)  # atomic, complete, and fails if the name exists
            return True
        except FileExistsError:
            return False
        except (OSError, NotImplementedError, AttributeError):
            pass  # no hard links here (FAT, some network shares): fall back to O_EXCL
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        except FileExistsError:
            return False
        except OSError as exc:
            raise DatabaseLockError(
                "{path}: cannot write the lock file ({reason})", path=self.path, reason=os_reason(exc)
            ) from exc
        try:
            os.write(fd, content)
            os.fsync(fd)
        except OSError as exc:
            os.close(fd)
            with contextlib.suppress(OSError):
                self.path.unlink()  # ours, and still empty or partial: nobody else can hold it
            raise DatabaseLockError(
                "{path}: cannot write the lock file ({reason})", path=self.path, reason=os_reason(exc)
            ) from exc
        os.close(fd)
        return True

    def _take_over(self, stale_raw: bytes) -> None:
        """Remove the stale lock we read as `stale_raw`, and only that one (see the module docstring)."""
        breaker = self.path.with_name(self.path.name + ".breaking")
        if not self._take_breaker(breaker):
            time.sleep(_BREAKER_BUSY_DELAY)  # another process is taking over: look again after it
            return
        try:
            if self._read_raw() != stale_raw:
                return  # changed since we judged it (taken over, released): judge again
            aside = self._temp_name("stale")
            try:
                os.rename(self.path, aside)
            except FileNotFoundError:
                return
            except OSError as exc:
                raise DatabaseLockError(
                    "{path}: cannot replace a stale lock ({reason})", path=self.path, reason=os_reason(exc)
                ) from exc
            try:
                if aside.read_bytes() != stale_raw:
                    # Its owner rewrote it (a heartbeat) in the instant between: put it back.
                    self._put_back(aside)
            except OSError:
                pass
            finally:
                with contextlib.suppress(OSError):
                    aside.unlink()
        finally:
            with contextlib.suppress(OSError):
                breaker.unlink()

    def _take_breaker(self, breaker: Path) -> bool:
        try:
            fd = os.open(breaker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            try:
                age = time.time() - breaker.stat().st_mtime
            except FileNotFoundError:
                return False
            if age > _BREAKER_STALE:  # its taker died half-way
                with contextlib.suppress(OSError):
                    breaker.unlink()
            return False
        except OSError as exc:
            raise DatabaseLockError(
                "{path}: cannot replace a stale lock ({reason})", path=self.path, reason=os_reason(exc)
            ) from exc
        with contextlib.suppress(OSError):
            os.write(fd, f"{_hostname()} {os.getpid()}".encode())
        os.close(fd)
        return True

    def _put_back(self, aside: Path) -> None:
        """Restore the live lock moved to `aside`, without replacing anything created meanwhile."""
        try:
            os.link(aside, self.path)
            return
        except FileExistsError:
            return
        except (OSError, NotImplementedError, AttributeError):
            pass
        content = aside.read_bytes()
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        except FileExistsError:
            return
        try:
            os.write(fd, content)
            os.fsync(fd)
        finally:
            os.close(fd)

    def _read_raw(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            return b""  # unreadable counts as garbage

    def _read_settled(self) -> tuple[bytes | None, object]:
        """Read the lock; if it looks like garbage, look again while it is young (a writer may be mid-way)."""
        raw = self._read_raw()
        data = _parse(raw)
        retries = 3
        while raw is not None and _holder_from(data) is None and (retries > 0 or self._young()):
            retries -= 1
            time.sleep(_GARBAGE_RETRY_DELAY)
            raw = self._read_raw()
            data = _parse(raw)
        return raw, data

    def _young(self) -> bool:
        try:
            return time.time() - self.path.stat().st_mtime < _GARBAGE_GRACE
        except OSError:
            return False

    def _is_ours(self) -> bool:
        data = _parse(self._read_raw())
        return isinstance(data, dict) and data.get("token") == self._token


# -- helpers --------------------------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now().astimezone()


def _username() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers, services): still lock
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def _hostname() -> str:
    return socket.gethostname()


def _same_host(a: str, b: str) -> bool:
    return a.strip().lower() == b.strip().lower()


def _write_file(path: Path, content: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(content)
        fh.flush()
        os.fsync(fh.fileno())


def _parse(raw: bytes | None) -> object:
    if not raw:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.astimezone()


def _holder_from(data: object) -> LockHolder | None:
    """A LockHolder from the parsed JSON, or None if it is not a valid lock record."""
    if not isinstance(data, dict):
        return None
    user, host, pid = data.get("user"), data.get("host"), data.get("pid")
    since = _parse_time(data.get("since"))
    if not isinstance(user, str) or not isinstance(host, str) or not host:
        return None
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0 or since is None:
        return None
    version = data.get("version")
    return LockHolder(
        user=user,
        host=host,
        pid=pid,
        since=since,
        heartbeat=_parse_time(data.get("heartbeat")),
        version=version if isinstance(version, str) else "",
    )


def _is_stale(holder: LockHolder, now: datetime | None = None) -> bool:
    if holder.is_this_host:
        return not _pid_alive(holder.pid)
    now = now or _now()
    if holder.heartbeat is not None:
        return now - holder.heartbeat > FOREIGN_HEARTBEAT_TIMEOUT
    return now - holder.since > FOREIGN_LOCK_MAX_AGE


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, belongs to someone else
    except OSError as exc:
        return exc.errno != errno.ESRCH
    return True


def _pid_alive_windows(pid: int) -> bool:  # pragma: no cover - exercised on Windows only
    # os.kill(pid, 0) on Windows would send CTRL+C (signal 0 is CTRL_C_EVENT); ask the kernel instead.
    import ctypes
    from ctypes import wintypes

    process_query_limited_information = 0x1000
    still_active = 259
    error_access_denied = 5
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == error_access_denied
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
