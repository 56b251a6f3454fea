"""A throwaway PostgreSQL cluster for the tests (docs/architecture.md, "PostgreSQL: the shared server").

`PgCluster.start_new()` runs initdb in a fresh folder and starts the server on a free loopback port
(its socket in that folder too, so it never meets a system cluster). As root, initdb and postgres
refuse to run: both then run as the `postgres` user (runuser) in a folder that user owns.
With `TWINDESK_TEST_PG_URL` set (a superuser's URL) the tests use that server instead and cannot
stop or restart it.

Authentication over loopback: `trust` for every role, except members of the role
`password_login`, which must give their password (scram-sha-256): `create_login(name, password=...)`.
Per-test databases are copies of `twindesk_template` (made once with `create_schema`), which is fast.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

BIN_FOLDERS = [Path(p) for p in ("/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin",
                                 "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/14/bin",
                                 "/usr/lib/postgresql/13/bin")]
SUPERUSER = "postgres"
TEMPLATE = "twindesk_template"
PASSWORD_GROUP = "password_login"

HBA = f"""\
local all all trust
host all +{PASSWORD_GROUP} 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
"""

# Speed over durability: the cluster is thrown away (never for a real server).
FAST = ("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        "-c", "max_connections=200", "-c", "shared_buffers=32MB",
        # Small on disk: no replication, WAL recycled early (each cluster is one test session's).
        "-c", "wal_level=minimal", "-c", "max_wal_senders=0", "-c", "min_wal_size=32MB",
        "-c", "max_wal_size=64MB")


def server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, or None."""
    for env in (os.environ.get("TWINDESK_PG_BIN"),):
        if env and (Path(env) / "initdb").exists():
            return Path(env)
    for folder in BIN_FOLDERS:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    """A running PostgreSQL server the tests may use as superuser."""

    def __init__(self, host: str, port: int, *, superuser: str = SUPERUSER, data: Path | None = None,
                 bin_folder: Path | None = None, base_url: str | None = None):
        self.host, self.port, self.superuser = host, port, superuser
        self.data, self.bin = data, bin_folder
        self._base_url = base_url
        self._names = itertools.count(1)
        self._prefix = f"t{os.getpid()}_"

    # -- making one -------------------------------------------------------------------------------

    @classmethod
    def start_new(cls, bin_folder: Path) -> PgCluster:
        folder = Path(tempfile.mkdtemp(prefix="twindesk-pg-"))
        data = folder / "data"
        as_root = os.geteuid() == 0 if hasattr(os, "geteuid") else False
        if as_root:
            shutil.chown(folder, "postgres", "postgres")
        cluster = cls("127.0.0.1", free_port(), data=data, bin_folder=bin_folder)
        cluster._as_root = as_root
        cluster._run([bin_folder / "initdb", "-D", str(data), "-U", SUPERUSER, "--no-sync", "-E", "UTF8",
                      "--locale=C.UTF-8", "-A", "trust"])
        (data / "pg_hba.conf").write_text(HBA)
        cluster.start()
        cluster.run_sql(f"CREATE ROLE {PASSWORD_GROUP} NOLOGIN")
        return cluster

    @classmethod
    def from_url(cls, url: str) -> PgCluster:
        parts = urlsplit(url)
        return cls(parts.hostname or "127.0.0.1", parts.port or 5432, superuser=parts.username or SUPERUSER,
                   base_url=url)

    def _run(self, command: list, **kwargs) -> subprocess.CompletedProcess:
        command = [str(c) for c in command]
        if getattr(self, "_as_root", False):
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {result.stdout}{result.stderr}")
        return result

    # -- running ------------------------------------------------------------------------------------

    @property
    def owned(self) -> bool:
        """True when the tests made this cluster (so may stop, restart and remove it)."""
        return self.data is not None

    def start(self) -> None:
        options = " ".join(["-c", "listen_addresses=127.0.0.1", "-c", f"port={self.port}",
                            "-c", f"unix_socket_directories={self.data.parent}", *FAST])
        self._run([self.bin / "pg_ctl", "-D", self.data, "-l", self.data.parent / "server.log", "-w",
                   "-t", "60", "-o", options, "start"])

    def stop(self, mode: str = "fast") -> None:
        self._run([self.bin / "pg_ctl", "-D", self.data, "-w", "-m", mode, "stop"])

    def restart(self) -> None:
        self.stop()
        self.start()

    def remove(self) -> None:
        """Stop the server (if it runs) and delete its folder."""
        if not self.owned:
            return
        try:
            self.stop("immediate")
        except RuntimeError:
            pass
        shutil.rmtree(self.data.parent, ignore_errors=True)

    # -- using ----------------------------------------------------------------------------------------

    def url(self, database: str = "postgres", user: str | None = None) -> str:
        return f"postgresql://{user or self.superuser}@{self.host}:{self.port}/{database}"

    @property
    def superuser_url(self) -> str:
        return self.url()

    def run_sql(self, sql: str, database: str = "postgres", params=None) -> list[tuple]:
        """Run `sql` as the superuser (autocommit); the rows it returns, if any."""
        import psycopg

        with psycopg.connect(host=self.host, port=self.port, user=self.superuser, dbname=database,
                             autocommit=True, connect_timeout=10) as conn:
            cur = conn.execute(sql, params)
            return cur.fetchall() if cur.description else []

    def _fresh_name(self) -> str:
        return f"{self._prefix}{next(self._names)}"

    def ensure_template(self) -> None:
        """`twindesk_template`: an empty database at the newest schema, copied for each test."""
        if self.run_sql("SELECT 1 FROM pg_database WHERE datname = %s", params=(TEMPLATE,)):
            return
        self.run_sql(f'CREATE DATABASE "{TEMPLATE}"')
        from twindesk.store.server.address import parse_database_url
        from twindesk.store.server.database import create_schema, server_database

        db = server_database(parse_database_url(self.url(TEMPLATE)))
        try:
            db.connect()
            with db.atomic():
                create_schema(db)
        finally:
            db.close()

    def new_database(self, name: str | None = None, initialized: bool = True) -> str:
        """A new database (initialized: at the newest schema, empty); its URL for the superuser."""
        name = name or self._fresh_name()
        if initialized:
            self.ensure_template()
            self.run_sql(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
        else:
            self.run_sql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.run_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def terminate_backends(self, dbname: str) -> int:
        """End every other connection to `dbname` (as a lost network or a killed server process would)."""
        rows = self.run_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE datname = %s AND pid <> pg_backend_pid()", params=(dbname,))
        return len(rows)

    def create_login(self, name: str, password: str | None = None, *, member_of: tuple[str, ...] = ()) -> None:
        """A login role; with a password, one that must give it (member of `password_login`)."""
        self.run_sql(f'DROP ROLE IF EXISTS "{name}"')
        if password is None:
            self.run_sql(f'CREATE ROLE "{name}" LOGIN')
        else:
            quoted = password.replace("'", "''")
            self.run_sql(f'CREATE ROLE "{name}" LOGIN PASSWORD \'{quoted}\'')
        for group in (*member_of, *((PASSWORD_GROUP,) if password is not None else ())):
            self.run_sql(f'GRANT "{group}" TO "{name}"')


def wait_until_accepting(cluster: PgCluster, seconds: float = 30) -> None:
    """Until the server answers (after a restart)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            cluster.run_sql("SELECT 1")
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
