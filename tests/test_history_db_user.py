"""The history names the database login beside the staff name (docs/architecture.md, "History"):
schema 5 adds `history_operation.db_user` (rows from before say ''), the door writes it (on SQLite the
system's user), and the readers show "王芳 (wangfang)" when it says more than the name."""

import getpass
import sqlite3

import pytest

from twindesk.domain import workspace
from twindesk.domain.operations import records, write_access
from twindesk.domain.queries import history
from twindesk.store import models as m
from twindesk.store import schema


@pytest.mark.sqlite_only
def test_a_schema_4_database_gains_the_column_and_old_rows_say_nobody(tmp_path):
    path = tmp_path / "office.db"
    workspace.open_workspace(path, take_backups=False)
    records.save("partner", {"name_en": "Jeju", "country": "KR"}, user="王芳")
    workspace.close()
    conn = sqlite3.connect(path)  # back to schema 4 as TwinDesk 4 wrote it
    conn.execute('ALTER TABLE "history_operation" DROP COLUMN "db_user"')
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()

    opened = workspace.open_workspace(path, take_backups=False)
    try:
        assert opened.migrated_from == 4 and opened.db.pragma("user_version") == schema.SCHEMA_VERSION == 5
        assert [o.db_user for o in m.HistoryOperation.select()] == [""]
        assert history.recent_changes()[0].user == "王芳"  # no login known: the name alone
        records.save("partner", {"name_en": "Busan", "country": "KR"}, user="王芳")
        newest = m.HistoryOperation.select().order_by(m.HistoryOperation.id.desc()).get()
        assert newest.db_user == getpass.getuser()
    finally:
        workspace.close()
    backup = next((tmp_path / "office-backups").glob("before-migration-*.db"))  # taken before the upgrade
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone() == (4,)


def test_the_door_writes_the_system_user_on_sqlite(db):
    if db.engine != "sqlite":
        pytest.skip("on a server the login: tests/test_server_write_access.py")
    assert write_access.level() is None  # no roles on SQLite: the lock decides
    records.save("partner", {"name_en": "Jeju", "country": "KR"}, user="王芳")
    assert m.HistoryOperation.get().db_user == getpass.getuser()




@pytest.mark.parametrize(("user", "db_user", "shown"), [
    ("王芳", "wangfang", "王芳 (wangfang)"),
    ("wangfang", "wangfang", "wangfang"),
    ("wangfang@pc-12", "wangfang", "wangfang@pc-12"),  # no staff name in Settings: user@host says it
    ("王芳", "", "王芳"),  # written before schema 5
])
def test_who_is_shown_with_the_login_only_where_it_says_more(db, user, db_user, shown):
    partner = records.save("partner", {"name_en": "Jeju", "country": "KR"}, user=user)
    m.HistoryOperation.update(db_user=db_user).execute()
    assert history.recent_changes()[0].user == shown
    assert history.record_history("partner", partner)[0].user == shown
    assert history.changes()[0].user == shown
