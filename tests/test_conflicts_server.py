"""No lost updates on a shared server: two staff in two processes change the same record at once
(docs/architecture.md, "Conflicts"). The first one's transaction stays open while the second saves,
so the second meets an uncommitted change: it must wait for the lock, then get RecordConflict, with
nothing of it written and the history holding exactly the first save."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import subprocess_env

from twindesk.domain import workspace
from twindesk.domain.operations import records
from twindesk.store import models as m

WORKER = Path(__file__).parent / "helpers" / "conflict_worker.py"
HOLD = 0.6  # seconds the first writer keeps its transaction open once the second is about to write


@pytest.fixture
def server(pg_url):
    workspace.open_workspace(pg_url, take_backups=False)
    yield pg_url
    workspace.close()


def start(url: str, job: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WORKER), url, json.dumps(job)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=subprocess_env())


def said(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


def race(url: str, tmp_path: Path, first: dict, second: dict) -> tuple[dict, dict]:
    """`first` writes and holds its transaction open until `second` is about to write, and HOLD more."""
    held, ready = tmp_path / "held", tmp_path / "ready"
    a = start(url, {**first, "hold": HOLD, "held_file": str(held), "other_ready": str(ready)})
    deadline = time.monotonic() + 60
    while not held.exists():
        assert a.poll() is None, a.communicate()
        assert time.monotonic() < deadline, "the first writer never got to its write"
        time.sleep(0.02)
    b = start(url, {**second, "ready_file": str(ready)})
    return said(a), said(b)


def version(kind: str, record_id: int) -> int:
    return records.get(kind, record_id)["version"]


def updates_of(kind: str, record_id: int) -> list[tuple[str, str, str]]:
    """(who, field, new) of every update the history holds for the record."""
    c, o = m.HistoryChange, m.HistoryOperation
    rows = (c.select(o.user, c.field, c.new).join(o, on=(c.operation == o.id))
            .where(c.kind == kind, c.record_id == record_id, c.change == "update").order_by(c.id).tuples())
    return [(who, column, json.loads(new)) for who, column, new in rows]


def test_the_second_of_two_staff_saving_one_record_gets_the_conflict(server, tmp_path):
    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP", "population": 100})
    opened = version("partner", pid)
    first, second = race(server, tmp_path,
                         {"who": "li", "action": "save", "kind": "partner", "id": pid, "version": opened,
                          "values": {"name_en": "Hyogo Prefecture", "population": 200}},
                         {"who": "wang", "action": "save", "kind": "partner", "id": pid, "version": opened,
                          "values": {"name_en": "Hyogo-ken", "notes": "mine"}})
    assert first["outcome"] == "saved"
    assert second["outcome"] == "conflict" and second["changed_by"] == "li" and not second["deleted"]
    assert second["seconds"] >= HOLD / 2  # it waited for the first writer's lock, then read its version
    assert second["fields"]["name_en"] == ["Hyogo", "Hyogo-ken", "Hyogo Prefecture"]
    assert second["their_version"] == opened + 1
    stored = records.get("partner", pid)
    assert (stored["name_en"], stored["population"], stored["notes"], stored["version"]) == (
        "Hyogo Prefecture", 200, "", opened + 1)
    assert sorted(updates_of("partner", pid)) == [("li", "name_en", "Hyogo Prefecture"), ("li", "population", 200)]


def test_a_sub_record_edited_in_two_processes(server, tmp_path):
    vid = records.save("visit", {"title": "Delegation"})
    did = records.save("delegate", {"visit": vid, "name": "Kim", "title": "Mayor"})
    opened = version("delegate", did)
    job = {"action": "save", "kind": "delegate", "id": did, "version": opened}
    first, second = race(server, tmp_path, {**job, "who": "li", "values": {"title": "Vice mayor"}},
                         {**job, "who": "wang", "values": {"title": "Governor"}})
    assert (first["outcome"], second["outcome"]) == ("saved", "conflict")
    assert second["seconds"] >= HOLD / 2
    assert second["fields"] == {"title": ["Mayor", "Governor", "Vice mayor"]}
    assert records.get("delegate", did)["title"] == "Vice mayor"
    assert updates_of("delegate", did) == [("li", "title", "Vice mayor")]


def test_a_delete_racing_an_edit_the_edit_first(server, tmp_path):
    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    opened = version("partner", pid)
    first, second = race(server, tmp_path,
                         {"who": "li", "action": "save", "kind": "partner", "id": pid, "version": opened,
                          "values": {"notes": "theirs"}},
                         {"who": "wang", "action": "delete", "kind": "partner", "id": pid, "version": opened})
    assert (first["outcome"], second["outcome"]) == ("saved", "conflict")
    assert "was not deleted" in second["message"] and second["changed_by"] == "li"
    assert records.get("partner", pid)["notes"] == "theirs"
    assert not m.HistoryOperation.select().where(m.HistoryOperation.action == "delete").exists()


def test_a_delete_racing_an_edit_the_delete_first(server, tmp_path):
    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    opened = version("partner", pid)
    first, second = race(server, tmp_path,
                         {"who": "li", "action": "delete", "kind": "partner", "id": pid, "version": opened},
                         {"who": "wang", "action": "save", "kind": "partner", "id": pid, "version": opened,
                          "values": {"notes": "mine"}})
    assert (first["outcome"], second["outcome"]) == ("deleted", "conflict")
    assert second["deleted"] and second["changed_by"] == "li" and "deleted by li" in second["message"]
    assert not m.Partner.select().where(m.Partner.id == pid).exists()
    assert updates_of("partner", pid) == []


def test_two_saves_without_a_version_each_bump_it_once(server, tmp_path):
    """The command line and imports give no version: the lock still makes the second wait and count on."""
    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    start_version = version("partner", pid)
    job = {"action": "save", "kind": "partner", "id": pid, "version": None}
    first, second = race(server, tmp_path, {**job, "who": "li", "values": {"notes": "one"}},
                         {**job, "who": "wang", "values": {"population": 7}})
    assert (first["outcome"], second["outcome"]) == ("saved", "saved")
    assert second["seconds"] >= HOLD / 2
    stored = records.get("partner", pid)
    assert (stored["notes"], stored["population"], stored["version"]) == ("one", 7, start_version + 2)
