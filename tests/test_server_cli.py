"""`--database-url` (and TWINDESK_DATABASE_URL) on the command line: every command that opens a database
works on a server database, and two databases named at once are refused."""

import subprocess
import sys

from conftest import REPO, subprocess_env

from twindesk.store.schema import SCHEMA_VERSION


def _twindesk(*args, **env) -> subprocess.CompletedProcess:
    environment = subprocess_env()
    environment.pop("TWINDESK_DATABASE_URL", None)
    environment.update(env)
    return subprocess.run([sys.executable, "-m", "twindesk", *args], capture_output=True, text=True, timeout=120,
                          env=environment, cwd=str(REPO))


def _count(pg_cluster, url, table) -> int:
    return pg_cluster.run_sql(f'SELECT count(*) FROM "{table}"', database=url.rsplit("/", 1)[1])[0][0]


def test_demo_then_check_on_a_server_database(pg_cluster, pg_url):
    made = _twindesk("--database-url", pg_url, "demo")
    assert made.returncode == 0, made.stderr
    assert _count(pg_cluster, pg_url, "partner") > 0
    checked = _twindesk("check", "--database-url", pg_url)
    assert checked.returncode == 0, checked.stderr
    assert f"schema version: {SCHEMA_VERSION} (current)" in checked.stdout and "partners" in checked.stdout
    assert pg_url.rsplit("/", 1)[1] in checked.stdout.splitlines()[0]


def test_the_environment_names_the_server_database(pg_url):
    checked = _twindesk("check", TWINDESK_DATABASE_URL=pg_url)
    assert checked.returncode == 0, checked.stderr
    assert "records: none" in checked.stdout


def test_export_from_a_server_database(pg_url, tmp_path):
    assert _twindesk("--database-url", pg_url, "demo").returncode == 0
    out = tmp_path / "out.xlsx"
    exported = _twindesk("--database-url", pg_url, "export", str(out))
    assert exported.returncode == 0, exported.stderr
    assert out.exists()


def test_db_and_database_url_together_are_refused(tmp_path):
    both = _twindesk("--db", str(tmp_path / "t.db"), "check", "--database-url", "postgresql://db.office/x")
    assert both.returncode == 2
    assert "--db and --database-url name two databases" in both.stderr
    assert not (tmp_path / "t.db").exists()
    envs = _twindesk("check", TWINDESK_DB=str(tmp_path / "t.db"), TWINDESK_DATABASE_URL="postgresql://db/x")
    assert envs.returncode == 2 and "are both set" in envs.stderr


def test_a_password_in_the_url_is_refused_in_chinese_too():
    refused = _twindesk("--lang", "zh_CN", "--database-url", "postgresql://wang:secret@db.office/x", "check")
    assert refused.returncode == 2
    assert "密码" in refused.stderr and "secret" not in refused.stderr


def test_backup_and_restore_of_a_server_database_point_to_pg_dump(pg_url, tmp_path):
    refused = _twindesk("--database-url", pg_url, "backup", str(tmp_path / "copy.db"))
    assert refused.returncode == 2 and "pg_dump" in refused.stderr
    assert not (tmp_path / "copy.db").exists()


def test_an_unreachable_server_is_one_line_and_status_2():
    refused = _twindesk("--database-url", "postgresql://postgres@127.0.0.1:1/x", "check")
    assert refused.returncode == 2, refused.stderr
    assert refused.stderr.startswith("twindesk: error: Cannot reach the database server for x on 127.0.0.1:1")
    assert len(refused.stderr.strip().splitlines()) == 1
