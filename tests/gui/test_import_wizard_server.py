"""File › Import… in a window on a server: the import copies no file first, and the result page says the
server's own backups (pg_dump) hold the database as it was before, in the window's language. Needs
PostgreSQL (the harness)."""

import pytest

from tests.helpers import staff_files as sf
from tests.helpers.wizard_steps import import_now, open_wizard, to_preview
from twindesk.domain import workspace
from twindesk.store import models as m

SAID = {"en": "The server's backups (pg_dump) hold the database as it was before.",
        "zh_CN": "导入前的数据库由服务器的备份（pg_dump）保存。"}


@pytest.fixture
def server_window(qtbot, pg_url, app_settings, request, tmp_path, monkeypatch):
    from tests.gui.conftest import wait_until_ready
    from twindesk.ui.shell.i18n import install_language
    from twindesk.ui.shell.main_window import MainWindow

    assert install_language(request.param)  # the window's language, as the app installs it at start
    request.addfinalizer(lambda: install_language("en"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the remembered mappings
    workspace.open_workspace(pg_url)
    w = MainWindow(db_path=pg_url, settings=app_settings, lang=request.param, user="Li Na")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    wait_until_ready(qtbot, w)
    yield w
    workspace.close()


@pytest.mark.parametrize("server_window", sorted(SAID), indirect=True)
def test_the_result_page_on_a_server_says_its_backups_hold_the_data_before(qtbot, server_window, tmp_path,
                                                                           monkeypatch):
    source = sf.partners_csv(tmp_path / "list.csv", pasted_number=False)
    wizard = open_wizard(qtbot, server_window, monkeypatch, source)
    to_preview(qtbot, wizard)
    result = import_now(qtbot, wizard)
    assert result.applied and result.backup is None
    text = wizard.result_page.text.text()
    assert SAID[server_window.lang] in text and "None" not in text
    assert m.Partner.select().count() == 4
    assert not [p for p in tmp_path.rglob("*.db")]  # no copy of anything
