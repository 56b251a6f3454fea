"""Database files whose WAL still holds committed frames, as a killed checkpoint leaves them."""

import shutil
import sqlite3
import struct
from pathlib import Path

WAL_HEADER, FRAME_HEADER = 32, 24


def add_ballast(conn: sqlite3.Connection, rows: int, size: int = 2000) -> None:
    """Commit `rows` rows of `size` bytes into a side table (schema-independent bulk for the WAL)."""
    conn.execute("CREATE TABLE IF NOT EXISTS ballast (id INTEGER PRIMARY KEY, data BLOB)")
    with conn:
        conn.executemany("INSERT INTO ballast (data) VALUES (?)", [(b"b" * size,) for _ in range(rows)])


def ballast_rows(path: Path) -> int:
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return conn.execute("SELECT count(*) FROM ballast").fetchone()[0] if "ballast" in tables else 0
    finally:
        conn.close()


def copy_with_live_wal(source: Path, target: Path, write) -> None:
    """Run `write(conn)` on `source` with checkpoints off, then copy the file and its WAL to `target`
    while the connection is still open: the pair a crash before any checkpoint leaves."""
    conn = sqlite3.connect(str(source))
    try:
        conn.execute("PRAGMA journal_mode=wal")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        write(conn)
        shutil.copyfile(source, target)
        shutil.copyfile(f"{source}-wal", f"{target}-wal")
    finally:
        conn.close()


def write_page_one_from_wal(path: Path) -> None:
    """Write the newest committed page 1 of the WAL into the main file, as a checkpoint killed after
    its first page does: the header then counts pages the main file does not have yet."""
    wal = Path(f"{path}-wal").read_bytes()
    (page_size,) = struct.unpack(">I", wal[8:12])
    salts = wal[16:24]
    page_one, candidate, offset = None, None, WAL_HEADER
    while offset + FRAME_HEADER + page_size <= len(wal):
        pgno, commit = struct.unpack(">II", wal[offset:offset + 8])
        if wal[offset + 8:offset + 16] != salts:
            break
        data = wal[offset + FRAME_HEADER:offset + FRAME_HEADER + page_size]
        if pgno == 1:
            candidate = data
        if commit:
            page_one = candidate or page_one
        offset += FRAME_HEADER + page_size
    assert page_one is not None, "no committed page 1 in the WAL"
    with open(path, "r+b") as fh:
        fh.write(page_one)
