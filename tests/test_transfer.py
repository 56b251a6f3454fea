"""`twindesk transfer`: a database moved onto the shared server and back, whole and proved
(docs/architecture.md, "Moving a database to the server and back"). Needs PostgreSQL (the harness)."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import peewee as pw
import pytest
from conftest import REPO, make_filled_database, subprocess_env

from twindesk import cli
from twindesk.domain import transfer_database, workspace
from twindesk.domain.operations import records
from twindesk.store import database_copy, models
from twindesk.store.connection import connect
from twindesk.store.copy_targets import TargetNotEmpty
from twindesk.store.server.address import parse_database_url
from twindesk.store.server.database import server_database

PDF = b"%PDF-1.6\n" + bytes(range(256)) * 400 + b"%%EOF\n"
BIG_PDF = b"%PDF-1.6\n" + os.urandom(3 * 1024 * 1024) + b"%%EOF\n"  # a few MB, not compressible


def twindesk(*argv, check=True) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "twindesk", *map(str, argv)], capture_output=True, text=True,
                          timeout=120, env=subprocess_env(LANG="C"), cwd=str(REPO))
    if check:
        assert done.returncode == 0, done.stderr
    return done


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def same_content(a: Path, b: Path) -> dict[str, int]:
    """Every table of `a` and `b` holds the same rows, value for value and type for type (SQLite's
    EXCEPT both ways), and the same ids handed out (sqlite_sequence). Returns the counts."""
    conn = sqlite3.connect(str(a))
    try:
        conn.execute("ATTACH DATABASE ? AS other", (str(b),))
        counts = {}
        for table in database_copy.tables():
            name = table.name
            n_a = conn.execute(f'SELECT count(*) FROM main."{name}"').fetchone()[0]
            n_b = conn.execute(f'SELECT count(*) FROM other."{name}"').fetchone()[0]
            cols = ", ".join(f'"{c}", typeof("{c}")' for c in table.columns)
            missing = conn.execute(f'SELECT count(*) FROM (SELECT {cols} FROM main."{name}" EXCEPT '
                                   f'SELECT {cols} FROM other."{name}")').fetchone()[0]
            extra = conn.execute(f'SELECT count(*) FROM (SELECT {cols} FROM other."{name}" EXCEPT '
                                 f'SELECT {cols} FROM main."{name}")').fetchone()[0]
            assert (n_a, missing, extra) == (n_b, 0, 0), name
            counts[name] = n_a
        schema = "SELECT type, name, sql FROM {}.sqlite_master ORDER BY name"
        assert conn.execute(schema.format("main")).fetchall() == conn.execute(schema.format("other")).fetchall()
        assert conn.execute("PRAGMA main.user_version").fetchone() == conn.execute("PRAGMA other.user_version").fetchone()
        seq = "SELECT name, seq FROM {}.sqlite_sequence ORDER BY name"
        assert conn.execute(seq.format("main")).fetchall() == conn.execute(seq.format("other")).fetchall()
        return counts
    finally:
        conn.close()


def file_digests(path: Path) -> dict:
    db = connect(path, read_only=True)
    try:
        return database_copy.digests(db)
    finally:
        db.close()


def server_digests(url: str) -> dict:
    db = server_database(parse_database_url(url), read_only=True)
    try:
        return database_copy.digests(db)
    finally:
        db.close()


def server_rows(url: str) -> int:
    db = server_database(parse_database_url(url))
    try:
        return sum(database_copy.count_rows(db, t) for t in database_copy.tables())
    finally:
        db.close()


@pytest.fixture
def office(tmp_path) -> Path:
    """A filled database with documents (one shared by two records), a deleted record, a history."""
    path = tmp_path / "office.db"
    ids = make_filled_database(path)
    (tmp_path / "letter.pdf").write_bytes(PDF)
    (tmp_path / "scan.pdf").write_bytes(BIG_PDF)
    assert cli.main(["attach", f"partner:{ids['jeju']}", str(tmp_path / "letter.pdf"), str(tmp_path / "scan.pdf"),
                     "--db", str(path)]) == 0
    assert cli.main(["attach", f"visit:{ids['visit']}", str(tmp_path / "letter.pdf"), "--db", str(path)]) == 0
    workspace.open_workspace(path, take_backups=False)
    try:
        gone = records.save("partner", {"name_en": "Gone", "country": "JP"})
        records.delete("partner", gone)  # the highest partner id is now one nobody holds
    finally:
        workspace.close()
    return path


def test_to_the_server_and_back_keeps_every_row_document_and_id(office, pg_url, tmp_path, capsys):
    code, out, err = run(capsys, "transfer", "--to", pg_url, "--db", office)
    assert code == 0, err
    assert "verified:" in out and "partner" in out and "document_blob" in out
    back = tmp_path / "back.db"
    code, out, err = run(capsys, "transfer", "--from", pg_url, back)
    assert code == 0, err
    counts = same_content(office, back)
    assert counts["document"] == 3 and counts["document_blob"] == 2 and counts["history_operation"] > 3
    assert file_digests(office) == server_digests(pg_url) == file_digests(back)  # verify agrees
    conn = sqlite3.connect(str(back))
    blobs = dict(conn.execute("SELECT sha256, content FROM document_blob").fetchall())
    conn.close()
    assert {hashlib.sha256(c).hexdigest() for c in blobs.values()} == set(blobs) == {
        hashlib.sha256(PDF).hexdigest(), hashlib.sha256(BIG_PDF).hexdigest()}
    workspace.open_workspace(back, take_backups=False)  # an ordinary TwinDesk file
    workspace.close()


def test_the_server_hands_out_ids_after_the_highest_ever_used(office, pg_url, capsys):
    conn = sqlite3.connect(str(office))
    (deleted_high,) = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'partner'").fetchone()
    (largest,) = conn.execute("SELECT max(id) FROM partner").fetchone()
    conn.close()
    assert deleted_high > largest
    assert run(capsys, "transfer", "--to", pg_url, "--db", office)[0] == 0
    db = server_database(parse_database_url(pg_url))
    try:  # the ids the server's sequences hand out to the next rows
        with db.bind_ctx([models.Partner, models.HomeLocality]):
            new = models.Partner.insert(name_en="Nagoya", country="JP").execute()
            item = models.HomeLocality.insert(name_zh="三亚市").execute()
    finally:
        db.close()
    assert new == deleted_high + 1  # never an id a deleted record had
    conn = sqlite3.connect(str(office))
    assert item == conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'home_locality'").fetchone()[0] + 1
    conn.close()


def test_a_target_with_rows_is_refused_and_left_alone(office, pg_url, capsys):
    assert run(capsys, "transfer", "--to", pg_url, "--db", office)[0] == 0
    before = server_digests(pg_url)
    code, out, err = run(capsys, "transfer", "--to", pg_url, "--db", office)
    assert code == 2 and out == ""
    assert "the database is not empty" in err and "partner" in err and err.startswith("twindesk: error:")
    assert server_digests(pg_url) == before
    with pytest.raises(TargetNotEmpty):
        transfer_database.transfer_to_server(office, parse_database_url(pg_url))


def test_an_empty_database_gets_the_schema_in_the_same_transaction(office, pg_cluster, capsys):
    url = pg_cluster.new_database(initialized=False)
    code, out, err = run(capsys, "transfer", "--to", url, "--db", office)
    assert code == 0, err
    assert "TwinDesk's tables were made" in out
    assert server_digests(url) == file_digests(office)


def test_a_mismatch_keeps_nothing_and_names_the_table(office, pg_url, tmp_path, capsys, monkeypatch):
    real = database_copy.digest

    def one_row_short(db, table):
        found = real(db, table)
        if table.name == "visit":
            found.rows -= 1
        return found

    monkeypatch.setattr(database_copy, "digest", one_row_short)
    code, _out, err = run(capsys, "transfer", "--to", pg_url, "--db", office)
    assert code == 2 and "does not match its source in visit" in err
    assert server_rows(pg_url) == 0
    monkeypatch.setattr(database_copy, "digest", real)
    assert run(capsys, "transfer", "--to", pg_url, "--db", office)[0] == 0
    monkeypatch.setattr(database_copy, "digest", one_row_short)
    out_db = tmp_path / "copy.db"
    code, _out, err = run(capsys, "transfer", "--from", pg_url, out_db)
    assert code == 2 and "visit" in err
    assert not out_db.exists() and list(tmp_path.glob(".copy.db.*")) == []


def test_from_the_server_refuses_to_replace_a_file_unless_forced(office, pg_url, tmp_path, capsys):
    assert run(capsys, "transfer", "--to", pg_url, "--db", office)[0] == 0
    existing = tmp_path / "existing.db"
    existing.write_bytes(b"keep me")
    code, _out, err = run(capsys, "transfer", "--from", pg_url, existing)
    assert code == 2 and "already exists; use --force" in err and existing.read_bytes() == b"keep me"
    code, _out, err = run(capsys, "transfer", "--from", pg_url, existing, "--force")
    assert code == 0, err
    assert same_content(office, existing)
    code, _out, err = run(capsys, "transfer", "--from", pg_url)
    assert code == 2 and "--from needs the file to write" in err


def test_a_source_open_in_a_window_is_not_copied(office, pg_url, capsys):
    lock = workspace.DatabaseLock(office)
    assert lock.acquire() is None
    try:
        code, _out, err = run(capsys, "transfer", "--to", pg_url, "--db", office)
    finally:
        lock.release()
    assert code == 2 and "is open in TwinDesk by" in err
    assert server_rows(pg_url) == 0


# --- at scale, and killed half-way ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_20k(tmp_path_factory) -> Path:
    """The demo at --scale 20000 with documents attached, a few MB among them (made once)."""
    folder = tmp_path_factory.mktemp("scale")
    path = folder / "demo.db"
    twindesk("demo", "--scale", "20000", "--db", path)
    (folder / "scan.pdf").write_bytes(BIG_PDF)
    (folder / "letter.pdf").write_bytes(PDF)
    twindesk("attach", "partner:1", folder / "scan.pdf", folder / "letter.pdf", "--db", path)
    twindesk("attach", "shipment:20000", folder / "letter.pdf", "--kind", "waybill", "--db", path)
    return path


@pytest.fixture(scope="module")
def server_20k(demo_20k, pg_cluster) -> tuple[str, float]:
    """`demo_20k` transferred to a server database (made once): its URL and how long it took."""
    url = pg_cluster.new_database()
    started = time.monotonic()
    to = twindesk("transfer", "--to", url, "--db", demo_20k)
    elapsed = time.monotonic() - started
    assert "verified:" in to.stdout and "twindesk: copying" in to.stderr  # progress on stderr
    yield url, elapsed
    pg_cluster.drop_database(url.rsplit("/", 1)[1])


@pytest.mark.slow
def test_the_demo_at_scale_20000_goes_to_the_server_and_back_identical(demo_20k, server_20k, tmp_path):
    url, there = server_20k
    started = time.monotonic()
    back = tmp_path / "back.db"
    twindesk("transfer", "--from", url, back)
    elapsed = there + time.monotonic() - started
    counts = same_content(demo_20k, back)
    assert counts["partner"] > 20000 and counts["delegate"] > 40000 and counts["document_blob"] == 2
    assert file_digests(demo_20k) == server_digests(url) == file_digests(back)
    print(f"\ntransfer of {sum(counts.values())} rows there ({there:.1f} s) and back: {elapsed:.1f} s")
    assert elapsed < 60


def _killed_mid_copy(argv) -> str:
    """Run `twindesk transfer …`, kill -9 it once it reports copying, return what it said."""
    process = subprocess.Popen([sys.executable, "-m", "twindesk", "transfer", *map(str, argv)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=subprocess_env(LANG="C"), cwd=str(REPO))
    try:
        line = process.stderr.readline()
        assert "twindesk: copying" in line, line + process.stderr.read()
        time.sleep(0.5)  # well into the copy (the first line comes once the first rows are written)
        assert process.poll() is None, "the copy finished before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
        process.stdout.close()
        process.stderr.close()
    return line


@pytest.mark.slow
def test_a_transfer_killed_half_way_leaves_the_server_empty_and_no_file(demo_20k, server_20k, pg_url, tmp_path):
    _killed_mid_copy(["--to", pg_url, "--db", demo_20k])
    assert server_rows(pg_url) == 0
    out = tmp_path / "out.db"
    _killed_mid_copy(["--from", server_20k[0], out])
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".out.db.")] == []
    # The source file was only read, and its lock (a dead process's) is taken over by the next command.
    assert run_lock_free(demo_20k)


def run_lock_free(path: Path) -> bool:
    lock = workspace.DatabaseLock(path)
    try:
        return lock.acquire() is None
    finally:
        lock.release()


def test_the_sqlite_writer_defers_references_to_the_commit(tmp_path):
    """A partner whose parent has a higher id: SQLite checks the reference at the commit."""
    from twindesk.store.copy_targets import create_sqlite_indexes, create_sqlite_tables, new_sqlite_file

    db = new_sqlite_file(tmp_path / "n.db")
    partner = next(t for t in database_copy.tables() if t.name == "partner")
    with db.atomic():
        create_sqlite_tables(db)
        database_copy.defer_foreign_keys(db)
        row = {c: None for c in partner.columns}
        child = dict(row, id=1, uuid="a" * 32, version=1, created_at="2026-01-01 00:00:00",
                     updated_at="2026-01-01 00:00:00", updated_by="", illustrative=0, name_zh="", name_en="c",
                     name_native="", kind="city", country="JP", parent_id=2, website="", profile="", notes="",
                     search_text="", sort_zh="")
        parent = dict(child, id=2, uuid="b" * 32, parent_id=None)
        database_copy._Writer(db, partner).write([tuple(r[c] for c in partner.columns) for r in (child, parent)])
        create_sqlite_indexes(db)
    assert db.execute_sql("SELECT count(*) FROM partner").fetchone()[0] == 2
    with pytest.raises(pw.IntegrityError), db.atomic():
        database_copy.defer_foreign_keys(db)
        db.execute_sql("UPDATE partner SET parent_id = 99 WHERE id = 1")
    db.close()


# --- backups of a server database are PostgreSQL's -------------------------------------------------------


def test_backup_and_restore_on_a_server_give_the_exact_pg_dump_commands_and_they_work(
        office, pg_url, pg_cluster, tmp_path, capsys):
    assert run(capsys, "transfer", "--to", pg_url, "--db", office)[0] == 0
    before = server_digests(pg_url)
    code, out, err = run(capsys, "--database-url", pg_url, "backup", tmp_path / "copy.db")
    assert code == 2 and out == "" and not (tmp_path / "copy.db").exists()
    assert "is a PostgreSQL database: it is backed up with PostgreSQL's own pg_dump" in err
    lines = [line.strip() for line in err.splitlines()]
    dump = next(line for line in lines if line.startswith("pg_dump "))
    restore = next(line for line in lines if line.startswith("pg_restore "))
    assert f'--dbname="{parse_database_url(pg_url).url()}"' in dump and "transfer --from" in err
    code, _out, err = run(capsys, "--database-url", pg_url, "restore", tmp_path / "x.db")
    assert code == 2 and restore in err
    code, _out, err = run(capsys, "--lang", "zh_CN", "--database-url", pg_url, "backup", tmp_path / "copy.db")
    assert "用 PostgreSQL 自带的 pg_dump 备份" in err and dump in err
    if pg_cluster.bin is None:
        return  # a server of TWINDESK_TEST_PG_URL: its tools may not be here
    env = dict(os.environ, PATH=f"{pg_cluster.bin}{os.pathsep}{os.environ['PATH']}")
    subprocess.run(dump, shell=True, cwd=tmp_path, env=env, check=True, timeout=60)
    db = server_database(parse_database_url(pg_url))
    try:
        db.execute_sql('DELETE FROM "gift"')  # a loss the backup must mend
    finally:
        db.close()
    assert server_digests(pg_url) != before
    subprocess.run(restore, shell=True, cwd=tmp_path, env=env, check=True, timeout=60, capture_output=True)
    assert server_digests(pg_url) == before
