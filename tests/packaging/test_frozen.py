"""The frozen build, as handed out: the Linux archive unpacked into a temporary folder and run headless
with no Python to lean on (packaging/harness.py hides every Python installation, the source tree and the
system's CJK font where the machine allows), through --version, demo, check, export, brief and the window.

Run by `make package-test`, which builds dist/ first and names the archive in $TWINDESK_FROZEN_ARCHIVE;
skipped in the ordinary test run (building takes a while).
"""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))
import buildinfo  # noqa: E402
import harness  # noqa: E402

ARCHIVE_ENV = "TWINDESK_FROZEN_ARCHIVE"

if not os.environ.get(ARCHIVE_ENV):
    pytest.skip(f"the frozen build's smoke test: `make package-test` builds the archive and sets {ARCHIVE_ENV}",
                allow_module_level=True)

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    archive = Path(os.environ[ARCHIVE_ENV])
    assert archive.is_file(), f"{archive}: no such archive (run `make package` first)"
    return harness.unpack(archive, tmp_path_factory.mktemp("unpacked"))


@pytest.fixture(scope="module")
def runner(app, tmp_path_factory) -> harness.Runner:
    return harness.Runner(app / buildinfo.LINUX_EXE, tmp_path_factory.mktemp("home"))


@pytest.fixture(scope="module")
def demo_db(runner) -> Path:
    db = runner.home / "demo.db"
    done = runner.run("demo", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "demo data written" in done.stdout
    return db


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("out")


def first_id(db: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(f'SELECT min(id) FROM "{table}"').fetchone()[0]
    finally:
        conn.close()


def test_python_is_hidden_from_the_program(runner):
    if not runner.isolated:
        pytest.skip(f"cannot hide Python on this machine ({runner.why_not_isolated}); the other tests ran "
                    "without that isolation")
    probe = subprocess.run([*harness.isolation_prefix(runner.hidden), "sh", "-c",
                            f"ls -A {sys.base_prefix}/lib | wc -l; ls -A {REPO} | wc -l; "
                            "ls -A /usr/share/fonts/truetype/wqy 2>/dev/null | wc -l"],
                           capture_output=True, text=True, timeout=30)
    assert probe.stdout.split() == ["0", "0", "0"], probe


def test_version(runner):
    done = runner.run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"TwinDesk {buildinfo.version()}"


def test_demo_then_check(runner, demo_db):
    done = runner.run("check", "--db", demo_db)
    assert done.returncode == 0, done.stderr + done.stdout
    assert first_id(demo_db, "partner") is not None


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_export_writes_a_workbook_that_opens(runner, demo_db, out, lang):
    import openpyxl

    path = out / f"meeting-{lang}.xlsx"
    done = runner.run("export", path, "--db", demo_db, "--lang", lang)
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        if lang == "en":
            assert "Partners" in book.sheetnames, book.sheetnames
            rows = list(book["Partners"].iter_rows(values_only=True))
            assert rows[0][0] == "ID"
            assert len(rows) > 10  # the demo's partners
        else:
            assert any(CJK.search(name) for name in book.sheetnames), book.sheetnames
    finally:
        book.close()


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(BaseFont, embedded) for every font of every page."""
    import pypdf

    found = []
    for page in pypdf.PdfReader(str(path)).pages:
        for ref in (page.get("/Resources") or {}).get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.append((str(font.get("/BaseFont")), embedded))
    return found


@pytest.mark.parametrize("kind, table, lang", [("partner", "partner", "zh_CN"), ("visit", "visit", "en")])
def test_brief_writes_a_pdf_with_pages_and_embedded_fonts(runner, demo_db, out, kind, table, lang):
    import pypdf

    path = out / f"{kind}.pdf"
    done = runner.run("brief", kind, str(first_id(demo_db, table)), path, "--db", demo_db, "--lang", lang,
                      "--marking", "内部资料")
    assert done.returncode == 0, done.stderr
    reader = pypdf.PdfReader(str(path))
    assert len(reader.pages) > 0
    fonts = pdf_fonts(path)
    assert fonts, "no fonts in the pack"
    assert all(embedded for _, embedded in fonts), fonts
    # The system's WenQuanYi is hidden (when isolated): the font is the bundled copy.
    assert any("WenQuanYi" in name for name, _ in fonts), fonts
    assert CJK.search("".join(page.extract_text() for page in reader.pages))
    if shutil.which("pdffonts"):
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, timeout=60).stdout
        rows = listing.splitlines()[2:]
        assert rows and all(re.search(r"\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", r) for r in rows), listing


def test_user_errors_exit_2_with_one_line(runner, demo_db, out):
    done = runner.run("brief", "partner", "999999", out / "none.pdf", "--db", demo_db)
    assert done.returncode == 2, done
    assert done.stderr.strip().count("\n") == 0 and "twindesk: error" in done.stderr
    assert not (out / "none.pdf").exists()


def test_window_starts_offscreen_and_keeps_running(runner, demo_db):
    process = runner.start("--db", demo_db)
    time.sleep(8)
    alive = process.poll() is None
    stdout, stderr = harness.stop(process)
    assert alive, f"the window exited early ({process.returncode}): {stderr[-2000:]}"
    assert "Traceback" not in stderr, stderr[-2000:]


def test_window_is_shown_on_a_real_x_display(runner, demo_db):
    missing = harness.x_tools_missing()
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (packaging/package-deps.sh installs them)")
    with harness.Xvfb() as x:
        started = time.monotonic()
        process = runner.start("--db", demo_db, DISPLAY=x.display, QT_QPA_PLATFORM="xcb")
        try:
            seconds = harness.wait_for_window(x.display, process, started)
        finally:
            stdout, stderr = harness.stop(process)
    assert seconds is not None, f"no TwinDesk window on {x.display}: {stderr[-3000:]}"
    print(f"frozen window shown after {seconds:.2f} s")


def test_bundle_holds_its_resources(app):
    internal = app / "_internal"
    for rel in ("resources/fonts/wqy-microhei.ttc", "resources/fonts/wqy-microhei.LICENSE.txt",
                "resources/icons/twindesk.svg", "resources/icons/twindesk-256.png", "THIRD-PARTY.txt",
                "PySide6/Qt/translations/qtbase_zh_CN.qm", "PySide6/Qt/plugins/platforms/libqxcb.so",
                "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                # the window's icon font and its licence, and the user guide (Help › User guide)
                "resources/icons/phosphor/Phosphor.ttf", "resources/icons/phosphor/LICENSE.txt",
                "resources/guide/guide_en.html", "resources/guide/guide_zh_CN.html",
                # the SQL `twindesk server init` runs (store/server/initialize.py)
                "twindesk/store/server/roles.sql"):
        assert (internal / rel).is_file(), rel
    for qm in buildinfo.translation_files():
        assert (internal / "resources" / "translations" / qm.name).is_file(), qm.name
    libs = {p.name for p in (internal / "PySide6" / "Qt" / "lib").iterdir()}
    for unused in ("libQt6WebEngineCore.so.6", "libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6Multimedia.so.6",
                   "libQt6Bluetooth.so.6", "libQt6WaylandClient.so.6", "libQt6VirtualKeyboard.so.6"):
        assert unused not in libs
    # Every Qt module TwinDesk imports is there, binding and library.
    used = set(re.findall(r"PySide6\.(Qt\w+)", "".join(
        p.read_text(encoding="utf-8") for p in (REPO / "twindesk").rglob("*.py"))))
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    for module in used:
        assert (internal / "PySide6" / f"{module}.abi3.so").is_file(), module
        assert f"libQt6{module[2:]}.so.6" in libs, module
    assert (internal / "PySide6" / "Qt" / "plugins" / "printsupport").is_dir()
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()], "dangling symlinks"
    translations = {p.name for p in (internal / "PySide6" / "Qt" / "translations").iterdir()}
    assert translations <= {"qtbase_zh_CN.qm", "qt_zh_CN.qm"}, translations


def test_linux_folder_metadata_is_valid_and_versioned(app):
    desktop = app / buildinfo.DESKTOP_FILE.name
    metainfo = app / "usr" / "share" / "metainfo" / f"{buildinfo.APP_ID}.metainfo.xml"
    assert (app / "AppRun").stat().st_mode & 0o111 and (app / "install.sh").stat().st_mode & 0o111
    assert (app / ".DirIcon").resolve() == (app / "twindesk.png").resolve()
    assert f'<release version="{buildinfo.version()}"' in metainfo.read_text(encoding="utf-8")
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
    if shutil.which("appstreamcli"):
        done = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_apprun_runs_the_program(app, runner):
    done = subprocess.run([str(app / "AppRun"), "--version"], capture_output=True, text=True, timeout=60,
                          env=runner.env(), cwd=str(runner.home))
    assert done.returncode == 0 and done.stdout.strip() == f"TwinDesk {buildinfo.version()}", done


def test_install_upgrade_uninstall_never_touch_the_data(app, tmp_path):
    home = tmp_path / "home"
    env = harness.clean_env(home)
    data = home / ".local" / "share" / "TwinDesk"
    data.mkdir(parents=True)
    (data / "twindesk.db").write_bytes(b"the office's data")

    def install(*args):
        return subprocess.run(["sh", str(app / "install.sh"), *args], capture_output=True, text=True, env=env,
                              timeout=300)

    for attempt in ("install", "upgrade"):
        done = install()
        assert done.returncode == 0, f"{attempt}: {done.stdout}{done.stderr}"
        installed = home / ".local" / "opt" / "TwinDesk"
        desktop = home / ".local" / "share" / "applications" / f"{buildinfo.APP_ID}.desktop"
        assert f"Exec={installed}/twindesk" in desktop.read_text(encoding="utf-8")
        assert (home / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps" / "twindesk.png").is_file()
        assert (home / ".local" / "bin" / "twindesk").resolve() == (installed / "twindesk").resolve()
        ran = subprocess.run([str(home / ".local" / "bin" / "twindesk"), "--version"], capture_output=True,
                             text=True, env=env, timeout=60)
        assert ran.stdout.strip() == f"TwinDesk {buildinfo.version()}"
        if shutil.which("desktop-file-validate"):
            check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
            assert check.returncode == 0 and not check.stdout.strip(), check.stdout
        assert (data / "twindesk.db").read_bytes() == b"the office's data"

    done = subprocess.run(["sh", str(home / ".local" / "opt" / "TwinDesk" / "install.sh"), "--uninstall"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not (home / ".local" / "opt" / "TwinDesk").exists()
    assert not (home / ".local" / "bin" / "twindesk").exists()
    assert not (home / ".local" / "share" / "applications" / f"{buildinfo.APP_ID}.desktop").exists()
    assert (data / "twindesk.db").read_bytes() == b"the office's data"
