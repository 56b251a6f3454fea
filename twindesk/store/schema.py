"""Schema versions: creating a new database at the newest version, and the steps from each older one.

The version lives in the database itself (`PRAGMA user_version`). A step is a function that takes the
peewee `SqliteMigrator` and changes the schema by one version; `migrations.upgrade` runs the steps in
order, inside one transaction with foreign keys off, after taking a backup.
"""

from collections.abc import Callable

from twindesk.store.models import (
    ALL_MODELS,
    DOCUMENT_MODELS,
    HISTORY_MODELS,
    PAPER_MODELS,
    SortKeyField,
    database,
    pinyin_key,
    search_key,
)

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


def _v3_identity_and_history(migrator) -> None:
    """Version 3: IDs that are never reused (AUTOINCREMENT), a UUID, a version and the demo's
    "illustrative" tag on every record, and the history tables (docs/architecture.md, "Identity" and
    "History"). Search text is computed anew for every table that has it, in its current form (the
    pinyin of Chinese names, delegates' and items' own text for their visits' and shipments' lists).

    SQLite adds AUTOINCREMENT only by rebuilding a table: each one is renamed aside (legacy rename, so
    the other tables' foreign keys keep naming it), made anew from its model, filled with the old rows
    (each gets a fresh UUID from the column default, version 1) and the old copy dropped. Foreign keys
    are off throughout (the migration context), so the drop cascades nothing."""
    db = migrator.database
    db.execute_sql("PRAGMA legacy_alter_table = ON")
    try:
        for model in ALL_MODELS:
            table = model._meta.table_name
            old = f"{table}__v2"
            columns = [row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()]
            db.execute_sql(f'ALTER TABLE "{table}" RENAME TO "{old}"')
            for (index,) in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index' AND "
                                           "tbl_name = ? AND sql IS NOT NULL", (old,)).fetchall():
                db.execute_sql(f'DROP INDEX "{index}"')
            model.create_table(safe=False)
            _keep_columns_a_later_step_moves(db, table, columns)
            kept = ", ".join(f'"{c}"' for c in columns)
            db.execute_sql(f'INSERT INTO "{table}" ({kept}) SELECT {kept} FROM "{old}"')
            db.execute_sql(f'DROP TABLE "{old}"')
    finally:
        db.execute_sql("PRAGMA legacy_alter_table = OFF")
    database.create_tables(HISTORY_MODELS)
    _recompute_search_text(db)


def _keep_columns_a_later_step_moves(db, table: str, old_columns: list[str]) -> None:
    """Columns the model no longer has (a later step moves their values, as version 4 moves a
    partnership's agreement into an `agreement` row) are added back as they were, so the copy keeps them."""
    new = {row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()}
    types = {row[1]: row[2] for row in db.execute_sql(f'PRAGMA table_info("{table}__v2")').fetchall()}
    for column in old_columns:
        if column not in new:
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {types[column]}')


def _recompute_search_text(db) -> None:
    """`search_text` as `models.search_key` makes it now, for every row of every table that has one."""
    for model in ALL_MODELS:
        if not model.search_fields:
            continue
        table = model._meta.table_name
        columns = ", ".join(f'"{model._meta.fields[f].column_name}"' for f in model.search_fields)
        rows = db.execute_sql(f'SELECT id, {columns} FROM "{table}"').fetchall()
        db.connection().executemany(f'UPDATE "{table}" SET search_text = ? WHERE id = ?',
                                    [(search_key(*values), row_id) for row_id, *values in rows])


def _v4_documents_agreements_approvals(migrator) -> None:
    """Version 4: documents on records, agreements and approvals (docs/architecture.md, "Documents",
    "Agreements and approvals"). `document_blob` holds each distinct file's bytes once, keyed by
    SHA-256; `document` is a file attached to a record. `agreement` holds a partnership's papers,
    `partnership_approval` its approval stages, `visit_approval` an outbound trip's approval.

    A partnership's agreement fields (title, place, signatories, next review) become its first
    agreement, signed on its signing date, expiring on its next review (a partnership signed or with any
    of them gets one; a letter of intent at the "intent" tier); the partnership keeps its own signing
    date and established year. Then those columns are dropped. `safe`: a database brought from schema 2
    through the rebuild above may have the new tables already."""
    db = migrator.database
    db.create_tables(DOCUMENT_MODELS + PAPER_MODELS, safe=True)
    columns = {row[1] for row in db.execute_sql('PRAGMA table_info("partnership")').fetchall()}
    moved = ("agreement_title", "signed_place", "signatories", "next_review_on")
    if not set(moved) <= columns:
        return
    db.execute_sql(
        'INSERT INTO "agreement" (partnership_id, kind, title, signed_on, signed_place, signatories_home, '
        'signatories_partner, term_years, expires_on, notes, created_at, updated_at, updated_by, illustrative) '
        "SELECT id, CASE tier WHEN 'intent' THEN 'intent' ELSE 'friendship' END, coalesce(agreement_title, ''), "
        "signed_on, coalesce(signed_place, ''), coalesce(signatories, ''), '', NULL, next_review_on, '', "
        'created_at, updated_at, updated_by, illustrative FROM "partnership" '
        "WHERE agreement_title != '' OR signed_place != '' OR signatories != '' OR next_review_on IS NOT NULL "
        "OR signed_on IS NOT NULL ORDER BY id")
    for column in moved:
        db.execute_sql(f'ALTER TABLE "partnership" DROP COLUMN "{column}"')


def _v5_history_database_user(migrator) -> None:
    """Version 5: each history operation says which database login wrote it (`db_user`: on a shared
    server the login, on SQLite the system's user), beside the staff name (docs/architecture.md,
    "History"). Operations written before say '' (nobody knows now). A database brought from schema 2
    or 3 through the rebuild above has the column already, made from the model."""
    db = migrator.database
    columns = {row[1] for row in db.execute_sql('PRAGMA table_info("history_operation")').fetchall()}
    if "db_user" not in columns:
        db.execute_sql('ALTER TABLE "history_operation" ADD COLUMN "db_user" VARCHAR(255) NOT NULL DEFAULT \'\'')


# version reached -> the step that reaches it from version - 1.
STEPS: dict[int, MigrationStep] = {2: _v2_pinyin_sort_keys, 3: _v3_identity_and_history, 4: _v4_documents_agreements_approvals,
                                   5: _v5_history_database_user}

# A new database is created at this version; an older one is migrated up to it.
SCHEMA_VERSION = 5


# Every table of the newest schema.
NEWEST_MODELS = ALL_MODELS + HISTORY_MODELS + DOCUMENT_MODELS + PAPER_MODELS


def create_tables() -> None:
    """The newest schema, on an empty database."""
    database.create_tables(NEWEST_MODELS)
