"""Trimming what PyInstaller collects for PySide6 down to what TwinDesk uses (the spec calls `trim`).

PyInstaller's Qt hooks collect every plugin of every type a module may use (all platform plugins,
Wayland, EGL, PDF and SVG image formats, GTK theme …), with the Qt and system libraries those plugins
link, and Qt's translations in every language. TwinDesk needs far less:

- platforms: xcb (X11 and XWayland), offscreen (headless, tests), windows, cocoa;
- platforminputcontexts compose and ibus (typing Chinese), xcbglintegrations, styles (Windows 11 look),
  printsupport (printing a briefing pack);
- imageformats gif, ico, jpeg (PNG is built in);
- Qt's translations: only zh_CN (qtbase_zh_CN.qm translates the standard dialogs);
- pycountry's translations: only zh_CN (countries are shown in English or Chinese).

A library leaves the bundle only if a dropped plugin brought it in and nothing kept needs it, so a
library collected for any other reason always stays. Pure functions over PyInstaller's TOC entries
(dest, src, typecode), so the tests can run them on made-up entries.
"""

import posixpath
import re
from collections.abc import Callable, Iterable

# Qt modules TwinDesk does not use. It uses QtCore, QtGui, QtWidgets, QtCharts (the dashboard, optional),
# QtPdf and QtPrintSupport (printing a briefing pack), QtPdfWidgets (a record's PDF documents previewed); tests/test_packaging.py checks that nothing it
# imports is listed here. QtCharts links libQt6OpenGL* and QtPdf libQt6Network, so those libraries stay;
# their Python bindings are not needed.
QT_UNUSED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAxContainer",
    "QtBluetooth", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs", "QtGraphsWidgets",
    "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth",
    "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPositioning", "QtQml",
    "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg",
    "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)

# Python packages that are on a developer's machine but never needed at run time.
PYTHON_UNUSED = (
    "tkinter", "_tkinter", "PIL.ImageTk", "PIL.ImageQt", "pytest", "_pytest", "pytestqt", "pluggy", "pygments",
    "pypdf", "setuptools", "pkg_resources", "_distutils_hack", "distutils", "PyInstaller", "numpy", "pandas",
    "IPython", "matplotlib", "lib2to3", "pydoc_data", "ensurepip", "idlelib", "turtledemo",
    # Pillow's AVIF and WebP codecs (and their libraries): reportlab never reads such images for us.
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin",
)

EXCLUDES = tuple(f"PySide6.{m}" for m in QT_UNUSED) + PYTHON_UNUSED

# Plugin type -> plugin names kept (None: all of them). Types not listed are dropped whole.
KEEP_PLUGINS: dict[str, frozenset[str] | None] = {
    "platforms": frozenset({"xcb", "offscreen", "windows", "cocoa"}),
    # Not the virtual keyboard: it is built on QtQuick/QML and would bring in some 25 MB.
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}),
    "xcbglintegrations": None,
    "styles": None,
    "printsupport": None,  # CUPS on Linux, the Windows print system: the print dialog's printers
    "imageformats": frozenset({"gif", "ico", "jpeg"}),
}

KEEP_QT_TRANSLATIONS = ("qtbase_zh_CN", "qt_zh_CN")
REQUIRED_QT_TRANSLATION = "qtbase_zh_CN"
KEEP_PYCOUNTRY_LOCALES = frozenset({"zh_CN"})

_PLUGIN = re.compile(r"(?:^|/)PySide6/(?:Qt/)?plugins/([^/]+)/([^/]+)$")
_QT_TRANSLATION = re.compile(r"(?:^|/)PySide6/(?:Qt/)?translations/([^/]+)\.qm$")
_PYCOUNTRY_LOCALE = re.compile(r"(?:^|/)pycountry/locales/([^/]+)/")


def _dest(entry) -> str:
    return str(entry[0]).replace("\\", "/")


def plugin_name(filename: str) -> str:
    """libqxcb.so -> xcb, qwindows.dll -> windows, libqoffscreen.dylib -> offscreen."""
    stem = filename.split(".")[0]
    stem = stem[3:] if stem.startswith("lib") else stem
    return stem[1:] if stem.startswith("q") else stem


def keep_plugin(dest: str) -> bool:
    m = _PLUGIN.search(dest.replace("\\", "/"))
    if not m:
        return True  # not a plugin
    kind, filename = m.groups()
    if kind not in KEEP_PLUGINS:
        return False
    allowed = KEEP_PLUGINS[kind]
    return allowed is None or plugin_name(filename) in allowed


def keep_data(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    m = _QT_TRANSLATION.search(dest)
    if m:
        return m.group(1) in KEEP_QT_TRANSLATIONS
    m = _PYCOUNTRY_LOCALE.search(dest)
    if m:
        return m.group(1) in KEEP_PYCOUNTRY_LOCALES
    return True


def _basename(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1].lower()


def _closure(start: Iterable, needs: Callable[[str], Iterable[str]], by_name: dict) -> set[str]:
    """Dest names of the binaries reachable from `start` (entries) through their link-time imports."""
    seen: set[str] = set()
    todo = list(start)
    while todo:
        entry = todo.pop()
        for name in needs(entry[1]):
            dep = by_name.get(_basename(name))
            if dep is not None and _dest(dep) not in seen:
                seen.add(_dest(dep))
                todo.append(dep)
    return seen


def trim(binaries: list, datas: list, needs: Callable[[str], Iterable[str]]) -> tuple[list, list, list]:
    """(binaries kept, datas kept, entries dropped). `needs(src)` names the libraries a binary imports."""
    # PyInstaller's SYMLINK entries (dest, target dest, "SYMLINK"), among the binaries or the datas, point
    # at a collected library: they go when it goes, and take no part in the dependency walk.
    files = [b for b in binaries if b[2] != "SYMLINK"]
    dropped_plugins = [b for b in files if not keep_plugin(_dest(b))]
    kept = [b for b in files if keep_plugin(_dest(b))]
    by_name = {_basename(_dest(b)): b for b in files}
    from_dropped = _closure(dropped_plugins, needs, by_name)
    roots = [b for b in kept if _dest(b) not in from_dropped]
    still_needed = _closure(roots, needs, by_name)
    orphans = from_dropped - still_needed
    gone = orphans | {_dest(b) for b in dropped_plugins}

    def dead_link(entry) -> bool:  # the link's target is relative to the folder the link is in
        if entry[2] != "SYMLINK":
            return False
        target = posixpath.join(posixpath.dirname(_dest(entry)), str(entry[1]).replace("\\", "/"))
        return posixpath.normpath(target) in gone

    binaries_out = [b for b in binaries if b[2] == "SYMLINK" or (keep_plugin(_dest(b)) and _dest(b) not in orphans)]
    binaries_out = [b for b in binaries_out if not dead_link(b)]
    datas_out = [d for d in datas if keep_data(_dest(d)) and not dead_link(d)]
    kept_ids = {id(e) for e in binaries_out + datas_out}
    dropped = [e for e in binaries + datas if id(e) not in kept_ids]
    if not any(_QT_TRANSLATION.search(_dest(d)) and _QT_TRANSLATION.search(_dest(d)).group(1) ==
               REQUIRED_QT_TRANSLATION for d in datas_out):
        raise SystemExit(f"{REQUIRED_QT_TRANSLATION}.qm was not collected: is PySide6 missing its translations?")
    return binaries_out, datas_out, dropped
