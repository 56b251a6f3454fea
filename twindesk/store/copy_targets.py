"""The empty databases a transfer copies into (docs/architecture.md, "Moving a database to the server
and back"): a new SQLite file, or a server database that holds no TwinDesk rows.

Both are prepared inside the caller's one transaction, so a copy that fails leaves nothing: the file
is a temporary one the caller removes, the server's transaction is rolled back (the schema too, where
this transaction made it).
"""

from __future__ import annotations

from pathlib import Path

import peewee as pw

from twindesk.store import database_copy, schema
from twindesk.store.errors import UserError
from twindesk.store.fileinfo import APPLICATION_ID
from twindesk.store.messages import add_chinese


class TargetNotEmpty(UserError):
    """The server database already holds TwinDesk rows (or other tables): a transfer never mixes."""


NOT_EMPTY = ("{server}: the database is not empty ({tables} hold rows); a transfer copies only into an "
             "empty database (a new one, or one just set up by twindesk server init)")
FOREIGN_TABLES = ("{server}: the database holds tables that are not TwinDesk's ({tables}); give an empty "
                  "database (a new one, or one set up by twindesk server init)")

add_chinese({
    NOT_EMPTY: "{server}：数据库不是空的（{tables} 中已有数据）；迁移只复制到空数据库（新建的数据库，或刚用 "
               "twindesk server init 设置好的数据库）",
    FOREIGN_TABLES: "{server}：数据库中有不属于 TwinDesk 的数据表（{tables}）；请给出一个空数据库（新建的，或用 "
                    "twindesk server init 设置好的）",
})


def new_sqlite_file(path: Path) -> pw.SqliteDatabase:
    """A connection to `path` (a new, empty file) to be made a TwinDesk database at the newest schema,
    as store/connection.py makes one. No WAL and no fsync on each commit while it is built: the file is
    published (fsynced, renamed) only once whole."""
    db = pw.SqliteDatabase(str(path), pragmas=(("foreign_keys", 1), ("synchronous", "off"),
                                               ("cache_size", -64 * 1024)))  # 64 MB: indexes build in memory
    db.connect()
    return db


def create_sqlite_tables(db: pw.SqliteDatabase) -> None:
    """In the transaction: the tables, without their indexes (`create_sqlite_indexes`, after the rows:
    an index made over the rows is built once, not row by row). The same SQL as a new file's."""
    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    with db.bind_ctx(schema.NEWEST_MODELS):
        for model in pw.sort_models(schema.NEWEST_MODELS):
            model._schema.create_table(safe=True)
    db.pragma("user_version", schema.SCHEMA_VERSION)


def create_sqlite_indexes(db: pw.SqliteDatabase) -> None:
    with db.bind_ctx(schema.NEWEST_MODELS):
        for model in pw.sort_models(schema.NEWEST_MODELS):
            model._schema.create_indexes(safe=True)


def prepare_server_target(db: pw.Database, address) -> bool:
    """In the transaction: make sure the server database at `address` can take the copy, and keep
    others from writing to it until the commit. A database with no tables at all gets the schema
    (True); one set up by `server init` must be at this version and hold no TwinDesk rows."""
    from twindesk.store.server.database import check_schema, create_schema, schema_version

    server = address.display()
    created = schema_version(db) is None
    if created:
        others = [name for (name,) in db.execute_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")]
        if others:
            raise TargetNotEmpty(FOREIGN_TABLES, server=server, tables=", ".join(others[:5]))
        create_schema(db)
    else:
        check_schema(db, address)
    names = [t.name for t in database_copy.tables()]
    # EXCLUSIVE: others may still read, nobody writes a row we would then refuse or mix with ours.
    db.execute_sql(f"LOCK TABLE {database_copy.quoted(names)} IN EXCLUSIVE MODE")
    filled = [t.name for t in database_copy.tables() if not database_copy.is_empty(db, t)]
    if filled:
        raise TargetNotEmpty(NOT_EMPTY, server=server, tables=", ".join(filled))
    return created
