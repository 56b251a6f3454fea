"""The SQL that SQLite and PostgreSQL say differently, in one place (docs/architecture.md, "SQL on both
engines"). The domain builds its queries from these pieces instead of writing either engine's words.

Two kinds of piece:
- peewee expressions (`contains`, `year_of`, `joined` …) that compile to the words of the database
  compiling them, so a query built once runs on either;
- raw SQL run on the bound connection (`execute`, `executemany`), written with SQLite's `?`
  placeholders: on PostgreSQL they become `%s` (and a literal `%` becomes `%%`). On SQLite the SQL goes
  to the sqlite3 connection exactly as before, so nothing there changes in meaning or speed.

Values read by raw SQL on PostgreSQL come back typed (dates, booleans, decimals); `plain` turns them
into what SQLite stores, so the history's JSON of a row and everything that compares rows is the same
on both engines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache

import peewee as pw

from twindesk.store.engine import is_server
from twindesk.store.models import database
from twindesk.store.portable import on_server
from twindesk.store.server.errors import is_server_problem, server_error

fn = pw.fn


# -- which engine ------------------------------------------------------------------------------------


class _Either(pw.ColumnBase):
    """One expression in SQLite's words or PostgreSQL's, chosen when the query is compiled."""

    def __init__(self, sqlite: pw.Node, postgresql: pw.Node):
        super().__init__()
        self.sqlite, self.postgresql = sqlite, postgresql

    def __sql__(self, ctx):
        return ctx.sql(self.postgresql if on_server(ctx) else self.sqlite)


# -- expressions -------------------------------------------------------------------------------------


def contains(column: pw.Node, word: str) -> pw.Expression:
    """`word` occurs in `column`: instr() / strpos(), which need no escaping of % and _ as LIKE would."""
    return _Either(fn.instr(column, word), fn.strpos(column, word)) > 0


def year_of(day: pw.Node) -> pw.Node:
    """The year of a date (NULL for none), as an integer."""
    return _Either(fn.strftime("%Y", day).cast("INTEGER"),
                   pw.NodeList((pw.SQL("EXTRACT(YEAR FROM"), day, pw.SQL(")")), glue=" ").cast("INTEGER"))


def four_digits(number: pw.Node) -> pw.Node:
    """An integer as text of at least four digits, zero-padded (a year: 0995)."""
    return _Either(fn.printf("%04d", number), fn.lpad(number.cast("TEXT"), 4, "0"))


def first_of_january(year: pw.Node) -> pw.Node:
    """"YYYY-01-01" of a year."""
    return _Either(fn.printf("%04d-01-01", year), fn.lpad(year.cast("TEXT"), 4, "0").concat("-01-01"))


def nulls_first(expr: pw.Node) -> pw.Node:
    """Ascending with NULLs first, as SQLite orders by itself (PostgreSQL puts them last)."""
    return _Either(expr, expr.asc(nulls="FIRST"))


def month_and_day(day: pw.Node) -> pw.Node:
    """"-MM-DD" of a date: what follows the year in its ISO text."""
    return _Either(fn.substr(day, 5), fn.to_char(day, "-MM-DD"))


def remainder(a, b) -> pw.Node:
    """a modulo b for integers (peewee's own `%` means LIKE); the sign follows `a` on both engines."""
    return _Either(pw.Expression(a, "%", b), fn.MOD(a, b))


def greatest(a, b) -> pw.Node:
    """The larger of two values (SQLite's MAX with two arguments)."""
    return _Either(fn.MAX(a, b), fn.GREATEST(a, b))


def joined(expr: pw.Node, separator: str, order_by: pw.Node) -> pw.Node:
    """The group's values joined by `separator`. SQLite (3.40 has no ORDER BY inside an aggregate) joins
    them in the order it reads them, which is `order_by` for the index scans these queries use;
    PostgreSQL is told that order."""
    ordered = pw.NodeList((expr, pw.SQL(","), pw.Value(separator), pw.SQL("ORDER BY"), order_by))
    return _Either(fn.group_concat(expr, separator), fn.string_agg(ordered))


# -- raw SQL -----------------------------------------------------------------------------------------

_QUOTED_OR_MARK = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?|%")


@lru_cache(maxsize=512)
def server_sql(sql: str) -> str:
    """SQLite's `?` placeholders as psycopg's `%s`; a literal `%` doubled (psycopg reads every one)."""

    def swap(match: re.Match) -> str:
        text = match.group(0)
        if text == "?":
            return "%s"
        return text.replace("%", "%%")

    return _QUOTED_OR_MARK.sub(swap, sql)


def execute(sql: str, params: Sequence = ()):
    """Run one statement on the bound connection (inside the caller's transaction, if any); the cursor."""
    if not is_server():
        return database.connection().execute(sql, params)
    return database.execute_sql(server_sql(sql), list(params))  # the server's errors said as ServerErrors


def executemany(sql: str, rows: Iterable[Sequence]) -> None:
    """One statement for every row (psycopg sends them in one pipeline)."""
    if not is_server():
        database.connection().executemany(sql, rows)
        return
    try:
        with pw.__exception_wrapper__:  # psycopg's errors as peewee's, as execute_sql says them
            database.connection().cursor().executemany(server_sql(sql), [list(r) for r in rows])
    except pw.PeeweeException as exc:
        if is_server_problem(exc):
            raise server_error(exc, database.obj.address) from exc
        raise


def in_ids(column: str, ids: Iterable[int]) -> tuple[str, object]:
    """`column` is one of `ids`, any number of them, as (SQL with one `?`, its parameter)."""
    ids = list(ids)
    if is_server():
        return f"{column} = ANY(?)", ids
    return f"{column} IN (SELECT value FROM json_each(?))", json.dumps(ids)


def json_int(column: str, key: str) -> str:
    """SQL: the integer under `key` in the JSON object held as text in `column`."""
    if is_server():
        return f"CAST(CAST({column} AS jsonb) ->> '{key}' AS bigint)"
    return f"json_extract({column}, '$.{key}')"


def plain(value):
    """A value read from PostgreSQL as SQLite stores and hands it back (the history's JSON, row comparisons)."""
    if value is None or isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (datetime, date, time)):
        return str(value)  # what sqlite3's adapters wrote: isoformat with a space
    if isinstance(value, Decimal):  # NUMERIC affinity: an integer when it is whole, else a real
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def rows_as_dicts(cursor) -> list[dict]:
    """The cursor's rows as {column: value}, values as SQLite holds them on either engine."""
    names = [d[0] for d in cursor.description]
    if not is_server():
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return [{n: plain(v) for n, v in zip(names, row, strict=True)} for row in cursor.fetchall()]


def table_columns(table: str) -> list[str]:
    """The table's column names, in the table's order."""
    return [name for name, _type in _column_types(table)]


def _column_types(table: str) -> list[tuple[str, str]]:
    if is_server():
        return execute("SELECT column_name, data_type FROM information_schema.columns "
                       "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
                       (table,)).fetchall()
    return [(row[1], row[2]) for row in execute(f'PRAGMA table_info("{table}")')]


# PostgreSQL's text for a value where its JSON would differ from what SQLite stores and json_object says.
_AS_STORED = {
    "boolean": '"{c}"::int',
    "timestamp without time zone": ("CASE WHEN date_part('microseconds', \"{c}\")::int % 1000000 = 0 "
                                    "THEN to_char(\"{c}\", 'YYYY-MM-DD HH24:MI:SS') "
                                    "ELSE to_char(\"{c}\", 'YYYY-MM-DD HH24:MI:SS.US') END"),
    "time without time zone": '"{c}"::text',
    # NUMERIC affinity keeps a whole decimal as an integer, any other as a real.
    "numeric": 'CASE WHEN "{c}" = trunc("{c}") THEN to_json(trunc("{c}")::bigint) ELSE to_json("{c}"::float8) END',
    # A REAL stays one in json_object (1849.0); PostgreSQL would write 1849.
    "double precision": ('CASE WHEN "{c}" = trunc("{c}") AND abs("{c}") < 1e15 '
                         'THEN (trunc("{c}")::bigint::text || \'.0\')::json ELSE to_json("{c}") END'),
}


def row_json(table: str) -> str:
    """SQL: the whole row of `table` as a JSON object, key per column in the table's order, values as
    SQLite stores them (booleans 0/1, times as Python writes them)."""
    columns = _column_types(table)
    if not is_server():
        return "json_object(" + ", ".join(f"'{c}', \"{c}\"" for c, _type in columns) + ")"
    pairs = [f"'{c}', " + _AS_STORED.get(t, '"{c}"').format(c=c) for c, t in columns]
    # json_build_object takes at most 100 arguments: wider tables are built in parts and merged.
    parts = ["json_build_object(" + ", ".join(pairs[i:i + 50]) + ")" for i in range(0, len(pairs), 50)]
    if len(parts) == 1:
        return parts[0] + "::text"
    return "(" + " || ".join(p + "::jsonb" for p in parts) + ")::text"


def defer_foreign_keys() -> None:
    """Foreign keys checked at the commit, for the rest of this transaction (rows in any order)."""
    if is_server():
        execute("SET CONSTRAINTS ALL DEFERRED")
    else:
        execute("PRAGMA defer_foreign_keys = ON")


def insert_ignoring_duplicates(table: str, columns: Sequence[str]) -> str:
    """SQL: insert one row (`?` per column) unless its key is already stored."""
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    if is_server():
        return f'INSERT INTO "{table}" ({names}) VALUES ({marks}) ON CONFLICT DO NOTHING'
    return f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})'


def new_uuid_sql() -> str:
    """SQL: a fresh UUID as 32 lower-case hex digits (the uuid column's default)."""
    return "replace(gen_random_uuid()::text, '-', '')" if is_server() else "lower(hex(randomblob(16)))"


# -- ids ---------------------------------------------------------------------------------------------


def _sequence(table: str) -> str:
    return execute("SELECT pg_get_serial_sequence(?, 'id')", (f'"{table}"',)).fetchone()[0]


def handed_out(table: str) -> int:
    """The highest id the table ever gave out (AUTOINCREMENT's sequence; PostgreSQL's sequence)."""
    if is_server():
        last, called = execute(f"SELECT last_value, is_called FROM {_sequence(table)}").fetchone()
        return last if called else 0
    if execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone() is None:
        return 0
    row = execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    return row[0] if row else 0


def new_ids(table: str, count: int) -> list[int]:
    """`count` ids no row of `table` ever had, for rows inserted with their id. SQLite: the next ones
    after every id stored or handed out (inside the IMMEDIATE transaction nobody else inserts).
    PostgreSQL: taken from the table's sequence, so another session inserting meanwhile never gets one."""
    if count <= 0:
        return []
    if is_server():
        rows = execute(f"SELECT nextval('{_sequence(table)}') FROM generate_series(1, ?)", (count,)).fetchall()
        return [i for (i,) in rows]
    highest = execute(f'SELECT coalesce(max(id), 0) FROM "{table}"').fetchone()[0]
    first = max(highest, handed_out(table)) + 1
    return list(range(first, first + count))


def ids_given(table: str) -> None:
    """After rows went in with ids of their own: the sequence moves past them, so the next id the
    table hands out is new (SQLite's AUTOINCREMENT does this itself)."""
    if is_server():
        sequence = _sequence(table)
        execute(f"SELECT setval('{sequence}', m) FROM (SELECT max(id) AS m FROM \"{table}\") t "
                f"WHERE m > (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {sequence})")


# -- blobs -------------------------------------------------------------------------------------------


def read_blob_chunks(table: str, column: str, key_column: str, key, length_column: str,
                     size: int) -> Iterator[bytes] | None:
    """The blob in `column` of the row whose `key_column` is `key` (`length_column` holds its length),
    in pieces of `size` bytes, never all of it in memory; None when there is no such row. SQLite: an
    incremental blob handle; PostgreSQL: substring() of the bytea, piece by piece."""
    if is_server():
        row = execute(f'SELECT "{length_column}" FROM "{table}" WHERE "{key_column}" = ?', (key,)).fetchone()
        return None if row is None else _server_chunks(table, column, key_column, key, row[0], size)
    row = execute(f'SELECT rowid, "{length_column}" FROM "{table}" WHERE "{key_column}" = ?', (key,)).fetchone()
    return None if row is None else _sqlite_chunks(table, column, row[0], row[1], size)


def _server_chunks(table, column, key_column, key, length: int, size: int) -> Iterator[bytes]:
    for offset in range(0, length, size):
        (piece,) = execute(f'SELECT substring("{column}" FROM ? FOR ?) FROM "{table}" WHERE "{key_column}" = ?',
                           (offset + 1, size, key)).fetchone()
        yield bytes(piece)


def _sqlite_chunks(table, column, rowid: int, length: int, size: int) -> Iterator[bytes]:
    conn = database.connection()
    if not hasattr(conn, "blobopen"):  # Python before 3.11: substr reads one piece at a time
        for offset in range(0, length, size):
            (piece,) = conn.execute(f'SELECT substr("{column}", ?, ?) FROM "{table}" WHERE rowid = ?',
                                    (offset + 1, size, rowid)).fetchone()
            yield bytes(piece)
        return
    with conn.blobopen(table, column, rowid, readonly=True) as blob:
        while piece := blob.read(size):
            yield piece
