"""The packages' sources, checked without building anything (the frozen build itself: tests/packaging,
run by `make package-test`): one version everywhere, valid desktop entry and AppStream metainfo, the icon
in every size, the Windows installer script's promises, the spec's trimming rules, resource paths."""

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import twindesk
from twindesk import resources

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
sys.path.insert(0, str(PACKAGING))
import buildinfo  # noqa: E402
import bundle_filter  # noqa: E402
import make_icons  # noqa: E402

ISS = PACKAGING / "windows" / "twindesk.iss"
VERSION_BEARING = (
    PACKAGING / "twindesk.spec",
    PACKAGING / "build.py",
    ISS,
    buildinfo.METAINFO_TEMPLATE,
    buildinfo.DESKTOP_FILE,
    PACKAGING / "linux" / "install.sh",
    PACKAGING / "linux" / "README.txt",
)


# --- one version ----------------------------------------------------------------------------------------

def test_the_version_has_one_home():
    assert buildinfo.version() == twindesk.__version__
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert 'version = { attr = "twindesk.__version__" }' in pyproject


@pytest.mark.parametrize("path", VERSION_BEARING, ids=lambda p: p.name)
def test_no_packaging_file_states_a_version_of_its_own(path):
    text = path.read_text(encoding="utf-8")
    assert twindesk.__version__ not in text
    assert not re.search(r"(?im)^\s*(AppVersion|VersionInfoVersion)\s*=\s*\d", text)
    assert not re.search(r'<release\s+version="\d', text)


def test_generated_files_carry_the_version():
    metainfo = ET.fromstring(buildinfo.metainfo())
    release = metainfo.find("releases/release")
    assert release.get("version") == twindesk.__version__
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", release.get("date"))
    assert buildinfo.windows_version_strings()["ProductVersion"] == twindesk.__version__
    numbers = buildinfo.version_tuple()
    assert ".".join(map(str, numbers)).startswith(twindesk.__version__.split("rc")[0].rstrip("."))
    assert buildinfo.archive_path().name.startswith(f"TwinDesk-{twindesk.__version__}-")


def test_windows_version_numbers():
    assert buildinfo.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert buildinfo.version_tuple("1.2rc1") == (1, 2, 0, 0)
    assert buildinfo.version_tuple("2.3.4.5.6") == (2, 3, 4, 5)


def test_templates_fail_loudly_when_a_placeholder_is_left():
    with pytest.raises(ValueError, match="@DATE@"):
        buildinfo.render("@VERSION@ @DATE@", VERSION="1")


def test_release_date_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert buildinfo.release_date() == "2023-11-14"


# --- Linux metadata ---------------------------------------------------------------------------------------

def test_desktop_entry_is_valid():
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils; "
                    "packaging/debian-deps.sh installs it)")
    done = subprocess.run(["desktop-file-validate", str(buildinfo.DESKTOP_FILE)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_appstream_metainfo_is_valid(tmp_path):
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli is not installed (Debian: appstream; packaging/debian-deps.sh installs it)")
    path = buildinfo.write_metainfo(tmp_path / f"{buildinfo.APP_ID}.metainfo.xml")
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_entry_and_metainfo_agree():
    entry = dict(line.split("=", 1) for line in buildinfo.DESKTOP_FILE.read_text(encoding="utf-8").splitlines()
                 if "=" in line)
    metainfo = ET.fromstring(buildinfo.metainfo())
    assert metainfo.findtext("id") == buildinfo.APP_ID
    assert metainfo.findtext("launchable") == buildinfo.DESKTOP_FILE.name == f"{buildinfo.APP_ID}.desktop"
    assert metainfo.findtext("provides/binary") == entry["Exec"] == buildinfo.LINUX_EXE
    assert entry["Icon"] == "twindesk" and entry["StartupWMClass"] == buildinfo.LINUX_EXE
    assert (REPO / "resources" / "icons" / "twindesk.svg").is_file()


def test_install_script_is_valid_shell_and_removes_no_data():
    script = PACKAGING / "linux" / "install.sh"
    done = subprocess.run(["sh", "-n", str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for line in script.read_text(encoding="utf-8").splitlines():
        if re.search(r"\brm\b", line) and not line.lstrip().startswith("#"):
            assert "share/TwinDesk" not in line and "XDG_DATA_HOME" not in line, line


# --- the icon -------------------------------------------------------------------------------------------

def test_icon_pngs_in_every_size():
    from PIL import Image

    for size in make_icons.PNG_SIZES:
        with Image.open(REPO / "resources" / "icons" / make_icons.png_name(size)) as image:
            assert image.size == (size, size) and image.mode == "RGBA"
    assert resources.icon_files() == [REPO / "resources" / "icons" / make_icons.png_name(s)
                                      for s in make_icons.PNG_SIZES]


def test_windows_icon_holds_every_size():
    from PIL import Image

    with Image.open(REPO / "resources" / "icons" / "twindesk.ico") as ico:
        assert ico.info["sizes"] == {(s, s) for s in make_icons.ICO_SIZES}


def test_svg_is_the_committed_one_and_matches_the_pngs(qapp):
    svg_path = REPO / "resources" / "icons" / "twindesk.svg"
    assert svg_path.read_text(encoding="utf-8") == make_icons.svg()
    ET.parse(svg_path)
    from PIL import Image, ImageChops, ImageStat
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg_path))
    assert renderer.isValid()
    image = QImage(128, 128, QImage.Format.Format_RGBA8888)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    rendered = Image.frombuffer("RGBA", (128, 128), bytes(image.constBits()), "raw", "RGBA", 0, 1)
    with Image.open(REPO / "resources" / "icons" / "twindesk-128.png") as png:
        mean = ImageStat.Stat(ImageChops.difference(rendered, png.convert("RGBA"))).mean
    assert max(mean) < 10, mean  # the same drawing; only anti-aliased edges differ


def test_window_uses_the_icon(qapp):
    from twindesk.ui.shell.app import make_application

    before = (qapp.applicationName(), qapp.organizationName(), qapp.applicationVersion(), qapp.windowIcon())
    try:
        app = make_application()
        sizes = {s.width() for s in app.windowIcon().availableSizes()}
    finally:  # the test run's one QApplication goes back to how it was
        qapp.setApplicationName(before[0])
        qapp.setOrganizationName(before[1])
        qapp.setApplicationVersion(before[2])
        qapp.setWindowIcon(before[3])
    assert {16, 32, 48, 256} <= sizes


# --- resources from source and frozen -------------------------------------------------------------------

def test_resource_path_from_source():
    assert resources.resource_path("icons", "twindesk.svg") == REPO / "resources" / "icons" / "twindesk.svg"


def test_resource_path_when_frozen(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("fonts", "x.ttc") == tmp_path / "resources" / "fonts" / "x.ttc"
    assert resources.icon_files() == []


# --- the spec and its trimming --------------------------------------------------------------------------

def test_spec_is_python_and_names_the_build():
    source = (PACKAGING / "twindesk.spec").read_text(encoding="utf-8")
    ast.parse(source)
    assert "name=buildinfo.DIST_NAME" in source and buildinfo.DIST_NAME == "TwinDesk"
    assert 'collect_submodules("twindesk")' in source


def test_no_qt_module_twindesk_imports_is_excluded():
    used = set(re.findall(r"PySide6\.(Qt\w+)", "".join(
        p.read_text(encoding="utf-8") for p in (REPO / "twindesk").rglob("*.py"))))
    assert used, "no Qt modules found"
    excluded = {name.removeprefix("PySide6.") for name in bundle_filter.EXCLUDES}
    assert not used & excluded, f"the spec would leave out {sorted(used & excluded)}"


def _entry(dest, typecode="BINARY"):
    return (dest, f"/src/{dest}", typecode)


def test_trim_drops_unused_plugins_their_libraries_and_links():
    needs = {
        "/src/PySide6/Qt/plugins/platforms/libqxcb.so": ["libQt6XcbQpa.so.6", "libQt6Gui.so.6"],
        "/src/PySide6/Qt/plugins/platforms/libqwayland.so": ["libQt6WaylandClient.so.6", "libQt6Gui.so.6"],
        "/src/PySide6/Qt/plugins/imageformats/libqpdf.so": ["libQt6Pdf.so.6"],
        "/src/PySide6/QtPdf.abi3.so": ["libQt6Pdf.so.6"],
        "/src/PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so": ["libQt6Quick.so.6"],
    }
    binaries = [
        _entry("PySide6/Qt/plugins/platforms/libqxcb.so"),
        _entry("PySide6/Qt/plugins/platforms/libqwayland.so"),
        _entry("PySide6/Qt/plugins/imageformats/libqpdf.so"),
        _entry("PySide6/Qt/plugins/imageformats/libqjpeg.so"),
        _entry("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so"),
        _entry("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so"),
        _entry("PySide6/QtPdf.abi3.so", "EXTENSION"),
        _entry("PySide6/Qt/lib/libQt6XcbQpa.so.6"),
        _entry("PySide6/Qt/lib/libQt6Gui.so.6"),
        _entry("PySide6/Qt/lib/libQt6WaylandClient.so.6"),
        _entry("PySide6/Qt/lib/libQt6Pdf.so.6"),
        _entry("PySide6/Qt/lib/libQt6Quick.so.6"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
    ]
    datas = [
        _entry("PySide6/Qt/translations/qtbase_zh_CN.qm", "DATA"),
        _entry("PySide6/Qt/translations/qtbase_de.qm", "DATA"),
        _entry("pycountry/locales/zh_CN/LC_MESSAGES/iso3166-1.mo", "DATA"),
        _entry("pycountry/locales/fr/LC_MESSAGES/iso3166-1.mo", "DATA"),
        _entry("resources/icons/twindesk.svg", "DATA"),
        ("libQt6WaylandClient.so.6", "PySide6/Qt/lib/libQt6WaylandClient.so.6", "SYMLINK"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
    ]
    kept_b, kept_d, dropped = bundle_filter.trim(binaries, datas, lambda src: needs.get(src, []))
    kept = {e[0] for e in kept_b + kept_d}
    assert {"PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/imageformats/libqjpeg.so",
            "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
            "PySide6/Qt/lib/libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "libQt6Gui.so.6",
            "PySide6/Qt/lib/libQt6Pdf.so.6",  # dropped plugin needs it, but so does a kept module
            "PySide6/Qt/translations/qtbase_zh_CN.qm", "pycountry/locales/zh_CN/LC_MESSAGES/iso3166-1.mo",
            "resources/icons/twindesk.svg"} <= kept
    assert not kept & {"PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/plugins/imageformats/libqpdf.so",
                       "PySide6/Qt/lib/libQt6WaylandClient.so.6", "libQt6WaylandClient.so.6",
                       "PySide6/Qt/lib/libQt6Quick.so.6", "libQt6Quick.so.6",
                       "PySide6/Qt/translations/qtbase_de.qm", "pycountry/locales/fr/LC_MESSAGES/iso3166-1.mo"}
    assert len(kept) + len(dropped) == len(binaries) + len(datas)


def test_trim_refuses_a_build_without_qts_chinese_translation():
    with pytest.raises(SystemExit, match="qtbase_zh_CN"):
        bundle_filter.trim([], [_entry("PySide6/Qt/translations/qtbase_de.qm", "DATA")], lambda src: [])


def test_windows_plugin_paths_are_understood():
    assert bundle_filter.keep_plugin("PySide6\\plugins\\platforms\\qwindows.dll")
    assert bundle_filter.keep_plugin("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll")
    assert not bundle_filter.keep_plugin("PySide6\\plugins\\platforms\\qdirect2d.dll")
    assert bundle_filter.keep_data("PySide6\\translations\\qtbase_zh_CN.qm")
    assert not bundle_filter.keep_data("PySide6\\translations\\qtbase_ja.qm")


# --- the Windows installer script -------------------------------------------------------------------------

def iss_text() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads non-ASCII scripts as UTF-8 only with a BOM"
    return raw.decode("utf-8-sig")


def iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(";"):
            continue
        if re.fullmatch(r"\[\w+\]", stripped):
            current = stripped[1:-1]
            sections.setdefault(current, [])
        elif current:
            sections[current].append(stripped)
    return sections


def test_installer_takes_its_version_from_the_build():
    text = iss_text()
    assert "#ifndef AppVersion" in text and "#error" in text
    setup = dict(line.split("=", 1) for line in iss_sections(text)["Setup"] if "=" in line and not line.startswith("#"))
    assert setup["AppVersion"] == "{#AppVersion}"
    assert setup["VersionInfoVersion"] == "{#AppVersionNumbers}"
    assert setup["OutputBaseFilename"] == "{#AppName}-{#AppVersion}-setup"
    build = (PACKAGING / "build.py").read_text(encoding="utf-8")
    assert 'f"/DAppVersion={version}"' in build and "version = buildinfo.version()" in build


def test_installer_promises():
    text = iss_text()
    sections = iss_sections(text)
    setup = dict(line.split("=", 1) for line in sections["Setup"] if "=" in line and not line.startswith("#"))
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["PrivilegesRequired"] == "lowest"  # per user, no administrator needed
    assert setup["DefaultDirName"] == "{autopf}\\{#AppName}"
    assert setup["UsePreviousAppDir"] == "yes"
    assert setup["SetupIconFile"] == "{#RepoDir}\\resources\\icons\\twindesk.ico"
    assert any(line.startswith('Name: "{autoprograms}\\{#AppName}"') for line in sections["Icons"])
    assert any("OpenWithProgids" in line and "uninsdeletevalue" in line for line in sections["Registry"])
    assert not any(r"Classes\.db" in line and 'ValueName: ""' in line for line in sections["Registry"]), \
        ".db must never be taken over as the default"
    # Upgrades and the uninstaller touch the program folder only, never the data folder.
    for section in ("InstallDelete", "UninstallDelete"):
        for line in sections.get(section, []):
            assert re.search(r'Name: "\{app\}\\', line), line
    assert "{localappdata}" not in text.lower() and "{userappdata}" not in text.lower()
    # The per-user data folder the installer leaves alone is the one TwinDesk really uses.
    assert "%LOCALAPPDATA%\\TwinDesk" in text
    paths = (REPO / "twindesk" / "store" / "paths.py").read_text(encoding="utf-8")
    assert "platformdirs.user_data_dir(APP_NAME, appauthor=False)" in paths


def test_installer_uses_the_executables_the_spec_makes():
    text = iss_text()
    assert f'#define AppExe "{buildinfo.WINDOWS_GUI_EXE}.exe"' in text
    assert f'#define CliExe "{buildinfo.WINDOWS_CLI_EXE}.exe"' in text
    assert f'#define BundleDir RepoDir + "\\dist\\{buildinfo.DIST_NAME}"' in text


# --- the build commands ---------------------------------------------------------------------------------

def test_make_test_does_not_build_the_bundle():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^test:.*?\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    assert "build.py" not in recipe and "pyinstaller" not in recipe.lower()
    assert re.search(r"^package-test: package\n", makefile, re.MULTILINE)
    assert "make package-test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_font_fetcher_reads_a_deb(tmp_path):
    """get_cjk_font.py on a made-up .deb: ar members, data.tar.xz, and the checksum refusal."""
    import get_cjk_font

    with pytest.raises(SystemExit, match="SHA-256"):
        get_cjk_font.extract(b"!<arch>\n", tmp_path)
    member = b"2.0\n"
    header = f"{'debian-binary/':<16}{0:<12}{0:<6}{0:<6}{100644:<8}{len(member):<10}`\n".encode()
    assert get_cjk_font.ar_members(b"!<arch>\n" + header + member) == {"debian-binary": member}


def test_every_data_file_of_the_package_goes_into_the_bundle_and_the_wheel():
    """Files of the twindesk package that are not Python (the SQL `server init` runs) reach the frozen
    build (the spec's datas, where importlib.resources finds them) and the installed package."""
    from twindesk.store.server.initialize import roles_sql

    data = {p for p in (REPO / "twindesk").rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")}
    assert REPO / "twindesk" / "store" / "server" / "roles.sql" in data
    bundled = dict(buildinfo.package_data_files())
    assert set(bundled) == data
    assert bundled[REPO / "twindesk" / "store" / "server" / "roles.sql"] == "twindesk/store/server"
    assert "buildinfo.package_data_files()" in (PACKAGING / "twindesk.spec").read_text(encoding="utf-8")
    assert re.search(r'"twindesk\.store\.server" = \["\*\.sql"\]', (REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "CREATE ROLE twindesk_reader NOLOGIN" in roles_sql()
