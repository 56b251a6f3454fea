"""Documents are edited and removed on the version the person saw, as records are (docs/architecture.md,
"Documents", "Conflicts"): a change since is a RecordConflict with nothing written; the two-process race
on a server is in tests/test_document_versions_server.py."""

from datetime import date

import pytest

from twindesk.domain.operations import documents
from twindesk.domain.operations.conflicts import RecordConflict
from twindesk.domain.queries import documents as dq
from twindesk.store import models as m

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"


@pytest.fixture
def doc(make) -> int:
    pid = make.partner(name_en="Jeju", country="KR")
    (doc,) = documents.attach("partner", pid, [("agreement.pdf", PDF)], user="Li Na")
    return doc


def test_the_list_says_the_version_an_edit_expects(doc):
    (row,) = dq.documents_of("partner", dq.document(doc).owner_id)
    assert row.version == m.Document.get_by_id(doc).version == 1
    documents.edit(doc, title="Agreement", expected_version=1)
    assert dq.document(doc).version == 2


def test_an_edit_on_an_older_version_is_a_conflict_field_by_field_and_writes_nothing(doc):
    documents.edit(doc, title="Friendship agreement", on=date(1995, 9, 1), user="王芳")
    operations = m.HistoryOperation.select().count()
    with pytest.raises(RecordConflict) as caught:
        documents.edit(doc, title="Agreement (scan)", note="mine", expected_version=1, user="Li Na")
    exc = caught.value
    assert (exc.kind, exc.record_id, exc.their_version, exc.changed_by, exc.deleted) == ("document", doc, 2, "王芳",
                                                                                        False)
    by_field = {d.field: (d.base, d.mine, d.theirs, d.changed_by) for d in exc.fields}
    assert by_field["title"] == ("agreement", "Agreement (scan)", "Friendship agreement", "王芳")
    assert by_field["note"] == ("", "mine", "", "")
    assert by_field["dated_on"] == (None, None, date(1995, 9, 1), "王芳")
    assert "was changed by 王芳" in exc.text("en") and "标题" in exc.text("zh_CN")
    stored = m.Document.get_by_id(doc)
    assert (stored.title, stored.note, stored.version) == ("Friendship agreement", "", 2)
    assert m.HistoryOperation.select().count() == operations
    documents.edit(doc, title="Agreement (scan)", expected_version=exc.their_version)  # on top of theirs
    assert m.Document.get_by_id(doc).title == "Agreement (scan)"


def test_an_edit_of_a_document_removed_meanwhile_says_who_removed_it(doc):
    documents.detach([doc], user="王芳")
    with pytest.raises(RecordConflict) as caught:
        documents.edit(doc, title="Agreement", expected_version=1)
    assert caught.value.deleted and caught.value.changed_by == "王芳"
    assert "was deleted by 王芳" in caught.value.text("en")


def test_a_removal_of_a_document_changed_since_is_refused_and_removes_none(doc, make):
    other = documents.attach("partner", dq.document(doc).owner_id, [("note.txt", ("x" * 20).encode())])[0]
    documents.edit(doc, kind="agreement", user="王芳")
    with pytest.raises(RecordConflict) as caught:
        documents.detach([other, doc], expected_versions={other: 1, doc: 1}, user="Li Na")
    assert caught.value.deleting and caught.value.record_id == doc
    assert "so it was not deleted" in caught.value.text("en")
    assert m.Document.select().where(m.Document.id.in_([doc, other])).count() == 2
    documents.detach([other, doc], expected_versions={other: 1, doc: caught.value.their_version})
    assert not m.Document.select().exists()


def test_without_a_version_nothing_is_compared(doc):
    documents.edit(doc, title="One")
    documents.edit(doc, title="Two")
    documents.detach([doc])
    assert not m.Document.select().exists()
