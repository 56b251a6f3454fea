"""The Chinese interface is complete: the .ts is up to date with the source and fully translated,
and no user-visible string in the window's source escapes `tr`."""

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TS = REPO / "resources" / "translations" / "twindesk_zh_CN.ts"
UI = REPO / "twindesk" / "ui"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")

# Calls that put text on the screen: the string they get must come from tr/translate, not a literal.
TEXT_SETTERS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setTitle", "setLabelText",
    "addTab", "setTabText", "setTabToolTip", "showMessage", "setSuffix", "setSpecialValueText",
    "QLabel", "QPushButton", "QCheckBox", "QGroupBox", "QAction", "QToolButton", "addButton", "addMenu",
    "information", "warning", "critical", "question", "about", "setEmptyText", "set_empty_text",
}
# Literals that read the same in every language.
ALLOWED = {"中文（简体）", "English", "✕", "TwinDesk", "", " ", "—", "内部资料", "Internal", "秘密", "Restricted"}


def _messages(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    out = []
    for ctx in ET.parse(path).getroot().findall("context"):
        for msg in ctx.findall("message"):
            tr = msg.find("translation")
            out.append((ctx.find("name").text, msg.find("source").text, tr.get("type"), tr.text))
    return out


def test_the_ts_is_fully_translated():
    messages = _messages(TS)
    assert len(messages) > 200
    unfinished = [(c, s) for c, s, kind, text in messages if kind is not None or not text]
    assert unfinished == []


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed")
def test_the_ts_holds_every_string_of_the_source_and_no_stale_one(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run([str(LUPDATE), "-silent", "-locations", "none", "-extensions", "py", str(UI), "-ts", str(copy)],
                   check=True, cwd=REPO)
    after = _messages(copy)
    new = [(c, s) for c, s, kind, _ in after if kind == "unfinished"]
    stale = [(c, s) for c, s, kind, _ in after if kind in ("vanished", "obsolete")]
    assert new == [], "strings in the source missing from the .ts: run `make translations` and translate"
    assert stale == [], "strings in the .ts no longer in the source: run `make translations`"


def _literal_text_calls(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        owner = getattr(getattr(node.func, "value", None), "id", "")
        if name not in TEXT_SETTERS or owner in ("log", "logging", "logger"):  # the log is for support
            continue
        for arg in node.args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value not in ALLOWED \
                    and any(ch.isalpha() for ch in arg.value):
                yield f"{path.relative_to(REPO)}:{node.lineno}: {name}({arg.value!r})"


def test_no_visible_string_in_the_window_escapes_tr(tmp_path):
    sample = REPO / "tests" / ".scan_sample.py"
    sample.write_text('label.setText("Save")\nlabel.setText(self.tr("Save"))\nlog.warning("x %s")\n', encoding="utf-8")
    try:
        assert len(list(_literal_text_calls(sample))) == 1  # the scan catches a bare literal, and only that
    finally:
        sample.unlink()
    offenders = [hit for path in sorted(UI.rglob("*.py")) for hit in _literal_text_calls(path)]
    assert offenders == []
