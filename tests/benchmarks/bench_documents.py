"""Documents: what attaching a file costs, and that a database full of files lists as fast as without.

    python tests/benchmarks/bench_documents.py [N] [FILES]     (default N = 100000 partners, FILES = 50)

1. Attaching a 20 MB PDF (`documents.attach`: content check, SHA-256, blob, document row, history, one
   operation) against writing the same bytes with `sqlite3` in one transaction into a table of one BLOB
   column, both in WAL with synchronous=FULL (what TwinDesk opens with). Each run has fresh random bytes,
   so nothing is found already stored. Aim: at most 1.5x.
2. The partners list (`lists.fetch` of the first page of 200 in the default order, and `lists.ids`) at N
   partners, on a copy without documents and on a copy with FILES x 20 MB of distinct documents (1 GB at
   50) attached to partners. Aim: at most 1.1x.

The scale database is `twindesk demo --scale N` (tests/benchmarks/common.py); when one of an older
schema is cached for N, a copy of it is upgraded instead (the schema-4 step only adds tables).
"""

import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import demo_database  # noqa: E402  (tests/benchmarks is on sys.path)

from twindesk.domain import workspace  # noqa: E402
from twindesk.domain.operations import documents  # noqa: E402
from twindesk.domain.queries import lists  # noqa: E402
from twindesk.domain.queries.lists import ListQuery  # noqa: E402

MB = 1024 * 1024
SIZE = 20 * MB
REPEAT = 5


def pdf(size: int = SIZE) -> bytes:
    return b"%PDF-1.7\n" + os.urandom(size - 9)


def median_of(func, repeat: int = REPEAT, setup=lambda: None) -> float:
    times = []
    for _ in range(repeat + 1):  # the first is a warm-up
        arg = setup()
        t0 = time.perf_counter()
        func(arg)
        times.append(time.perf_counter() - t0)
    return statistics.median(times[1:])


def say(label: str, ours: float, floor: float, aim: float) -> float:
    ratio = ours / floor
    print(f"  {label:46} ours {ours * 1000:8.1f} ms   floor {floor * 1000:8.1f} ms   ratio {ratio:5.2f}x "
          f"(aim <= {aim:g}x: {'ok' if ratio <= aim else 'MISSES the aim'})")
    return ratio


def bench_attach(folder: Path) -> float:
    db = folder / "attach.db"
    workspace.open_workspace(db, take_backups=False)
    from twindesk.domain.operations import records, undo

    pid = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    try:
        def ours(data):
            documents.attach("partner", pid, [("scan.pdf", data)])
            undo.history.reset()

        t_ours = median_of(ours, setup=pdf)
    finally:
        workspace.close()
    conn = sqlite3.connect(folder / "floor.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE blob (id INTEGER PRIMARY KEY, content BLOB)")

    def floor(data):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO blob (content) VALUES (?)", (data,))
        conn.execute("COMMIT")

    t_floor = median_of(floor, setup=pdf)
    conn.close()
    return say("attach one 20 MB PDF", t_ours, t_floor, 1.5)


def scale_copy(n: int, target: Path) -> None:
    cached = sorted(Path(tempfile.gettempdir()).glob(f"twindesk-bench-{n}-*.db"), key=os.path.getmtime)
    source = cached[-1] if cached else demo_database(n)
    shutil.copyfile(source, target)
    workspace.open_workspace(target, take_backups=False)  # upgraded here if it is older
    workspace.close()


def list_time() -> float:
    q = ListQuery(limit=200)  # the default order, as the window opens it

    def run(_):
        lists.fetch("partners", q)
        lists.ids("partners", q)

    return median_of(run)


def bench_list(n: int, files: int, folder: Path) -> float:
    plain, full = folder / "plain.db", folder / "full.db"
    scale_copy(n, plain)
    shutil.copyfile(plain, full)
    workspace.open_workspace(full, take_backups=False)
    try:
        partners = lists.ids("partners", ListQuery())
        print(f"  {len(partners):,} partners; attaching {files} x 20 MB …", flush=True)
        t0 = time.perf_counter()
        for i in range(files):
            documents.attach("partner", partners[i * len(partners) // files], [(f"scan-{i}.pdf", pdf())])
        print(f"  attached {files * SIZE / MB / 1024:.2f} GB in {time.perf_counter() - t0:.0f} s; "
              f"file {full.stat().st_size / MB / 1024:.2f} GB (plain {plain.stat().st_size / MB:.0f} MB)")
    finally:
        workspace.close()
    times = {}
    for label, path in (("without", plain), ("with", full)):
        workspace.open_workspace(path, read_only=True)
        try:
            times[label] = list_time()
        finally:
            workspace.close()
    return say(f"partners list, {files * SIZE // MB:,} MB of documents vs none", times["with"], times["without"], 1.1)


def main(n: int, files: int) -> int:
    folder = Path(tempfile.mkdtemp(prefix="twindesk-bench-documents-"))
    try:
        print(f"median of {REPEAT} runs after a warm-up")
        attach = bench_attach(folder)
        listing = bench_list(n, files, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"\nratios: attach {attach:.2f}x (aim <= 1.5x), list with documents {listing:.2f}x (aim <= 1.1x)")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000, int(sys.argv[2]) if len(sys.argv) > 2 else 50))
