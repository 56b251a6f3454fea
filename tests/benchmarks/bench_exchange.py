"""How fast are the workbook export and import at N shipments, against the bare libraries?

    python tests/benchmarks/bench_exchange.py [N] [--repeat R]        (default N = 100000, R = 3)

The database is `twindesk demo --scale N` (generated once, cached as /tmp/twindesk-bench-<N>-<code digest>.db), reduced
to its shipments, their items, the partners they name and the home localities (cached as
/tmp/twindesk-bench-shipments-<N>.db): the Shipments, Shipment items and Partners sheets carry the load.

Export
  ours   `export_workbook(out)` (English, no HXL): the rows from the domain, text safety, formats, widths,
         the Summary sheet, written write-only.
  floor  openpyxl write-only mode writing the same cells: the values, number formats, text types and
         wrapping of our workbook (read back beforehand, untimed, and streamed from a pickle file while
         timed), with the same header rows, widths, frozen panes and autofilters.
Import
  ours   `import_workbook(our workbook)` into an empty database: reading, every row checked with the
         domain's rules, the backup, one transaction.
  floor  openpyxl read-only reading the same workbook (values only) plus `sqlite3.executemany` inserting
         each sheet's stored columns (mapped by header beforehand, untimed) as they come, into an empty
         database with TwinDesk's schema and pragmas, in one transaction.

Every run is a fresh subprocess: time is taken inside it around the work alone; peak memory is the
subprocess's maximum resident set (wait4's ru_maxrss), so the interpreter and its imports count on both
sides. Sides alternate; the median of R runs is printed with the ratios against the aims (export within
1.3x in time and peak memory; import within 2x in time).
"""

import json
import os
import pickle
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from twindesk.domain import workspace

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from common import demo_database  # noqa: E402  (tests/benchmarks is on sys.path)

EXPORT_AIM, IMPORT_AIM = 1.3, 2.0
CHUNK = 1000  # rows per pickle record in the floor's cell stream


# --- the database ---------------------------------------------------------------------------------
def shipments_database(n: int) -> Path:
    """The scale database with only the shipments, their items, their partners and the localities."""
    path = Path(tempfile.gettempdir()) / f"twindesk-bench-shipments-{n}.db"
    if path.exists():
        return _valid_longitudes(path)
    source = demo_database(n)
    part = path.with_name(path.name + ".part")
    part.unlink(missing_ok=True)
    print(f"reducing {source} to its shipments → {path} …", flush=True)
    src = sqlite3.connect(str(source))
    dst = sqlite3.connect(str(part))
    src.backup(dst)
    src.close()
    dst.execute("PRAGMA journal_mode = DELETE")
    dst.execute("PRAGMA foreign_keys = OFF")
    for table in ("agreement", "partnership_approval", "visit_approval", "partnership_status_change",
                  "partnership", "contact", "activity", "visit_partner", "delegate", "itinerary_item", "gift",
                  "visit"):
        dst.execute(f'DELETE FROM "{table}"')
    dst.execute('DELETE FROM partner WHERE id NOT IN (SELECT partner_id FROM shipment WHERE partner_id IS NOT NULL)')
    dst.execute("UPDATE partner SET parent_id = NULL WHERE parent_id NOT IN (SELECT id FROM partner)")
    dst.commit()
    dst.execute("VACUUM")
    dst.close()
    os.replace(part, path)
    return _valid_longitudes(path)


def _current_schema(path: Path) -> Path:
    """The cached scale database may predate the newest schema: upgrade the copy as TwinDesk would."""

    workspace.open_workspace(path, take_backups=False)
    workspace.close()
    shutil.rmtree(path.with_name(f"{path.stem}-backups"), ignore_errors=True)  # the migration's backup
    return path


def _valid_longitudes(path: Path) -> Path:
    """The synthetic generator scatters partners ±3° around a point, so a few near the date line get a
    longitude beyond ±180, which the import (rightly) refuses: wrap them around."""
    conn = sqlite3.connect(str(path))
    with conn:
        conn.execute("UPDATE partner SET longitude = longitude - 360 WHERE longitude > 180")
        conn.execute("UPDATE partner SET longitude = longitude + 360 WHERE longitude < -180")
    conn.close()
    return _current_schema(path)


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(str(db))
    try:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


# --- children: each run in its own process --------------------------------------------------------
def child_export_ours(db: str, out: str) -> float:
    from twindesk.exchange import export_workbook

    workspace.open_workspace(db, read_only=True)
    t0 = time.perf_counter()
    export_workbook(out, replace=True)  # each run writes over the last run's scratch file
    elapsed = time.perf_counter() - t0
    workspace.close()
    return elapsed


def child_export_floor(cells: str, out: str) -> float:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    bold, fill, wrap = Font(bold=True), PatternFill("solid", start_color="DDEBF7"), Alignment(wrap_text=True)
    t0 = time.perf_counter()
    wb = Workbook(write_only=True)
    with open(cells, "rb") as stream:
        sheets = pickle.load(stream)
        for title, widths, freeze, autofilter, _header_rows, n_rows in sheets:
            ws = wb.create_sheet(title)
            for letter, width in widths.items():
                ws.column_dimensions[letter].width = width
            if freeze:
                ws.freeze_panes = freeze
            written = 0
            while written < n_rows:
                for row in pickle.load(stream):
                    out_row = []
                    for cell in row:
                        if type(cell) is not tuple:
                            out_row.append(cell)
                            continue
                        value, fmt, text, wrapped, header = cell
                        c = WriteOnlyCell(ws, value)
                        if text:
                            c.data_type = "s"
                        if fmt:
                            c.number_format = fmt
                        if wrapped:
                            c.alignment = wrap
                        if header:
                            c.font, c.fill = bold, fill
                        out_row.append(c)
                    ws.append(out_row)
                    written += 1
            if autofilter:
                ws.auto_filter.ref = autofilter
    wb.save(out)
    return time.perf_counter() - t0


def child_import_ours(workbook: str, db: str) -> float:
    from twindesk.exchange import import_workbook

    workspace.open_workspace(db, take_backups=False)
    t0 = time.perf_counter()
    report = import_workbook(workbook)
    elapsed = time.perf_counter() - t0
    workspace.close()
    assert report.applied, report.errors[:5]
    return elapsed


def child_import_floor(workbook: str, db: str, plan: str) -> float:
    from openpyxl import load_workbook

    sheets = json.loads(Path(plan).read_text(encoding="utf-8"))
    stamp = "2026-01-01 00:00:00"
    t0 = time.perf_counter()
    conn = sqlite3.connect(db, isolation_level=None)
    for pragma in ("foreign_keys = 1", "journal_mode = wal", "synchronous = full", "busy_timeout = 10000"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("BEGIN")
    conn.execute("PRAGMA defer_foreign_keys = ON")
    wb = load_workbook(workbook, read_only=True, data_only=True)
    for title, table, indexes, columns, texts, extra in sheets:
        names = ", ".join(f'"{c}"' for c in columns + extra + ["created_at", "updated_at", "updated_by"])
        sql = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * (len(columns) + len(extra) + 3))})'
        tail = [""] * len(extra) + [stamp, stamp, ""]
        batch = []
        for row in wb[title].iter_rows(min_row=2, values_only=True):
            values = [row[i] for i in indexes]
            for i in texts:  # an empty cell in a NOT NULL text column is ""
                if values[i] is None:
                    values[i] = ""
            batch.append(values + tail)
            if len(batch) == 10_000:
                conn.executemany(sql, batch)
                batch = []
        conn.executemany(sql, batch)
    wb.close()
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - t0


CHILDREN = {"export-ours": child_export_ours, "export-floor": child_export_floor,
            "import-ours": child_import_ours, "import-floor": child_import_floor}


def run_child(*args) -> tuple[float, float]:
    """(seconds inside the child, the child's peak resident memory in MB)."""
    proc = subprocess.Popen([sys.executable, __file__, "--child", *map(str, args)], stdout=subprocess.PIPE,
                            cwd=str(ROOT))
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"child {args[0]} failed with status {proc.returncode}")
    return json.loads(out)["seconds"], usage.ru_maxrss / 1024


# --- preparing the floors (untimed) ---------------------------------------------------------------
def capture_cells(workbook: Path, cells: Path) -> int:
    """Our workbook's cells as the export floor writes them: a list of sheets (title, widths, frozen
    pane, autofilter, rows), then each sheet's rows, CHUNK at a time, in one pickle stream."""
    from openpyxl import load_workbook
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.cell.read_only import EMPTY_CELL
    from openpyxl.utils import get_column_letter

    wb = load_workbook(workbook, read_only=True)
    chunks = cells.with_suffix(".rows")
    cells_written = 0
    sheets = []
    with open(chunks, "wb") as stream:
        for ws in wb.worksheets:
            n_rows = n_columns = 0
            batch = []
            for row in ws.iter_rows():
                out = []
                for cell in row:
                    if cell is EMPTY_CELL:  # a gap in the row
                        out.append(None)
                        continue
                    value = cell.value
                    fmt = cell.number_format if cell.number_format != "General" else None
                    text = isinstance(value, str) and ((len(value) > 1 and value[0] == "=") or value in ERROR_CODES)
                    wrapped = bool(cell.alignment.wrap_text)
                    header = bool(cell.font.b)
                    out.append((value, fmt, text, wrapped, header) if fmt or text or wrapped or header else value)
                    cells_written += value is not None
                n_rows += 1
                n_columns = max(n_columns, len(out))
                batch.append(out)
                if len(batch) == CHUNK:
                    pickle.dump(batch, stream)
                    batch = []
            if batch:
                pickle.dump(batch, stream)
            summary = ws.title == "Summary"
            last = get_column_letter(max(n_columns, 1))
            sheets.append([ws.title, {get_column_letter(i + 1): 20 for i in range(n_columns)},
                           None if summary else "A2", None if summary else f"A1:{last}{n_rows}", 1, n_rows])
    wb.close()
    with open(cells, "wb") as stream:  # the sheet list first, then the rows
        pickle.dump(sheets, stream)
        with open(chunks, "rb") as rows:
            shutil.copyfileobj(rows, stream)
    chunks.unlink()
    return cells_written


def import_plan(workbook: Path, plan: Path) -> None:
    """Per list sheet: (title, table, column indexes, database columns, which of them are NOT NULL
    text, the NOT NULL columns no sheet holds) of the columns stored."""
    from openpyxl import load_workbook

    from twindesk.domain.transfer.tables import column_of, spec_of
    from twindesk.exchange.import_read import match_columns, match_sheet

    wb = load_workbook(workbook, read_only=True)
    sheets = []
    for ws in wb.worksheets:
        matched = match_sheet(ws.title)
        if not isinstance(matched, tuple):
            continue
        sheet, lang = matched
        header = next(ws.iter_rows(max_row=1, values_only=True))
        found = match_columns(sheet, ws.title, lang, header, [], [])
        spec = spec_of(sheet.kind)
        indexes, columns = [found.id_index, found.uuid_index, found.version_index], ["id", "uuid", "version"]
        for index, column in found.single:
            indexes.append(index)
            columns.append(column_of(spec, column.field))
        for name, parts in found.parts.items():
            indexes.append(parts[1])
            columns.append(column_of(spec, name))
        model_fields = {f.column_name: f for f in spec.model._meta.sorted_fields}
        texts = [i for i, c in enumerate(columns) if not model_fields[c].null
                 and model_fields[c].field_type in ("VARCHAR", "TEXT")]
        # NOT NULL columns no sheet holds (search_text, sort_zh): the floor fills them with "".
        extra = [c for c, f in model_fields.items() if not f.null and c not in columns
                 and c not in ("id", "created_at", "updated_at", "updated_by")]
        sheets.append([ws.title, spec.model._meta.table_name, indexes, columns, texts, extra])
    wb.close()
    plan.write_text(json.dumps(sheets), encoding="utf-8")


def empty_database(path: Path) -> None:

    workspace.open_workspace(path, take_backups=False)
    workspace.close()


# --- the comparison -------------------------------------------------------------------------------
def report(label: str, ours: list, floor: list, aim: float | None, memory_aim: float | None) -> list[float]:
    t_ours, t_floor = statistics.median(o[0] for o in ours), statistics.median(f[0] for f in floor)
    m_ours, m_floor = statistics.median(o[1] for o in ours), statistics.median(f[1] for f in floor)
    t_ratio, m_ratio = t_ours / t_floor, m_ours / m_floor

    def verdict(ratio, limit):
        return "" if limit is None else f"  (aim <= {limit:g}x: {'ok' if ratio <= limit else 'MISSES the aim'})"

    print(f"  {label:7} time    ours {t_ours:7.1f} s   floor {t_floor:7.1f} s   ratio {t_ratio:5.2f}x"
          f"{verdict(t_ratio, aim)}")
    print(f"  {label:7} memory  ours {m_ours:7.0f} MB  floor {m_floor:7.0f} MB  ratio {m_ratio:5.2f}x"
          f"{verdict(m_ratio, memory_aim)}")
    return [t_ratio, m_ratio]


def main(n: int, repeat: int) -> int:
    db = shipments_database(n)
    rows = counts(db)
    print(f"N = {n:,}: {rows['shipment']:,} shipments, {rows['shipment_item']:,} items, "
          f"{rows['partner']:,} partners in {db}")
    print(f"median of {repeat} runs per side, each in a fresh process (time inside it; peak RSS of it)")
    with tempfile.TemporaryDirectory(prefix="twindesk-bench-exchange-") as tmp:
        tmp = Path(tmp)
        ours_xlsx, floor_xlsx, cells = tmp / "ours.xlsx", tmp / "floor.xlsx", tmp / "cells.pickle"
        template, plan = tmp / "empty.db", tmp / "plan.json"
        empty_database(template)

        run_child("export-ours", db, ours_xlsx)  # the workbook the floors are made from
        t0 = time.perf_counter()
        n_cells = capture_cells(ours_xlsx, cells)
        import_plan(ours_xlsx, plan)
        print(f"(floor prepared in {time.perf_counter() - t0:.0f} s: {n_cells:,} non-empty cells, "
              f"workbook {ours_xlsx.stat().st_size / 1e6:.0f} MB)")

        export_ours, export_floor = [], []
        for _ in range(repeat):
            export_ours.append(run_child("export-ours", db, ours_xlsx))
            export_floor.append(run_child("export-floor", cells, floor_xlsx))
            print(f"  export: ours {export_ours[-1][0]:.1f} s {export_ours[-1][1]:.0f} MB, "
                  f"floor {export_floor[-1][0]:.1f} s {export_floor[-1][1]:.0f} MB", flush=True)
        import_ours, import_floor = [], []
        for i in range(repeat):
            for side, results in (("ours", import_ours), ("floor", import_floor)):
                target = tmp / f"import-{side}-{i}.db"
                shutil.copy(template, target)
                if side == "ours":
                    results.append(run_child("import-ours", ours_xlsx, target))
                else:
                    results.append(run_child("import-floor", ours_xlsx, target, plan))
                print(f"  import {side}: {results[-1][0]:.1f} s {results[-1][1]:.0f} MB", flush=True)
                imported = counts(target)
                assert imported["shipment"] == rows["shipment"], (side, imported)
                assert imported["shipment_item"] == rows["shipment_item"], (side, imported)
                shutil.rmtree(tmp / f"import-{side}-{i}-backups", ignore_errors=True)
                target.unlink()
        print()
        ratios = report("export", export_ours, export_floor, EXPORT_AIM, EXPORT_AIM)
        ratios += report("import", import_ours, import_floor, IMPORT_AIM, None)[:1]
    missed = ratios[0] > EXPORT_AIM or ratios[1] > EXPORT_AIM or ratios[2] > IMPORT_AIM
    print(f"\n{'some aim is missed' if missed else 'all aims met'}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        seconds = CHILDREN[sys.argv[2]](*sys.argv[3:])
        print(json.dumps({"seconds": seconds}))
        raise SystemExit(0)
    args = sys.argv[1:]
    repeat = 3
    if "--repeat" in args:
        i = args.index("--repeat")
        repeat = int(args[i + 1])
        del args[i:i + 2]
    raise SystemExit(main(int(args[0]) if args else 100_000, repeat))
