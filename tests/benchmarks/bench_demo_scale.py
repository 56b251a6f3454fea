"""How fast is `twindesk demo --scale N`, against the floor of plain sqlite3?

    python tests/benchmarks/bench_demo_scale.py [N]        (default N = 100000)

1. `write_demo(scale=N)` into a fresh TwinDesk database (opening it is not timed).
2. The floor: a fresh file with the same schema (copied from sqlite_master of a TwinDesk database) and
   the same pragmas, into which plain `sqlite3` inserts the same rows (the article's rows and the
   synthetic ones, built beforehand by the same row builder) with one `executemany` per table, in one
   transaction. No peewee is involved in what is timed.

Prints both times and their ratio (the aim is at most 3x), then checks that both files hold the same
rows (timestamps aside).
"""

import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from twindesk.domain import workspace
from twindesk.domain.demo import DEFAULT_SEED, write_demo  # noqa: E402
from twindesk.domain.demo import synthetic as syn  # noqa: E402
from twindesk.store.connection import PRAGMAS  # noqa: E402

TIMESTAMPS = ("created_at", "updated_at", "uuid")  # a UUID is random by design


def _apply_pragmas(conn: sqlite3.Connection) -> None:
    for name, value in PRAGMAS:
        conn.execute(f"PRAGMA {name} = {value}")


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def main(n: int) -> int:
    seed = DEFAULT_SEED
    with tempfile.TemporaryDirectory(prefix="twindesk-bench-") as tmp:
        tmp = Path(tmp)

        # ---- 1. write_demo through TwinDesk ----
        demo_path = tmp / "demo.db"
        workspace.open_workspace(demo_path, take_backups=False)
        today = date.today()
        t0 = time.perf_counter()
        summary = write_demo(scale=n, seed=seed)
        t_demo = time.perf_counter() - t0
        workspace.close()

        # ---- the same rows, built outside the timing ----
        scratch_path = tmp / "scratch.db"
        opened = workspace.open_workspace(scratch_path, take_backups=False)
        write_demo(scale=0, seed=seed)  # the article only: its rows, and the ids synthetic rows start from
        raw = opened.raw()
        schema = [
            sql
            for (sql,) in raw.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
                "ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, rowid"
            )
        ]
        user_version = raw.execute("PRAGMA user_version").fetchone()[0]
        tables = [t for (t,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
        article_rows = {t: raw.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
        article_cols = {t: _columns(raw, t) for t in tables}
        start = syn.first_ids()
        home_ids = [i for (i,) in raw.execute('SELECT id FROM "home_locality" ORDER BY sort_order, id')]
        workspace.close()

        t0 = time.perf_counter()
        synthetic_rows: dict[str, list[tuple]] = {t: [] for t in syn.TABLES}
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        for batch in syn.iter_rows(n, seed, start=start, home_ids=home_ids, stamp=stamp, today=today):
            for table, rows in batch.items():
                synthetic_rows[table].extend(rows)
        t_build = time.perf_counter() - t0
        n_rows = sum(map(len, synthetic_rows.values())) + sum(map(len, article_rows.values()))

        # ---- 2. the floor: plain sqlite3, same schema, same rows, one transaction ----
        floor_path = tmp / "floor.db"
        conn = sqlite3.connect(str(floor_path), isolation_level=None)
        _apply_pragmas(conn)
        for sql in schema:
            conn.execute(sql)
        conn.execute(f"PRAGMA user_version = {user_version}")
        parents_first = ["home_locality", *syn.TABLES]
        t0 = time.perf_counter()
        conn.execute("BEGIN")
        for table in parents_first:
            cols = article_cols[table]
            if article_rows[table]:
                conn.executemany(syn.insert_sql(table, tuple(cols)), article_rows[table])
        for table in syn.TABLES:
            if synthetic_rows[table]:
                conn.executemany(syn.INSERT_SQL[table], synthetic_rows[table])
        conn.execute("COMMIT")
        t_floor = time.perf_counter() - t0

        # ---- same rows in both? ----
        conn.execute(f"ATTACH DATABASE '{demo_path}' AS demo")
        mismatches = []
        for table in parents_first:
            cols = ", ".join(f'"{c}"' for c in article_cols[table] if c not in TIMESTAMPS)
            diff = conn.execute(
                f'SELECT count(*) FROM (SELECT {cols} FROM main."{table}" EXCEPT SELECT {cols} FROM demo."{table}")'
            ).fetchone()[0]
            diff += conn.execute(
                f'SELECT count(*) FROM (SELECT {cols} FROM demo."{table}" EXCEPT SELECT {cols} FROM main."{table}")'
            ).fetchone()[0]
            if diff:
                mismatches.append(f"{table}: {diff} rows differ")
        fk_problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        conn.close()

    print(f"N = {n:,}: {summary.total:,} rows written by write_demo ({n_rows:,} in the floor)")
    for field, count in summary.as_dict().items():
        print(f"  {field:16} {count:>10,}")
    print(f"write_demo(scale={n}):           {t_demo:8.2f} s")
    print(f"floor (sqlite3 executemany):      {t_floor:8.2f} s")
    print(f"  (building the rows, not timed:  {t_build:8.2f} s)")
    ratio = t_demo / t_floor if t_floor else float("inf")
    print(f"ratio:                            {ratio:8.2f}x  (aim: <= 3x)")
    print("same rows in both files: " + ("yes" if not mismatches else "NO — " + "; ".join(mismatches)))
    print("foreign key check on the floor file: " + ("ok" if not fk_problems else f"{len(fk_problems)} problems"))
    return 0 if not mismatches else 1


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
