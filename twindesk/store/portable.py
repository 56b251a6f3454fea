"""Fields and SQL pieces whose DDL suits the database compiling them: SQLite (the file) or PostgreSQL
(the shared server; docs/architecture.md, "PostgreSQL: the shared server (store)").

On SQLite every piece says exactly what it always said, so a new file's schema stays byte for byte the
one the migrations make. On PostgreSQL:
- an id is a sequence's (serial): like AUTOINCREMENT, never handed out twice;
- text columns are `text COLLATE "C"`: compared and sorted by code point as SQLite does, of any length
  as SQLite allows (VARCHAR(n) would refuse what a SQLite database already holds);
- SQL defaults are written in PostgreSQL's words (`false`, `gen_random_uuid()`).

Which database compiles is the `engine` context option: `store.server.database.server_database` sets it.
"""

import peewee as pw
from playhouse.sqlite_ext import AutoIncrementField

POSTGRESQL = "postgresql"

# The server's types where peewee's PostgreSQL defaults would differ from what SQLite keeps: 8-byte
# floats (REAL is 4 bytes there) and 8-byte integers (SQLite's INTEGER is 8 bytes).
SERVER_FIELD_TYPES = {"FLOAT": "DOUBLE PRECISION", "INT": "BIGINT", "AUTO": "BIGSERIAL"}


def on_server(ctx) -> bool:
    """True when `ctx` compiles for PostgreSQL."""
    return ctx is not None and ctx.state.engine == POSTGRESQL


class ByEngine(pw.Node):
    """One piece of SQL said in SQLite's words or in PostgreSQL's."""

    def __init__(self, sqlite: str, postgresql: str):
        self.sqlite, self.postgresql = sqlite, postgresql

    def __sql__(self, ctx):
        return ctx.literal(self.postgresql if on_server(ctx) else self.sqlite)


def sql_default(sqlite: str, postgresql: str | None = None) -> ByEngine:
    """`DEFAULT x` for a column, where PostgreSQL says `x` otherwise (`postgresql`)."""
    return ByEngine(f"DEFAULT {sqlite}", f"DEFAULT {postgresql if postgresql is not None else sqlite}")


# A fresh UUID as 32 lower-case hex digits, on either engine (PostgreSQL 13+ has gen_random_uuid built in).
UUID_DEFAULT = sql_default("(lower(hex(randomblob(16))))", "(replace(gen_random_uuid()::text, '-', ''))")
FALSE_DEFAULT = sql_default("0", "false")


class NeverReusedIdField(AutoIncrementField):
    """SQLite: INTEGER PRIMARY KEY AUTOINCREMENT. PostgreSQL: a bigserial, whose sequence never goes back."""

    def ddl(self, ctx):
        if on_server(ctx):
            return pw.AutoField.ddl(self, ctx)
        return super().ddl(ctx)


class _ByteOrderText:
    """Text compared by code point on the server (SQLite's BINARY collation), any length."""

    def ddl_datatype(self, ctx):
        if on_server(ctx):
            return pw.SQL("TEXT")
        return super().ddl_datatype(ctx)

    def ddl(self, ctx):
        node = super().ddl(ctx)
        if on_server(ctx):
            return pw.NodeList((node, pw.SQL('COLLATE "C"')))
        return node


class CharField(_ByteOrderText, pw.CharField):
    pass


class TextField(_ByteOrderText, pw.TextField):
    pass


class ForeignKeyField(_ByteOrderText, pw.ForeignKeyField):
    """A key to a text column (a blob's SHA-256) is text in the same collation; to an id, an integer."""

    def ddl_datatype(self, ctx):
        if isinstance(self.rel_field, _ByteOrderText):
            return super().ddl_datatype(ctx)
        return pw.ForeignKeyField.ddl_datatype(self, ctx)

    def ddl(self, ctx):
        if isinstance(self.rel_field, _ByteOrderText):
            return super().ddl(ctx)
        return pw.ForeignKeyField.ddl(self, ctx)
