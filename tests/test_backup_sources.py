"""A backup copies a SQLite connection or an existing file, and nothing else: handed a server's psycopg
connection it once made an empty SQLite file named `<psycopg.Connection [IDLE] (host=…)>` in the working
folder (sqlite3.connect makes what it is given) and "backed up" that. Runs on both engines."""

from datetime import datetime

import pytest
from conftest import ON_POSTGRESQL

from twindesk.store import backups
from twindesk.store.errors import DatabaseFileError


@pytest.fixture
def cwd(tmp_path, monkeypatch):
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_the_open_database_s_connection_is_copied_or_refused_and_nothing_named_after_it(db, make, tmp_path, cwd):
    make.partner()
    out = tmp_path / "copy.db"
    if ON_POSTGRESQL:  # a server's connection is no SQLite source: a bug to say so, not a file to make
        with pytest.raises(TypeError, match="not Connection"):
            backups.copy_database(db.raw(), out)
        with pytest.raises(TypeError):
            backups.event_backup(db.raw(), tmp_path / "t.db", "import", datetime(2026, 12, 1, 9, 30))
        assert not out.exists()
    else:
        assert backups.copy_database(db.raw(), out).stat().st_size > 0
    assert list(cwd.iterdir()) == []


def test_a_missing_source_file_is_refused_and_not_made(tmp_path, cwd):
    missing = tmp_path / "missing.db"
    with pytest.raises(DatabaseFileError, match="does not exist"):
        backups.copy_database(missing, tmp_path / "copy.db")
    assert not missing.exists() and not (tmp_path / "copy.db").exists() and list(cwd.iterdir()) == []
