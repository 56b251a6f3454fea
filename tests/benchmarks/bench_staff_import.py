"""How fast is a staff list of N partners and N shipments imported, against the bare reader and executemany?

    python tests/benchmarks/bench_staff_import.py [N] [--repeat R]        (default N = 10000, R = 1)

The list is written from `twindesk demo --scale N` (cached, see common.py) the way staff type it: one
.xlsx, sheets 友城名录 and 援助物资, each with a merged title row, a blank row and a note above Chinese
headers in their own wording (城市名称, 国别, 友城 …), a 序号 column, countries and choices by their
Chinese names, the shipment's partner and home locality by name (with the partner's country beside it),
and a 合计 row at the end; a repeated synthetic name gets a number (namesakes in one country would
need their IDs). Untimed.

  ours   `read_source` and `import_staff_list(source, create_missing=True)` into an empty database:
         reading (python-calamine, the formula and extent scan), finding each table, recognising kinds
         and columns, every row understood and checked by the domain; this is the time the aim is about
         ("through detection, mapping and checking"). The writing that follows (one transaction with
         search text, pinyin sort keys and a history row per record; backups off) is timed and printed
         apart, from the flow's progress saying "Backing up" to the end.
  floor  python-calamine reading the same file (`to_python` of each sheet) plus `sqlite3.executemany`
         inserting the same cells into TwinDesk's schema (columns by fixed index, countries and choices
         by a dict from the same names, the partner and the home locality by a dict from name to the ID
         just inserted), in one transaction. No search text, pinyin or history: that is the point of
         the ratio.

Each side runs in a fresh subprocess (so loading Babel's, OpenCC's and pypinyin's data counts); time is
taken inside it around the work alone, by the clock and by the process's CPU time (the machine may be
shared: the CPU time is the work's own). The medians of R runs and the ratios against the aim (2x) are
printed, and the ratio with the writing included.
"""

import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import demo_database  # noqa: E402

AIM = 2.0
PARTNER_HEADERS = ["序号", "城市名称", "英文名", "国别", "类型", "人口", "面积（平方公里）"]
SHIPMENT_HEADERS = ["序号", "物资名称", "方向", "友城", "国家", "对方单位", "类型", "状态", "发出日期", "送达日期",
                    "中方城市"]


def _labels(vocabulary) -> dict[str, str]:
    return {code: vocabulary.label(code, "zh_CN") for code in vocabulary.codes}


def _day(text):
    """A stored date as the date cell staff would type."""
    from datetime import date

    return date.fromisoformat(text[:10]) if text else None


def staff_workbook(n: int) -> Path:
    """The staff-style list made from the scale database (cached beside it)."""
    source = demo_database(n)
    path = Path(tempfile.gettempdir()) / f"twindesk-bench-staff-{n}-{source.stem.rsplit('-', 1)[-1]}-4.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    from twindesk.domain.model import vocabulary as v
    from twindesk.domain.model.countries import country_name

    conn = sqlite3.connect(source)
    partners, seen = [], {}  # one partner per name: namesakes in one country would need their IDs
    for pid, zh, en, *rest in conn.execute("SELECT id, name_zh, name_en, country, kind, population, area_km2 "
                                           "FROM partner ORDER BY id LIMIT ?", (n,)):
        key = zh or en
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:  # the synthetic names repeat: 卡缅格勒, 卡缅格勒二区 …
            zh, en = (f"{zh}{seen[key]}区" if zh else zh), (f"{en} {seen[key]}" if en else en)
        partners.append((pid, zh, en, *rest))
    names = {pid: (zh, en, country) for pid, zh, en, country, *_ in partners}
    shipments = conn.execute(
        "SELECT s.title, s.direction, s.partner_id, s.counterparty, s.kind, s.status, s.dispatched_on, "
        "s.delivered_on, h.name_zh FROM shipment s "
        "LEFT JOIN home_locality h ON h.id = s.home_locality_id ORDER BY s.id").fetchall()
    conn.close()
    kinds, directions = _labels(v.PARTNER_KINDS), _labels(v.SHIPMENT_DIRECTIONS)
    shipment_kinds, statuses = _labels(v.SHIPMENT_KINDS), _labels(v.SHIPMENT_STATUSES)
    wb = Workbook()
    ws = wb.active
    ws.title = "友城名录"
    ws.append(["海南省国际友好城市名录"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(PARTNER_HEADERS))
    ws.append([])
    ws.append(["填表说明：人口为最新统计数。"])
    ws.append(PARTNER_HEADERS)
    for i, (_pid, zh, en, country, kind, population, area) in enumerate(partners, start=1):
        ws.append([i, zh or None, en or None, country_name(country, "zh_CN"), kinds[kind], population, area])
    ws.append(["合计", len(partners)])
    ws2 = wb.create_sheet("援助物资")
    ws2.append(["援助物资一览表"])
    ws2.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(SHIPMENT_HEADERS))
    ws2.append([])
    ws2.append(SHIPMENT_HEADERS)
    shipments = shipments[:n]
    for i, (title, direction, partner, other, kind, status, dispatched, delivered, home) in enumerate(
            shipments, start=1):
        zh, en, country = names.get(partner, (None, None, None))
        ws2.append([i, title, directions[direction], (zh or en) if partner in names else None,
                    country_name(country, "zh_CN") if partner in names else None,
                    other or (None if partner in names else "县人民政府"), shipment_kinds[kind],
                    statuses[status], _day(dispatched), _day(delivered), home])
    ws2.append(["合计", len(shipments)])
    part = path.with_suffix(".part.xlsx")
    wb.save(part)
    part.replace(path)
    return path


# --- the two sides, each run in a subprocess --------------------------------------------------------
def run_ours(source: str, db: str) -> dict:
    from twindesk.domain import workspace
    from twindesk.domain.progress import Progress
    from twindesk.exchange.staff_lists.flow import import_staff_list
    from twindesk.exchange.staff_lists.sources import read_source

    stamps = {}

    def seen(_done, _total, text):  # the flow's progress says when the writing starts
        if text.startswith("Backing up"):
            stamps.setdefault("checked", time.perf_counter())
            stamps.setdefault("checked cpu", time.process_time())

    workspace.open_workspace(Path(db), take_backups=False)
    try:
        start, start_cpu = time.perf_counter(), time.process_time()
        read = read_source(Path(source))
        stamps["read"], stamps["read cpu"] = time.perf_counter(), time.process_time()
        report = import_staff_list(read, check_options={"create_missing": True}, accept_duplicates=True,
                                   progress=Progress(seen))
        end = time.perf_counter()
    finally:
        workspace.close()
    return {"seconds": stamps["checked"] - start, "cpu": stamps["checked cpu"] - start_cpu, "applied": report.applied,
            "errors": [str(e) for e in report.errors[:5]], "created": report.created,
            "stages": {"read": stamps["read"] - start, "find, map, check": stamps["checked"] - stamps["read"],
                       "write": end - stamps["checked"]},
            "cpu stages": {"read": stamps["read cpu"] - start_cpu,
                           "find, map, check": stamps["checked cpu"] - stamps["read cpu"]}}


def run_floor(source: str, db: str) -> dict:
    import python_calamine

    from twindesk.domain import workspace
    from twindesk.domain.model import vocabulary as v
    from twindesk.domain.model.countries import all_countries

    workspace.open_workspace(Path(db), take_backups=False)
    workspace.close()
    countries = {name: code for code, name in all_countries("zh_CN")}
    kinds = {b: a for a, b in _labels(v.PARTNER_KINDS).items()}
    directions = {b: a for a, b in _labels(v.SHIPMENT_DIRECTIONS).items()}
    shipment_kinds = {b: a for a, b in _labels(v.SHIPMENT_KINDS).items()}
    statuses = {b: a for a, b in _labels(v.SHIPMENT_STATUSES).items()}
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    start, start_cpu = time.perf_counter(), time.process_time()
    book = python_calamine.CalamineWorkbook.from_path(source)
    partners = book.get_sheet_by_name("友城名录").to_python(skip_empty_area=False)[4:-1]
    shipments = book.get_sheet_by_name("援助物资").to_python(skip_empty_area=False)[3:-1]
    conn.execute("BEGIN IMMEDIATE")
    homes = {}
    for name in dict.fromkeys(r[10] for r in shipments if r[10]):  # the home localities the list names
        homes[name] = conn.execute(_insert(conn, "home_locality", ["name_zh", "kind"]), (name, "city")).lastrowid
    conn.executemany(
        _insert(conn, "partner", ["name_zh", "name_en", "kind", "country", "population", "area_km2"]),
        ((r[1] or "", r[2] or "", kinds[r[4]], countries.get(r[3], "CN"), r[5] or None, r[6] or None)
         for r in partners))
    ids = {}
    for pid, zh, en in conn.execute("SELECT id, name_zh, name_en FROM partner"):
        ids.setdefault(zh or en, pid)
    conn.executemany(
        _insert(conn, "shipment", ["direction", "partner_id", "counterparty", "title", "kind", "status",
                                   "dispatched_on", "delivered_on", "home_locality_id"]),
        ((directions[r[2]], ids.get(r[3]), r[5] or "", r[1], shipment_kinds[r[6]], statuses[r[7]],
          r[8] or None, r[9] or None, homes.get(r[10])) for r in shipments))
    conn.execute("COMMIT")
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    conn.close()
    return {"seconds": seconds, "cpu": cpu, "applied": True, "errors": [], "created": {"rows": len(partners) + len(shipments)}}


def _insert(conn, table: str, given: list[str]) -> str:
    """INSERT of `given` columns as parameters; every other required column without a default gets ''
    (a time stamp for *_at), as a bulk load would."""
    filled = {}
    for _cid, name, _type, notnull, default, pk in conn.execute(f'PRAGMA table_info("{table}")'):
        if notnull and default is None and not pk and name not in given:
            filled[name] = "'2026-12-01 00:00:00'" if name.endswith("_at") else "''"
    columns = [*given, *filled]
    values = ["?"] * len(given) + list(filled.values())
    return f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join(values)})'


def _side(side: str, source: Path) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "t.db"
        out = subprocess.run([sys.executable, __file__, "--side", side, str(source), str(db)], check=True,
                             capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--side"]:
        print(json.dumps((run_ours if args[1] == "ours" else run_floor)(args[2], args[3])))
        return
    n = int(args[0]) if args and args[0].isdigit() else 10_000
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 1
    source = staff_workbook(n)
    print(f"{source}: {source.stat().st_size / 2**20:.1f} MB, {n:,} partners and {n:,} shipments")
    times, cpus, written = {"ours": [], "floor": []}, {"ours": [], "floor": []}, []
    for _ in range(repeat):
        for side in ("floor", "ours"):
            result = _side(side, source)
            if not result["applied"]:
                raise SystemExit(f"{side}: not imported: {result['errors']}")
            times[side].append(result["seconds"])
            cpus[side].append(result["cpu"])
            stages = "".join(f", {k} {v:.2f} s" for k, v in result.get("stages", {}).items())
            cpu_stages = "".join(f", {k} {v:.2f} s" for k, v in result.get("cpu stages", {}).items())
            print(f"  {side:5} {result['seconds']:7.2f} s (CPU {result['cpu']:.2f} s{cpu_stages})  "
                  f"{result['created']}{stages}")
            if "stages" in result:
                written.append(result["stages"]["write"])
    ours, floor = statistics.median(times["ours"]), statistics.median(times["floor"])
    ours_cpu, floor_cpu = statistics.median(cpus["ours"]), statistics.median(cpus["floor"])
    write = statistics.median(written)
    # the machine may be shared: CPU time (of the process, inside the same stamps) says the work alone
    print(f"detection, mapping and checking: ours {ours:.2f} s, floor {floor:.2f} s: {ours / floor:.2f}x; "
          f"CPU ours {ours_cpu:.2f} s, floor {floor_cpu:.2f} s: {ours_cpu / floor_cpu:.2f}x (aim ≤ {AIM}x)")
    print(f"with the writing (search text, pinyin, history, backup skipped): ours {ours + write:.2f} s: "
          f"{(ours + write) / floor:.2f}x")

if __name__ == "__main__":
    main()
