"""How fast is the shipments list query through `twindesk.domain.queries.lists`, against plain sqlite3?

    python tests/benchmarks/bench_list_query.py [N]        (default N = 100000)

The database is `twindesk demo --scale N`, generated once and cached as /tmp/twindesk-bench-<N>-<code digest>.db.

For each search term (an occasion word and a Chinese 2-character fragment of partner names):

1. `lists.fetch("shipments", ListQuery(text=TERM, sort="date", descending=True, limit=200))`: the page of
   200 rows as dicts plus the matched and total counts.
   Floor: the very SQL statements (and parameters) fetch() ran — captured from peewee while it ran — on
   a fresh `sqlite3` connection, the page's rows turned into dicts from `cursor.description`.
2. `lists.ids("shipments", q)`: every matching id in list order (what the window calls).
   Floor: its SQL through sqlite3 into a list of ints.

Each side is run once to warm up, then REPEAT times; the best and the median are printed, and the ratio
of the medians is held against the aim (at most 2x).
"""

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import captured_sql, demo_database  # noqa: E402
from common import timed as common_timed  # noqa: E402  (tests/benchmarks is on sys.path)

from twindesk.domain import workspace
from twindesk.domain.queries import lists  # noqa: E402
from twindesk.domain.queries.lists import ListQuery  # noqa: E402

AIM = 2.0
REPEAT = 5
TERMS = ("flood", "地区")  # "Flood relief" is one of 8 occasions; 地区 is in ~5% of partner names




def timed(func, repeat: int = REPEAT) -> tuple[float, float]:
    return common_timed(func, repeat)




def raw_dicts(conn: sqlite3.Connection, sql: str, params: tuple) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def report(label: str, ours: tuple[float, float], floor: tuple[float, float]) -> float:
    ratio = ours[1] / floor[1] if floor[1] else float("inf")
    verdict = "ok" if ratio <= AIM else "MISSES the aim"
    print(f"  {label:34} ours {ours[1] * 1000:8.1f} ms (best {ours[0] * 1000:7.1f})   "
          f"floor {floor[1] * 1000:8.1f} ms (best {floor[0] * 1000:7.1f})   "
          f"ratio {ratio:5.2f}x  (aim <= {AIM:g}x: {verdict})")
    return ratio


def main(n: int) -> int:
    path = demo_database(n)
    opened = workspace.open_workspace(path, take_backups=False)
    db = opened.db
    conn = sqlite3.connect(str(path))  # the floor's own, fresh connection
    print(f"N = {n:,}: {lists.count('shipments'):,} shipments in {path}")
    print(f"median of {REPEAT} runs after a warm-up (best in brackets)")
    ratios = []
    try:
        for term in TERMS:
            q = ListQuery(text=term, sort="date", descending=True, limit=200)
            page = lists.fetch("shipments", q)
            print(f"\nsearch {term!r}: {page.matched:,} of {page.total:,} shipments match "
                  f"({page.matched / page.total:.1%}), page of {len(page.rows)} rows")

            # --- fetch(): page + matched count + total count ---
            fetch_sql = captured_sql(db, lambda q=q: lists.fetch("shipments", q))

            def floor_fetch(statements=fetch_sql):
                page_sql, page_params = statements[0]
                rows = raw_dicts(conn, page_sql, page_params)
                counts = [conn.execute(sql, params).fetchone()[0] for sql, params in statements[1:]]
                return rows, counts

            rows, counts = floor_fetch()
            assert rows == page.rows or [r["id"] for r in rows] == [r["id"] for r in page.rows], "rows differ"
            assert counts[0] == page.matched, (counts, page.matched)
            ours = timed(lambda q=q: lists.fetch("shipments", q))
            floor = timed(floor_fetch)
            ratios.append(report(f"fetch() ({len(fetch_sql)} statements)", ours, floor))

            # --- ids(): every matching id in order ---
            ids_sql = captured_sql(db, lambda q=q: lists.ids("shipments", q))
            assert len(ids_sql) == 1, ids_sql
            sql, params = ids_sql[0]

            def floor_ids(sql=sql, params=params):
                return [i for (i,) in conn.execute(sql, params)]

            assert floor_ids() == lists.ids("shipments", q)
            ours = timed(lambda q=q: lists.ids("shipments", q))
            floor = timed(floor_ids)
            ratios.append(report(f"ids() ({page.matched:,} ids)", ours, floor))
    finally:
        conn.close()
        workspace.close()
    worst = max(ratios)
    print(f"\nworst ratio {worst:.2f}x (aim <= {AIM:g}x): {'ok' if worst <= AIM else 'MISSES the aim'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
