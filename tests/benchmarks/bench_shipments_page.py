"""How fast does the Shipments page open on N shipments, and answer one search keystroke?

    python tests/benchmarks/bench_shipments_page.py [N]        (default N = 100000)

Runs Qt offscreen (QT_QPA_PLATFORM=offscreen unless set). The database is `twindesk demo --scale N`,
generated once and cached as /tmp/twindesk-bench-<N>-<code digest>.db.

Ours:
  open       `pages.shipments_page("en")`, `page.refresh()`, `show()`, then events processed until the
             table's visible rows are painted (a paint of the table's viewport is checked).
  keystroke  `page.search.setText(CHAR)` and `page.apply_filters()` directly (no debounce wait), then
             the repaint; the search is cleared again between runs (not timed).
Floor (the same work with the bare libraries):
  open       the SQL `lists.ids` runs, through a fresh `sqlite3` connection, into a list of ids; the SQL
             `lists.rows_by_id` runs for the first 200 ids; a minimal QAbstractTableModel holding those
             rows as a list of tuples, reset (beginResetModel/endResetModel) on a QTableView under a
             QLineEdit, with a QLabel for the count, in a plain QWidget of the same size; shown and
             painted the same way.
  keystroke  setText on the QLineEdit; the filtered ids SQL, the total count SQL the page runs, the first
             200 rows; the model reset and the repaint.

Each measurement is warmed up once and repeated REPEAT times; the median (best in brackets) is printed
and the ratio of medians is held against the aim (at most 2x).
"""

import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import captured_sql, demo_database  # noqa: E402  (tests/benchmarks is on sys.path)
from PySide6.QtCore import QAbstractTableModel, QEvent, QObject, Qt, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget  # noqa: E402

from twindesk.domain import workspace
from twindesk.domain.queries import lists  # noqa: E402
from twindesk.ui.lists import pages  # noqa: E402

AIM = 2.0
REPEAT = 5
SIZE = (1200, 800)
KEYS = ("a", "斯")  # one Latin letter (matches almost every row), one Chinese character (~20% of rows)
FIRST_ROWS = 200






class PaintCounter(QObject):
    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event):
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def measure(setup, timed, check) -> tuple[float, float]:
    """(best, median) of `timed()` over REPEAT runs after a warm-up; `setup()` runs untimed before each."""
    times = []
    for i in range(REPEAT + 1):
        state = setup()
        t0 = time.perf_counter()
        result = timed(state)
        elapsed = time.perf_counter() - t0
        check(result)
        if i:
            times.append(elapsed)
    return min(times), statistics.median(times)


def report(label: str, ours: tuple[float, float], floor: tuple[float, float]) -> float:
    ratio = ours[1] / floor[1] if floor[1] else float("inf")
    verdict = "ok" if ratio <= AIM else "MISSES the aim"
    print(f"  {label:22} ours {ours[1] * 1000:8.1f} ms (best {ours[0] * 1000:7.1f})   "
          f"floor {floor[1] * 1000:8.1f} ms (best {floor[0] * 1000:7.1f})   "
          f"ratio {ratio:5.2f}x  (aim <= {AIM:g}x: {verdict})")
    return ratio


# --- the floor ------------------------------------------------------------------------------------
class PlainModel(QAbstractTableModel):
    """A minimal table model: a row count and the first rows as a list of tuples."""

    def __init__(self, headers: list[str]):
        super().__init__()
        self.headers = headers
        self.n = 0
        self.rows: list[tuple] = []

    def reset(self, n: int, rows: list[tuple]) -> None:
        self.beginResetModel()
        self.n = n
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else self.n

    def columnCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            r = index.row()
            if r < len(self.rows):
                value = self.rows[r][index.column()]
                return "" if value is None else str(value)
            return ""
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class FloorSql:
    """The statements the page runs, captured from peewee once, replayed through plain sqlite3."""

    def __init__(self, db, path: Path):
        self.db = db
        self.conn = sqlite3.connect(str(path))
        self._rows_sql: dict[int, str] = {}
        self._ids_sql: dict[str, tuple[str, tuple]] = {}
        (self.count_sql, self.count_params), = captured_sql(db, lambda: lists.count("shipments"))

    def ids_statement(self, text: str) -> tuple[str, tuple]:
        if text not in self._ids_sql:
            q = lists.ListQuery(text=text, limit=None)  # what ListPage.current_query() asks with no filters
            (stmt,) = captured_sql(self.db, lambda: lists.ids("shipments", q))
            self._ids_sql[text] = stmt
        return self._ids_sql[text]

    def rows_statement(self, k: int) -> str:
        if k not in self._rows_sql:
            (stmt,) = captured_sql(self.db, lambda: lists.rows_by_id("shipments", list(range(1, k + 1))))
            self._rows_sql[k] = stmt[0]
        return self._rows_sql[k]

    def query(self, text: str, *, with_total: bool) -> tuple[list[int], int, list[tuple]]:
        sql, params = self.ids_statement(text)
        ids = [i for (i,) in self.conn.execute(sql, params)]
        total = self.conn.execute(self.count_sql, self.count_params).fetchone()[0] if with_total else len(ids)
        first = ids[:FIRST_ROWS]
        rows: list[tuple] = []
        if first:
            by_id = {row[0]: row for row in self.conn.execute(self.rows_statement(len(first)), first)}
            rows = [by_id[i] for i in first]
        return ids, total, rows


class FloorPage(QWidget):
    def __init__(self, headers: list[str]):
        super().__init__()
        self.search = QLineEdit()
        self.model = PlainModel(headers)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.resize(*SIZE)
        self.paints = PaintCounter(self.view.viewport())

    def show_result(self, ids, total, rows) -> None:
        self.model.reset(len(ids), rows)
        self.count_label.setText(f"{len(ids):,} of {total:,}")


# --- the benchmark --------------------------------------------------------------------------------
def _quiet_offscreen(_mode, _context, message) -> None:
    if "propagateSizeHints" not in message:  # the offscreen plugin says so on every show()
        sys.stderr.write(message + "\n")


def main(n: int) -> int:
    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    path = demo_database(n)
    opened = workspace.open_workspace(path, take_backups=False)
    floor_sql = FloorSql(opened.db, path)
    total = lists.count("shipments")
    print(f"N = {n:,}: {total:,} shipments in {path}; QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}, "
          f"window {SIZE[0]}x{SIZE[1]}")
    print(f"median of {REPEAT} runs after a warm-up (best in brackets)")
    ratios = []
    done: list[QWidget] = []

    def dispose():
        while done:
            w = done.pop()
            w.close()
            w.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()

    try:
        # ---- open the page ----
        def ours_open(_):
            page = pages.shipments_page("en")
            page.resize(*SIZE)
            page.paints = PaintCounter(page.view.viewport())
            page.refresh()
            page.show()
            app.processEvents()
            done.append(page)
            return page

        def check_ours_open(page):
            assert page.paints.count > 0, "the table was not painted"
            assert page.model.rowCount() == total

        sample = pages.shipments_page("en")
        headers = [column.header for column in sample.model.columns()]
        done.append(sample)

        def floor_open(_):
            ids, count, rows = floor_sql.query("", with_total=False)
            page = FloorPage(headers)
            page.show_result(ids, count, rows)
            page.show()
            app.processEvents()
            done.append(page)
            return page

        def check_floor_open(page):
            assert page.paints.count > 0, "the table was not painted"
            assert page.model.rowCount() == total

        print(f"\nopen the Shipments page ({total:,} rows)")
        ours = measure(dispose, ours_open, check_ours_open)
        floor = measure(dispose, floor_open, check_floor_open)
        ratios.append(report("open + first paint", ours, floor))
        dispose()
        # where the time goes: the ids query alone, through peewee and through sqlite3
        unfiltered = lists.ListQuery(limit=None)
        ids_sql, ids_params = floor_sql.ids_statement("")
        ours = measure(lambda: None, lambda _: lists.ids("shipments", unfiltered), lambda _: None)
        floor = measure(lambda: None, lambda _: [i for (i,) in floor_sql.conn.execute(ids_sql, ids_params)],
                        lambda _: None)
        report("  of which lists.ids()", ours, floor)

        # ---- one keystroke ----
        page = pages.shipments_page("en")
        page.resize(*SIZE)
        page.paints = PaintCounter(page.view.viewport())
        page.refresh()
        page.show()
        app.processEvents()
        fpage = FloorPage(headers)
        fpage.show_result(*floor_sql.query("", with_total=False))
        fpage.show()
        app.processEvents()

        for key in KEYS:
            def ours_clear():
                page.search.setText("")
                page.apply_filters()
                app.processEvents()
                return page.paints.count

            def ours_key(_before, key=key):
                page.search.setText(key)
                page.apply_filters()
                app.processEvents()
                return _before

            def check_ours_key(before):
                assert page.paints.count > before, "the table was not repainted"

            def floor_clear():
                fpage.search.setText("")
                fpage.show_result(*floor_sql.query("", with_total=False))
                app.processEvents()
                return fpage.paints.count

            def floor_key(_before, key=key):
                fpage.search.setText(key)
                fpage.show_result(*floor_sql.query(key, with_total=True))
                app.processEvents()
                return _before

            def check_floor_key(before):
                assert fpage.paints.count > before, "the table was not repainted"

            ours = measure(ours_clear, ours_key, check_ours_key)
            matched = page.model.rowCount()
            floor = measure(floor_clear, floor_key, check_floor_key)
            assert fpage.model.rowCount() == matched, (fpage.model.rowCount(), matched)
            print(f"\nkeystroke {key!r}: {matched:,} of {total:,} rows match")
            ratios.append(report("filter + repaint", ours, floor))
        done.extend([page, fpage])
        dispose()
    finally:
        floor_sql.conn.close()
        workspace.close()
    worst = max(ratios)
    print(f"\nworst ratio {worst:.2f}x (aim <= {AIM:g}x): {'ok' if worst <= AIM else 'MISSES the aim'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
