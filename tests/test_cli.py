"""The headless command line (docs/architecture.md, "The command line"): exit status, one line on stderr, and files left untouched.

check, backup and restore are about SQLite files (`sqlite_only`); demo, the exit codes of a bug and
`--db` before the command work on a database of the pass's engine (`new_target`)."""

import random
import sqlite3

import pytest
from conftest import (
    ON_POSTGRESQL,
    location,
    make_bad_files,
    make_filled_database,
    run_python,
    sha256,
    sidecars,
    table_counts,
)

from twindesk import __version__, cli
from twindesk.store import backups, schema
from twindesk.store.integrity import check_file


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory):
    return make_bad_files(tmp_path_factory.mktemp("bad"))


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.db"
    make_filled_database(path)
    return path


@pytest.fixture
def filled(new_target):
    """`make_filled_database` on the pass's engine: a file, or a server database."""
    target = new_target("filled.db")
    make_filled_database(target)
    return target


def nothing_written(target) -> bool:
    """No file made, or (a server database) no record in it."""
    if ON_POSTGRESQL:
        return not any(table_counts(target).values())
    return not target.exists()


# --- version, check ---------------------------------------------------------------------------


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"TwinDesk {__version__}"


@pytest.mark.sqlite_only
def test_check_good_database(capsys, good):
    digest = sha256(good)
    code, out, err = run(capsys, "check", "--db", good)
    assert code == 0 and err == ""
    assert out.splitlines() == [
        f"database: {good}",
        "integrity check: ok",
        "foreign key check: ok",
        f"schema version: {schema.SCHEMA_VERSION} (current)",
        "records: 3 partners, 2 visits, 2 shipments",
    ]
    assert sha256(good) == digest
    # A read-only look at a WAL database may leave SQLite's shared-memory index, but writes nothing.
    assert all(p.stat().st_size == 0 for p in sidecars(good) if p.name.endswith("-wal"))


@pytest.mark.sqlite_only
def test_check_says_when_a_database_is_empty(capsys, tmp_path):
    from twindesk.store import close_database, open_database

    path = tmp_path / "empty.db"
    open_database(path, create=True, take_backups=False)
    close_database()
    code, out, _ = run(capsys, "check", "--db", path)
    assert code == 0 and out.splitlines()[-1] == "records: none (the database is empty)"


def test_demo_force_that_fails_half_way_keeps_the_old_data(capsys, filled, monkeypatch):
    from twindesk.domain.demo import article

    before = table_counts(filled)

    def broken():
        raise RuntimeError("half-way")

    monkeypatch.setattr(article, "write_article", broken)
    code, _, _ = run(capsys, "demo", "--force", "--db", filled)
    assert code == 1
    assert table_counts(filled) == before  # the clearing is rolled back with the failed demo


@pytest.mark.sqlite_only
def test_check_reads_twindesk_db_from_the_environment(capsys, good, monkeypatch):
    monkeypatch.setenv("TWINDESK_DB", str(good))
    code, out, _ = run(capsys, "check")
    assert code == 0 and out.startswith(f"database: {good}\n")
    monkeypatch.setenv("TWINDESK_DB", str(good.parent / "elsewhere.db"))
    code, out, err = run(capsys, "check", "--db", good)  # --db wins
    assert code == 0 and "elsewhere" not in out


@pytest.mark.sqlite_only
def test_check_reports_foreign_key_problems(capsys, good):
    conn = sqlite3.connect(str(good))
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM visit")  # leaves delegates, gifts, itinerary and links pointing nowhere
    conn.commit()
    conn.close()
    digest = sha256(good)
    code, out, err = run(capsys, "check", "--db", good)
    assert code == 2
    assert "foreign key check: FAILED (" in out and "points to a missing visit" in out
    assert err.splitlines() == [
        f"twindesk: error: {good}: the check failed (see above); restore a backup or ask for help"
    ]
    assert sha256(good) == digest


# --- bad files given to every command ------------------------------------------------------------

COMMANDS = {
    "check": lambda path, tmp: ["check", "--db", path],
    "backup": lambda path, tmp: ["backup", tmp / "out.db", "--db", path],
    "restore": lambda path, tmp: ["restore", tmp / "backup.db", "--db", path],
    "demo": lambda path, tmp: ["demo", "--db", path],
}


@pytest.mark.sqlite_only
@pytest.mark.parametrize("name", ["text", "empty", "truncated", "foreign", "newer"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_bad_database_file_exit_2_one_line_file_unchanged(capsys, bad_files, tmp_path, good, name, command):
    if command == "restore" and name in ("empty", "truncated"):
        pytest.skip("restore mends a damaged or empty database: tests/test_restore.py")
    path, problem = bad_files[name]
    backups.copy_database(good, tmp_path / "backup.db")  # a valid backup for `restore`
    digest, size = sha256(path), path.stat().st_size
    code, out, err = run(capsys, *COMMANDS[command](path, tmp_path))
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"twindesk: error: {path}: {problem}")
    assert out == ""
    assert sha256(path) == digest and path.stat().st_size == size
    assert sidecars(path) == []
    assert not backups.backup_folder(path).exists()
    assert not (tmp_path / "out.db").exists()


@pytest.mark.sqlite_only
def test_missing_database_for_check_and_backup(capsys, tmp_path):
    missing = tmp_path / "missing.db"
    for argv in (["check", "--db", missing], ["backup", tmp_path / "o.db", "--db", missing]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, "")
        assert err.splitlines() == [f"twindesk: error: {missing}: does not exist"]
    assert not missing.exists() and not (tmp_path / "o.db").exists()


# --- backup -------------------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_backup_writes_a_checked_copy(capsys, good, tmp_path):
    out_path = tmp_path / "copy.db"
    code, out, err = run(capsys, "backup", out_path, "--db", good)
    assert (code, err) == (0, "")
    assert out.strip() == f"backup written to {out_path}"
    assert check_file(out_path).ok
    assert table_counts(out_path) == table_counts(good)


@pytest.mark.sqlite_only
def test_backup_never_overwrites(capsys, good, tmp_path):
    out_path = tmp_path / "existing.db"
    make_filled_database(out_path)
    digest = sha256(out_path)
    code, out, err = run(capsys, "backup", out_path, "--db", good)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"twindesk: error: {out_path}: already exists; choose another name (backups never overwrite a file)"
    ]
    assert sha256(out_path) == digest


@pytest.mark.sqlite_only
def test_backup_into_a_missing_folder(capsys, good, tmp_path):
    code, _, err = run(capsys, "backup", tmp_path / "nope" / "b.db", "--db", good)
    assert code == 2 and err.splitlines() == [
        f"twindesk: error: {tmp_path / 'nope' / 'b.db'}: the folder {tmp_path / 'nope'} does not exist"]


# --- restore ------------------------------------------------------------------------------------


def _rows(path):
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT id, name_en, country FROM partner ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.mark.sqlite_only
def test_restore_backs_up_the_current_database_first(capsys, good, tmp_path):
    source = tmp_path / "older.db"
    backups.copy_database(good, source)
    conn = sqlite3.connect(str(good))
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("UPDATE partner SET name_en = 'Changed' WHERE id = 1")
    conn.execute("DELETE FROM shipment_item")
    conn.commit()
    conn.close()
    current_rows, current_counts = _rows(good), table_counts(good)
    source_digest = sha256(source)

    code, out, err = run(capsys, "restore", source, "--db", good)
    assert (code, err) == (0, "")
    (safety,) = backups.backup_folder(good).glob("before-restore-*.db")
    assert out.strip() == f"restored {source} into {good}; the previous content is saved as {safety}"
    assert _rows(good) == _rows(source) and _rows(good)[0][1] == "Jeju"
    assert table_counts(good) == table_counts(source)
    assert _rows(safety) == current_rows and table_counts(safety) == current_counts
    assert sha256(source) == source_digest
    assert check_file(good).ok


def _corrupt_pages(path):
    data = bytearray(path.read_bytes())
    rng = random.Random(7)
    for i in range(4096 * 3, len(data) - 4096):
        data[i] = rng.randrange(256)
    path.write_bytes(bytes(data))


def _truncate(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _orphan(path):
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM shipment")
    conn.commit()
    conn.close()


def _text(path):
    path.write_text("not a backup")


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    ("spoil", "says"),
    [
        (_corrupt_pages, "is damaged ("),
        (_truncate, "is damaged: the file is cut short"),
        (_orphan, "failed its integrity check; nothing was restored"),
        (_text, "is not a TwinDesk database (not an SQLite file)"),
    ],
)
def test_restore_refuses_a_corrupt_backup_and_leaves_the_database(capsys, good, tmp_path, spoil, says):
    source = tmp_path / "bad-backup.db"
    backups.copy_database(good, source)
    spoil(source)
    source_digest = sha256(source)
    conn = sqlite3.connect(str(good))
    conn.execute("UPDATE partner SET name_en = 'Current' WHERE id = 2")
    conn.commit()
    conn.close()
    before_rows, before_counts = _rows(good), table_counts(good)

    code, out, err = run(capsys, "restore", source, "--db", good)
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"twindesk: error: {source}: ")
    assert says in lines[0]
    assert _rows(good) == before_rows and table_counts(good) == before_counts
    assert sha256(source) == source_digest
    assert list(backups.backup_folder(good).glob("before-restore-*.db")) == []
    assert check_file(good).ok


@pytest.mark.sqlite_only
def test_restore_refuses_the_database_itself_and_a_missing_file(capsys, good, tmp_path):
    digest = sha256(good)
    code, _, err = run(capsys, "restore", good, "--db", good)
    assert code == 2 and err.splitlines() == [
        f"twindesk: error: {good}: is the database itself; choose a backup file"
    ]
    missing = tmp_path / "gone.db"
    code, _, err = run(capsys, "restore", missing, "--db", good)
    assert code == 2 and err.splitlines() == [f"twindesk: error: {missing}: does not exist"]
    assert sha256(good) == digest


# --- demo ---------------------------------------------------------------------------------------


def test_demo_scale_must_not_be_negative(capsys, new_target):
    target = new_target("d.db")
    code, out, err = run(capsys, "demo", "--scale", "-1", "--db", target)
    assert (code, out) == (2, "")
    assert err.splitlines() == ["twindesk: error: --scale must be 0 or more (got -1)"]
    assert nothing_written(target)


def test_demo_writes_a_database_that_passes_check(capsys, new_target):
    path = new_target("demo/d.db")  # a file in a folder not made yet
    code, out, err = run(capsys, "demo", "--db", path)
    assert (code, err) == (0, ""), err
    assert f"demo data written to {location(path)}" in out
    counts = table_counts(path)
    assert counts["partner"] > 0 and counts["shipment"] > 0 and counts["visit"] > 0
    if ON_POSTGRESQL:
        assert run(capsys, "check", "--db", path)[0] == 0
    else:
        assert check_file(path).ok
    code, out, err = run(capsys, "demo", "--force", "--db", path)
    assert (code, err) == (0, ""), err
    if ON_POSTGRESQL:  # a server's backups are pg_dump's: no copy made, none said
        assert "backup of the previous content" not in out
    else:
        assert len(list(backups.backup_folder(path).glob("before-demo-*.db"))) == 1
    assert table_counts(path) == counts


# --- bugs ---------------------------------------------------------------------------------------


def test_a_bug_exits_1_with_a_traceback(capsys, monkeypatch, filled):
    def broken(args):
        raise RuntimeError("boom")

    monkeypatch.setitem(cli.COMMANDS, "check", broken)
    code, out, err = run(capsys, "check", "--db", filled)
    assert code == 1
    assert "Traceback" in err and "RuntimeError: boom" in err
    assert err.splitlines()[-1] == "twindesk: internal error (a bug); please report the lines above"


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["frobnicate"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


# --- end to end, as a real process --------------------------------------------------------------


@pytest.mark.sqlite_only
def test_real_process_exit_codes(bad_files, good, tmp_path):
    text, problem = bad_files["text"]
    digest = sha256(text)
    proc = run_python("-m", "twindesk", "check", "--db", str(text))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.splitlines() == [f"twindesk: error: {text}: {problem}"]
    assert sha256(text) == digest and sidecars(text) == []

    proc = run_python("-m", "twindesk", "check", "--db", str(good))
    assert proc.returncode == 0 and proc.stderr == ""
    assert "integrity check: ok" in proc.stdout.splitlines()

    out = tmp_path / "copy.db"
    proc = run_python("-m", "twindesk", "backup", str(out), "--db", str(good))
    assert proc.returncode == 0 and check_file(out).ok
    proc = run_python("-m", "twindesk", "backup", str(out), "--db", str(good))
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1

    proc = run_python("-m", "twindesk", "restore", str(text), "--db", str(good))
    assert proc.returncode == 2 and proc.stderr.splitlines() == [f"twindesk: error: {text}: {problem}"]

    proc = run_python("-m", "twindesk", "--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"TwinDesk {__version__}"


def test_a_locked_database_is_the_environments_error_not_a_bug(capsys, monkeypatch):
    import sqlite3

    def locked(_args):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setitem(cli.COMMANDS, "check", locked)
    code, out, err = run(capsys, "check")
    assert code == 2 and out == ""
    assert err.strip() == ("twindesk: error: The database is busy (another program is writing to it). Wait a moment "
                           "and try again; nothing was lost.")
    assert "Traceback" not in err


def test_db_before_the_command_names_the_database_the_command_uses(capsys, tmp_path, new_target, monkeypatch):
    """`twindesk --db X demo` once wrote into the default database: the command's own --db (unset)
    wiped out the one given before it. Both places must name the database, and the default stays untouched."""
    default = tmp_path / "default.db"
    monkeypatch.setenv("TWINDESK_DB", str(default))
    before, after = new_target("before.db"), new_target("after.db")
    assert run(capsys, "--db", before, "demo")[0] == 0
    assert run(capsys, "demo", "--db", after)[0] == 0
    assert table_counts(before)["partner"] > 0 and table_counts(after)["partner"] > 0
    assert not default.exists()
    code, out, _ = run(capsys, "--db", before, "check")
    assert code == 0 and location(before) in out
    code, out, _ = run(capsys, "--db", before, "check", "--db", after)  # the command's own wins
    assert code == 0 and location(after) in out
