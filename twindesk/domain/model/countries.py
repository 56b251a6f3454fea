"""Countries by ISO 3166-1 alpha-2 code, with names from pycountry (English and its translations), and
every name a country goes by in a staff list (CLDR's, through Babel: `country_for_name`)."""

import gettext
import hashlib
import importlib
import json
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from twindesk import APP_NAME, __version__
from twindesk.domain.model.country_table import (
    file_stamps,
    kept_table,
    package_folder,
    pycountry_data,
    short_names,
)
from twindesk.store.models import pinyin_key


@cache
def _pycountry():
    # Imported on first use: it reads its package metadata as it loads, which start-up need not wait for.
    return importlib.import_module("pycountry")


@cache
def _codes() -> frozenset[str]:
    """Every alpha-2 code: the keys of the English short names (pycountry's every country, kept in the
    cache folder, `country_table.py`), so telling a code from a name does not load pycountry (~35 ms)."""
    return frozenset(short_names("en", _short_names))


def is_country(code: str) -> bool:
    return isinstance(code, str) and code.upper() in _codes()


@cache
def _translation(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", _pycountry().LOCALES_DIR, languages=[lang], fallback=True)


def country_name(code: str, lang: str = "en") -> str:
    """The short name of `code` in `lang` (en, zh_CN); the code itself if unknown. From a table kept in
    the cache folder (`country_table.py`), so start-up does not wait for pycountry."""
    return short_names(lang, _short_names).get((code or "").upper(), code or "")


def _short_names(lang: str) -> dict[str, str]:
    """code -> the short name pycountry gives in `lang`: its common name, else its name, translated."""
    translation = _translation(lang)
    names = {}
    for country in _pycountry().countries:
        name = getattr(country, "common_name", None) or country.name
        translated = translation.gettext(country.name)
        names[country.alpha_2] = name if translated == country.name else translated
    return names


# Short names staff type that pycountry only knows by a longer one (大韩民国 but not 韩国, no "Russia").
COMMON_NAMES = {
    "russia": "RU", "uk": "GB", "britain": "GB", "great britain": "GB", "turkey": "TR", "uae": "AE",
    "holland": "NL", "ivory coast": "CI", "brunei": "BN", "vatican": "VA", "cape verde": "CV",
    "burma": "MM", "east timor": "TL", "macedonia": "MK", "palestine": "PS",
    "韩国": "KR", "南韩": "KR", "朝鲜": "KP", "伊朗": "IR", "老挝": "LA", "柬埔寨": "KH", "叙利亚": "SY",
    "孟加拉国": "BD", "委内瑞拉": "VE", "玻利维亚": "BO",
}


def find_country(text: str) -> str | None:
    """The code for a code, an English name or a Chinese name as staff type them; None if unknown."""
    text = (text or "").strip()
    if not text:
        return None
    if len(text) == 2 and is_country(text):
        return text.upper()
    wanted = text.casefold()
    if wanted in COMMON_NAMES:
        return COMMON_NAMES[wanted]
    for c in _pycountry().countries:
        names = {c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""), c.alpha_3}
        names.add(_translation("zh_CN").gettext(c.name))
        if wanted in {n.casefold() for n in names if n}:
            return c.alpha_2
    return None


def all_countries(lang: str = "en") -> list[tuple[str, str]]:
    """(code, name) for every country, sorted by name as a reader of `lang` expects (Chinese: pinyin)."""
    named = [(c.alpha_2, country_name(c.alpha_2, lang)) for c in _pycountry().countries]
    if lang.startswith("zh"):
        return sorted(named, key=lambda x: pinyin_key(x[1]))
    return sorted(named, key=lambda x: x[1].casefold())


# Long forms neither CLDR (short names only) nor pycountry's Chinese (大韩民国, 美利坚合众国 are there) has.
LONG_FORMS = {
    "俄罗斯联邦": "RU", "日本国": "JP", "蒙古国": "MN", "越南社会主义共和国": "VN", "老挝人民民主共和国": "LA",
    "柬埔寨王国": "KH", "泰王国": "TH", "马来西亚联邦": "MY", "新加坡共和国": "SG", "印度尼西亚共和国": "ID",
    "菲律宾共和国": "PH", "澳大利亚联邦": "AU", "新西兰": "NZ", "法兰西共和国": "FR", "德意志联邦共和国": "DE",
    "意大利共和国": "IT", "西班牙王国": "ES", "葡萄牙共和国": "PT", "南非共和国": "ZA", "巴西联邦共和国": "BR",
    "korea": "KR", "republic of korea": "KR", "south korea": "KR", "russia": "RU",
}
# The languages whose names of all countries are kept; a country's own languages add its own name.
_NAME_LOCALES = ("en", "zh", "zh_Hant")


_PUNCTUATION = re.compile(r"[\s.,'’()\-]+")


def name_key(text: str) -> str:
    """A country name as compared: NFKC, case-folded, accents and punctuation dropped ("Côte d’Ivoire",
    "cote divoire"; "Korea, Republic of" and "korea republic of" are one)."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text or "").casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _PUNCTUATION.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _cache_file() -> Path | None:
    """Where the built name index is kept between runs: the user's cache folder, one file per version of
    TwinDesk, Babel's and pycountry's data and of the names said here (a change to any builds it afresh)."""
    try:
        import platformdirs

        # Babel's and pycountry's files, not their versions: importing them for those took longer
        # than reading the index
        babel = package_folder("babel")
        data = [babel / "__init__.py", babel / "global.dat", *pycountry_data("zh_CN")]
        said = json.dumps([__version__, file_stamps(data), _NAME_LOCALES, COMMON_NAMES, LONG_FORMS, _source()],
                          ensure_ascii=False)
        digest = hashlib.sha256(said.encode()).hexdigest()[:16]
        return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / f"country-names-{digest}.json"
    except Exception:  # noqa: BLE001 - no cache folder: the index is built in memory, as without one
        return None


def _source() -> str:
    try:
        return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    except OSError:  # a frozen build: its versions say it all
        return ""


@cache
def _names() -> dict[str, str]:
    """name key -> code for every name of every country (`_build_names`), read from the cache folder
    when it was built there before: building it loads ~130 of Babel's locales (~0.4 s), reading the
    file takes a few milliseconds."""
    return kept_table(_cache_file(), _build_names)


def _build_names() -> dict[str, str]:
    """name key -> code, for every name of every country: CLDR's in English, Chinese (both scripts) and
    the country's own official languages, pycountry's (short, common, official, alpha-3, and their
    Chinese), and LONG_FORMS. A name two countries share (in different languages) is left out, so
    it is never guessed."""
    babel = importlib.import_module("babel")
    languages = importlib.import_module("babel.languages")
    codes = _codes()
    first: dict[str, str] = {}
    shared: set[str] = set()

    def add(name: str, code: str) -> None:
        key = name_key(name)
        if not key:
            return
        known = first.setdefault(key, code)
        if known != code:
            shared.add(key)

    zh = _translation("zh_CN")
    for c in _pycountry().countries:
        for name in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""), c.alpha_3):
            if name:
                add(name, c.alpha_2)
                add(zh.gettext(name), c.alpha_2)
    locales = {}
    for tag in _NAME_LOCALES:
        locales[tag] = babel.Locale.parse(tag)
        for code, name in locales[tag].territories.items():
            if code in codes:
                add(name, code)
    for code in codes:
        for lang in languages.get_official_languages(code, de_facto=True):
            try:
                locale = locales.get(lang) or locales.setdefault(lang, babel.Locale.parse(lang))
            except (ValueError, babel.UnknownLocaleError):
                continue
            name = locale.territories.get(code)
            if name:
                add(name, code)
    found = {k: v for k, v in first.items() if k not in shared}
    for name, code in {**COMMON_NAMES, **LONG_FORMS}.items():  # said on purpose: they win
        found[name_key(name)] = code
    return found


@lru_cache(maxsize=4096)  # a staff list names the same few countries on every row
def country_for_name(text: str) -> str | None:
    """The code of a country as a staff list names it: its code (KR, KOR), or any name in English,
    Chinese or its own language, short or long (韩国, 大韩民国, Korea, South Korea, 대한민국); None if
    none is known or the name is two countries'."""
    text = unicodedata.normalize("NFKC", text or "").strip()
    if not text:
        return None
    if len(text) == 2 and is_country(text):
        return text.upper()
    return _names().get(name_key(text))
