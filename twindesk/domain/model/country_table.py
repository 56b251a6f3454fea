"""Every country's short name in one language, kept in the user's cache folder between runs, so naming
a few countries (the dashboard's partners by country, docs/architecture.md "Start-up") reads a small
file instead of loading pycountry (~15-20 ms: it reads its package metadata, then its database).

The file is made from pycountry the first time a language is asked for, and made again whenever
pycountry's data for it, TwinDesk's version or the naming code (countries.py) changes: its name holds
their fingerprint. Without a cache folder the names come from pycountry, as without the file.
"""

import hashlib
import importlib.util
import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

from twindesk import APP_NAME, __version__

_NAMING_CODE = Path(__file__).with_name("countries.py")


def package_folder(name: str) -> Path:
    """Where an installed package's files are, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        raise OSError(f"{name} is not installed")
    return Path(spec.origin).parent


def pycountry_data(lang: str) -> list[Path]:
    """pycountry's files the names come from, found without importing it."""
    root = package_folder("pycountry")
    return [root / "databases" / "iso3166-1.json", root / "locales" / lang / "LC_MESSAGES" / "iso3166-1.mo"]


def file_stamps(paths) -> list:
    """[path, size, time changed] of each file ([path, None] for one that is not there): a table's name
    holds them, so a new version of its data makes it anew."""
    stamps = []
    for path in paths:
        try:
            info = path.stat()
            stamps.append([str(path), info.st_size, info.st_mtime_ns])
        except FileNotFoundError:  # English has no translation file
            stamps.append([str(path), None])
    return stamps


def _table_file(lang: str) -> Path | None:
    try:
        import platformdirs

        stamps = file_stamps(pycountry_data(lang))
        said = json.dumps([__version__, lang, stamps, hashlib.sha256(_NAMING_CODE.read_bytes()).hexdigest()])
        digest = hashlib.sha256(said.encode()).hexdigest()[:16]
        return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / f"country-short-names-{digest}.json"
    except Exception:  # noqa: BLE001 - no cache folder, or a frozen build without the files: no table
        return None


@cache
def short_names(lang: str, build: Callable[[str], dict[str, str]]) -> dict[str, str]:
    """code -> short name in `lang` for every country: the cached table, else `build(lang)` (from
    pycountry), which is then kept for the next run."""
    return kept_table(_table_file(lang), lambda: build(lang))


def kept_table(path: Path | None, build: Callable[[], dict[str, str]]) -> dict[str, str]:
    """The table read from `path` in the cache folder, else `build()`, written there (atomically) for
    the next run. No cache folder, or one that is read-only or full: built every time, nothing fails."""
    if path is not None:
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(found, dict) and found:
                return found
        except (OSError, ValueError):
            pass
    found = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_name(f"{path.name}.{os.getpid()}.part")
            part.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
            os.replace(part, path)
        except OSError:  # a read-only or full cache folder: next time builds it again
            pass
    return found
