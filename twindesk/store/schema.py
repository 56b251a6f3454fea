"""Schema versions: creating a new database at the newest version, and the steps from each older one.

The version lives in the database itself (`PRAGMA user_version`). A step is a function that takes the
peewee `SqliteMigrator` and changes the schema by one version; `migrations.upgrade` runs the steps in
order, inside one transaction with foreign keys off, after taking a backup.
"""

from collections.abc import Callable

from twindesk.store.models import ALL_MODELS, SortKeyField, database, pinyin_key

MigrationStep = Callable[[object], None]  # takes playhouse.migrate.SqliteMigrator


def _v2_pinyin_sort_keys(migrator) -> None:
    """Version 2: partners and home localities get `sort_zh`, their Chinese names' pinyin, so that
    Chinese lists sort the way a Chinese reader expects (by pinyin, not by code point)."""
    from playhouse.migrate import migrate

    db = migrator.database
    for table in ("partner", "home_locality"):
        migrate(migrator.add_column(table, "sort_zh", SortKeyField()))
        rows = db.execute_sql(f"SELECT id, name_zh FROM {table}").fetchall()
        db.connection().executemany(f"UPDATE {table} SET sort_zh = ? WHERE id = ?",
                                    [(pinyin_key(name), row_id) for row_id, name in rows])


# version reached -> the step that reaches it from version - 1.
STEPS: dict[int, MigrationStep] = {2: _v2_pinyin_sort_keys}

# A new database is created at this version; an older one is migrated up to it.
SCHEMA_VERSION = 2


def create_tables() -> None:
    """The newest schema, on an empty database."""
    database.create_tables(ALL_MODELS)
