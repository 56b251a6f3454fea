"""Is a database file on a network drive? SQLite's locking is not safe there (docs/architecture.md,
"A database on a network drive"), so a file on one is opened read-only unless the person insists.

`network_filesystem(path)` names the network file system the file lives on ("nfs4", "cifs", "unc" …)
or returns None: on Linux from the kernel's table of mounts (/proc/self/mountinfo), on Windows from the
path (a UNC path, \\\\server\\share) and the drive's type (a mapped network drive), on macOS from
statfs's file-system name. Where the platform does not say, the answer is None: a warning we cannot
give is no reason to keep a database closed.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from twindesk.store.errors import DatabaseFileError
from twindesk.store.messages import add_chinese

# Kernel file-system types of network file systems (and FUSE ones over a network).
NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "smb2", "ncpfs", "9p", "afs", "coda", "ceph", "glusterfs",
    "lustre", "gpfs", "ocfs2", "gfs2", "davfs", "webdav", "afpfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.cephfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs", "fuse.smbnetfs",
})

MOUNTINFO = Path("/proc/self/mountinfo")

# \\server\share or //server/share, and \\?\UNC\server\share; not \\?\C:\ or \\.\ (local devices).
_UNC = re.compile(r"^(?:[\\/]{2}\?[\\/]UNC[\\/]|[\\/]{2}(?![?.][\\/]))[^\\/]+[\\/][^\\/]+")
_DRIVE_REMOTE = 4  # GetDriveTypeW


class DatabaseOnNetworkDrive(DatabaseFileError):
    """The database file is on a network drive: opened read-write only when the person insists."""

    def __init__(self, path, filesystem: str):
        self.filesystem = filesystem
        super().__init__(path, NETWORK_DRIVE_PROBLEM, filesystem=filesystem)


NETWORK_DRIVE_PROBLEM = (
    "is on a network drive ({filesystem}), where SQLite's locking is not safe and two PCs can damage the "
    "database. For a database the office shares, use the shared server (--database-url; README, "
    "\"A shared database for the office (PostgreSQL)\"); to work on this file anyway, give "
    "--allow-network-drive")

add_chinese({
    NETWORK_DRIVE_PROBLEM:
        "位于网络驱动器（{filesystem}）上；SQLite 的文件锁在网络驱动器上不可靠，两台电脑同时使用可能损坏数据库。"
        "办公室共用的数据库请使用共享服务器（--database-url；见 README“A shared database for the office "
        "(PostgreSQL)”一节）；如仍要使用此文件，请加上 --allow-network-drive",
})


def network_filesystem(path: str | os.PathLike, *, platform: str | None = None,
                       mountinfo: Path | None = None) -> str | None:
    """The network file system `path` (a file, or where it would be created) is on, or None.
    `platform` and `mountinfo` (the mount table to read) are the running system's unless given."""
    platform = platform or sys.platform
    text = os.fspath(path)
    if platform.startswith("win"):  # elsewhere //server/share is a local path like any other
        return _windows_remote_drive(text)
    where = _existing(Path(os.path.abspath(text)))
    if platform.startswith("linux"):
        try:
            table = (mountinfo or MOUNTINFO).read_text(encoding="utf-8", errors="surrogateescape")
        except OSError:
            return None
        fstype = mount_type(os.path.realpath(where), table)
        return fstype if fstype in NETWORK_TYPES else None
    if platform == "darwin":
        fstype = _macos_fstype(where)
        return fstype if fstype in NETWORK_TYPES else None
    return None


def is_unc_path(text: str) -> bool:
    """A Windows UNC path (\\\\server\\share\\…), said by the string alone on any platform."""
    return bool(_UNC.match(text))


def _existing(path: Path) -> Path:
    """`path`, or its nearest folder that exists (a database about to be created)."""
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def mount_type(real_path: str, mountinfo: str) -> str | None:
    """The file-system type of the mount holding `real_path`, from mountinfo's lines: the longest mount
    point above it, the later line where one mount covers another (proc(5))."""
    best, best_len = None, -1
    for line in mountinfo.splitlines():
        left, sep, right = line.partition(" - ")
        fields = left.split()
        if not sep or len(fields) < 5:
            continue
        mount_point = _unescape(fields[4])
        fstype = right.split()[0] if right.split() else ""
        if _is_under(real_path, mount_point) and len(mount_point) >= best_len:
            best, best_len = fstype, len(mount_point)
    return best


def _unescape(field: str) -> str:
    # mountinfo writes a space, tab, newline and backslash in a path as octal escapes (\040 …).
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def _is_under(path: str, mount_point: str) -> bool:
    return mount_point == "/" or path == mount_point or path.startswith(mount_point.rstrip("/") + "/")


def _windows_remote_drive(text: str) -> str | None:
    if is_unc_path(text):
        return "unc"
    drive = os.path.splitdrive(os.path.abspath(text))[0]
    if is_unc_path(drive):
        return "unc"
    if len(drive) != 2 or drive[1] != ":":
        return None
    try:
        import ctypes

        kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")
    except (ImportError, AttributeError, OSError):
        return None
    return "network drive" if kind == _DRIVE_REMOTE else None


def _macos_fstype(path: Path) -> str | None:  # pragma: no cover - exercised on macOS only
    """statfs's f_fstypename ("apfs", "smbfs", "nfs" …), through the C library."""
    try:
        import ctypes
        import ctypes.util

        class StatFs(ctypes.Structure):  # struct statfs, 64-bit inodes (<sys/mount.h>)
            _fields_ = [("f_bsize", ctypes.c_uint32), ("f_iosize", ctypes.c_int32),
                        ("f_blocks", ctypes.c_uint64), ("f_bfree", ctypes.c_uint64),
                        ("f_bavail", ctypes.c_uint64), ("f_files", ctypes.c_uint64),
                        ("f_ffree", ctypes.c_uint64), ("f_fsid", ctypes.c_int32 * 2),
                        ("f_owner", ctypes.c_uint32), ("f_type", ctypes.c_uint32),
                        ("f_flags", ctypes.c_uint32), ("f_fssubtype", ctypes.c_uint32),
                        ("f_fstypename", ctypes.c_char * 16), ("f_mntonname", ctypes.c_char * 1024),
                        ("f_mntfromname", ctypes.c_char * 1024), ("f_reserved", ctypes.c_uint32 * 8)]

        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        statfs = getattr(libc, "statfs$INODE64", None) or libc.statfs
        info = StatFs()
        if statfs(os.fsencode(path), ctypes.byref(info)) != 0:
            return None
        return info.f_fstypename.decode("ascii", "replace")
    except (OSError, AttributeError, ValueError):
        return None
