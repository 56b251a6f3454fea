"""Every TwinDesk table copied row for row from one database into another, SQLite or PostgreSQL, and
each table's count and checksum, so the copy can be proved whole (docs/architecture.md, "Moving a
database to the server and back").

Rows are streamed in key order, a page at a time (a blob's row alone: a file is at most 50 MB, a
database's files may be gigabytes), with ids, UUIDs and versions as they are. Into PostgreSQL they go
through `COPY` (one statement per table, so a partner whose parent comes later is checked at the
statement's end), into SQLite through `executemany` with foreign keys deferred to the commit.

The checksum is SHA-256 over a table's rows in key order, each value said the same way whichever
engine holds it (`_normaliser`): SQLite keeps dates as text, booleans and decimals as numbers;
PostgreSQL hands back dates, booleans and Decimals. Both become the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

import peewee as pw
from playhouse.sqlite_ext import AutoIncrementField

from twindesk.store.schema import NEWEST_MODELS

PAGE_ROWS = 2000


@dataclass(frozen=True)
class Table:
    """One table as the copy sees it: its columns in model order and its key."""

    model: type[pw.Model]
    name: str
    key: str
    columns: tuple[str, ...]
    fields: tuple[pw.Field, ...]
    has_blob: bool  # one row a page
    serial: bool  # an integer id from AUTOINCREMENT / a sequence: its high-water mark moves too


@dataclass
class Digest:
    """What a table holds, said so two databases can be compared: rows, a checksum, the highest id
    ever handed out (deleted rows' ids count: they are never given again)."""

    rows: int = 0
    sha256: str = ""
    next_id_after: int = 0


class _Hasher:
    """SHA-256 over rows: each row as the repr of its values, those whose type differs between the
    engines first said one way (`_normaliser`); text, integers and NULL are the same on both."""

    def __init__(self, fields: tuple[pw.Field, ...]):
        self.hash, self.rows = hashlib.sha256(), 0
        self._special = tuple((i, fn) for i, f in enumerate(fields) if (fn := _normaliser(f)) is not None)

    def add(self, row: tuple) -> None:
        if self._special:
            row = list(row)
            for i, normal in self._special:
                if row[i] is not None:
                    row[i] = normal(row[i])
        self.hash.update(repr(row).encode("utf-8", "surrogatepass") + b"\n")
        self.rows += 1


def tables() -> list[Table]:
    """Every table of the newest schema, parents before children."""
    out = []
    for model in pw.sort_models(NEWEST_MODELS):
        meta = model._meta
        fields_ = tuple(meta.sorted_fields)
        out.append(Table(model, meta.table_name, meta.primary_key.column_name,
                         tuple(f.column_name for f in fields_), fields_,
                         any(isinstance(f, pw.BlobField) for f in fields_),
                         isinstance(meta.primary_key, pw.AutoField)))
    return out


def is_postgresql(db: pw.Database) -> bool:
    return isinstance(db, pw.PostgresqlDatabase)


def quoted(names) -> str:
    return ", ".join(f'"{n}"' for n in names)


def read_pages(db: pw.Database, table: Table, page_rows: int = PAGE_ROWS) -> Iterator[list[tuple]]:
    """The table's rows in key order, a page at a time (keyset paging: each page starts after the last
    key, so a page costs the same however far in). Call inside a transaction for one snapshot."""
    page_rows = 1 if table.has_blob else page_rows
    # Text keys (a blob's SHA-256) in byte order on both engines.
    order = f'"{table.key}"' + (' COLLATE "C"' if is_postgresql(db) and not table.serial else "")
    key_at = table.columns.index(table.key)
    select = f'SELECT {quoted(table.columns)} FROM "{table.name}"'
    rows = db.execute_sql(f"{select} ORDER BY {order} LIMIT {page_rows}").fetchall()
    while rows:
        yield rows
        if len(rows) < page_rows:
            return
        rows = db.execute_sql(f"{select} WHERE {order} > {db.param} ORDER BY {order} LIMIT {page_rows}",
                              (rows[-1][key_at],)).fetchall()


def count_rows(db: pw.Database, table: Table) -> int:
    return db.execute_sql(f'SELECT count(*) FROM "{table.name}"').fetchone()[0]


def high_water(db: pw.Database, table: Table) -> int:
    """The highest id the table has handed out: its largest id, or more where rows were deleted
    (SQLite's sqlite_sequence, PostgreSQL's sequence)."""
    if not table.serial:
        return 0
    largest = db.execute_sql(f'SELECT max("{table.key}") FROM "{table.name}"').fetchone()[0] or 0
    if is_postgresql(db):
        sequence = db.execute_sql("SELECT pg_get_serial_sequence(%s, %s)", (f'"{table.name}"', table.key)).fetchone()[0]
        if sequence is None:
            return largest
        last, called = db.execute_sql(f"SELECT last_value, is_called FROM {sequence}").fetchone()
        return max(largest, last if called else 0)
    row = db.execute_sql("SELECT seq FROM sqlite_sequence WHERE name = ?", (table.name,)).fetchone()
    return max(largest, row[0] if row else 0)


def set_high_water(db: pw.Database, table: Table, value: int) -> None:
    """The next id the target hands out is `value` + 1 (never one the source gave)."""
    if not table.serial or value <= 0:
        return
    if is_postgresql(db):
        db.execute_sql("SELECT setval(pg_get_serial_sequence(%s, %s), %s, true)", (f'"{table.name}"', table.key, value))
        return
    if not isinstance(table.model._meta.primary_key, AutoIncrementField):
        return  # SQLite reuses a plain INTEGER PRIMARY KEY's ids anyway (the history's changes)
    if db.execute_sql("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (value, table.name)).rowcount == 0:
        db.execute_sql("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table.name, value))


def is_empty(db: pw.Database, table: Table) -> bool:
    return db.execute_sql(f'SELECT 1 FROM "{table.name}" LIMIT 1').fetchone() is None


def defer_foreign_keys(db: pw.Database) -> None:
    """In the target's transaction: references are checked at the commit, not row by row (a partner's
    parent may come after it in id order). PostgreSQL checks a COPY's rows at its end anyway."""
    if not is_postgresql(db):
        db.execute_sql("PRAGMA defer_foreign_keys = ON")


class _Writer:
    """Rows into one table of the target: COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self, db: pw.Database, table: Table):
        self.db, self.table = db, table
        self._copy = self._cursor = None
        columns = quoted(table.columns)
        if is_postgresql(db):
            self._cursor = db.cursor()
            self._copying = self._cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN')
            self._copy = self._copying.__enter__()
        else:
            marks = ", ".join("?" * len(table.columns))
            self._sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})'

    def write(self, rows: list[tuple]) -> None:
        if self._copy is not None:
            for row in rows:
                self._copy.write_row(row)
        else:
            self.db.cursor().executemany(self._sql, rows)

    def close(self, failed: BaseException | None = None) -> None:
        if self._copy is not None:
            error = (type(failed), failed, failed.__traceback__) if failed else (None, None, None)
            self._copying.__exit__(*error)
            self._cursor.close()


def copy_table(source: pw.Database, target: pw.Database, table: Table,
               progress: Callable[[int], None] | None = None) -> Digest:
    """Copy every row of `table` and say what was read (the source's digest of it). Both databases in
    their transaction; the target's table empty."""
    hasher = _Hasher(table.fields)
    target_high = high_water(target, table)  # a fresh table's sequence may have moved on
    writer = _Writer(target, table)
    try:
        for page in read_pages(source, table):
            writer.write(page)
            for row in page:
                hasher.add(row)
            if progress is not None:
                progress(hasher.rows)
    except BaseException as exc:
        writer.close(exc)
        raise
    writer.close()
    high = high_water(source, table)
    set_high_water(target, table, max(high, target_high))
    return Digest(hasher.rows, hasher.hash.hexdigest(), high)


def digest(db: pw.Database, table: Table) -> Digest:
    """Rows, checksum and high-water mark of `table` as `db` holds it (in a transaction: one snapshot).
    The rows read must be all `count(*)` says, or the reading itself missed some."""
    hasher = _Hasher(table.fields)
    for page in read_pages(db, table):
        for row in page:
            hasher.add(row)
    counted = count_rows(db, table)
    if counted != hasher.rows:
        raise RuntimeError(f"{table.name}: read {hasher.rows} rows of {counted}")
    return Digest(hasher.rows, hasher.hash.hexdigest(), high_water(db, table))


def digests(db: pw.Database) -> dict[str, Digest]:
    """Every table's digest, in one read transaction."""
    with db.atomic():
        if is_postgresql(db):
            db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        return {t.name: digest(db, t) for t in tables()}


def _normaliser(f: pw.Field) -> Callable[[object], object] | None:
    """How a stored value of field `f` is said in the checksum, the same from either engine; None
    where both engines give the same Python value already (text, integers)."""
    if isinstance(f, pw.BooleanField):
        return bool  # SQLite: 0/1
    if isinstance(f, pw.DecimalField):  # SQLite: a float or an integer; PostgreSQL: a Decimal
        step = Decimal(1).scaleb(-f.decimal_places)
        return lambda v: str(Decimal(str(v)).quantize(step) if f.auto_round else Decimal(str(v)).normalize())
    if isinstance(f, pw.FloatField):
        return float
    if isinstance(f, pw.BlobField):  # a file's bytes, said by their own SHA-256
        return lambda v: hashlib.sha256(v).hexdigest()
    if isinstance(f, (pw.DateTimeField, pw.DateField, pw.TimeField)):
        # SQLite holds what str() of the value gave when it was written (peewee's and sqlite3's
        # adapters); PostgreSQL gives the value, whose str() is the same text.
        return str
    return None
