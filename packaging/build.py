"""Builds TwinDesk's packages: the one-folder bundle, then what is handed out.

    .venv/bin/python packaging/build.py          (make package)
    py packaging\\build.py                        (Windows: the bundle, then the installer with Inno Setup)

Linux: dist/TwinDesk/ is the application folder (AppImage-style: AppRun, the .desktop entry, the icon,
AppStream metainfo, install.sh) and dist/TwinDesk-<version>-linux-<arch>.tar.gz the archive to hand out.
Windows: dist/TwinDesk/ and dist/TwinDesk-<version>-setup.exe, compiled by ISCC from
packaging/windows/twindesk.iss with /DAppVersion=<version> (ISCC from $ISCC, PATH or the default folders).

Options: --bundle-only (no archive/installer), --no-installer (Windows: skip ISCC), --clean (PyInstaller
starts from scratch). Build output goes to build/ and dist/ only.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import buildinfo  # noqa: E402

ROOT = buildinfo.ROOT
DIST = ROOT / "dist"
BUILD = ROOT / "build"
LINUX = buildinfo.PACKAGING / "linux"
ISS = buildinfo.PACKAGING / "windows" / "twindesk.iss"
ISCC_DEFAULTS = tuple(
    Path(base) / f"Inno Setup {major}" / "ISCC.exe"
    for major in (6, 7)
    for base in (os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)"),
                 os.environ.get("ProgramFiles", r"C:\Program Files"),
                 Path(os.environ.get("LOCALAPPDATA", r"C:\Users\Default\AppData\Local")) / "Programs")
)


def run_pyinstaller(clean: bool) -> Path:
    cmd = [sys.executable, "-m", "PyInstaller", str(buildinfo.PACKAGING / "twindesk.spec"), "--noconfirm",
           "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"), "--log-level", "WARN"]
    if clean:
        cmd.append("--clean")
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)
    return DIST / buildinfo.DIST_NAME


def strip_python_debug_info(app: Path) -> None:
    """The Python a build runs on may carry debug information (pyenv's does: libpython is 22 MB instead of
    5): remove it from libpython and the standard library's extension modules. Only those: the wheels'
    libraries are already stripped, and some were rewritten by patchelf, which strip may damage."""
    strip = shutil.which("strip")
    targets = [*app.glob("_internal/libpython3*.so*"), *app.glob("_internal/python3*/lib-dynload/*.so")]
    if strip is None or not targets:
        return
    subprocess.run([strip, "--strip-debug", *map(str, targets)], check=True)


def assemble_linux(app: Path, version: str) -> Path:
    """Make dist/TwinDesk an AppImage-style folder, then archive it as TwinDesk-<version>/."""
    shutil.copy2(LINUX / "AppRun", app / "AppRun")
    shutil.copy2(LINUX / "install.sh", app / "install.sh")
    for script in (app / "AppRun", app / "install.sh"):
        script.chmod(0o755)
    shutil.copy2(buildinfo.DESKTOP_FILE, app / buildinfo.DESKTOP_FILE.name)
    shutil.copy2(ROOT / "resources" / "icons" / "twindesk-256.png", app / "twindesk.png")
    dir_icon = app / ".DirIcon"
    if dir_icon.is_symlink() or dir_icon.exists():
        dir_icon.unlink()
    dir_icon.symlink_to("twindesk.png")
    buildinfo.write_metainfo(app / "usr" / "share" / "metainfo" / f"{buildinfo.APP_ID}.metainfo.xml", version)
    shutil.copy2(LINUX / "README.txt", app / "README.txt")

    strip_python_debug_info(app)
    archive = buildinfo.archive_path()
    top = f"{buildinfo.DIST_NAME}-{version}"
    partial = archive.with_name(archive.name + ".part")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(app, arcname=top)
    partial.replace(archive)
    return archive


def find_iscc() -> Path | None:
    for candidate in (os.environ.get("ISCC"), shutil.which("iscc"), shutil.which("ISCC"), *ISCC_DEFAULTS):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def build_installer(app: Path, version: str) -> Path:
    iscc = find_iscc()
    if iscc is None:
        raise SystemExit("Inno Setup's ISCC.exe was not found: install Inno Setup 6 (see README, "
                         "'Building the packages'), or set ISCC to its path, or pass --no-installer.")
    numbers = ".".join(map(str, buildinfo.version_tuple(version)))
    cmd = [str(iscc), f"/DAppVersion={version}", f"/DAppVersionNumbers={numbers}", f"/DBundleDir={app}",
           f"/O{DIST}", str(ISS)]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)
    return DIST / f"{buildinfo.DIST_NAME}-{version}-setup.exe"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle-only", action="store_true", help="only dist/TwinDesk, no archive or installer")
    parser.add_argument("--no-installer", action="store_true", help="Windows: do not run Inno Setup")
    parser.add_argument("--clean", action="store_true", help="let PyInstaller start from scratch")
    args = parser.parse_args(argv)

    version = buildinfo.version()
    started = time.monotonic()
    app = run_pyinstaller(args.clean)
    made = [app]
    if not args.bundle_only:
        if sys.platform == "win32":
            if not args.no_installer:
                made.append(build_installer(app, version))
        else:
            made.append(assemble_linux(app, version))
    print(f"TwinDesk {version} built in {time.monotonic() - started:.0f} s:")
    for path in made:
        size = folder_size(path) if path.is_dir() else path.stat().st_size
        print(f"  {path.relative_to(ROOT)}  ({size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
