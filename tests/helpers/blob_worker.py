"""One side of a race over a document's content on a shared server (tests/test_document_contents_server.py):
hold an operation open at the racy moment, say so, wait for the other side, then commit.

Usage: python blob_worker.py DATABASE_URL JOB_JSON
JOB: {"action": "attach" | "collect", "owner": partner id, "name": "a.pdf", "hex": content as hex,
      "days": how far on the clock the collection runs, "held_file": PATH, "other_ready": PATH, "hold": SECONDS}
"attach" stores the content as documents.attach does and holds before the document row goes in (the
moment a collection could take the content from under it); "collect" runs the collection and holds
before its commit. Prints {"outcome": ..., "collected": n} as one JSON line.
"""

import json
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from twindesk.domain import workspace  # noqa: E402
from twindesk.domain.operations import document_contents  # noqa: E402
from twindesk.domain.operations.door import operation  # noqa: E402
from twindesk.store import dialect  # noqa: E402
from twindesk.store import models as m  # noqa: E402


def hold(job: dict) -> None:
    Path(job["held_file"]).write_text("held")
    deadline = time.monotonic() + 60
    while not Path(job["other_ready"]).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(job["hold"])


def main() -> int:
    url, job = sys.argv[1], json.loads(sys.argv[2])
    workspace.open_workspace(url, take_backups=False)
    said = {"collected": 0}
    if job["action"] == "attach":
        data = bytes.fromhex(job["hex"])
        import hashlib

        sha = hashlib.sha256(data).hexdigest()
        with operation("attach", kind="partner", record_id=job["owner"], user="li") as op:
            sql = dialect.insert_ignoring_duplicates("document_blob", ("sha256", "size", "mime", "content"))
            document_contents.store(sql, (sha, len(data), "application/pdf", data))
            hold(job)
            doc = m.Document.create(owner_kind="partner", owner_id=job["owner"], title="again", file_name=job["name"],
                                    size=len(data), mime="application/pdf", type_code="pdf", blob=sha)
            op.track_new(m.Document, doc.id)
        said["outcome"] = "attached"
    else:
        with operation("collect", user="li"):
            said["collected"] = document_contents.collect_blobs(now=datetime.now() + timedelta(days=job["days"]))
            hold(job)
        said["outcome"] = "collected"
    print(json.dumps(said), flush=True)
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
