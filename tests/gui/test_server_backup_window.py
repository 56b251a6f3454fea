"""On a server, File › Back up and Restore say how PostgreSQL backs it up (pg_dump), with the exact
commands, and write no file (docs/architecture.md, "Moving a database to the server and back")."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from tests.gui.conftest import answer_modal
from twindesk.domain import workspace
from twindesk.store.server.address import parse_database_url
from twindesk.ui.shell import window_commands


@pytest.mark.parametrize("command", [window_commands.backup_now, window_commands.restore_from_backup])
def test_back_up_and_restore_on_a_server_say_pg_dump(qtbot, pg_url, monkeypatch, command):
    window = QWidget()
    qtbot.addWidget(window)
    window.lang, window.read_only = "en", False
    monkeypatch.setattr("twindesk.ui.common.file_dialogs.save_file_name",
                        lambda *a: pytest.fail("no file dialog on a server"))
    monkeypatch.setattr("twindesk.ui.backups.restore_dialog.choose_backup",
                        lambda *a: pytest.fail("no list of backup files on a server"))
    workspace.open_workspace(pg_url)
    said = []

    def read_and_close(box):
        assert isinstance(box, QMessageBox) and box.objectName() == "pgDumpAdvice"
        said.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    errors = answer_modal(read_and_close)
    try:
        command(window)
    finally:
        workspace.close()
    assert errors == []
    url = parse_database_url(pg_url).url()
    assert 'pg_dump --format=custom --file=' in said[0] and f'--dbname="{url}"' in said[0]
    assert "pg_restore --clean" in said[0] and f"twindesk transfer --from \"{url}\" COPY.db" in said[0]
