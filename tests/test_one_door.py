"""The one door: nothing writes outside an operation, every writer holds the lock, and a second writer
waits for the first instead of failing (docs/architecture.md, "The one door")."""

import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date, datetime, timedelta

import pytest

from tests.conftest import REPO, fill_everything, run_python, sha256, subprocess_env, writes_outside_the_door
from twindesk.domain import workspace
from twindesk.domain.demo import write_demo
from twindesk.domain.operations import door, records, undo
from twindesk.domain.operations.records_with_parts import save_with_parts
from twindesk.store import models as m
from twindesk.store.instance_lock import DatabaseLock


@pytest.fixture
def guarded(db):
    """Every INSERT, UPDATE or DELETE run outside an operation, as (verb, table)."""
    with writes_outside_the_door() as outside:
        yield outside


def test_every_write_path_goes_through_an_operation(guarded, make):
    ids = fill_everything(make)
    records.save("partner", {"population": 5400000}, ids["jeju"])
    records.set_visit_partners(ids["visit"], [ids["vlad"]])
    delegates = [d.id for d in m.Delegate.select().where(m.Delegate.visit == ids["visit"])]
    records.reorder_delegates(ids["visit"], list(reversed(delegates)))
    records.delete("shipment", ids["shipments"][0])
    save_with_parts("visit", {"title": "New"}, {"delegate": [{"name": "Wang"}]}, [ids["jeju"]])
    undo.history.undo()
    undo.history.redo()
    from twindesk.domain.operations import documents
    from twindesk.domain.operations.document_contents import GRACE

    docs = documents.attach("partner", ids["vlad"], [("a.pdf", b"%PDF-1.4 a"), ("b.txt", b"b")])
    documents.edit(docs[0], title="Agreement", kind="agreement")
    documents.detach([docs[1]])
    undo.history.undo()
    records.delete("partner", ids["child"])
    documents.attach("visit", ids["visit"], [("c.pdf", b"%PDF-1.4 c")])
    records.delete("visit", ids["visit"])
    # The papers: agreements, approval stages, a visit's approval, their documents, a new visit's approval
    # typed with it, and a partnership deleted with all of them.
    agreement = make.agreement(ids["partnership"], signed_on="2020-01-01", term_years=5)
    records.save("agreement", {"expires_on": "2024-12-31"}, agreement)
    records.save("partnership_approval", {"partnership": ids["partnership"], "stage": "provincial"})
    documents.attach("agreement", agreement, [("d.pdf", b"%PDF-1.4 d")])
    save_with_parts("visit", {"title": "Trip", "direction": "outbound"},
                    {"visit_approval": [{"authority": "FAO", "countries": "KR"}]}, [ids["jeju"]])
    make.visit_approval(m.Visit.get(m.Visit.title == "Trip").id, document_number="QW-1")
    records.delete("partnership", ids["partnership"])
    undo.history.undo()
    undo.history.reset()
    assert documents.collect_blobs(now=datetime.now() + GRACE + timedelta(hours=1)) == 1  # a server's grace over
    write_demo(replace=True)
    assert guarded == []


def test_the_guard_sees_a_write_that_bypasses_the_door(guarded, make):
    make.partner()
    m.Partner.update(population=1).execute()  # a bug: no operation
    assert guarded == [("UPDATE", "partner")]


def test_every_operation_leaves_history_and_one_notice(db, make):
    pid = make.partner()
    seen: list[door.Changes] = []
    door.subscribe(seen.append)
    try:
        records.save("partner", {"name_zh": "济州"}, pid, user="Li")
        records.save("partner", {"name_zh": "济州"}, pid, user="Li")  # nothing changed: no history, no notice
    finally:
        door.unsubscribe(seen.append)
    assert [(c.action, dict(c.ids)) for c in seen] == [("save", {"partner": frozenset({pid})})]
    assert m.HistoryOperation.select().where(m.HistoryOperation.user == "Li").count() == 1


def test_a_process_without_the_lock_cannot_write(db, make):
    pid = make.partner()
    door.bind_write_lock(None)
    with pytest.raises(door.NoWriteLock, match="does not hold the database's write lock"):
        records.save("partner", {"population": 1}, pid)
    assert records.get("partner", pid)["population"] is None


@pytest.mark.sqlite_only
def test_a_lock_taken_over_by_another_window_stops_the_writes(db, make, db_path):
    pid = make.partner()
    lock = DatabaseLock(db_path)
    lock.path.write_text('{"user": "wang", "host": "pc-2", "pid": 1, "since": "2026-11-30T08:00:00+00:00", '
                         '"heartbeat": "2099-01-01T00:00:00+00:00", "token": "theirs"}', encoding="utf-8")
    with pytest.raises(door.NoWriteLock, match="held by wang on pc-2"):
        records.save("partner", {"population": 1}, pid)


# --- the lock on the command line ------------------------------------------------------------------


def _held_by_another_process(db_path):
    """A child process that holds the database's lock until its stdin closes."""
    code = ("import sys; from twindesk.store.instance_lock import DatabaseLock; "
            f"lock = DatabaseLock({str(db_path)!r}); assert lock.acquire() is None; print('held', flush=True); "
            "sys.stdin.read(); lock.release()")
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env=subprocess_env(), cwd=str(REPO))
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.mark.parametrize("command", [
    ["demo", "--force"],
    ["import", "WORKBOOK"],
    ["restore", "BACKUP"],
])
def test_every_writing_command_refuses_a_database_another_process_holds(tmp_path, command):
    from tests.conftest import make_filled_database

    db_path = tmp_path / "office.db"
    make_filled_database(db_path)
    backup = tmp_path / "copy.db"
    workbook = tmp_path / "list.xlsx"
    assert run_python("-m", "twindesk", "backup", str(backup), "--db", str(db_path)).returncode == 0
    assert run_python("-m", "twindesk", "export", str(workbook), "--db", str(db_path)).returncode == 0
    args = [{"WORKBOOK": str(workbook), "BACKUP": str(backup)}.get(a, a) for a in command]
    before = sha256(db_path)
    holder = _held_by_another_process(db_path)
    try:
        proc = run_python("-m", "twindesk", *args, "--db", str(db_path))
    finally:
        holder.stdin.close()
        holder.wait(10)
    assert proc.returncode == 2, proc.stderr
    assert "is open in TwinDesk by" in proc.stderr and " on " in proc.stderr and " since " in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert sha256(db_path) == before


def test_two_imports_side_by_side_never_both_write(tmp_path):
    from tests.conftest import make_filled_database

    source = tmp_path / "source.db"
    make_filled_database(source)
    workbook = tmp_path / "list.xlsx"
    assert run_python("-m", "twindesk", "export", str(workbook), "--db", str(source)).returncode == 0
    target = tmp_path / "office.db"
    workspace.open_workspace(target, take_backups=False)
    workspace.close()
    env = subprocess_env()
    procs = [subprocess.Popen([sys.executable, "-m", "twindesk", "import", str(workbook), "--db", str(target),
                               "--accept-duplicates"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env, cwd=str(REPO)) for _ in range(2)]
    results = [(p.wait(120), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    codes = sorted(code for code, _ in results)
    conn = sqlite3.connect(target)
    partners = conn.execute("SELECT count(*) FROM partner").fetchone()[0]
    imports = conn.execute("SELECT count(*) FROM history_operation WHERE action = 'import'").fetchone()[0]
    conn.close()
    # One import wrote; the other was refused by the lock, or ran after it and found every row in place.
    assert partners == 3, results
    assert codes in ([0, 2], [0, 0]), results
    assert imports >= 1


@pytest.mark.sqlite_only
def test_a_second_writer_waits_for_the_first_and_succeeds(db, make, db_path):
    """Another connection holds a write transaction for a moment: the save waits (busy timeout) rather
    than failing with "database is locked"."""
    pid = make.partner()
    other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE partner SET notes = 'held' WHERE id = ?", (pid,))
    released = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    started = time.monotonic()
    released.start()
    try:
        records.save("partner", {"population": 7}, pid)
    finally:
        released.join()
        other.close()
    assert time.monotonic() - started >= 0.4
    got = records.get("partner", pid)
    assert (got["population"], got["notes"]) == (7, "held")


def test_undo_after_an_import_is_cleared_and_never_reverts_it(db, make, db_path, tmp_path):
    from twindesk.exchange import export_workbook, import_workbook

    pid = make.partner(name_en="Hyogo", country="JP")
    records.save("partner", {"population": 100}, pid)
    assert undo.history.next_undo() is not None
    out = tmp_path / "list.xlsx"
    export_workbook(out)
    from openpyxl import load_workbook

    wb = load_workbook(out)
    ws = wb["Partners"]
    headers = [c.value for c in ws[1]]
    ws.cell(row=2, column=headers.index("Population") + 1, value=1500000)
    wb.save(out)
    report = import_workbook(out)
    assert report.applied, report.errors
    assert records.get("partner", pid)["population"] == 1500000
    assert undo.history.next_undo() is None and undo.history.cleared_by == "import"
    with pytest.raises(undo.UndoFailed, match="nothing to undo"):
        undo.history.undo()
    assert records.get("partner", pid)["population"] == 1500000


def test_the_schema_3_upgrade_keeps_every_row_and_gives_each_a_uuid(tmp_path):
    """A database written before identity (schema 2): rebuilt with AUTOINCREMENT, rows and links kept."""
    from tests.conftest import make_filled_database, table_counts

    path = tmp_path / "old.db"
    make_filled_database(path)
    before = table_counts(path)
    conn = sqlite3.connect(path)
    for model in m.ALL_MODELS:  # back to schema 2: plain INTEGER PRIMARY KEY, no uuid, no version
        table = model._meta.table_name
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[1] not in ("uuid", "version")]
        conn.execute(f'CREATE TABLE "{table}__old" AS SELECT {", ".join(cols)} FROM "{table}"')
        conn.execute(f'DROP TABLE "{table}"')
        conn.execute(f'ALTER TABLE "{table}__old" RENAME TO "{table}"')
    conn.execute("DROP TABLE history_change")
    conn.execute("DROP TABLE history_operation")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    opened = workspace.open_workspace(path, take_backups=False)
    try:
        assert opened.migrated_from == 2
        assert table_counts(path) == before
        raw = opened.raw()
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        uuids = [u for (u,) in raw.execute("SELECT uuid FROM partner")]
        assert len(set(uuids)) == len(uuids) == before["partner"] and all(len(u) == 32 for u in uuids)
        assert "AUTOINCREMENT" in raw.execute("SELECT sql FROM sqlite_master WHERE name = 'contact'").fetchone()[0]
        last = max(i for (i,) in raw.execute("SELECT id FROM contact"))
        records.delete("contact", last)
        again = records.save("contact", {"partner": 1, "family_name": "Kim"})
        assert again == last + 1  # the freed ID is not handed out again
        assert records.get("partnership", 1)["status_since"] == date(2020, 1, 1)
    finally:
        workspace.close()


def test_saves_go_on_while_another_process_exports(tmp_path):
    """An export reads in its own process while the window saves: every save succeeds."""
    path = tmp_path / "office.db"
    assert run_python("-m", "twindesk", "demo", "--scale", "1500", "--db", str(path), timeout=180).returncode == 0
    workspace.open_workspace(path, take_backups=False)
    try:
        pid = m.Partner.select(m.Partner.id).order_by(m.Partner.id).first().id
        out = tmp_path / "list.xlsx"
        export = subprocess.Popen([sys.executable, "-m", "twindesk", "export", str(out), "--db", str(path)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=subprocess_env(),
                                  cwd=str(REPO))
        saves = 0
        while export.poll() is None:
            records.save("partner", {"population": saves + 1}, pid)
            saves += 1
            time.sleep(0.01)
        assert export.wait() == 0, export.stderr.read()
        export.stderr.close()
        assert saves > 5 and records.get("partner", pid)["population"] == saves
    finally:
        workspace.close()


@pytest.mark.sqlite_only
def test_an_import_writes_a_history_row_for_every_record_it_creates(db, tmp_path):
    import json

    from tests.conftest import make_filled_database, table_counts
    from twindesk.exchange import export_workbook, import_workbook

    source = tmp_path / "source.db"
    workspace.close()
    make_filled_database(source)
    workspace.open_workspace(source, read_only=True)
    out = tmp_path / "list.xlsx"
    export_workbook(out)
    workspace.close()
    target = tmp_path / "empty.db"
    workspace.open_workspace(target, take_backups=False)
    report = import_workbook(out)
    assert report.applied, report.errors
    (op,) = m.HistoryOperation.select().where(m.HistoryOperation.action == "import")
    created = {}
    for change in op.changes:
        assert change.change == "create"
        created[change.kind] = created.get(change.kind, 0) + 1
        row = json.loads(change.new)
        assert row["id"] == change.record_id and len(row["uuid"]) == 32
    counts = table_counts(target)
    assert created["partner"] == counts["partner"] and created["shipment_item"] == counts["shipment_item"]
    assert created["status_change"] == counts["partnership_status_change"]
