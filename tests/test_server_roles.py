"""Who may do what on the shared server (docs/architecture.md, "Who may do what"): `twindesk server init`
on an empty database only, the shipped roles' grants as the server enforces them (bypassing TwinDesk),
`server grant | revoke | users`, and the session's access level."""

import psycopg
import pytest
from server_office import READER_SAYS, as_superuser, office_fixture

from twindesk.store.server.initialize import roles_sql

pytestmark = pytest.mark.usefixtures("pg_cluster")

COMMENT = "SELECT obj_description('partner'::regclass)"
office = office_fixture()


def tables(office) -> set[str]:
    return {t for (t,) in office.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}


def test_init_made_every_table_the_roles_and_the_version(office):
    from twindesk.store import schema

    assert {m._meta.table_name for m in schema.NEWEST_MODELS} | {"twindesk_schema"} == tables(office)
    assert office.sql("SELECT version FROM twindesk_schema") == [(schema.SCHEMA_VERSION,)]
    roles = dict(office.sql("SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname IN "
                            "('twindesk_reader', 'twindesk_editor', 'twindesk_admin')"))
    assert roles == {"twindesk_reader": False, "twindesk_editor": False, "twindesk_admin": False}
    owners = {o for (o,) in office.sql("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")}
    assert owners == {office.owner}


def test_init_refuses_a_database_that_holds_tables_and_changes_nothing(office):
    office.sql("COMMENT ON TABLE partner IS 'the office''s partners'")
    before = (tables(office), office.sql("SELECT * FROM twindesk_schema"), office.sql(COMMENT))
    done = office.twindesk("owner", "server", "init")
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "the database already holds 21 table(s)" in lines[0], lines
    assert "Nothing was changed." in lines[0]
    assert (tables(office), office.sql("SELECT * FROM twindesk_schema"), office.sql(COMMENT)) == before


def test_init_refuses_any_table_not_only_twindesks(pg_cluster):
    url = pg_cluster.new_database(initialized=False)
    name = url.rsplit("/", 1)[1]
    try:
        pg_cluster.run_sql("CREATE TABLE notes (id int)", database=name)
        done = as_superuser(pg_cluster, name).twindesk("owner", "server", "init")
        assert done.returncode == 2 and "public.notes" in done.stderr, done.stderr
        left = pg_cluster.run_sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", database=name)
        assert left == [("notes",)]
    finally:
        pg_cluster.drop_database(name)


def test_init_by_a_login_that_may_not_create_roles_is_one_transaction_undone(pg_cluster, monkeypatch):
    """The roles exist on the test cluster already, so the SQL is made to create one more: refused,
    the tables made before it in the same transaction are gone too."""
    from twindesk.store.server import initialize as server_setup
    from twindesk.store.server.address import parse_database_url
    from twindesk.store.server.database import server_database

    url = pg_cluster.new_database(initialized=False)
    name = url.rsplit("/", 1)[1]
    pg_cluster.run_sql('DROP ROLE IF EXISTS "plain_owner"')
    pg_cluster.run_sql('CREATE ROLE "plain_owner" LOGIN')
    pg_cluster.run_sql(f'ALTER DATABASE "{name}" OWNER TO "plain_owner"')
    monkeypatch.setattr(server_setup, "roles_sql", lambda: roles_sql() + "\nCREATE ROLE twindesk_probe NOLOGIN;")
    db = server_database(parse_database_url(pg_cluster.url(name, user="plain_owner")))
    db.connect()
    try:
        with pytest.raises(server_setup.RolesNotAllowed, match="may not set up TwinDesk's tables and roles "
                                                             r"\(permission denied to create role\)"):
            server_setup.init_database(db, "here")
        assert server_setup.existing_tables(db) == []
    finally:
        db.close()
        pg_cluster.drop_database(name)
        pg_cluster.run_sql('DROP ROLE "plain_owner"')


def test_the_roles_sql_runs_again_without_harm(office):
    with office.connect_as("owner") as conn:
        conn.execute(roles_sql())
    assert office.twindesk("owner", "server", "users").returncode == 0


@pytest.mark.parametrize(("who", "allowed"), [
    ("reader", set()),
    ("editor", {"partner", "history_operation", "document_blob"}),
    ("admin", {"partner", "history_operation", "document_blob", "home_locality"}),
])
def test_the_server_enforces_the_grants_whatever_the_client(office, who, allowed):
    """Straight through psycopg, no TwinDesk check in between."""
    # The privilege is checked before anything else: a NOT NULL column left out fails later, for
    # those allowed to try.
    inserts = {
        "partner": "INSERT INTO partner (name_en, country) VALUES ('Jeju', 'KR')",
        "history_operation": "INSERT INTO history_operation (action, \"user\") VALUES ('save', 'x')",
        "document_blob": "INSERT INTO document_blob (sha256, size, content) VALUES ('ab', 1, 'x')",
        "home_locality": "INSERT INTO home_locality (name_zh) VALUES ('海口市')",
    }
    with office.connect_as(who) as conn:
        assert conn.execute("SELECT count(*) FROM partner").fetchone() is not None  # everyone reads
        for table, sql in inserts.items():
            conn.execute("BEGIN")
            try:
                conn.execute(sql)
                done = True
            except psycopg.errors.InsufficientPrivilege:
                done = False
            except psycopg.errors.NotNullViolation:
                done = True  # past the privilege check
            conn.execute("ROLLBACK")
            assert done == (table in allowed), (who, table)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("CREATE TABLE mine (id int)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE twindesk_schema SET version = 99")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("ALTER TABLE partner ADD COLUMN x int")


def test_every_table_is_granted_as_the_roles_say(office):
    """A table added to the schema but not to store/server/roles.sql fails here: readers read every table,
    editors write all but home localities and the version table, admins home localities too."""
    rows = office.sql(
        "SELECT tablename, has_table_privilege('twindesk_reader', 'public.' || tablename, 'SELECT'), "
        "has_table_privilege('twindesk_reader', 'public.' || tablename, 'INSERT'), "
        "has_table_privilege('twindesk_editor', 'public.' || tablename, 'INSERT, UPDATE, DELETE'), "
        "has_table_privilege('twindesk_admin', 'public.' || tablename, 'INSERT, UPDATE, DELETE') "
        "FROM pg_tables WHERE schemaname = 'public'")
    for table, reads, reader_writes, editor_writes, admin_writes in rows:
        assert reads and not reader_writes, table
        assert editor_writes == (table not in ("home_locality", "twindesk_schema")), table
        assert admin_writes == (table != "twindesk_schema"), table


def test_a_login_without_a_twindesk_role_cannot_connect(office, pg_cluster):
    pg_cluster.create_login("no_role_login", "no_role_login-pw")
    try:
        with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
            office.connect_as("no_role_login")
    finally:
        pg_cluster.run_sql('DROP ROLE "no_role_login"')


def test_access_level_of_each_login(office):
    from twindesk.store.server.access import access_level
    from twindesk.store.server.address import parse_database_url
    from twindesk.store.server.database import server_database

    for who, level in (("reader", "reader"), ("editor", "editor"), ("admin", "admin"), ("owner", "admin")):
        db = server_database(parse_database_url(office.url(who)), office.password(who))
        db.connect()
        try:
            assert access_level(db) == level, who
        finally:
            db.close()
    superuser = server_database(parse_database_url(office.cluster.url(office.database)))
    superuser.connect()
    assert access_level(superuser) == "admin"
    superuser.close()


def test_grant_revoke_and_users(office, pg_cluster):
    pg_cluster.create_login("staff_zhou", "staff_zhou-pw")
    try:
        assert office.twindesk("admin", "server", "grant", "staff_zhou", "editor").returncode == 0
        users = dict(line.split("\t")[:2] for line in office.twindesk("admin", "server", "users").stdout.splitlines())
        assert users["staff_zhou"] == "twindesk_editor"
        assert users[office.logins["reader"]] == "twindesk_reader"
        assert users[office.owner] == "twindesk_admin"
        done = office.twindesk("admin", "server", "grant", "staff_zhou", "reader")  # one role at a time
        assert "staff_zhou now has the role twindesk_reader" in done.stdout, done.stderr
        held = office.sql("SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                          "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = 'staff_zhou' "
                          "AND g.rolname LIKE 'twindesk%'")
        assert held == [("twindesk_reader",)]
        done = office.twindesk("admin", "server", "revoke", "staff_zhou")
        assert done.returncode == 0 and "no longer has the role(s) twindesk_reader" in done.stdout
        users = dict(line.split("\t")[:2] for line in office.twindesk("admin", "server", "users").stdout.splitlines())
        assert users["staff_zhou"] == "—"
    finally:
        pg_cluster.run_sql('DROP ROLE "staff_zhou"')


@pytest.mark.parametrize(("who", "says"), [
    ("reader", READER_SAYS),
    ("editor", "who may not manage logins (role twindesk_editor)"),
])
def test_only_an_administrator_grants_roles(office, who, says):
    done = office.twindesk(who, "server", "grant", office.logins["reader"], "admin")
    assert done.returncode == 2 and says in done.stderr, done.stderr
    held = office.sql("SELECT pg_has_role(%s, 'twindesk_admin', 'MEMBER')", (office.logins["reader"],))
    assert held == [(False,)]


def test_grant_to_a_login_that_does_not_exist_says_so(office):
    done = office.twindesk("admin", "server", "grant", "nobody_here", "reader")
    assert done.returncode == 2
    assert "there is no login nobody_here. Create it first" in done.stderr
    zh = office.twindesk("admin", "--lang", "zh_CN", "server", "grant", "nobody_here", "reader")
    assert "没有登录用户 nobody_here" in zh.stderr, zh.stderr


def test_a_superuser_sets_up_the_database_for_its_owner(office, pg_cluster):
    url = pg_cluster.new_database(initialized=False)
    name = url.rsplit("/", 1)[1]
    try:
        missing = as_superuser(pg_cluster, name).twindesk("owner", "server", "init", "--owner", "nobody_x")
        assert missing.returncode == 2 and "there is no role nobody_x" in missing.stderr
        done = as_superuser(pg_cluster, name).twindesk("owner", "server", "init", "--owner", office.owner)
        assert done.returncode == 0, done.stderr
        owners = pg_cluster.run_sql("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'",
                                    database=name)
        assert owners == [(office.owner,)]
        assert pg_cluster.run_sql("SELECT datdba::regrole::text FROM pg_database WHERE datname = %s",
                                  params=(name,)) == [(office.owner,)]
    finally:
        pg_cluster.drop_database(name)
