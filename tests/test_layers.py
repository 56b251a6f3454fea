"""Nothing under store, domain, exchange or briefing imports PySide6 (docs/architecture.md), and the headless
commands run without loading Qt."""

import re
from pathlib import Path

import pytest
from conftest import REPO, make_filled_database, run_python

HEADLESS = ("store", "domain", "exchange", "briefing")
HELPER = Path(__file__).parent / "helpers" / "no_qt_cli.py"
QT = re.compile(r"\b(PySide6|shiboken6)\b")

IMPORT_ALL = """
import importlib, pkgutil, sys
names = ["twindesk", "twindesk.cli"]
for sub in {subs!r}:
    try:
        pkg = importlib.import_module("twindesk." + sub)
    except ModuleNotFoundError:
        continue
    names.append(pkg.__name__)
    names += [m.name for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")]
for name in names:
    importlib.import_module(name)
qt = sorted(n for n in sys.modules if n.split(".")[0] in ("PySide6", "shiboken6"))
print("\\n".join(names))
print("QT:" + ",".join(qt))
assert "PySide6" not in sys.modules, qt
"""


def test_importing_every_headless_module_loads_no_qt():
    proc = run_python("-c", IMPORT_ALL.format(subs=HEADLESS))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[-1] == "QT:"
    imported = set(lines[:-1])
    for expected in (
        "twindesk.store.models",
        "twindesk.store.connection",
        "twindesk.store.migrations",
        "twindesk.store.backups",
        "twindesk.store.integrity",
        "twindesk.domain.queries.lists",
        "twindesk.domain.operations.records",
        "twindesk.domain.queries.insights",
        "twindesk.domain.model.validation",
    ):
        assert expected in imported
    on_disk = {
        "twindesk."
        + ".".join(p.relative_to(REPO / "twindesk").with_suffix("").parts).removesuffix(".__init__")
        for sub in HEADLESS
        for p in (REPO / "twindesk" / sub).rglob("*.py")
    }
    assert on_disk <= imported, on_disk - imported


def test_no_headless_source_mentions_pyside6():
    assert QT.search("from PySide6.QtCore import Qt")  # the pattern works
    offenders = [
        f"{path.relative_to(REPO)}:{n}: {line.strip()}"
        for sub in HEADLESS
        for path in sorted((REPO / "twindesk" / sub).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if QT.search(line)
    ]
    assert offenders == []
    assert not QT.search(
        (REPO / "twindesk" / "cli.py").read_text(encoding="utf-8").split("def cmd_window")[0]
    )


STORE_IMPORT = re.compile(r"^\s*(from|import)\s+twindesk\.store\b", re.MULTILINE)


@pytest.mark.parametrize("layer", ["ui", "exchange", "briefing"])
def test_only_domain_touches_store(layer):
    """The window, the workbook and the briefing pack ask `domain`; storage stays one layer down."""
    assert STORE_IMPORT.search("    from twindesk.store.models import database")  # the pattern works
    offenders = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / "twindesk" / layer).rglob("*.py"))
        if STORE_IMPORT.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize("command", ["check", "backup", "restore", "demo"])
def test_headless_commands_never_import_qt(tmp_path, command):
    db = tmp_path / "t.db"
    make_filled_database(db)
    backup = tmp_path / "b.db"
    argv = {
        "check": ["check", "--db", str(db)],
        "backup": ["backup", str(backup), "--db", str(db)],
        "restore": ["restore", str(tmp_path / "src.db"), "--db", str(db)],
        "demo": ["demo", "--db", str(tmp_path / "demo.db")],
    }[command]
    if command == "restore":
        import shutil

        shutil.copy(db, tmp_path / "src.db")
    proc = run_python("-X", "importtime", str(HELPER), *argv)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "qt-imports: none"
    timings = [line for line in proc.stderr.splitlines() if line.startswith("import time:")]
    assert any("twindesk.store" in line for line in timings)  # -X importtime really listed the imports
    assert not any(QT.search(line) for line in timings)


def test_the_blocker_would_notice_qt(tmp_path):
    """The helper reports an import of Qt, so the test above can fail."""
    proc = run_python(
        "-c",
        "import runpy, sys; sys.argv = ['x', '--version'];"
        "import twindesk.cli as c; c.main = lambda argv: __import__('PySide6') and 0;"
        f"runpy.run_path({str(HELPER)!r}, run_name='__main__')",
    )
    assert proc.returncode != 0
    assert "PySide6 must not be imported by a headless command" in proc.stderr


def test_the_window_starts_without_the_workbook_pdf_or_pinyin_libraries():
    """openpyxl, reportlab and pypinyin take about 250 ms to import; the window loads them when first
    used (an export, a pack, a Chinese name saved), not to show itself."""
    code = ("import sys, twindesk.ui.shell.app, twindesk.ui.shell.main_window; "
            "print(sorted(m for m in ('openpyxl', 'reportlab', 'pypinyin', 'pycountry') if m in sys.modules))")
    proc = run_python("-c", code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
