"""Documents on the command line, through backups and restores, the schema-4 upgrade and the workbook."""

import hashlib
import sqlite3

import pytest
from conftest import TABLES, location, make_filled_database, table_counts
from exchange_support import database_rows

from twindesk import cli
from twindesk.domain import workspace
from twindesk.domain.operations import documents
from twindesk.domain.queries import documents as dq
from twindesk.store import schema
from twindesk.store.instance_lock import DatabaseLock

PDF = b"%PDF-1.6\n" + bytes(range(256)) * 1000 + b"%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 10


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def office(tmp_path, new_target):
    """A filled database (closed) and two scans beside it."""
    path = new_target("office.db")
    make_filled_database(path)
    (tmp_path / "agreement.pdf").write_bytes(PDF)
    (tmp_path / "photo.jpg").write_bytes(JPEG)
    return path


def run(capsys, *args):
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_attach_list_and_save_a_copy(office, capsys, tmp_path):
    code, out, err = run(capsys, "attach", "partner:1", str(tmp_path / "agreement.pdf"), str(tmp_path / "photo.jpg"),
                         "--kind", "agreement", "--date", "1995-09-01", "--title", "友好协议", "--db", str(office))
    assert code == 0, err
    assert out.splitlines()[0] == f"attached 2 file(s) to partner 1 in {location(office)}"
    assert sha(PDF) in out and sha(JPEG) in out
    code, out, err = run(capsys, "documents", "partner:1", "--db", str(office))
    lines = [line.split("\t") for line in out.splitlines()]
    assert lines[0] == ["ID", "Title", "Kind", "Date", "Record", "Size", "SHA-256"]
    assert lines[1] == ["1", "友好协议", "Agreement", "1995-09-01", "partner 1", "250 KB", sha(PDF)]
    assert len(lines) == 3
    code, out, err = run(capsys, "--lang", "zh_CN", "documents", "--db", str(office))
    assert out.splitlines()[0].startswith("编号\t标题\t类型") and "\t协议\t" in out and "友好伙伴 1" in out
    target = tmp_path / "copy.pdf"
    assert run(capsys, "document", "1", str(target), "--db", str(office))[0] == 0
    assert sha(target.read_bytes()) == sha(PDF)
    code, out, err = run(capsys, "document", "1", str(target), "--db", str(office))
    assert code == 2 and "already exists; use --force" in err
    assert run(capsys, "document", "2", str(target), "--force", "--db", str(office))[0] == 0
    assert target.read_bytes() == JPEG


@pytest.mark.parametrize("args, words", [
    (["attach", "gift:1", "FILE"], "write KIND:ID with KIND one of partner, partnership, agreement"),
    (["attach", "partner:x", "FILE"], "the ID 'x' is not a whole number"),
    (["attach", "partner:999", "FILE"], "There is no partner with ID 999."),
    (["attach", "partner:1", "FILE", "--kind", "passport"], "Kind: “passport” is not one of agreement"),
    (["attach", "partner:1", "FILE", "--date", "tomorrow"], "is not a date"),
    (["attach", "partner:1", "EMPTY"], "is empty (0 bytes)"),
    (["attach", "partner:1", "FAKE"], "“fake.pdf” is not a PDF document: its content is a JPEG image"),
    (["documents", "visit:999"], "There is no visit with ID 999."),
    (["document", "999", "OUT"], "There is no document with ID 999."),
])
def test_user_errors_exit_2_with_one_line_and_write_nothing(office, capsys, tmp_path, args, words):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "fake.pdf").write_bytes(JPEG)
    names = {"FILE": tmp_path / "agreement.pdf", "EMPTY": tmp_path / "empty.txt", "FAKE": tmp_path / "fake.pdf",
             "OUT": tmp_path / "out.pdf"}
    code, out, err = run(capsys, *[str(names.get(a, a)) for a in args], "--db", str(office))
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    with database_rows(office) as select:
        assert select("SELECT count(*) AS n FROM document") == [{"n": 0}]


def test_messages_in_chinese(office, capsys, tmp_path):
    (tmp_path / "fake.pdf").write_bytes(JPEG)
    code, out, err = run(capsys, "--lang", "zh_CN", "attach", "partner:1", str(tmp_path / "fake.pdf"), "--db", str(office))
    assert code == 2 and err.startswith("twindesk：错误：未添加任何文件：“fake.pdf”不是PDF 文档：其内容是JPEG 图片")
    code, out, err = run(capsys, "--lang", "zh_CN", "attach", "partner:1", str(tmp_path / "photo.jpg"), "--db", str(office))
    assert code == 0 and out.startswith("已把 1 个文件添加到") and "JPEG 图片" in out


@pytest.mark.sqlite_only  # the lock file beside a SQLite file; a server has no such lock
def test_attach_waits_for_nobody_it_refuses_a_database_another_holds(office, capsys, tmp_path):
    lock = DatabaseLock(office)
    assert lock.acquire() is None
    try:
        code, out, err = run(capsys, "attach", "partner:1", str(tmp_path / "agreement.pdf"), "--db", str(office))
    finally:
        lock.release()
    assert code == 2 and "is open in TwinDesk by" in err


@pytest.mark.sqlite_only  # backup and restore copy the SQLite file; a server's are pg_dump's
def test_a_backup_and_a_restore_carry_the_files_byte_identical(office, capsys, tmp_path):
    assert run(capsys, "attach", "visit:1", str(tmp_path / "agreement.pdf"), str(tmp_path / "photo.jpg"),
               "--db", str(office))[0] == 0
    copy = tmp_path / "copy.db"
    assert run(capsys, "backup", str(copy), "--db", str(office))[0] == 0
    workspace.open_workspace(office, take_backups=False)  # the files change after the backup
    try:
        documents.detach([1, 2])
    finally:
        workspace.close()
    assert run(capsys, "restore", str(copy), "--db", str(office))[0] == 0
    workspace.open_workspace(office, read_only=True)
    try:
        rows = dq.documents_of("visit", 1)
        assert [(r.sha256, sha(dq.read_bytes(r.id))) for r in rows] == [(sha(PDF), sha(PDF)), (sha(JPEG), sha(JPEG))]
    finally:
        workspace.close()


def _back_to_schema_3(path):
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE document")
    conn.execute("DROP TABLE document_blob")
    for table in ("agreement", "partnership_approval", "visit_approval"):  # schema 4's too
        conn.execute(f"DROP TABLE {table}")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()


def test_the_schema_4_upgrade_of_a_filled_database_keeps_every_row_after_a_backup(tmp_path):
    path = tmp_path / "old.db"
    make_filled_database(path)
    before = table_counts(path)
    assert all(before[t] for t in TABLES)
    _back_to_schema_3(path)
    conn = sqlite3.connect(path)
    rows_before = {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY id').fetchall() for t in TABLES}
    history_before = conn.execute("SELECT count(*) FROM history_change").fetchone()
    conn.close()
    opened = workspace.open_workspace(path, take_backups=False)
    try:
        assert opened.migrated_from == 3 and opened.db.pragma("user_version") == schema.SCHEMA_VERSION == 5
        assert [p.name for p in opened.backups_written][0].startswith("before-migration")
        raw = opened.raw()
        assert {t: raw.execute(f'SELECT * FROM "{t}" ORDER BY id').fetchall() for t in TABLES} == rows_before
        assert raw.execute("SELECT count(*) FROM history_change").fetchone() == history_before
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        (doc,) = documents.attach("partner", 1, [("scan.pdf", PDF)])
        assert dq.read_bytes(doc) == PDF
        index = raw.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'document' "
                            "AND sql LIKE '%owner_kind%owner_id%'").fetchall()
        assert index
    finally:
        workspace.close()
    backup = opened.backups_written[0]
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone() == (3,)  # the copy before the upgrade
    conn.close()


def test_the_workbook_lists_documents_without_contents_and_the_import_skips_them(office, capsys, tmp_path):
    from openpyxl import load_workbook

    assert run(capsys, "attach", "shipment:1", str(tmp_path / "agreement.pdf"), "--kind", "waybill",
               "--db", str(office))[0] == 0
    out = tmp_path / "book.xlsx"
    assert run(capsys, "export", str(out), "--db", str(office))[0] == 0
    assert out.stat().st_size < len(PDF)  # no content inside
    wb = load_workbook(out, read_only=True)
    rows = list(wb["Documents"].iter_rows(values_only=True))
    assert rows[0] == ("ID", "UUID", "Version", "Title", "Kind", "Date", "Record", "Record ID", "File name",
                       "Size (bytes)", "SHA-256")
    assert rows[1][3:] == ("agreement", "Waybill", None, "shipment", 1, "agreement.pdf", len(PDF), sha(PDF))
    wb.close()
    empty = tmp_path / "empty.db"
    code, out_text, err = run(capsys, "import", str(out), "--db", str(empty))
    assert code == 0, err
    assert "sheet Documents: the list of documents; their files are not in a workbook, so it is not imported." in err
