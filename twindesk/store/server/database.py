"""Opening a shared PostgreSQL database: one call binds the same `DatabaseProxy` the SQLite file uses.

`open_server(address)` connects through peewee's PostgresqlDatabase with psycopg 3 (TwinDesk's name
on the connection, a 5-second connect timeout, TCP keepalives so a lost network is noticed, TLS as the
address asks), checks the database was set up by `twindesk server init` at this TwinDesk's schema
version, and binds it for the process. There is no file, no lock file and no rotating backup: the
server's own tools back it up (pg_dump), and concurrent writers are the server's business
(docs/architecture.md, "PostgreSQL: the shared server (store)").

The schema steps of store/schema.py are SQLite's: a server database is made at the newest version by
`create_schema`, and a later schema version will need steps of its own for a server.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import peewee as pw

from twindesk.store import schema
from twindesk.store.connection import OpenedDatabase
from twindesk.store.messages import Message
from twindesk.store.models import database
from twindesk.store.portable import POSTGRESQL, SERVER_FIELD_TYPES
from twindesk.store.server.address import ServerAddress
from twindesk.store.server.errors import (
    ServerConnectionLost,
    ServerError,
    ServerNotInitialized,
    ServerSchemaMismatch,
    is_connection_failure,
    is_server_problem,
    server_error,
)
from twindesk.store.server.liveness import server_hung_up
from twindesk.store.server.messages import (
    CONNECTION_LOST,
    NEWER_SCHEMA,
    NOT_INITIALIZED,
    OLDER_SCHEMA,
    WAITING,
)
from twindesk.store.server.password import signed_in_password
from twindesk.store.server.text import keep_text_storable

VERSION_TABLE = "twindesk_schema"


class ServerDatabase(pw.PostgresqlDatabase):
    """peewee's PostgreSQL database, compiling TwinDesk's portable DDL for the server (store/portable.py)."""

    field_types = {**pw.PostgresqlDatabase.field_types, **SERVER_FIELD_TYPES}

    def __init__(self, address: ServerAddress, password: str | None = None, *, read_only: bool = False):
        if password is None:  # the one a command signed in with, if any (store/server/password.py)
            password = signed_in_password(address)
        params = address.connect_params(password)
        dbname = params.pop("dbname", "")
        if read_only:  # the server itself refuses every write of this session
            params["options"] = "-c default_transaction_read_only=on"
        super().__init__(dbname, prefer_psycopg3=True, **params)
        self.address = address
        self.twindesk_read_only = read_only
        self._waiting = False  # for the server to answer again (wait_for_server)

    def wait_for_server(self, waiting: bool = True) -> None:
        """While the window waits for the server to answer again (its watch probes it on a worker thread),
        opening a connection fails at once as ServerConnectionLost: a host that does not answer at all
        (switched off, the network gone) would otherwise hold the thread that asked, the window's, for
        the whole connect timeout on every read."""
        self._waiting = waiting

    def get_context_options(self):
        return {**super().get_context_options(), "engine": POSTGRESQL}

    def _connect(self):
        if self._waiting:
            raise ServerConnectionLost(CONNECTION_LOST, server=self.address.display(), reason=Message(WAITING))
        conn = super()._connect()
        keep_text_storable(conn)  # no NUL in text: store/server/text.py
        return conn

    def connect(self, reuse_if_open: bool = False):
        try:
            return super().connect(reuse_if_open)
        except pw.PeeweeException as exc:
            raise server_error(exc, self.address, connecting=True) from exc

    def execute_sql(self, sql, params=None):
        """As peewee's, except that the server's refusals and a lost connection come back as ServerErrors,
        and that outside a transaction a broken connection is replaced, and a read that found it broken
        (the server restarted, the network came back) is asked once more on a fresh one."""
        # Only outside a transaction is a broken connection replaced or a read asked again: the one guard
        # (drop_broken_connection's other caller, ensure_connected, runs before BEGIN). Inside one, the
        # server rolled the work back with the connection; going on on a fresh one would commit the rest
        # of an operation without its beginning, so the break fails as ServerConnectionLost instead.
        outside = self.transaction_depth() == 0
        if outside:
            self.drop_broken_connection()
        try:
            return super().execute_sql(sql, params)
        except pw.PeeweeException as exc:
            error = exc
        if outside and is_connection_failure(error) and _is_read(sql):
            self.drop_broken_connection(force=True)
            try:
                return super().execute_sql(sql, params)
            except pw.PeeweeException as exc:
                error = exc
        if is_server_problem(error):
            raise server_error(error, self.address) from error
        raise error

    def drop_broken_connection(self, *, force: bool = False) -> None:
        """Let go of this thread's connection if it broke, or the server closed it while it sat idle (a
        restart: store/server/liveness.py), or `force`: the next statement connects anew. Called only
        outside a transaction (see execute_sql)."""
        if self.is_closed() or (not force and self.is_connection_usable() and not server_hung_up(self._state.conn)):
            return
        conn = self._state.conn
        self._state.reset()
        try:
            conn.close()
        except Exception:  # noqa: BLE001 - already broken: nothing more to close
            pass


def _is_read(sql: str) -> bool:
    return sql.lstrip().upper().startswith("SELECT")


def server_database(address: ServerAddress, password: str | None = None, *,
                    read_only: bool = False) -> ServerDatabase:
    """A (not yet connected) peewee database for `address`."""
    return ServerDatabase(address, password, read_only=read_only)


def create_schema(db: pw.Database) -> None:
    """Every table at the newest schema version, and the version table, in `db` (empty); the caller
    holds the transaction. Used by `twindesk server init` and the tests' template database."""
    with db.bind_ctx(schema.NEWEST_MODELS):
        db.create_tables(schema.NEWEST_MODELS)
    # Foreign keys checked per statement, as on SQLite, but deferrable to the commit where undo and an
    # import put rows back in any order (store/dialect.py, defer_foreign_keys).
    for table, name in db.execute_sql("SELECT conrelid::regclass::text, conname FROM pg_constraint "
                                      "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace"):
        db.execute_sql(f'ALTER TABLE {table} ALTER CONSTRAINT "{name}" DEFERRABLE INITIALLY IMMEDIATE')
    db.execute_sql(f'CREATE TABLE "{VERSION_TABLE}" ("version" INTEGER NOT NULL)')
    db.execute_sql(f'INSERT INTO "{VERSION_TABLE}" ("version") VALUES (%s)', (schema.SCHEMA_VERSION,))


def schema_version(db: pw.Database) -> int | None:
    """The schema version recorded in the server database, or None when it has no version table."""
    found = db.execute_sql("SELECT to_regclass(%s) IS NOT NULL", (f'"{VERSION_TABLE}"',)).fetchone()[0]
    if not found:
        return None
    row = db.execute_sql(f'SELECT max("version") FROM "{VERSION_TABLE}"').fetchone()
    return row[0] if row else None


def check_schema(db: pw.Database, address: ServerAddress) -> None:
    server = address.display()
    version = schema_version(db)
    if version is None:
        raise ServerNotInitialized(NOT_INITIALIZED, server=server)
    if version > schema.SCHEMA_VERSION:
        raise ServerSchemaMismatch(NEWER_SCHEMA, server=server, version=version, newest=schema.SCHEMA_VERSION)
    if version < schema.SCHEMA_VERSION:
        raise ServerSchemaMismatch(OLDER_SCHEMA, server=server, version=version, newest=schema.SCHEMA_VERSION)


def open_server(address: ServerAddress, *, password: str | None = None, read_only: bool = False) -> OpenedDatabase:
    """Connect to the TwinDesk database at `address` and bind it for the process.

    Raises a ServerError (store/server/errors.py) when the server cannot be reached, refuses the login,
    TLS or the database, or the database is not set up by `twindesk server init` at this version."""
    from twindesk.store.connection import close_database

    close_database()
    db = server_database(address, password, read_only=read_only)
    db.connect()
    try:
        try:
            check_schema(db, address)
        except pw.PeeweeException as exc:
            raise server_error(exc, address) from exc
    except BaseException:
        db.close()
        raise
    database.initialize(db)
    return OpenedDatabase(None, db, False, None, [], read_only=read_only, engine=POSTGRESQL, address=address)


def current_login(db=None) -> str:
    """The database user of the bound (or given) connection."""
    db = db if db is not None else database.obj
    return db.execute_sql("SELECT current_user").fetchone()[0]


def ensure_connected(db) -> None:
    """Before new work on a server (before its BEGIN, so outside a transaction): a connection that broke
    (lost network, server restarted) is replaced by a fresh one, so the next operation works again or
    says why it cannot."""
    db.drop_broken_connection()
    db.connect(reuse_if_open=True)


@contextmanager
def server_transaction(db) -> Iterator[None]:
    """One operation's transaction on a server: `BEGIN` at READ COMMITTED (lost updates are kept out by
    the records' version check, not by locking the database as SQLite's BEGIN IMMEDIATE does). A broken
    connection is replaced first; one that breaks inside says so as ServerConnectionLost, the server
    having rolled the transaction back, and a refusal by the server's grants as ServerPermissionDenied."""
    ensure_connected(db)
    try:
        with db.atomic():
            yield
    except (pw.PeeweeException, _driver_error()) as exc:
        if is_server_problem(exc):
            raise server_error(_first_cause(exc), getattr(db, "address", None)) from exc
        raise


def _first_cause(exc: BaseException) -> BaseException:
    """The failure that started it: a lost connection's rollback fails too, and says less."""
    while exc.__context__ is not None:
        cause = exc.__context__
        if isinstance(cause, ServerError):
            return cause
        if not is_server_problem(cause):
            break
        exc = cause
    return exc


def _driver_error() -> type:
    import psycopg

    return psycopg.Error
