"""Running the frozen TwinDesk as staff would: unpacked from the archive, with no Python to lean on.

Used by the smoke test (tests/packaging/test_frozen.py) and by packaging/measure.py.

- `unpack(archive, into)`: the archive's top folder, unpacked.
- `Runner`: runs the program with a clean environment (no PYTHON*, no TWINDESK_DB, a fresh HOME) and,
  where the machine allows (root and util-linux `unshare`), in a private mount namespace in which every
  Python installation, the source tree and the system's CJK font are hidden under empty tmpfs mounts: a
  program that still reached for any of them fails there.
- `Xvfb` and `wait_for_window`: a real X server, and the time until TwinDesk's main window is mapped.
"""

import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_CJK_FONT_DIRS = ("/usr/share/fonts/truetype/wqy", "/usr/share/fonts/wqy-microhei",
                        "/usr/share/fonts/wenquanyi")


def unpack(archive: Path, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tar:
        tops = {Path(m.name).parts[0] for m in tar.getmembers() if m.name not in ("", ".")}
        if len(tops) != 1:
            raise AssertionError(f"{archive}: expected one top folder, found {sorted(tops)}")
        tar.extractall(into, filter="tar")
    return into / tops.pop()


def python_locations() -> list[str]:
    """Every place a Python installation on this machine keeps its standard library or packages."""
    found = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, str(ROOT)}
    for pattern in ("/usr/lib/python3*", "/usr/local/lib/python3*", "/usr/lib64/python3*", "/opt/python*",
                    os.path.expanduser("~/.pyenv"), "/root/.pyenv"):
        found.update(glob.glob(pattern))
    real = {os.path.realpath(p) for p in found if os.path.isdir(p)}
    # An outer folder hides its inner ones; never hide / or /usr themselves.
    keep = sorted(p for p in real if p not in ("/", "/usr", "/usr/local", "/usr/lib", "/opt"))
    return [p for p in keep if not any(p != q and p.startswith(q + os.sep) for q in keep)]


def hidden_locations() -> list[str]:
    return python_locations() + [d for d in SYSTEM_CJK_FONT_DIRS if os.path.isdir(d)]


def isolation_prefix(hidden: list[str]) -> list[str]:
    mounts = "; ".join(f"mount -t tmpfs -o size=1m,mode=0555 tmpfs {shlex.quote(d)}" for d in hidden)
    return ["unshare", "--mount", "--propagation", "private", "sh", "-ec", f'{mounts}; exec "$@"', "sh"]


def can_isolate() -> tuple[bool, str]:
    """Whether programs can be run with Python hidden; if not, why."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False, "hiding Python needs root (a private mount namespace)"
    if shutil.which("unshare") is None:
        return False, "hiding Python needs util-linux's unshare"
    with tempfile.TemporaryDirectory() as probe:
        done = subprocess.run([*isolation_prefix([probe]), "true"], capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        return False, f"unshare/mount refused here: {done.stderr.strip()[:200]}"
    return True, ""


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.update(extra)
    return env


class Runner:
    """Runs `exe` (the frozen twindesk) with a clean environment, isolated where possible."""

    def __init__(self, exe: Path, home: Path, isolate: bool | None = None):
        self.exe = exe
        self.home = home
        ok, self.why_not_isolated = can_isolate()
        self.isolated = ok if isolate is None else (isolate and ok)
        self.hidden = hidden_locations() if self.isolated else []

    def command(self, *args: str) -> list[str]:
        prefix = isolation_prefix(self.hidden) if self.isolated else []
        return [*prefix, str(self.exe), *map(str, args)]

    def env(self, **extra: str) -> dict[str, str]:
        return clean_env(self.home, **extra)

    def run(self, *args: str, timeout: float = 180, **extra_env: str) -> subprocess.CompletedProcess:
        return subprocess.run(self.command(*args), capture_output=True, text=True, timeout=timeout,
                              env=self.env(**extra_env), cwd=str(self.home), stdin=subprocess.DEVNULL)

    def start(self, *args: str, **extra_env: str) -> subprocess.Popen:
        return subprocess.Popen(self.command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=self.env(**extra_env), cwd=str(self.home), stdin=subprocess.DEVNULL,
                                start_new_session=True)


def stop(process: subprocess.Popen, timeout: float = 10) -> tuple[str, str]:
    """Terminate a started program (its whole session) and return what it printed."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, 15)
        except ProcessLookupError:
            pass
    try:
        return process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        return process.communicate()


def x_tools_missing() -> list[str]:
    return [t for t in ("Xvfb", "xwininfo") if shutil.which(t) is None]


class Xvfb:
    """A virtual X server on a free display number, for as long as the `with` block lasts."""

    def __init__(self, size: str = "1400x900x24"):
        self.size = size
        self.display = ""
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Xvfb":
        for number in range(91, 140):
            if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
                continue
            self.process = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", self.size, "-nolisten", "tcp"],
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                            start_new_session=True)
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and self.process.poll() is None:
                if Path(f"/tmp/.X11-unix/X{number}").exists():
                    self.display = f":{number}"
                    return self
                time.sleep(0.05)
            stop(self.process)
        raise RuntimeError("Xvfb did not start on any display :91–:139")

    def __exit__(self, *exc) -> None:
        if self.process is not None:
            stop(self.process)


def main_window_id(display: str, title: str = "TwinDesk") -> str | None:
    """The id of a viewable top-level window whose name starts with `title`, if there is one."""
    env = {"DISPLAY": display, "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True, env=env, timeout=10)
    for match in re.finditer(r"^\s*(0x[0-9a-f]+) \"" + re.escape(title), tree.stdout, re.MULTILINE):
        info = subprocess.run(["xwininfo", "-id", match.group(1)], capture_output=True, text=True, env=env,
                              timeout=10)
        if "IsViewable" in info.stdout:
            return match.group(1)
    return None


def wait_for_window(display: str, process: subprocess.Popen, started: float, timeout: float = 90,
                    title: str = "TwinDesk") -> float | None:
    """Seconds from `started` (time.monotonic()) until the main window is viewable; None if the program
    ended first or time ran out."""
    while time.monotonic() - started < timeout:
        if process.poll() is not None:
            return None
        if main_window_id(display, title):
            return time.monotonic() - started
        time.sleep(0.05)
    return None
