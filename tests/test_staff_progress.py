"""An import's progress in the reader's language: the engine's steps say themselves in Chinese (the
window shows them so), and `twindesk import --lang zh_CN` prints them on a terminal."""

import io
import re

import pytest
from openpyxl import Workbook

from twindesk import cli
from twindesk.domain import workspace
from twindesk.domain.progress import Progress
from twindesk.exchange.staff_lists.flow import import_staff_list

ROWS = 1000  # the reading step is said every 1000 rows


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # where the CLI remembers mappings


def _partners(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "友城名录"
    ws.append(["城市名称", "国别", "类型"])
    for n in range(ROWS):
        ws.append([f"测试市{n}", "日本", "市"])
    wb.save(path)
    return path


def test_the_engine_says_each_step_in_english_and_in_chinese(tmp_path):
    said = []
    workspace.open_workspace(tmp_path / "t.db", take_backups=False)
    try:
        report = import_staff_list(_partners(tmp_path / "p.xlsx"), progress=Progress(lambda _d, _t, text: said.append(text)))
    finally:
        workspace.close()
    assert report.applied
    steps = list(dict.fromkeys(said))
    assert steps == ["Reading 友城名录…", "Backing up the database…", "Writing partner records…", "Import finished."]
    assert [s.text("zh_CN") for s in steps] == ["正在读取 友城名录…", "正在备份数据库…", "正在写入友好伙伴记录…", "导入完成。"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_twindesk_import_prints_its_steps_in_chinese_on_a_terminal(tmp_path, capsys, monkeypatch):
    source = _partners(tmp_path / "p.xlsx")
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    code = cli.main(["--lang", "zh_CN", "import", str(source), "--db", str(tmp_path / "t.db")])
    assert code == 0
    lines = terminal.getvalue().splitlines()
    assert lines[:4] == ["正在读取 友城名录…", "正在备份数据库…", "正在写入友好伙伴记录…", "导入完成。"]
    assert not [line for line in lines if re.search(r"\b(Reading|Backing|Writing|finished)\b", line)]


def test_not_on_a_terminal_no_step_is_printed(tmp_path, capsys):
    code = cli.main(["--lang", "zh_CN", "import", str(_partners(tmp_path / "p.xlsx")), "--db", str(tmp_path / "t.db")])
    assert code == 0
    assert "正在" not in capsys.readouterr().err
