"""Shared fixtures: a fresh database per test, factories that go through `records.save`, and helpers
for running TwinDesk in a subprocess."""

import getpass
import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # the package need not be installed
    sys.path.insert(0, str(REPO))

from twindesk.cli_language import locale_language  # noqa: E402

# The suite expects English lines unless a test asks for Chinese; a Chinese locale would turn the
# command line's messages Chinese (twindesk/cli_language.py).
if locale_language(os.environ) != "en":
    for _name in ("LC_ALL", "LC_MESSAGES"):
        os.environ.pop(_name, None)
    os.environ["LANG"] = "C.UTF-8"

from twindesk.domain import workspace  # noqa: E402
from twindesk.domain.operations import records  # noqa: E402
from twindesk.store import close_database, open_database  # noqa: E402,F401
from twindesk.store.models import database  # noqa: E402

TABLES = (
    "home_locality",
    "partner",
    "partnership",
    "partnership_status_change",
    "contact",
    "activity",
    "visit",
    "visit_partner",
    "delegate",
    "itinerary_item",
    "gift",
    "shipment",
    "shipment_item",
)


# The foundation's test modules; other modules (GUI, demo) manage their own databases and scopes.
FOUNDATION_MODULES = {
    "test_validation",
    "test_records",
    "test_lists",
    "test_insights",
    "test_store_open",
    "test_migrations",
    "test_backups",
    "test_crash_safety",
    "test_cli",
    "test_layers",
}


@pytest.fixture(autouse=True)
def _no_leaked_database(request):
    """Each foundation test starts and ends with no database bound, even when it fails half-way."""
    if request.module.__name__.rpartition(".")[2] not in FOUNDATION_MODULES:
        yield
        return
    workspace.close()
    yield
    workspace.close()


@pytest.fixture(autouse=True)
def _no_file_named_after_an_object():
    """No test leaves a file named after an object's repr (`<psycopg.Connection …>`: a server's
    connection taken for a SQLite path) in the working folder or the checkout."""
    folders = {Path.cwd(), REPO}
    yield
    made = [p.name for folder in folders for p in folder.iterdir() if p.name.startswith("<")]
    assert not made, f"files named after an object in the working folder: {made}"


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "t.db"


# -- PostgreSQL (docs/architecture.md, "PostgreSQL: the shared server (store)") ---------------------------

# `TWINDESK_TEST_ENGINE=postgresql`: the `db` fixture opens a fresh server database instead of a file, so
# every test that uses `db` or `make` runs on PostgreSQL; tests about SQLite files are `sqlite_only`.
TEST_ENGINE = os.environ.get("TWINDESK_TEST_ENGINE", "sqlite").strip().lower() or "sqlite"
ON_POSTGRESQL = TEST_ENGINE == "postgresql"


# The fixtures that give a test its databases on the pass's engine.
ENGINE_FIXTURES = {"db", "new_target", "module_targets"}


def database_login() -> str:
    """The login the history names beside the staff name in this run: the system's user on SQLite, the
    harness's superuser on a server (TWINDESK_TEST_PG_URL's user, when given)."""
    if not ON_POSTGRESQL:
        return getpass.getuser()
    from urllib.parse import urlsplit

    from pg_cluster import SUPERUSER

    return urlsplit(os.environ.get("TWINDESK_TEST_PG_URL", "")).username or SUPERUSER


def pytest_collection_modifyitems(config, items):
    """On the PostgreSQL pass, only the tests that work on a database from the fixtures (ENGINE_FIXTURES)
    run: the others work on files they make themselves, or on no database, and ran the
    same on the SQLite pass. Tests about SQLite files (`sqlite_only`) are skipped."""
    if not ON_POSTGRESQL:
        return
    skip = pytest.mark.skip(reason="about SQLite files (TWINDESK_TEST_ENGINE=postgresql)")
    kept, engine_free = [], []
    for item in items:
        if not ENGINE_FIXTURES & set(getattr(item, "fixturenames", ())):  # ran the same on the first pass
            engine_free.append(item)
            continue
        if item.get_closest_marker("sqlite_only") is not None:
            item.add_marker(skip)
        kept.append(item)
    if engine_free:
        config.hook.pytest_deselected(items=engine_free)
        items[:] = kept


@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL server for the session (tests/pg_cluster.py): `TWINDESK_TEST_PG_URL`'s, or a
    throwaway cluster on a free loopback port. Skips without server binaries, unless
    `TWINDESK_REQUIRE_POSTGRES=1` (CI), which makes that a failure."""
    from pg_cluster import PgCluster, server_binaries

    url = os.environ.get("TWINDESK_TEST_PG_URL")
    if url:
        yield PgCluster.from_url(url)
        return
    binaries = server_binaries()
    if binaries is None:
        if os.environ.get("TWINDESK_REQUIRE_POSTGRES") == "1":
            pytest.fail("TWINDESK_REQUIRE_POSTGRES=1 but no PostgreSQL server binaries (initdb, pg_ctl) found")
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl); install postgresql to run these tests")
    cluster = PgCluster.start_new(binaries)
    yield cluster
    cluster.remove()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """A fresh TwinDesk database on the server (at the newest schema, empty), as a superuser's URL;
    dropped after the test."""
    url = pg_cluster.new_database()
    yield url
    if workspace.current() is not None and workspace.current().address is not None:
        workspace.close()
    pg_cluster.drop_database(url.rsplit("/", 1)[1])


@pytest.fixture
def db(request, db_path):
    """A fresh, empty TwinDesk database, bound and write-locked for the test: tmp_path/t.db, or with
    TWINDESK_TEST_ENGINE=postgresql a fresh server database (`pg_url`)."""
    if ON_POSTGRESQL:
        opened = workspace.open_workspace(request.getfixturevalue("pg_url"))
    else:
        opened = workspace.open_workspace(db_path, take_backups=False)
    yield opened
    workspace.close()


@contextmanager
def writes_outside_the_door():
    """Every INSERT, UPDATE or DELETE run outside an operation while the block runs, as (verb, table): on
    SQLite its authorizer sees each statement as it is compiled; on a server, peewee's query hook sees
    each statement it runs (docs/architecture.md, "The one door")."""
    from twindesk.domain.operations import door
    from twindesk.store.engine import is_server

    outside: list[tuple[str, str]] = []
    if is_server():
        def hook(event):
            found = WRITE_SQL.match(event.sql)
            if found and door.current() is None:
                outside.append((found.group(1).split()[0].upper(), found.group(2)))

        database.query_hooks.append(hook)
        try:
            yield outside
        finally:
            database.query_hooks.remove(hook)
        return

    def authorizer(action, table, *_):
        if action in SQLITE_WRITES and door.current() is None and not (table or "").startswith("sqlite_"):
            outside.append((SQLITE_WRITES[action], table))
        return sqlite3.SQLITE_OK

    conn = database.connection()
    conn.set_authorizer(authorizer)
    try:
        yield outside
    finally:
        conn.set_authorizer(None)


SQLITE_WRITES = {sqlite3.SQLITE_INSERT: "INSERT", sqlite3.SQLITE_UPDATE: "UPDATE", sqlite3.SQLITE_DELETE: "DELETE"}
WRITE_SQL = re.compile(r'^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.I)


class Targets:
    """New databases as `open_workspace`, the helpers and the command line's --db name them: a file in
    `folder` (not yet made), or on the PostgreSQL pass a fresh server database (the schema made, empty),
    dropped again by `drop_all`."""

    def __init__(self, folder: Path, cluster=None):
        self.folder, self.cluster, self.made = Path(folder), cluster, []

    def new(self, name: str = "t.db") -> Path | str:
        if self.cluster is None:
            return self.folder / name
        url = self.cluster.new_database()
        self.made.append(url.rsplit("/", 1)[1])
        return url

    def drop_all(self) -> None:
        if workspace.current() is not None and workspace.current().address is not None:
            workspace.close()
        for name in self.made:
            self.cluster.drop_database(name)


def _targets(request, folder: Path) -> Targets:
    return Targets(folder, request.getfixturevalue("pg_cluster") if ON_POSTGRESQL else None)


@pytest.fixture
def new_target(request, tmp_path):
    """`new_target(name)`: a new, empty database for the test on the pass's engine (see Targets)."""
    targets = _targets(request, tmp_path)
    yield targets.new
    targets.drop_all()


@pytest.fixture(scope="module")
def module_targets(request, tmp_path_factory):
    """Targets for a module's shared databases (a demo written once), on the pass's engine."""
    targets = _targets(request, tmp_path_factory.mktemp("targets"))
    yield targets
    targets.drop_all()


# What `twindesk import` says about the content before it: a file's copy, or (a server) pg_dump's backups.
IMPORT_BACKUP_SAID = ("the server's backups (pg_dump) hold the content before it" if ON_POSTGRESQL
                      else "the previous content is saved as")


@pytest.fixture
def db_target(db, db_path):
    """The test's database as `open_workspace` and the command line's --db name it: tmp_path/t.db, or on
    the PostgreSQL pass its URL."""
    return db.address.url() if db.address is not None else db_path


class Factory:
    """Records made through `records.save`, with the fewest values each needs."""

    def __init__(self):
        self._locality = None

    def locality(self, **values) -> int:
        values = {"name_zh": "海南省", "name_en": "Hainan Province", "kind": "province", **values}
        return records.save("home_locality", values)

    def default_locality(self) -> int:
        if self._locality is None:
            self._locality = self.locality()
        return self._locality

    def partner(self, **values) -> int:
        values = {"name_en": "Jeju", "country": "KR", **values}
        return records.save("partner", values)

    def partnership(self, partner: int, *, next_review_on=None, **values) -> int:
        """With `next_review_on`, also its agreement expiring then: a partnership's renewal date is its
        agreements' latest expiry."""
        values = {"partner": partner, "home_locality": self.default_locality(), **values}
        ps = records.save("partnership", values)
        if next_review_on is not None:
            self.agreement(ps, expires_on=next_review_on)
        return ps

    def agreement(self, partnership: int, **values) -> int:
        return records.save("agreement", {"partnership": partnership, "title": "Agreement", **values})

    def visit_approval(self, visit: int, **values) -> int:
        return records.save("visit_approval", {"visit": visit, "authority": "省外办", **values})

    def contact(self, partner: int, **values) -> int:
        return records.save("contact", {"partner": partner, "family_name": "Kim", **values})

    def activity(self, partner: int | None, **values) -> int:
        values = {"partner": partner, "title": "Meeting", "held_on": date(2024, 3, 1), **values}
        return records.save("activity", values)

    def visit(self, partners: tuple[int, ...] = (), **values) -> int:
        visit_id = records.save("visit", {"title": "Delegation", **values})
        if partners:
            records.set_visit_partners(visit_id, list(partners))
        return visit_id

    def delegate(self, visit: int, **values) -> int:
        return records.save("delegate", {"visit": visit, "name": "Wang", **values})

    def itinerary(self, visit: int, **values) -> int:
        return records.save("itinerary_item", {"visit": visit, "activity": "Talks", **values})

    def gift(self, visit: int, **values) -> int:
        return records.save("gift", {"visit": visit, "description": "Tea set", **values})

    def shipment(self, partner: int | None = None, **values) -> int:
        values = {"title": "Masks", "partner": partner, **values}
        if partner is None:
            values.setdefault("counterparty", "29 villages")
        return records.save("shipment", values)

    def item(self, shipment: int, **values) -> int:
        return records.save("shipment_item", {"shipment": shipment, "description": "Masks", **values})


@pytest.fixture
def make(db) -> Factory:
    return Factory()


def fill_everything(make: Factory) -> dict:
    """Two partners with every kind of child record, two visits, two shipments with items."""
    jeju = make.partner(name_zh="济州", name_en="Jeju", name_native="제주", country="KR")
    child = make.partner(name_en="Seogwipo", country="KR", parent=jeju)
    vlad = make.partner(name_en="Vladivostok", name_native="Владивосток", country="RU")
    ps = make.partnership(jeju, status="active", status_since=date(1995, 9, 1), established_year=1995)
    records.save("partnership", {"status": "dormant", "status_since": date(2020, 1, 1)}, ps)
    make.partnership(vlad, status="negotiating", status_since=date(2023, 5, 1))
    for partner in (jeju, vlad):
        make.contact(partner)
        make.contact(partner, family_name="Lee", email="lee@example.org")
        make.activity(partner)
    visit = make.visit((jeju, vlad), start_on=date(2024, 5, 1), end_on=date(2024, 5, 4), status="completed")
    make.delegate(visit)
    make.delegate(visit, name="Li", precedence=2)
    make.itinerary(visit, day=date(2024, 5, 2))
    make.gift(visit, value="300")
    make.visit((vlad,), title="Return visit")
    s1 = make.shipment(
        jeju, status="delivered", dispatched_on=date(2020, 2, 1), delivered_on=date(2020, 2, 5)
    )
    s2 = make.shipment(None, direction="incoming")
    for s in (s1, s2):
        make.item(s, quantity="1000", value="50")
        make.item(s, description="Gloves", category="ppe", quantity="20", value="10", currency="USD")
    return {
        "jeju": jeju,
        "child": child,
        "vlad": vlad,
        "partnership": ps,
        "visit": visit,
        "shipments": (s1, s2),
    }


def table_counts(path) -> dict[str, int]:
    """Rows per table of a SQLite file, or (a URL) of a server database."""
    from twindesk.store.server.address import is_database_url

    if is_database_url(str(path)):
        import psycopg

        from twindesk.store.server.address import parse_database_url

        with psycopg.connect(**parse_database_url(str(path)).connect_params()) as conn:
            return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}
    conn = sqlite3.connect(str(path))
    try:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def location(target) -> str:
    """How the messages name a database: a file's path, or a server database's display."""
    from twindesk.store.server.address import is_database_url, parse_database_url

    return parse_database_url(target).display() if is_database_url(str(target)) else str(target)


def login_of(target) -> str:
    """The login the history names beside the staff name: a server's database user, else the account."""
    import getpass

    from twindesk.store.server.address import is_database_url, parse_database_url

    return parse_database_url(target).user if is_database_url(str(target)) else getpass.getuser()


def fingerprint(target) -> str:
    """What a database holds, to prove it was only read: a file's bytes, or (a URL) every row of every
    record table and the history, timestamps and all."""
    from twindesk.store.server.address import is_database_url

    if not is_database_url(str(target)):
        return sha256(target)
    from exchange_support import database_rows, table_rows

    with database_rows(target) as select:
        history = select('SELECT * FROM "history_operation" ORDER BY id')
    return hashlib.sha256(repr((table_rows(target), history)).encode()).hexdigest()


def subprocess_env(**extra) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env.pop("TWINDESK_DB", None)
    env.update(extra)
    return env


def run_python(*args, timeout=60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=subprocess_env(),
        cwd=str(REPO),
        **kwargs,
    )


def bound() -> bool:
    return database.obj is not None


def make_filled_database(path: Path) -> dict:
    """A real TwinDesk database at `path` holding `fill_everything`, closed again."""
    workspace.open_workspace(path, take_backups=False)
    try:
        return fill_everything(Factory())
    finally:
        workspace.close()


def make_bad_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """Files that are not TwinDesk databases we can open: name -> (path, what the error must say)."""
    from twindesk.store import schema

    folder.mkdir(parents=True, exist_ok=True)
    text = folder / "notes.db"
    text.write_text("Partner cities of Hainan\nJeju, Kobe\n" * 20, encoding="utf-8")
    empty = folder / "empty.db"
    empty.write_bytes(b"")
    truncated = folder / "truncated.db"
    make_filled_database(truncated)
    data = truncated.read_bytes()
    assert len(data) > 8192
    truncated.write_bytes(data[: len(data) // 2])
    foreign = folder / "foreign.db"
    conn = sqlite3.connect(str(foreign))
    conn.execute("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO songs (title) VALUES ('x')")
    conn.commit()
    conn.close()
    newer = folder / "newer.db"
    make_filled_database(newer)
    conn = sqlite3.connect(str(newer))
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    for p in folder.iterdir():
        assert not p.name.endswith(("-wal", "-shm")), p
    return {
        "text": (text, "is not a TwinDesk database (not an SQLite file)"),
        "empty": (empty, "is an empty file, not a TwinDesk database"),
        "truncated": (truncated, "is damaged: the file is cut short"),
        "foreign": (foreign, "is an SQLite database, but not a TwinDesk database"),
        "newer": (newer, f"was written by a newer TwinDesk (schema {schema.SCHEMA_VERSION + 1}"),
    }


def sidecars(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")) if p.exists()]
