"""What the benchmarks share: the cached scale database and a spy on the SQL peewee runs."""

import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# What shapes the scale database: a cached one made by other code (an older schema, other search text)
# is not reused.
SHAPED_BY = ("twindesk/store/models.py", "twindesk/store/schema.py", "twindesk/domain/demo/synthetic.py",
             "twindesk/domain/demo/word_pools.py")


def demo_database(n: int) -> Path:
    """`twindesk demo --scale n`, made once per version of the code that shapes it, and reused (it takes a
    while at 100,000)."""
    digest = hashlib.sha256(b"".join((REPO / f).read_bytes() for f in SHAPED_BY)).hexdigest()[:10]
    path = Path(tempfile.gettempdir()) / f"twindesk-bench-{n}-{digest}.db"
    if not path.exists():
        part = path.with_name(path.name + ".part")
        for stale in (part, part.with_name(part.name + "-wal"), part.with_name(part.name + "-shm")):
            stale.unlink(missing_ok=True)
        print(f"generating {path} (twindesk demo --scale {n}) …", flush=True)
        subprocess.run([sys.executable, "-m", "twindesk", "demo", "--db", str(part), "--scale", str(n)],
                       check=True, stdout=subprocess.DEVNULL)
        os.replace(part, path)
    return path

def captured_sql(db, func) -> list[tuple[str, tuple]]:
    """The (sql, params) peewee executes while `func` runs."""
    statements: list[tuple[str, tuple]] = []
    original = db.execute_sql

    def spy(sql, params=None, *args, **kwargs):
        statements.append((sql, tuple(params or ())))
        return original(sql, params, *args, **kwargs)

    db.execute_sql = spy
    try:
        func()
    finally:
        del db.execute_sql  # back to the class's method
    return statements


def timed(func, repeat: int, *, warm: bool = True) -> tuple[float, float]:
    """(best, median) seconds over `repeat` runs, after one warm-up run unless `warm` is False."""
    if warm:
        func()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)
