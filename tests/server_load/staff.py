"""One simulated member of staff for the server load test (tests/test_server_load.py).

    python tests/server_load/staff.py URL INDEX SECONDS PARTNER_IDS OUT.json

Opens the shared database as `staff-INDEX`, says "ready" on stdout, waits for "go" on stdin, then for
SECONDS picks at random: a save of one of the shared partners (read it, think a moment as a person at
a form does, save with the version it read; a conflict is a result, not a failure), an import of a
small staff list of new partners, or a read (the partners list and the dashboard's overview). Every
outcome goes into OUT.json for the test to check against the database.
"""

import json
import random
import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from twindesk.domain import workspace  # noqa: E402
from twindesk.domain.operations import door, records  # noqa: E402
from twindesk.domain.operations.conflicts import RecordConflict  # noqa: E402
from twindesk.domain.queries import lists, overview  # noqa: E402
from twindesk.exchange.import_flow import import_file  # noqa: E402
from twindesk.store import models as m  # noqa: E402

SAVE, IMPORT = 0.70, 0.05  # the rest reads


def save_one(rng: random.Random, pool: list[int], me: str, k: int, out: dict) -> None:
    pid = rng.choice(pool)
    row = m.Partner.get_by_id(pid)
    token = f"{me}#{k}"
    time.sleep(rng.uniform(0, 0.03))  # a person at the form between opening and Save
    notes = f"{row.notes} {token}".strip()
    started = time.perf_counter()
    try:
        records.save("partner", {"notes": notes}, pid, expected_version=row.version)
    except RecordConflict as conflict:
        out["conflicts"].append([pid, token, row.version, conflict.their_version])
        return
    out["saves"].append([pid, token, row.version, (time.perf_counter() - started) * 1000])


def import_some(me: str, k: int, folder: Path, out: dict) -> None:
    names = [f"载荷{me}-{k}-{n}" for n in range(2)]
    source = folder / f"{me}-{k}.csv"
    source.write_text("城市名称,国家,类型\n" + "".join(f"{name},日本,市\n" for name in names), encoding="utf-8")
    report = import_file(source, recall=False)
    problems = getattr(report, "issues", None) or getattr(report, "errors", None)
    if problems:
        raise AssertionError(f"import refused: {problems}")
    out["imports"].extend(names)


def read_some(out: dict) -> None:
    lists.fetch("partners", lists.ListQuery(limit=200))
    overview.load_overview(date.today(), quiet_after_days=365)
    out["reads"] += 1


def main(url: str, index: int, seconds: float, pool: list[int], out_path: Path) -> int:
    me = f"staff-{index:02d}"
    door.set_staff_name(me)
    workspace.open_workspace(url)
    rng = random.Random(index)
    out = {"staff": me, "saves": [], "conflicts": [], "imports": [], "reads": 0, "errors": []}
    print("ready", flush=True)
    sys.stdin.readline()
    deadline = time.monotonic() + seconds
    k = 0
    with tempfile.TemporaryDirectory() as folder:
        while time.monotonic() < deadline:
            k += 1
            pick = rng.random()
            try:
                if pick < SAVE:
                    save_one(rng, pool, me, k, out)
                elif pick < SAVE + IMPORT:
                    import_some(me, k, Path(folder), out)
                else:
                    read_some(out)
            except Exception:  # anything but a conflict is a failure of the test
                out["errors"].append(traceback.format_exc())
    workspace.close()
    out_path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    url, index, seconds, pool, out = sys.argv[1:6]
    sys.exit(main(url, int(index), float(seconds), [int(i) for i in pool.split(",")], Path(out)))
