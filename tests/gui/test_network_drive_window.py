"""The window warns before it opens a database on a network drive, and offers read-only first
(docs/architecture.md, "A database on a network drive")."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from tests.gui.conftest import answer_modal
from twindesk.domain import workspace
from twindesk.domain.operations import records
from twindesk.store.instance_lock import lock_path_for
from twindesk.ui.shell.session import Session


@pytest.fixture
def on_a_share(tmp_path, monkeypatch):
    path = tmp_path / "office.db"
    workspace.open_workspace(path)
    records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    workspace.close()
    monkeypatch.setattr(workspace, "network_filesystem", lambda p: "cifs" if p == path else None)
    return path


def _click(qtbot, name):
    def press(box):
        assert isinstance(box, QMessageBox) and box.objectName() == "networkDrivePrompt"
        assert "is on a network drive (cifs)" in box.text() and "shared server" in box.informativeText()
        qtbot.mouseClick(box.findChild(QPushButton, name), Qt.MouseButton.LeftButton)
    return answer_modal(press)


@pytest.mark.parametrize("button", ["openReadOnlyButton", "openAnywayButton", "cancelButton"])
def test_the_prompt_decides_how_the_database_opens(qtbot, app_settings, on_a_share, button):
    session = Session(app_settings, "en")
    errors = _click(qtbot, button)
    opened = session.open(on_a_share)
    assert errors == []
    try:
        if button == "cancelButton":
            assert not opened and session.cancelled and not workspace.is_open()
            return
        assert opened and workspace.is_open()
        if button == "openReadOnlyButton":
            assert session.read_only and session.lock is None and not lock_path_for(on_a_share).exists()
            assert "network drive (cifs)" in session.read_only_reason
            session.show_window()
            qtbot.addWidget(session.window)
            assert "network drive (cifs)" in session.window.findChild(object, "read_only_banner").text()
        else:
            assert not session.read_only and session.lock is not None and session.lock.held
            records.save("partner", {"name_en": "Kobe", "country": "JP"})  # the person insisted: it writes
    finally:
        if session.window is not None:
            session.window.close()
        session.shutdown()


def test_a_local_database_opens_without_the_question(qtbot, app_settings, on_a_share, tmp_path):
    other = tmp_path / "local.db"
    session = Session(app_settings, "en")
    try:
        assert session.open(other) and not session.read_only  # no prompt came: it would have blocked
    finally:
        session.shutdown()
