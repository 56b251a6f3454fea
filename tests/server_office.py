"""An office's shared database for the role tests (tests/test_server_roles.py,
tests/test_server_write_access.py, tests/gui/test_server_roles_window.py): set up by `twindesk server init`
as its owner, with real password logins for a reader, an editor and an administrator granted by
`twindesk server grant`. A module takes its own with `office = office_fixture(...)`."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from dataclasses import dataclass, field

import pytest
from conftest import REPO, subprocess_env

_numbers = itertools.count(1)
OWNER = "twindesk_test_owner"

# What a refusal says after "as LOGIN, " (domain/model/access_messages.py).
READER_SAYS = "who may only read (role twindesk_reader). Ask the office's administrator for the editor role."
EDITOR_SAYS = ("who may not change home localities (role twindesk_editor). Ask the office's administrator for "
               "the admin role.")


@dataclass
class Office:
    cluster: object
    database: str
    owner: str
    logins: dict[str, str]  # level -> login name; every password is the login's name + "-pw"
    ids: dict[str, int] = field(default_factory=dict)  # kind -> the id of the record made at set-up

    def url(self, who: str) -> str:
        """The database's URL for a login (a level, "owner", or a login's own name)."""
        name = self.owner if who == "owner" else self.logins.get(who, who)
        return self.cluster.url(self.database, user=name)

    def password(self, who: str) -> str:
        name = self.owner if who == "owner" else self.logins.get(who, who)
        return f"{name}-pw"

    def twindesk(self, who: str, *args, timeout: int = 120) -> subprocess.CompletedProcess:
        """`twindesk ARGS` as that login, its password where libpq looks for one (PGPASSWORD)."""
        env = {**subprocess_env(), "PGPASSWORD": self.password(who), "TWINDESK_DATABASE_URL": self.url(who)}
        return subprocess.run([sys.executable, "-m", "twindesk", *args], capture_output=True, text=True,
                              timeout=timeout, env=env, cwd=str(REPO))

    def sql(self, sql: str, params=None):
        return self.cluster.run_sql(sql, database=self.database, params=params)

    def connect_as(self, who: str):
        """A plain psycopg connection as that login, bypassing TwinDesk altogether."""
        import psycopg

        name = self.owner if who == "owner" else self.logins.get(who, who)
        return psycopg.connect(host=self.cluster.host, port=self.cluster.port, dbname=self.database, user=name,
                               password=self.password(who), autocommit=True, connect_timeout=10)


def make_office(cluster) -> Office:
    """A fresh empty database owned by a login that may create roles, `server init` run by it, and a
    reader, an editor and an admin login granted their roles by it."""
    tag = f"o{os.getpid()}_{next(_numbers)}"
    owner = OWNER
    url = cluster.new_database(initialized=False)
    database = url.rsplit("/", 1)[1]
    # One owner for every office of the run: it made TwinDesk's roles (the cluster's, shared by its
    # databases), and from PostgreSQL 16 on only their maker may grant them on with CREATEROLE alone.
    if not cluster.run_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", params=(owner,)):
        cluster.create_login(owner, f"{owner}-pw")
        cluster.run_sql(f'ALTER ROLE "{owner}" CREATEROLE')
    cluster.run_sql(f'ALTER DATABASE "{database}" OWNER TO "{owner}"')
    office = Office(cluster, database, owner, {})
    done = office.twindesk("owner", "server", "init")
    assert done.returncode == 0, done.stderr
    for level in ("reader", "editor", "admin"):
        login = f"{level}_{tag}"
        cluster.create_login(login, f"{login}-pw")
        office.logins[level] = login
        done = office.twindesk("owner", "server", "grant", login, level)
        assert done.returncode == 0, done.stderr
    return office


def drop_office(office: Office) -> None:
    office.cluster.drop_database(office.database)
    for name in office.logins.values():  # the owner stays: it granted the roles (see make_office)
        office.cluster.run_sql(f'DROP ROLE IF EXISTS "{name}"')


def stock_office(office: Office) -> None:
    """A home locality (Hainan) and a partner (Jeju), written as the superuser (set-up, not the door);
    their ids in `office.ids`."""
    from twindesk.domain import workspace
    from twindesk.store import models as m

    workspace.open_workspace(office.cluster.url(office.database))
    try:
        office.ids = {"home_locality": m.HomeLocality.create(name_zh="海南省", name_en="Hainan", kind="province").id,
                      "partner": m.Partner.create(name_en="Jeju", country="KR").id}
    finally:
        workspace.close()


def office_fixture(*, stocked: bool = False):
    """A module-scoped fixture giving the module an office of its own (`make_office`), with `stocked`
    its two records (`stock_office`); dropped after the module's last test."""
    @pytest.fixture(scope="module")
    def office(pg_cluster):
        made = make_office(pg_cluster)
        if stocked:
            stock_office(made)
        yield made
        drop_office(made)

    return office


def as_superuser(cluster, database: str) -> Office:
    """A database with no office's logins, run as the cluster's superuser ("owner" is the superuser)."""
    return Office(cluster, database, cluster.superuser, {})
