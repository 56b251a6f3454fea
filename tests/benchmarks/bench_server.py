"""How fast are the shipments list and the workbook export on the shared PostgreSQL server?

    python tests/benchmarks/bench_server.py [N]        (default N = 100000)

The data is `twindesk demo --scale N` reduced to its shipments, their items, the partners they name and
the home localities (bench_exchange.py's cached copy), copied onto a throwaway PostgreSQL server with
`twindesk transfer --to` (or onto `TWINDESK_TEST_PG_URL`'s server).

1. The shipments list (`lists.fetch`, a page of 200 with its counts, and `lists.ids`, every matching id)
   for a search word and a Chinese fragment.
   Floor: the very SQL statements peewee ran (captured while it ran) through a fresh psycopg
   connection, the page's rows made into dicts from the cursor's description.
2. The workbook export (`export_workbook`, English).
   Floor: the export's SQL statements (captured) through psycopg, each result written as it comes by
   openpyxl's write-only mode into one sheet per statement: the bare libraries moving the same rows.
Each is timed on PostgreSQL against its floor (aim <= 2x), and against the same call on the SQLite
file (printed, no aim). Median of REPEAT runs after a warm-up.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench_exchange import shipments_database  # noqa: E402
from common import captured_sql  # noqa: E402
from common import timed as common_timed  # noqa: E402

from twindesk.domain import workspace  # noqa: E402
from twindesk.domain.queries import lists  # noqa: E402
from twindesk.domain.queries.lists import ListQuery  # noqa: E402

AIM = 2.0
REPEAT = 5
EXPORT_REPEAT = 1  # a whole workbook of N shipments: long enough to need no warm-up
TERMS = ("flood", "地区")


def timed(func, repeat: int = REPEAT, *, warm: bool = True) -> float:
    """The median seconds (common.timed)."""
    return common_timed(func, repeat, warm=warm)[1]


def server_copy(n: int):
    """(cluster or None, URL) of a server database holding the scale demo."""
    import os

    from pg_cluster import PgCluster, server_binaries

    base = os.environ.get("TWINDESK_TEST_PG_URL")
    cluster = PgCluster.from_url(base) if base else PgCluster.start_new(server_binaries())
    url = cluster.new_database(f"bench_{n}", initialized=False)
    print(f"copying the scale demo onto {url} …", flush=True)
    subprocess.run([sys.executable, "-m", "twindesk", "--db", str(shipments_database(n)), "transfer", "--to", url],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return cluster, url


def list_calls() -> list[tuple[str, object]]:
    calls = []
    for term in TERMS:
        q = ListQuery(text=term, sort="date", descending=True, limit=200)
        calls.append((f"fetch({term!r})", lambda q=q: lists.fetch("shipments", q)))
        calls.append((f"ids({term!r})", lambda q=q: lists.ids("shipments", q)))
    return calls


def export_once(folder: Path) -> None:
    from twindesk.exchange.export import export_workbook

    export_workbook(folder / "out.xlsx", replace=True)


def floor_statements(conn, statements, workbook_to: Path | None = None) -> None:
    """The statements through psycopg; with `workbook_to`, their rows written by openpyxl as they come."""
    book = None
    if workbook_to is not None:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
    with conn.cursor() as cur:
        for sql, params in statements:
            cur.execute(sql, params)
            if cur.description is None:
                continue
            names = [d[0] for d in cur.description]
            if book is None:
                [dict(zip(names, row, strict=True)) for row in cur]
            else:
                sheet = book.create_sheet()
                sheet.append(names)
                for row in cur:
                    sheet.append([v if not isinstance(v, memoryview) else bytes(v) for v in row])
    if book is not None:
        book.save(workbook_to)


def main(n: int) -> int:
    import psycopg

    cluster, url = server_copy(n)
    ratios = []
    folder = Path(tempfile.mkdtemp(prefix="twindesk-bench-server-"))
    try:
        sqlite_times = {}
        workspace.open_workspace(shipments_database(n), take_backups=False, read_only=True)
        for label, call in list_calls():
            sqlite_times[label] = timed(call)
        sqlite_times["export"] = timed(lambda: export_once(folder), EXPORT_REPEAT, warm=False)
        workspace.close()

        opened = workspace.open_workspace(url, read_only=True)
        print(f"N = {n:,}: {lists.count('shipments'):,} shipments on {opened.location}")
        print(f"median of {REPEAT} runs after a warm-up (the export: {EXPORT_REPEAT}, no warm-up)\n")
        with psycopg.connect(url) as conn:
            conn.autocommit = True
            rows = list_calls() + [("export", lambda: export_once(folder))]
            for label, call in rows:
                statements = captured_sql(opened.db, call)
                repeat = EXPORT_REPEAT if label == "export" else REPEAT
                out = folder / "floor.xlsx" if label == "export" else None
                warm = label != "export"
                ours = timed(call, repeat, warm=warm)
                floor = timed(lambda s=statements, o=out: floor_statements(conn, s, o), repeat, warm=warm)
                ratio = ours / floor
                ratios.append(ratio)
                print(f"  {label:16} PostgreSQL {ours * 1000:8.1f} ms   psycopg floor {floor * 1000:8.1f} ms   "
                      f"ratio {ratio:5.2f}x (aim <= {AIM:g}x: {'ok' if ratio <= AIM else 'MISSES the aim'})   "
                      f"SQLite {sqlite_times[label] * 1000:8.1f} ms   PostgreSQL/SQLite "
                      f"{ours / sqlite_times[label]:5.2f}x")
        workspace.close()
    finally:
        if cluster.owned:
            cluster.stop()
    worst = max(ratios)
    print(f"\nworst ratio against psycopg {worst:.2f}x (aim <= {AIM:g}x): {'ok' if worst <= AIM else 'MISSES the aim'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
