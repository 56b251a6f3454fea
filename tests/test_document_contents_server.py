"""Document contents no document refers to, on a shared server (docs/architecture.md, "Documents"):
kept while anyone's undo could still bring them back (the grace period after the last history row
naming them), removed after it, at open too, and never from under an attach of the same content."""

import json
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import subprocess_env

from twindesk.domain import workspace
from twindesk.domain.operations import document_contents, documents, records, undo
from twindesk.domain.queries import documents as dq
from twindesk.store import models as m

WORKER = Path(__file__).parent / "helpers" / "blob_worker.py"
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
HOLD = 0.6


@pytest.fixture
def server(pg_url):
    workspace.open_workspace(pg_url, take_backups=False)
    yield pg_url
    workspace.close()


def _later(days: float) -> datetime:
    return datetime.now() + timedelta(days=days)


def _contents() -> int:
    return m.DocumentBlob.select().count()


def _detached(owner: int) -> None:
    (doc,) = documents.attach("partner", owner, [("agreement.pdf", PDF)])
    documents.detach([doc])
    undo.history.reset()  # this window's own steps are not what keeps it (they would, as on SQLite)


def test_a_removed_document_s_content_stays_for_the_grace_period_and_goes_after_it(server):
    owner = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    _detached(owner)
    assert _contents() == 1  # the detach's own collection: someone's undo may still want it
    assert document_contents.collect_blobs(now=_later(6.9)) == 0 and _contents() == 1
    assert document_contents.collect_blobs(now=_later(7.1)) == 1 and _contents() == 0


def test_a_content_another_document_still_has_is_never_collected(server):
    owner = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    keep = documents.attach("partner", owner, [("copy.pdf", PDF)])[0]
    _detached(owner)
    assert document_contents.collect_blobs(now=_later(30)) == 0
    assert dq.read_bytes(keep) == PDF


def test_opening_the_server_read_write_collects_what_the_grace_period_let_go(server, monkeypatch):
    owner = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    _detached(owner)
    workspace.close()
    workspace.open_workspace(server, take_backups=False)
    assert _contents() == 1  # within the grace period
    workspace.close()
    monkeypatch.setattr(document_contents, "clock", lambda: _later(8))
    workspace.open_workspace(server, read_only=True)
    assert _contents() == 1  # a read-only open writes nothing
    workspace.close()
    workspace.open_workspace(server, take_backups=False)
    assert _contents() == 0


def _race(url: str, tmp_path: Path, job: dict, then) -> tuple[dict, object]:
    """The worker holds its operation open at the racy moment; `then()` runs here meanwhile."""
    held, ready = tmp_path / "held", tmp_path / "ready"
    worker = subprocess.Popen([sys.executable, str(WORKER), url, json.dumps(
        {**job, "held_file": str(held), "other_ready": str(ready), "hold": HOLD})],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env())
    deadline = time.monotonic() + 60
    while not held.exists():
        assert worker.poll() is None, worker.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    ready.write_text("ready")
    here = then()
    out, err = worker.communicate(timeout=60)
    assert worker.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1]), here


def test_an_attach_racing_the_collection_keeps_its_content(server, tmp_path):
    """The attach has found the content stored and not yet written its document when the collection,
    long after the grace period, looks: the content is the attach's, and stays."""
    owner = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    _detached(owner)
    worker, collected = _race(server, tmp_path, {"action": "attach", "owner": owner, "name": "again.pdf",
                                                 "hex": PDF.hex()},
                              lambda: document_contents.collect_blobs(now=_later(30)))
    assert worker["outcome"] == "attached" and collected == 0
    (doc,) = m.Document.select()
    assert dq.read_bytes(doc.id) == PDF


def test_an_attach_meeting_a_collection_in_progress_stores_the_content_again(server, tmp_path):
    owner = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    _detached(owner)
    started = time.monotonic()
    worker, attached = _race(server, tmp_path, {"action": "collect", "days": 30},
                             lambda: documents.attach("partner", owner, [("again.pdf", PDF)]))
    assert worker["collected"] == 1 and time.monotonic() - started >= HOLD  # it waited for the collection
    assert dq.read_bytes(attached[0]) == PDF and _contents() == 1
