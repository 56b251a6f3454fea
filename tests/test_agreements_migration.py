"""Schema 4 turns each partnership's agreement fields into its first agreement (docs/architecture.md,
"Agreements and approvals"): on filled databases from schema 3 and, through the schema-3 rebuild, from
schema 2; every agreement field kept, every other row as it was, the checks as clean as before."""

import sqlite3
from datetime import date

import pytest
from conftest import TABLES, make_filled_database

from twindesk.domain import workspace
from twindesk.domain.operations import records
from twindesk.domain.queries import overview
from twindesk.store import models as m
from twindesk.store import schema

MOVED = ("agreement_title", "signed_place", "signatories", "next_review_on")
PAPERS = ("agreement", "partnership_approval", "visit_approval", "document", "document_blob")
# partnership -> what schema 3 held in its agreement columns
OLD = {
    1: ("济州—海南友好省道协议", "济州", "禹瑾根; 王晓峰", "2026-09-01"),
    2: ("", "", "", None),  # negotiating: nothing agreed yet, no agreement made
}


def _filled(path) -> dict:
    ids = make_filled_database(path)
    workspace.open_workspace(path, take_backups=False)
    try:  # an intent-tier partnership signed but with nothing else: its agreement is a letter of intent
        ids["intent"] = records.save("partnership", {"partner": ids["child"], "home_locality": 1, "tier": "intent",
                                                     "status": "active", "signed_on": date(2019, 3, 1)})
    finally:
        workspace.close()
    return ids


def _back_to_schema_3(path, *, schema_2: bool = False) -> None:
    conn = sqlite3.connect(path)
    for table in PAPERS:
        conn.execute(f'DROP TABLE "{table}"')
    conn.execute('ALTER TABLE partnership ADD COLUMN "agreement_title" VARCHAR(255) NOT NULL DEFAULT \'\'')
    conn.execute('ALTER TABLE partnership ADD COLUMN "signed_place" VARCHAR(255) NOT NULL DEFAULT \'\'')
    conn.execute('ALTER TABLE partnership ADD COLUMN "signatories" TEXT NOT NULL DEFAULT \'\'')
    conn.execute('ALTER TABLE partnership ADD COLUMN "next_review_on" DATE')
    for pid, (title, place, names, review) in OLD.items():
        conn.execute("UPDATE partnership SET agreement_title = ?, signed_place = ?, signatories = ?, "
                     "next_review_on = ?, signed_on = CASE WHEN ? != '' THEN '1995-09-21' END WHERE id = ?",
                     (title, place, names, review, title, pid))
    if schema_2:  # the recipe of tests/test_search_numbers.py: no uuid, no version, no history
        for model in m.ALL_MODELS:
            table = model._meta.table_name
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[1] not in ("uuid", "version")]
            conn.execute(f'CREATE TABLE "{table}__old" AS SELECT {", ".join(cols)} FROM "{table}"')
            conn.execute(f'DROP TABLE "{table}"')
            conn.execute(f'ALTER TABLE "{table}__old" RENAME TO "{table}"')
        conn.execute("DROP TABLE history_change")
        conn.execute("DROP TABLE history_operation")
    conn.execute(f"PRAGMA user_version = {2 if schema_2 else 3}")
    conn.commit()
    conn.close()


def _rows(conn, table, columns="*"):
    return conn.execute(f'SELECT {columns} FROM "{table}" ORDER BY id').fetchall()


@pytest.mark.parametrize("old_version", [3, 2])
def test_the_agreement_fields_become_the_first_agreement_after_a_backup(tmp_path, old_version):
    path = tmp_path / "old.db"
    ids = _filled(path)
    _back_to_schema_3(path, schema_2=old_version == 2)
    conn = sqlite3.connect(path)
    # Every column as the older schema had it, but those the upgrade moves or recomputes.
    shown = {t: ", ".join(f'"{r[1]}"' for r in conn.execute(f'PRAGMA table_info("{t}")')
                          if r[1] not in {*MOVED, "uuid", "version", "search_text"}) for t in TABLES}
    before = {t: _rows(conn, t, shown[t]) for t in TABLES}
    checks_before = (conn.execute("PRAGMA integrity_check").fetchall(), conn.execute("PRAGMA foreign_key_check").fetchall())
    conn.close()

    opened = workspace.open_workspace(path, take_backups=False)
    try:
        assert opened.migrated_from == old_version and opened.db.pragma("user_version") == schema.SCHEMA_VERSION == 5
        assert opened.backups_written[0].name.startswith("before-migration")
        raw = opened.raw()
        assert {t: _rows(raw, t, shown[t]) for t in TABLES} == before
        assert (raw.execute("PRAGMA integrity_check").fetchall(), raw.execute("PRAGMA foreign_key_check").fetchall()) \
            == checks_before == ([("ok",)], [])
        columns = {r[1] for r in raw.execute('PRAGMA table_info("partnership")')}
        assert not columns & set(MOVED) and {"signed_on", "established_year"} <= columns
        agreements = raw.execute("SELECT partnership_id, kind, title, signed_on, signed_place, signatories_home, "
                                 "expires_on, version, length(uuid) FROM agreement ORDER BY id").fetchall()
        assert agreements == [
            (1, "friendship", "济州—海南友好省道协议", "1995-09-21", "济州", "禹瑾根; 王晓峰", "2026-09-01", 1, 32),
            (ids["intent"], "intent", "", "2019-03-01", "", "", None, 1, 32),
        ]
        # The renewal on the dashboard is the agreement's expiry; the relation's own dates stay its own.
        due = overview.reviews(date(2026, 8, 1), date(2027, 8, 1)).rows
        assert [(r["id"], r["next_review_on"]) for r in due] == [(1, date(2026, 9, 1))]
        assert records.get("partnership", 1)["signed_on"] == date(1995, 9, 21)
    finally:
        workspace.close()
    backup = sqlite3.connect(opened.backups_written[0])
    assert backup.execute("PRAGMA user_version").fetchone() == (old_version,)
    assert backup.execute("SELECT agreement_title FROM partnership WHERE id = 1").fetchone() == (OLD[1][0],)
    backup.close()


def test_a_step_that_fails_half_way_leaves_the_schema_3_columns(tmp_path, monkeypatch):
    """The move and the drop are one transaction with the rest of the upgrade: a failure keeps schema 3."""
    path = tmp_path / "old.db"
    _filled(path)
    _back_to_schema_3(path)
    real = schema.STEPS[4]

    def failing(migrator):
        real(migrator)
        raise RuntimeError("power cut")

    monkeypatch.setitem(schema.STEPS, 4, failing)
    with pytest.raises(Exception, match="power cut"):
        workspace.open_workspace(path, take_backups=False)
    workspace.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (3,)
    assert conn.execute("SELECT agreement_title FROM partnership WHERE id = 1").fetchone() == (OLD[1][0],)
    assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'agreement'").fetchall()
    conn.close()


def test_older_history_still_names_the_moved_fields_in_either_language():
    from twindesk.domain.queries.history_reader import field_label

    assert field_label("partnership", "next_review_on") == "Next review / renewal"
    assert field_label("partnership", "next_review_on", "zh_CN") == "下次审议/续签"
    assert field_label("partnership", "agreement_title", "zh_CN") == "协议名称"
