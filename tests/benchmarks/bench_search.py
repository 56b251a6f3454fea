"""One keystroke of the pinyin- and item-aware shipments search through `twindesk.domain.queries.lists`,
against the same SQL through plain sqlite3.

    python tests/benchmarks/bench_search.py [N]        (default N = 100000)

The database is `twindesk demo --scale N` (N shipments with ~1.85 N items), generated once and cached
(tests/benchmarks/common.py). The search matches a shipment's own text, its partner's names (any
script, and their pinyin: full and initials) and its items' descriptions (a subquery on the items'
own search text). The visits list is measured too: its delegates' and partners' names the same way.

For each search, as typed into the Shipments page:

1. `lists.fetch("shipments", ListQuery(text=TERM))`: the first page of 200 rows as dicts plus the matched
   and total counts. Floor: the very SQL statements (and parameters) fetch() ran, captured from peewee,
   on a fresh `sqlite3` connection, the page's rows turned into dicts from `cursor.description`.
2. `lists.ids("shipments", q)`: every matching id in list order (what the page loads). Floor: its SQL
   through sqlite3 into a list of ints.

Each side is run once to warm up, then REPEAT times, the two taking turns; the medians (best in brackets) and their ratio are
printed, against the aim (at most 2x).
"""

import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import captured_sql, demo_database  # noqa: E402  (tests/benchmarks is on sys.path)

from twindesk.domain import workspace  # noqa: E402
from twindesk.domain.queries import lists  # noqa: E402
from twindesk.domain.queries.lists import ListQuery  # noqa: E402

AIM = 2.0
REPEAT = 7
# Full pinyin of partner names (威斯特…), their initials, an item's description, two words; and the
# visits list, which searches its delegates' names (王…) and its partners' the same way.
SEARCHES = (("shipments", "weisite"), ("shipments", "wst"), ("shipments", "masks"), ("shipments", "wei masks"),
            ("visits", "wang"))


def timed_pair(ours, floor, repeat: int = REPEAT) -> tuple[tuple[float, float], tuple[float, float]]:
    """(best, median) seconds of each over `repeat` runs after a warm-up, the two taking turns: on a
    shared machine a slow moment then costs both sides alike."""
    ours(), floor()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for func, out in ((ours, times[0]), (floor, times[1])):
            t0 = time.perf_counter()
            func()
            out.append(time.perf_counter() - t0)
    return tuple((min(t), statistics.median(t)) for t in times)


def raw_dicts(conn: sqlite3.Connection, sql: str, params: tuple) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def report(label: str, ours: tuple[float, float], floor: tuple[float, float]) -> float:
    ratio = ours[1] / floor[1] if floor[1] else float("inf")
    verdict = "ok" if ratio <= AIM else "MISSES the aim"
    print(f"  {label:30} ours {ours[1] * 1000:8.1f} ms (best {ours[0] * 1000:7.1f})   "
          f"floor {floor[1] * 1000:8.1f} ms (best {floor[0] * 1000:7.1f})   "
          f"ratio {ratio:5.2f}x  (aim <= {AIM:g}x: {verdict})")
    return ratio


def main(n: int) -> int:
    path = demo_database(n)
    opened = workspace.open_workspace(path, take_backups=False, read_only=True)
    db = opened.db
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)  # the floor's own, fresh connection
    print(f"N = {n:,}: {lists.count('shipments'):,} shipments, {lists.count('visits'):,} visits in {path}")
    print(f"median of {REPEAT} runs after a warm-up (best in brackets)")
    ratios = []
    try:
        for name, term in SEARCHES:
            q = ListQuery(text=term)
            page = lists.fetch(name, q)
            print(f"\n{name}, search {term!r}: {page.matched:,} of {page.total:,} match "
                  f"({page.matched / page.total:.1%}), page of {len(page.rows)} rows")
            assert page.matched > 0, f"{term!r} finds nothing: the benchmark would measure an empty search"

            fetch_sql = captured_sql(db, lambda q=q, name=name: lists.fetch(name, q))

            def floor_fetch(statements=fetch_sql):
                page_sql, page_params = statements[0]
                rows = raw_dicts(conn, page_sql, page_params)
                counts = [conn.execute(sql, params).fetchone()[0] for sql, params in statements[1:]]
                return rows, counts

            rows, counts = floor_fetch()
            assert [r["id"] for r in rows] == [r["id"] for r in page.rows], "rows differ"
            assert counts[0] == page.matched, (counts, page.matched)
            ratios.append(report(f"fetch() ({len(fetch_sql)} statements)",
                                 *timed_pair(lambda q=q, name=name: lists.fetch(name, q), floor_fetch)))

            ids_sql = captured_sql(db, lambda q=q, name=name: lists.ids(name, q))
            assert len(ids_sql) == 1, ids_sql
            sql, params = ids_sql[0]

            def floor_ids(sql=sql, params=params):
                return [i for (i,) in conn.execute(sql, params)]

            assert floor_ids() == lists.ids(name, q)
            ratios.append(report(f"ids() ({page.matched:,} ids)",
                                 *timed_pair(lambda q=q, name=name: lists.ids(name, q), floor_ids)))
    finally:
        conn.close()
        workspace.close()
    worst = max(ratios)
    print(f"\nworst ratio {worst:.2f}x (aim <= {AIM:g}x): {'ok' if worst <= AIM else 'MISSES the aim'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
