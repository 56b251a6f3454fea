"""One member of staff in a process of their own, on a shared server: save or delete one record based
on the version they opened, and say what happened as one JSON line (tests/test_conflicts_server.py).

Usage: python conflict_worker.py DATABASE_URL JOB_JSON
JOB: {"who": "li", "action": "save"|"delete", "kind": "partner", "id": 1, "version": 2,
      "values": {...}, "hold": SECONDS, "held_file": PATH}
With "held_file", the write is done inside an operation that stays open (not committed): it writes
"held" to that file, waits until the other process has written its "ready_file" (just before its own
write), then `hold` seconds more, and commits: the other process meets the uncommitted change.
Prints {"outcome": "saved"|"deleted"|"conflict", "seconds": how long the write took, ...conflict details}.
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from twindesk.domain import workspace  # noqa: E402
from twindesk.domain.operations import documents, records  # noqa: E402
from twindesk.domain.operations.conflicts import RecordConflict  # noqa: E402
from twindesk.domain.operations.door import operation  # noqa: E402


def write(job: dict) -> str:
    if job["kind"] == "document":  # a document's form and the Documents tab's Remove
        if job["action"] == "delete":
            documents.detach([job["id"]], user=job["who"], expected_versions={job["id"]: job["version"]})
            return "deleted"
        documents.edit(job["id"], user=job["who"], expected_version=job["version"], **job["values"])
        return "saved"
    if job["action"] == "delete":
        records.delete(job["kind"], job["id"], user=job["who"], expected_version=job["version"])
        return "deleted"
    records.save(job["kind"], job["values"], job["id"], user=job["who"], expected_version=job["version"])
    return "saved"


def main() -> int:
    url, job = sys.argv[1], json.loads(sys.argv[2])
    workspace.open_workspace(url, take_backups=False)
    started = time.monotonic()
    try:
        if job.get("held_file"):
            with operation(job["action"], kind=job["kind"], record_id=job["id"], user=job["who"]):
                outcome = write(job)
                Path(job["held_file"]).write_text("held")
                other = Path(job["other_ready"])
                deadline = time.monotonic() + 60
                while not other.exists() and time.monotonic() < deadline:
                    time.sleep(0.01)
                time.sleep(job["hold"])
        else:
            if job.get("ready_file"):
                Path(job["ready_file"]).write_text("ready")
                started = time.monotonic()
            outcome = write(job)
        said = {"outcome": outcome}
    except RecordConflict as exc:
        said = {"outcome": "conflict", "deleted": exc.deleted, "changed_by": exc.changed_by,
                "their_version": exc.their_version, "message": str(exc),
                "fields": {d.field: [str(d.base), str(d.mine), str(d.theirs)] for d in exc.fields}}
    said["seconds"] = round(time.monotonic() - started, 3)
    print(json.dumps(said), flush=True)
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
