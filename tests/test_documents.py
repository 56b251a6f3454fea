"""Documents on records: attached through the door, stored once per content, taken along by a record's
delete and brought back by its undo, and never read by a list (docs/architecture.md, "Documents")."""

import hashlib
import sqlite3
import stat
from datetime import date, datetime, timedelta

import pytest

from twindesk.domain.operations import documents, door, records, undo
from twindesk.domain.operations.document_contents import GRACE
from twindesk.domain.output_file import OutputFileError
from twindesk.domain.queries import documents as dq
from twindesk.domain.queries import lists
from twindesk.domain.queries.document_files import TemporaryCopies, save_copy
from twindesk.domain.queries.lists import ListQuery
from twindesk.store import models as m

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(300)


def blobs() -> int:
    return m.DocumentBlob.select().count()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_several_files_are_one_operation_one_undo_step_one_notice(make):
    pid = make.partner()
    seen: list[door.Changes] = []
    door.subscribe(seen.append)
    try:
        ids = documents.attach("partner", pid, [("scan.pdf", PDF), ("photo.png", PNG)], kind="approval",
                               on="2026-11-01", note="批件", user="Li")
    finally:
        door.unsubscribe(seen.append)
    assert [(c.action, dict(c.ids)) for c in seen] == [("attach", {"document": frozenset(ids)})]
    rows = dq.documents_of("partner", pid)
    assert [r.id for r in rows] == ids and [r.title for r in rows] == ["scan", "photo"]
    assert {(r.kind, r.on, r.note, r.created_by) for r in rows} == {("approval", date(2026, 11, 1), "批件", "Li")}
    assert [(r.type_code, r.size, r.sha256) for r in rows] == [("pdf", len(PDF), sha(PDF)), ("png", len(PNG), sha(PNG))]
    assert dq.read_bytes(ids[0]) == PDF and dq.read_bytes(ids[1]) == PNG
    ops = list(m.HistoryOperation.select().where(m.HistoryOperation.action == "attach"))
    assert len(ops) == 1 and ops[0].user == "Li"
    assert {c.record_id for c in ops[0].changes} == set(ids)  # the document rows; the blob is not history
    assert undo.history.next_undo().action == "attach"


def test_the_same_file_on_two_records_is_stored_once_and_stays_for_the_other(make):
    jeju, busan = make.partner(), make.partner(name_en="Busan")
    first = documents.attach("partner", jeju, [("agreement.pdf", PDF)])
    second = documents.attach("partner", busan, [("copy of agreement.pdf", PDF)])
    assert blobs() == 1 and m.Document.select().count() == 2
    impact = records.delete_impact("partner", jeju)
    assert impact.removed == {"document": 1}
    assert records.describe_counts(impact.removed) == "1 document"
    assert records.describe_counts({"document": 3}, "zh_CN") == "3 份文件"
    records.delete("partner", jeju)
    assert dq.documents_of("partner", jeju) == [] and m.Document.get_or_none(m.Document.id == first[0]) is None
    undo.history.reset()
    documents.collect_blobs()  # nothing could bring the deleted one back: the shared content stays anyway
    assert blobs() == 1 and dq.read_bytes(second[0]) == PDF


def test_a_deleted_records_documents_and_its_childrens_go_with_it_and_come_back_with_undo(make):
    pid = make.partner()
    contact = make.contact(pid)
    activity = make.activity(pid)
    on_partner = documents.attach("partner", pid, [("a.pdf", PDF)])
    on_contact = documents.attach("contact", contact, [("card.png", PNG)])
    documents.attach("activity", activity, [("minutes.txt", "会谈纪要".encode())])
    impact = records.delete_impact("partner", pid)
    assert impact.removed["document"] == 3
    assert "3 documents" in records.describe_counts(impact.removed)
    records.delete("partner", pid)
    assert m.Document.select().count() == 0 and blobs() == 3  # kept: the undo needs them
    documents.collect_blobs()
    assert blobs() == 3  # still: the delete is on the undo list
    undo.history.undo()
    assert [r.id for r in dq.documents_of("contact", contact)] == on_contact
    assert dq.read_bytes(on_partner[0]) == PDF and dq.read_bytes(on_contact[0]) == PNG


def test_undo_of_an_attach_removes_the_rows_redo_brings_them_back_and_an_orphan_goes_when_no_step_needs_it(make):
    pid = make.partner()
    (doc,) = documents.attach("partner", pid, [("scan.pdf", PDF)])
    undo.history.undo()
    assert dq.documents_of("partner", pid) == []
    documents.collect_blobs()
    assert blobs() == 1  # the redo needs it
    undo.history.redo()
    assert dq.read_bytes(doc) == PDF
    documents.detach([doc])
    assert blobs() == 1  # the detach's undo needs it
    undo.history.undo()
    assert dq.read_bytes(doc) == PDF
    documents.detach([doc])
    undo.history.reset()  # as a new session starts (and, on a server, once the grace period is over)
    assert documents.collect_blobs(now=datetime.now() + GRACE + timedelta(hours=1)) == 1 and blobs() == 0


@pytest.mark.sqlite_only  # the SQLite file's open and size
def test_reopening_the_database_collects_files_no_document_refers_to(make, db_path):
    from twindesk.domain import workspace

    pid = make.partner()
    keep, drop = documents.attach("partner", pid, [("keep.pdf", PDF), ("drop.png", PNG)])
    documents.detach([drop])
    assert blobs() == 2
    workspace.close()
    workspace.open_workspace(db_path, take_backups=False)
    assert blobs() == 1 and dq.read_bytes(keep) == PDF


def test_editing_a_document_is_a_save_with_history_and_undo(make):
    pid = make.partner()
    (doc,) = documents.attach("partner", pid, [("scan.pdf", PDF)])
    documents.edit(doc, title="友好城市协议书", kind="协议", on=date(1995, 9, 1), note="original")
    row = dq.document(doc)
    assert (row.title, row.kind, row.on, row.note) == ("友好城市协议书", "agreement", date(1995, 9, 1), "original")
    assert row.kind_label("zh_CN") == "协议" and row.kind_label() == "Agreement"
    changed = {c.field for c in m.HistoryChange.select().where(m.HistoryChange.change == "update")}
    assert changed == {"title", "kind", "dated_on", "note"}
    undo.history.undo()
    assert dq.document(doc).title == "scan"
    with pytest.raises(records.ValidationError, match="is not one of"):
        documents.edit(doc, kind="passport")
    with pytest.raises(records.ValidationError, match="is not a date"):
        documents.edit(doc, on="someday")


def test_documents_go_only_on_records_that_can_hold_them(make):
    pid = make.partner()
    with pytest.raises(documents.UserError, match="not to “gift”"):
        documents.attach("gift", 1, [("a.pdf", PDF)])
    with pytest.raises(records.NotFound, match="no partner with ID 999"):
        documents.attach("partner", 999, [("a.pdf", PDF)])
    with pytest.raises(records.NotFound, match="no document with ID 999"):
        dq.document(999)
    assert m.Document.select().count() == 0 and pid


@pytest.mark.sqlite_only  # SQLite's authorizer sees the columns read; the server keeps bytea apart itself (TOAST)
def test_no_list_query_reads_the_file_table(make):
    pid = make.partner()
    documents.attach("partner", pid, [("scan.pdf", PDF)])
    reads: list[str] = []

    def authorizer(action, table, column, *_):
        if action == sqlite3.SQLITE_READ and table == "document_blob":
            reads.append(column)
        return sqlite3.SQLITE_OK

    conn = m.database.connection()
    conn.set_authorizer(authorizer)
    try:
        lists.fetch("partners", ListQuery(text="jeju", limit=50))
        lists.ids("partners", ListQuery())
        dq.documents_of("partner", pid)
        dq.all_documents()
        dq.counts_of("partner", [pid])
        records.delete_impact("partner", pid)
        assert reads == []  # the check works: reading the content is seen
        dq.read_bytes(dq.documents_of("partner", pid)[0].id)
        assert reads
    finally:
        conn.set_authorizer(None)


def test_content_streams_in_chunks_and_copies_are_whole_and_safe(make, tmp_path):
    pid = make.partner()
    big = b"%PDF-1.4\n" + bytes(range(256)) * 4096  # ~1 MB
    (doc,) = documents.attach("partner", pid, [("../../etc/passwd.pdf", big)])
    pieces = list(dq.read_chunks(doc, size=100_000))
    assert len(pieces) == 11 and b"".join(pieces) == big
    out = save_copy(doc, tmp_path / "copy.pdf")
    assert out.read_bytes() == big
    with pytest.raises(OutputFileError, match="already exists"):
        save_copy(doc, out)
    out.write_bytes(b"old")
    save_copy(doc, out, replace=True)
    assert sha(out.read_bytes()) == sha(big)
    copies = TemporaryCopies()
    opened = copies.copy(doc)
    assert opened.name == "passwd.pdf" and opened.read_bytes() == big
    assert copies.folder in opened.parents and stat.S_IMODE(copies.folder.stat().st_mode) == 0o700
    folder = copies.folder
    copies.cleanup()
    assert not folder.exists()


@pytest.mark.sqlite_only  # the SQLite file's open and size
def test_the_backup_estimate_counts_the_files(make, db_path):
    from twindesk.store.backups import _database_size

    pid = make.partner()
    before = _database_size(db_path)
    documents.attach("partner", pid, [("scan.pdf", b"%PDF-1.4\n" + bytes(3 * 1024 * 1024))])
    assert _database_size(db_path) - before >= 3 * 1024 * 1024  # the files are in the database file


def test_the_demo_with_force_empties_the_documents_too(make):
    from twindesk.domain.demo import write_demo

    documents.attach("partner", make.partner(), [("scan.pdf", PDF)])
    write_demo(replace=True)
    assert m.Document.select().count() == 0 and blobs() == 0


def test_the_history_words_an_attach_in_either_language(make):
    from twindesk.domain.queries import history

    pid = make.partner()
    (doc,) = documents.attach("partner", pid, [("scan.pdf", PDF)], user="Li")
    lines = [r.line() for r in history.changes(lang="zh_CN")]
    assert any("添加文件" in line and f"文件 {doc}" in line for line in lines), lines
    assert any("attach files" in r.line() for r in history.changes(lang="en"))
