"""An import into a server database copies no file first (the server's own backups, pg_dump's, hold the
data before it): `twindesk import` says so, in English and in Chinese, instead of naming a backup file.
Needs PostgreSQL (the harness)."""

import pytest

from tests.helpers import staff_files as sf
from twindesk import cli
from twindesk.domain import workspace
from twindesk.store import models as m

SAID = {
    "en": "; the server's backups (pg_dump) hold the content before it",
    "zh_CN": "；导入前的内容由服务器的备份（pg_dump）保存",
}


@pytest.mark.parametrize("lang", sorted(SAID))
def test_an_import_into_a_server_says_its_backups_hold_the_data_before(pg_url, tmp_path, monkeypatch, capsys, lang):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the remembered mappings
    monkeypatch.chdir(tmp_path)
    source = sf.partners_csv(tmp_path / "list.csv", pasted_number=False)
    assert cli.main(["--lang", lang, "--database-url", pg_url, "import", str(source)]) == 0, capsys.readouterr()
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.endswith(SAID[lang]) and str(source) in first
    assert "saved as" not in out and "保存为" not in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "list.csv"]  # no copy of anything, anywhere
    workspace.open_workspace(pg_url, read_only=True)
    try:
        assert m.Partner.select().count() == 4
    finally:
        workspace.close()
