"""Schema versions: creating a new database at the newest version, and the steps from each older one.

The version lives in the database itself (`PRAGMA user_version`). A step is a function that takes the
peewee `SqliteMigrator` and changes the schema by one version; `migrations.upgrade` runs the steps in
order, inside one transaction with foreign keys off, after taking a backup.
"""

from collections.abc import Callable

from playhouse.migrate import SqliteMigrator

from twindesk.store.models import ALL_MODELS, database

MigrationStep = Callable[[SqliteMigrator], None]

# version reached -> the step that reaches it from version - 1.
STEPS: dict[int, MigrationStep] = {}

# A new database is created at this version; an older one is migrated up to it.
SCHEMA_VERSION = 1


def create_tables() -> None:
    """The newest schema, on an empty database."""
    database.create_tables(ALL_MODELS)
