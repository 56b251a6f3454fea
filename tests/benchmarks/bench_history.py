"""How fast is a record's history with 10,000 changes, and what does writing the history cost a save?

    python tests/benchmarks/bench_history.py [N] [--changes C]        (default N = 10000, C = 10000)

The database is `twindesk demo --scale N` (generated once, cached as /tmp/twindesk-bench-<N>-<code digest>.db), copied,
and one partner is saved C times through `records.save` (its population, one field each time), so it
has C changes (cached as /tmp/twindesk-bench-history-<N>-<C>.db).

1. `history.record_history("partner", id)`: every change of the partner and of its sub-records, newest
   first, ready to show (each row is worded when it is first read, as a table reads its rows on screen).
   Floor: the bare SQL returning the same rows (the changes joined with their operations, newest first)
   on a fresh `sqlite3` connection, fetched into a list. Aim: at most 1.5x.
   Also printed, not held against the aim: the answer with every one of its rows worded (what
   `twindesk history --limit 10000` prints), and the first screen of 40 rows.
2. A form save: `records.save` updating 2 fields of a partner, with its history rows (the row read
   before, the comparison, the operation and change rows), against the same save through the same
   door with the history work skipped (`Operation.track`/`track_new`/`_compare` made no-ops, so no
   history row is written). Aim: at most 1.3x.

Each side is run once to warm up, then REPEAT times; the median (best in brackets) is printed.
"""

import os
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import demo_database  # noqa: E402
from common import timed as common_timed  # noqa: E402  (tests/benchmarks is on sys.path)

from twindesk.domain import workspace  # noqa: E402
from twindesk.domain.operations import door, records  # noqa: E402
from twindesk.domain.queries import history  # noqa: E402

READ_AIM, SAVE_AIM = 1.5, 1.3
REPEAT = 7
SAVES = 200  # form saves per timed run

FLOOR_SQL = ("SELECT c.id, c.operation_id, o.at, o.user, o.action, c.kind, c.record_id, c.change, c.field, "
             "c.old, c.new FROM history_change c JOIN history_operation o ON o.id = c.operation_id "
             "WHERE c.kind = ? AND c.record_id = ? ORDER BY c.id DESC")


def timed(func, repeat: int = REPEAT) -> tuple[float, float]:
    return common_timed(func, repeat)


def report(label: str, ours: tuple[float, float], floor: tuple[float, float], aim: float | None) -> float:
    ratio = ours[1] / floor[1] if floor[1] else float("inf")
    verdict = "" if aim is None else f"  (aim <= {aim:g}x: {'ok' if ratio <= aim else 'MISSES the aim'})"
    print(f"  {label:44} ours {ours[1] * 1000:8.2f} ms (best {ours[0] * 1000:7.2f})   "
          f"floor {floor[1] * 1000:8.2f} ms (best {floor[0] * 1000:7.2f})   ratio {ratio:5.2f}x{verdict}")
    return ratio


def history_database(n: int, changes: int) -> tuple[Path, int]:
    """A copy of the scale demo with one partner changed `changes` times; (path, partner id)."""
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"twindesk-bench-history-{n}-{changes}.db"
    if not path.exists():
        part = path.with_name(path.name + ".part")
        for stale in (part, Path(f"{part}-wal"), Path(f"{part}-shm")):
            stale.unlink(missing_ok=True)
        shutil.copyfile(demo_database(n), part)
        print(f"generating {path} ({changes:,} saves of one partner) …", flush=True)
        workspace.open_workspace(part, take_backups=False)
        try:
            partner = records.save("partner", {"name_en": "Benchmark City", "country": "KR"})
            for i in range(changes):
                records.save("partner", {"population": 1000 + i}, partner, user=f"clerk {i % 7}")
        finally:
            workspace.close()
        os.replace(part, path)
    workspace.open_workspace(path, read_only=True)
    try:
        partner = records.spec_for("partner").model.get(name_en="Benchmark City").id
    finally:
        workspace.close()
    return path, partner


def bench_read(path: Path, partner: int) -> list[float]:
    workspace.open_workspace(path, read_only=True)
    conn = sqlite3.connect(str(path))  # the floor's own, fresh connection
    try:
        def floor():
            return conn.execute(FLOOR_SQL, ("partner", partner)).fetchall()

        answer = history.record_history("partner", partner)
        raw = floor()
        assert len(answer) == len(raw) and [r.change_id for r in answer[:50]] == [r[0] for r in raw[:50]], \
            "rows differ"
        print(f"\nrecord_history of partner {partner}: {len(answer):,} changes")
        ratios = [report("record_history() (rows ready to show)", timed(
            lambda: history.record_history("partner", partner)), timed(floor), READ_AIM)]
        report("  … with every row worded", timed(lambda: [r.what for r in history.record_history(
            "partner", partner)], repeat=3), timed(floor, repeat=3), None)
        report("  … with the first screen (40 rows) worded", timed(lambda: [r.what for r in history.record_history(
            "partner", partner)[:40]]), timed(floor), None)
    finally:
        conn.close()
        workspace.close()
    return ratios


def bench_save(path: Path, partner: int) -> list[float]:
    work = path.with_name(path.stem + "-save.db")
    shutil.copyfile(path, work)
    workspace.open_workspace(work, take_backups=False)
    counter = iter(range(10**9))

    def saves():
        for _ in range(SAVES):
            i = next(counter)
            records.save("partner", {"population": 2_000_000 + i, "website": f"www.city{i}.example.org"}, partner)

    originals = {name: getattr(door.Operation, name) for name in ("track", "track_new", "_compare")}

    def without_history():
        for name in originals:
            setattr(door.Operation, name, lambda *args, **kwargs: None)
        try:
            saves()
        finally:
            for name, original in originals.items():
                setattr(door.Operation, name, original)

    try:
        print(f"\nform save (2 fields of partner {partner}), {SAVES} saves per run")
        ours, floor = [], []
        saves(), without_history()  # warm-up
        for _ in range(REPEAT):  # alternate, so both sides see the same file growth and cache
            for side, func in ((ours, saves), (floor, without_history)):
                t0 = time.perf_counter()
                func()
                side.append(time.perf_counter() - t0)
        ratios = [report("records.save() with history rows vs without",
                         (min(ours), statistics.median(ours)), (min(floor), statistics.median(floor)), SAVE_AIM)]
    finally:
        workspace.close()
        for leftover in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
            leftover.unlink(missing_ok=True)
    return ratios


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv and not argv[0].startswith("-") else 10_000
    changes = int(argv[argv.index("--changes") + 1]) if "--changes" in argv else 10_000
    path, partner = history_database(n, changes)
    print(f"N = {n:,}, {path}; median of {REPEAT} runs after a warm-up (best in brackets)")
    read = bench_read(path, partner)
    save = bench_save(path, partner)
    print(f"\nhistory read ratio {read[0]:.2f}x (aim <= {READ_AIM:g}x), "
          f"form save ratio {save[0]:.2f}x (aim <= {SAVE_AIM:g}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
