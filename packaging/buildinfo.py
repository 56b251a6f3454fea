"""What the packages are built from, in one place: the version, the application id, the font, the
version-bearing files generated from templates.

The version lives only in `twindesk/__init__.py` (`__version__`); pyproject.toml reads it, and so do
the PyInstaller spec (Windows version resource), the AppStream metainfo (release entry, generated from
packaging/linux/twindesk.metainfo.xml.in) and the Windows installer (`iscc /DAppVersion=…`, passed by
packaging/build.py). No other file states it. tests/test_packaging.py fails if one starts to.

Standard library only: the spec, build.py and the tests all import it.
"""

import ast
import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"

APP_NAME = "TwinDesk"
APP_ID = "org.twindesk.TwinDesk"  # reverse-DNS id: the .desktop file, the AppStream component
DIST_NAME = "TwinDesk"  # dist/TwinDesk: the one-folder build
LINUX_EXE = "twindesk"
WINDOWS_GUI_EXE = "TwinDesk"  # TwinDesk.exe: the window, no console
WINDOWS_CLI_EXE = "twindesk-cli"  # twindesk-cli.exe: the headless commands, in a console

METAINFO_TEMPLATE = PACKAGING / "linux" / "twindesk.metainfo.xml.in"
DESKTOP_FILE = PACKAGING / "linux" / f"{APP_ID}.desktop"

# Where the briefing packs' CJK font is taken from for the bundle, first found wins (docs/architecture.md, "Measured on these machines": a
# TrueType collection that reportlab can embed, with Chinese, Korean and Japanese).
FONT_ENV = "TWINDESK_BUNDLE_FONT"
FONT_DIRS = (PACKAGING / "fonts", ROOT / "resources" / "fonts")  # packaging/fonts: get_cjk_font.py puts it there
SYSTEM_FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),  # Debian, Ubuntu, Deepin, UOS
    Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),  # Fedora, openEuler
    Path("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc"),  # Arch
)
FONT_LICENSES = (Path("/usr/share/doc/fonts-wqy-microhei/copyright"),)
BUNDLED_FONT_NAME = "wqy-microhei.ttc"


def version() -> str:
    """`__version__` of twindesk/__init__.py, read without importing the package."""
    tree = ast.parse((ROOT / "twindesk" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__version__" for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit("twindesk/__init__.py has no __version__")


def version_tuple(text: str | None = None) -> tuple[int, int, int, int]:
    """The four numbers of a Windows version resource: 0.1.0 -> (0, 1, 0, 0); 1.2rc1 -> (1, 2, 0, 0)."""
    numbers = [int(n) for n in re.findall(r"\d+", re.match(r"[\d.]*", text or version()).group(0))][:4]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def release_date() -> str:
    """The release entry's date: $SOURCE_DATE_EPOCH, else the date of the commit that last touched
    twindesk/__init__.py (where the version is set), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "twindesk/__init__.py"], cwd=ROOT,
                             capture_output=True, text=True, timeout=20)
        if out.returncode == 0 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", out.stdout.strip()):
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return date.today().isoformat()


def render(template: str, **values: str) -> str:
    """Fill @NAME@ placeholders; a placeholder left unfilled is an error."""
    text = re.sub(r"@([A-Z_]+)@", lambda m: values[m.group(1)] if m.group(1) in values else m.group(0), template)
    left = re.findall(r"@[A-Z_]+@", text)
    if left:
        raise ValueError(f"unfilled placeholders: {', '.join(sorted(set(left)))}")
    return text


def metainfo(version_text: str | None = None, when: str | None = None) -> str:
    """The AppStream metainfo, its release entry filled from the version."""
    return render(METAINFO_TEMPLATE.read_text(encoding="utf-8"), VERSION=version_text or version(),
                  DATE=when or release_date(), APP_ID=APP_ID)


def write_metainfo(out: Path, version_text: str | None = None, when: str | None = None) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(metainfo(version_text, when), encoding="utf-8")
    return out


def windows_version_strings(version_text: str | None = None) -> dict[str, str]:
    """The StringFileInfo of TwinDesk.exe and twindesk-cli.exe (the spec builds the resource from it)."""
    v = version_text or version()
    return {
        "CompanyName": "TwinDesk",
        "FileDescription": "TwinDesk: partner cities, delegation visits and aid shipments",
        "FileVersion": v,
        "InternalName": APP_NAME,
        "LegalCopyright": "TwinDesk",
        "OriginalFilename": f"{WINDOWS_GUI_EXE}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": v,
    }


def find_font() -> Path:
    """The CJK TrueType font to bundle; SystemExit with what to do if there is none."""
    override = os.environ.get(FONT_ENV, "").strip()
    if override:
        path = Path(override).expanduser()
        if not path.is_file():
            raise SystemExit(f"{path}: the font named by {FONT_ENV} does not exist")
        return path
    for folder in FONT_DIRS:
        if folder.is_dir():
            found = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".ttc", ".ttf"))
            if found:
                return found[0]
    for path in SYSTEM_FONTS:
        if path.is_file():
            return path
    raise SystemExit(
        "No CJK font to bundle for the briefing packs. On Debian/Ubuntu: sudo apt install fonts-wqy-microhei; "
        f"elsewhere (Windows too): python packaging/get_cjk_font.py, or set {FONT_ENV} to a TrueType .ttc/.ttf "
        "with Chinese, Korean and Japanese (WenQuanYi Micro Hei)."
    )


def font_license(font: Path) -> Path | None:
    """The licence text that travels with the bundled font, if one is beside it or installed."""
    for candidate in (font.with_suffix(".LICENSE.txt"), font.parent / "LICENSE.txt", *FONT_LICENSES):
        if candidate.is_file():
            return candidate
    return None


def translation_files() -> list[Path]:
    """TwinDesk's compiled translations (resources/translations/*.qm), if any have been made yet."""
    folder = ROOT / "resources" / "translations"
    return sorted(folder.glob("*.qm")) if folder.is_dir() else []


def icon_files() -> list[Path]:
    folder = ROOT / "resources" / "icons"
    return sorted(p for p in folder.iterdir() if p.suffix in (".png", ".svg", ".ico"))


def window_resource_files() -> list[tuple[Path, str]]:
    """The window's icon font with its licence, and the user guide: (file, its folder in the bundle)."""
    found = []
    for folder in ("icons/phosphor", "guide"):
        here = ROOT / "resources" / folder
        found += [(p, f"resources/{folder}") for p in sorted(here.iterdir()) if p.is_file()] if here.is_dir() else []
    return found


def package_data_files() -> list[tuple[Path, str]]:
    """Files inside the twindesk package that are not Python (the server roles' SQL): (file, its folder in
    the bundle), where `importlib.resources` finds them in the frozen application too."""
    package = ROOT / "twindesk"
    return [(p, str(p.parent.relative_to(ROOT))) for p in sorted(package.rglob("*.sql"))]


def platform_tag() -> str:
    machine = os.uname().machine if hasattr(os, "uname") else "x86_64"
    return f"{'windows' if sys.platform == 'win32' else sys.platform.rstrip('0123456789')}-{machine}"


def archive_path() -> Path:
    """dist/TwinDesk-<version>-<platform>.tar.gz: the Linux archive build.py makes."""
    return ROOT / "dist" / f"{DIST_NAME}-{version()}-{platform_tag()}.tar.gz"


if __name__ == "__main__":  # make and scripts ask: python packaging/buildinfo.py version
    what = sys.argv[1] if len(sys.argv) > 1 else "version"
    print({"version": version, "font": find_font, "date": release_date, "tag": platform_tag,
           "archive": archive_path}[what]())
