"""Two staff in two processes edit or remove the same document on one server (docs/architecture.md,
"Documents"): the first keeps its transaction open until the second is about to write, so the second
meets an uncommitted change, waits for the row's lock, and gets the conflict with nothing overwritten."""

import json

from test_conflicts_server import HOLD, race, server  # noqa: F401 - `server` is a fixture

from twindesk.domain.operations import documents, records
from twindesk.store import models as m

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"


def _document() -> int:
    pid = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    return documents.attach("partner", pid, [("agreement.pdf", PDF)])[0]


def _document_updates(doc: int) -> list[tuple[str, str, str]]:
    c, o = m.HistoryChange, m.HistoryOperation
    rows = (c.select(o.user, c.field, c.new).join(o, on=(c.operation == o.id))
            .where(c.kind == "document", c.record_id == doc, c.change == "update").order_by(c.id).tuples())
    return [(who, column, json.loads(new)) for who, column, new in rows]


def test_the_second_of_two_staff_editing_one_document_gets_the_conflict(server, tmp_path):  # noqa: F811
    doc = _document()
    job = {"action": "save", "kind": "document", "id": doc, "version": 1}
    first, second = race(server, tmp_path, {**job, "who": "li", "values": {"title": "Friendship agreement"}},
                         {**job, "who": "wang", "values": {"title": "Agreement (scan)", "note": "mine"}})
    assert (first["outcome"], second["outcome"]) == ("saved", "conflict")
    assert second["seconds"] >= HOLD / 2  # it waited for the first one's lock, then read its version
    assert second["changed_by"] == "li" and second["their_version"] == 2
    assert second["fields"]["title"] == ["agreement", "Agreement (scan)", "Friendship agreement"]
    stored = m.Document.get_by_id(doc)
    assert (stored.title, stored.note, stored.version) == ("Friendship agreement", "", 2)
    assert _document_updates(doc) == [("li", "title", "Friendship agreement")]


def test_a_removal_racing_an_edit_of_the_document_removes_nothing(server, tmp_path):  # noqa: F811
    doc = _document()
    first, second = race(server, tmp_path,
                         {"who": "li", "action": "save", "kind": "document", "id": doc, "version": 1,
                          "values": {"note": "theirs"}},
                         {"who": "wang", "action": "delete", "kind": "document", "id": doc, "version": 1})
    assert (first["outcome"], second["outcome"]) == ("saved", "conflict")
    assert "was not deleted" in second["message"]
    assert m.Document.get_by_id(doc).note == "theirs"


def test_an_edit_racing_a_removal_of_the_document_writes_nothing(server, tmp_path):  # noqa: F811
    doc = _document()
    first, second = race(server, tmp_path,
                         {"who": "li", "action": "delete", "kind": "document", "id": doc, "version": 1},
                         {"who": "wang", "action": "save", "kind": "document", "id": doc, "version": 1,
                          "values": {"note": "mine"}})
    assert (first["outcome"], second["outcome"]) == ("deleted", "conflict")
    assert second["deleted"] and second["changed_by"] == "li"
    assert not m.Document.select().exists() and _document_updates(doc) == []
