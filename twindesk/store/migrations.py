"""Running schema steps from one version to another, safely.

SQLite changes most columns by rebuilding the table. With foreign keys on, dropping the old table fires
ON DELETE CASCADE and child rows silently vanish (docs/architecture.md), so every run happens inside peewee's
`migration_context()`: foreign keys off, one transaction. Before committing, `PRAGMA foreign_key_check`
must come back empty, otherwise the whole run is rolled back.
"""

import peewee as pw

from twindesk.store.errors import DatabaseFileError


class MigrationError(DatabaseFileError):
    pass


def upgrade(db: pw.SqliteDatabase, current: int, target: int, steps: dict) -> None:
    missing = [v for v in range(current + 1, target + 1) if v not in steps]
    if missing:
        raise MigrationError(db.database, "no migration step to schema {version}", version=missing[0])
    from playhouse.migrate import SqliteMigrator  # only an upgrade needs it; start-up does not

    migrator = SqliteMigrator(db)
    with migrator.migration_context():
        for version in range(current + 1, target + 1):
            steps[version](migrator)
        problems = db.execute_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            table, rowid, parent, _ = problems[0]
            raise MigrationError(
                db.database,
                "upgrade to schema {target} stopped: row {rowid} of {table} points to a missing "
                "{parent} ({count} such rows); nothing was changed", target=target, rowid=rowid, table=table,
                parent=parent, count=len(problems),
            )
        db.pragma("user_version", target)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
