"""Schema migrations on a filled database: table rebuilds must keep every child row (docs/architecture.md)."""

import sqlite3

import peewee as pw
import pytest
from conftest import TABLES, make_filled_database, table_counts
from playhouse.migrate import SqliteMigrator

from twindesk.store import close_database, migrations, open_database, schema
from twindesk.store.backups import backup_folder
from twindesk.store.integrity import check_file
from twindesk.store.migrations import MigrationError


def rebuild_parents(migrator: SqliteMigrator) -> None:
    """Rebuild `partner` (parent of six tables), `visit` and `shipment` (parents of cascading children)."""
    migrator.migrate(
        migrator.drop_not_null("partner", "country", legacy=True),
        migrator.add_column("shipment", "priority", pw.IntegerField(default=0)),
        migrator.drop_column("shipment", "priority", legacy=True),
        migrator.add_column("visit", "urgent", pw.BooleanField(default=False)),
    )


def orphan_contacts(migrator: SqliteMigrator) -> None:
    migrator.migrate(migrator.add_column("contact", "wechat", pw.CharField(default="")))
    # With foreign keys off this succeeds, and leaves the partner's contacts pointing nowhere.
    migrator.database.execute_sql("DELETE FROM partner WHERE id = 1")


def pragma(path, name):
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute(f"PRAGMA {name}").fetchall()
    finally:
        conn.close()


def columns(path, table) -> dict[str, int]:
    return {row[1]: row[3] for row in pragma(path, f"table_info({table})")}


@pytest.fixture
def filled(db_path):
    ids = make_filled_database(db_path)
    counts = table_counts(db_path)
    assert all(counts[t] > 0 for t in TABLES), counts
    return ids, counts


@pytest.fixture
def next_version(monkeypatch):
    """Make the code one schema newer than the fixture file, with the given steps."""
    old = schema.SCHEMA_VERSION

    def use(steps: dict, target: int = old + 1):
        monkeypatch.setattr(schema, "SCHEMA_VERSION", target)
        monkeypatch.setattr(schema, "STEPS", steps)
        return old

    return use


def test_rebuilding_migration_keeps_every_child_row(db_path, filled, next_version):
    _, before = filled
    old = next_version({schema.SCHEMA_VERSION + 1: rebuild_parents})
    assert columns(db_path, "partner")["country"] == 1  # NOT NULL before

    opened = open_database(db_path, take_backups=False)
    assert opened.migrated_from == old
    assert opened.db.pragma("foreign_keys") == 1  # back on after the run
    assert opened.db.pragma("user_version") == old + 1
    assert opened.db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert opened.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    close_database()

    assert table_counts(db_path) == before
    assert columns(db_path, "partner")["country"] == 0  # the step really rebuilt the table
    assert "priority" not in columns(db_path, "shipment") and "urgent" in columns(db_path, "visit")
    assert pragma(db_path, "user_version") == [(old + 1,)]
    report = check_file(db_path)
    assert report.ok and report.schema_version == old + 1
    # cascading relations still work after the rebuild
    conn = sqlite3.connect(str(db_path))
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM shipment_item")
    conn.execute("DELETE FROM shipment")
    conn.execute("DELETE FROM visit")
    conn.execute("DELETE FROM partner WHERE id = 1")
    conn.commit()
    left = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("contact", "partnership", "delegate")
    }
    conn.close()
    assert left == {"contact": 2, "partnership": 1, "delegate": 0}


def test_migration_takes_a_backup_of_the_old_rows_first(db_path, filled, next_version):
    _, before = filled
    old = next_version({schema.SCHEMA_VERSION + 1: rebuild_parents})
    opened = open_database(db_path, take_backups=False)
    close_database()
    (backup,) = opened.backups_written
    assert backup.parent == backup_folder(db_path)
    assert backup.name.startswith("before-migration-") and backup.exists()
    assert table_counts(backup) == before
    assert pragma(backup, "user_version") == [(old,)]
    assert columns(backup, "partner")["country"] == 1  # the schema before the step
    assert pragma(backup, "integrity_check") == [("ok",)]


def test_control_the_same_rebuild_with_foreign_keys_on_loses_child_rows(db_path, filled):
    """Proves the hazard is real, so the test above can fail if the runner stops guarding against it."""
    _, before = filled
    opened = open_database(db_path, take_backups=False)
    assert opened.db.pragma("foreign_keys") == 1
    migrator = SqliteMigrator(opened.db)
    migrator.migrate(
        migrator.add_column("shipment", "priority", pw.IntegerField(default=0)),
        migrator.drop_column("shipment", "priority", legacy=True),
        migrator.drop_not_null("visit", "title", legacy=True),
    )
    close_database()
    after = table_counts(db_path)
    assert after["shipment"] == before["shipment"] and after["visit"] == before["visit"]
    assert before["shipment_item"] == 4 and after["shipment_item"] == 0
    assert after["delegate"] == after["gift"] == after["itinerary_item"] == after["visit_partner"] == 0


def test_control_partner_rebuild_with_foreign_keys_on_fails(db_path, filled):
    opened = open_database(db_path, take_backups=False)
    migrator = SqliteMigrator(opened.db)
    with pytest.raises(pw.IntegrityError):  # RESTRICT children (shipments, visit links) stop the drop
        with opened.db.atomic():
            migrator.migrate(migrator.drop_not_null("partner", "country", legacy=True))


def test_step_leaving_a_foreign_key_violation_is_rolled_back(db_path, filled, next_version):
    _, before = filled
    old = next_version({schema.SCHEMA_VERSION + 1: orphan_contacts})
    with pytest.raises(MigrationError) as info:
        open_database(db_path, take_backups=False)
    message = str(info.value)
    assert message.startswith(f"{db_path}: upgrade to schema {old + 1} stopped: row ")
    assert "points to a missing partner" in message and message.endswith("nothing was changed")
    assert table_counts(db_path) == before
    assert pragma(db_path, "user_version") == [(old,)]
    assert "wechat" not in columns(db_path, "contact")
    assert pragma(db_path, "foreign_key_check") == []
    assert list(backup_folder(db_path).glob("before-migration-*.db"))  # the backup was still taken


def test_failed_run_turns_foreign_keys_back_on(db_path, filled):
    opened = open_database(db_path, take_backups=False)
    with pytest.raises(MigrationError):
        v = schema.SCHEMA_VERSION
        migrations.upgrade(opened.db, v, v + 1, {v + 1: orphan_contacts})
    assert opened.db.pragma("foreign_keys") == 1
    assert opened.db.pragma("user_version") == schema.SCHEMA_VERSION
    assert opened.db.execute_sql("SELECT count(*) FROM partner").fetchone()[0] == 3


def test_a_step_that_crashes_is_rolled_back(db_path, filled, next_version):
    _, before = filled

    def broken(migrator):
        migrator.migrate(migrator.drop_not_null("partner", "country", legacy=True))
        raise RuntimeError("bug in step")

    old = next_version({schema.SCHEMA_VERSION + 1: broken})
    with pytest.raises(RuntimeError, match="bug in step"):
        open_database(db_path, take_backups=False)
    assert table_counts(db_path) == before
    assert columns(db_path, "partner")["country"] == 1
    assert pragma(db_path, "user_version") == [(old,)]


def test_missing_step_is_refused(db_path, filled, next_version):
    _, before = filled
    old = next_version({}, target=schema.SCHEMA_VERSION + 2)
    with pytest.raises(MigrationError, match=f"no migration step to schema {old + 1}"):
        open_database(db_path, take_backups=False)
    assert pragma(db_path, "user_version") == [(old,)] and table_counts(db_path) == before


def test_steps_run_in_order_across_versions(db_path, filled, next_version):
    ran = []

    def add(migrator):
        ran.append(2)
        migrator.migrate(migrator.add_column("gift", "occasion", pw.CharField(default="")))

    def use(migrator):
        ran.append(3)
        migrator.database.execute_sql("UPDATE gift SET occasion = 'Spring Festival'")

    old = next_version({old_plus(1): add, old_plus(2): use}, target=old_plus(2))
    opened = open_database(db_path, take_backups=False)
    assert ran == [2, 3] and opened.migrated_from == old
    assert opened.db.execute_sql("SELECT DISTINCT occasion FROM gift").fetchall() == [("Spring Festival",)]
    close_database()
    assert pragma(db_path, "user_version") == [(old + 2,)]
    # opening again runs nothing
    ran.clear()
    assert open_database(db_path, take_backups=False).migrated_from is None and ran == []


def old_plus(n: int) -> int:
    return schema.SCHEMA_VERSION + n
