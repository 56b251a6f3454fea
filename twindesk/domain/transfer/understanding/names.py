"""Names as staff type them, made comparable: widths, scripts, case, accents and the words for a kind.

Three levels, each looser than the one before:
- `plain_text`: what is stored. Full-width letters, digits and spaces (ＫＯＢＥ, 　) as their ASCII
  forms, runs of spaces as one; everything else (（）, 、, the Chinese itself) as typed.
- `script_key`: one name in any width, case or Chinese script: 兵庫県, 兵庫縣 and 兵库县 are one key
  (OpenCC's Japanese-to-traditional, then traditional-to-simplified tables). A reference by name
  matches on this.
- `likeness_key`: also without accents and without the word for the kind (县, 省, 市, Prefecture,
  Province, City, -ken …): 兵库县, 兵庫県, Hyogo, Hyogo Prefecture and HYŌGO-ken are one "hyogo" or
  "兵库". Two partners with the same likeness key in one country are likely one.
"""

import importlib
import re
import unicodedata
from functools import cache, lru_cache

# Full-width ASCII (U+FF01–U+FF5E) and the ideographic space, for letters, digits and spaces only:
# staff type （） and 、 on purpose, and those are kept.
_WIDE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp - 0xFEE0).isalnum()}
_WIDE[0x3000] = 0x20
# Where `_WIDE` changes something: its letters, digits and the space, not the full-width punctuation
# (，：（）) that nearly every Chinese title holds and that `translate` would only copy, slowly.
_WIDE_CHARS = re.compile("[" + "".join(sorted(map(chr, _WIDE))) + "]")

# The word for a kind at the end of a name, longest first (Chinese after OpenCC: 県 is 县 by then).
_SUFFIXES_ZH = ("特别自治道", "特别自治市", "특별자치도", "광역시", "广域市", "特别市", "自治区", "自治州", "县", "省", "市", "道",
                "府", "州", "都", "区", "郡", "도", "시", "군", "현")
_SUFFIXES_BY_LAST: dict[str, tuple[str, ...]] = {}
for _suffix in _SUFFIXES_ZH:
    _SUFFIXES_BY_LAST[_suffix[-1]] = (*_SUFFIXES_BY_LAST.get(_suffix[-1], ()), _suffix)
_SUFFIXES_EN = re.compile(
    r"(?:[\s-]+(?:special self governing province|special self governing city|metropolitan city|"
    r"special city|metropolis|prefecture|province|city|county|state|region|oblast|krai|municipality|"
    r"ken|shi|fu|to|do|si|gun))+$")
_PREFIX_EN = re.compile(r"^(?:city|province|prefecture|state|county) of\s+")
# What a key must end or begin with for those to change it (after `_PUNCTUATION`, its only space is " "):
# most names have neither, and these tests are quicker than the patterns' searches.
_SUFFIX_LAST_WORDS = frozenset({"province", "city", "metropolis", "prefecture", "county", "state", "region",
                                "oblast", "krai", "municipality", "ken", "shi", "fu", "to", "do", "si", "gun"})
_PREFIXES_EN = tuple(f"{word} of " for word in ("city", "province", "prefecture", "state", "county"))
_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[\s.,'’·・()\-]+")
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
# Staff lists repeat their names (a partner on every one of its shipments): each key is made once per
# distinct text, looked up by the text as typed. Bounded, so a huge import cannot grow them without end.
_KEYS = 1 << 17
_SCRIPT: dict[str, str] = {}
_LIKE: dict[str, str] = {}


def plain_text(value) -> str:
    """One line of typed text with full-width letters, digits and spaces made plain, spaces collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return plain_str(value if isinstance(value, str) else str(value))


@lru_cache(maxsize=_KEYS)
def plain_str(text: str) -> str:
    """`plain_text` of a str (what an import calls for every text cell): `_SPACES.sub(" ",
    text.translate(_WIDE)).strip()`, faster. The table is used only where a full-width character is
    (most texts have none), and split/join collapses the spaces as the pattern does (`_spaced`)."""
    if not text.isascii() and _WIDE_CHARS.search(text):
        text = text.translate(_WIDE)
    return " ".join(text.split())


@cache
def _converters():
    opencc = importlib.import_module("opencc")  # on first use: start-up never waits for it
    return opencc.OpenCC("jp2t"), opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Japanese and traditional Chinese characters as simplified ones (兵庫県 → 兵库县)."""
    if not _HAN.search(text):
        return text
    jp2t, t2s = _converters()
    return t2s.convert(jp2t.convert(text))


def script_key(text) -> str:
    """A name in any width, case or Chinese script, as one key."""
    key = _SCRIPT.get(text) if type(text) is str else None
    if key is None:
        key = _script_key(plain_text(text))
        if type(text) is str:
            _keep(_SCRIPT, text, key)
    return key


def _script_key(plain: str) -> str:
    return _spaced(simplified(_folded(plain)))


def _folded(plain: str) -> str:
    return unicodedata.normalize("NFKC", plain).casefold()


def _spaced(text: str) -> str:
    return " ".join(text.split())  # as _SPACES.sub(" ", text).strip(): both split at str.isspace()


def likeness_key(text) -> str:
    """`script_key` without accents, punctuation and the word for the kind; "" for an empty name."""
    key = _LIKE.get(text) if type(text) is str else None
    if key is None:
        key = _likeness_key(script_key(text))
        if type(text) is str:
            _keep(_LIKE, text, key)
    return key


def name_keys(text: str) -> tuple[str, str]:
    """(`script_key`, `likeness_key`) of a name: what an index of names files it under (one call)."""
    script, like = _SCRIPT.get(text), _LIKE.get(text)
    if script is None or like is None:
        return script_key(text), likeness_key(text)
    return script, like


def _keep(memo: dict, text: str, key: str) -> None:
    if len(memo) >= _KEYS:  # bounded: a huge import cannot grow it without end
        memo.clear()
    memo[text] = key


def make_keys(texts) -> None:
    """Make the keys of many names at once (an import's): OpenCC converts them all in one call."""
    todo = [t for t in dict.fromkeys(texts) if type(t) is str and t not in _LIKE]
    if not todo:
        return
    folded = [_folded(plain_str(t)) for t in todo]
    han = [i for i, text in enumerate(folded) if _HAN.search(text)]
    if han:
        jp2t, t2s = _converters()
        # One line per name: OpenCC's phrases never span a line break, and a plain text holds none.
        converted = t2s.convert(jp2t.convert("\n".join(folded[i] for i in han))).split("\n")
        if len(converted) == len(han):
            for i, text in zip(han, converted, strict=True):
                folded[i] = text
        else:  # not one line per name after all: each on its own
            for i in han:
                folded[i] = simplified(folded[i])
    if max(len(_SCRIPT), len(_LIKE)) + len(todo) > _KEYS:  # bounded, as `_keep` keeps them
        _SCRIPT.clear()
        _LIKE.clear()
    like = _likeness_key.__wrapped__  # each text is new here: its key is kept by the text, below
    for text, converted in zip(todo, folded, strict=True):
        key = _SCRIPT[text] = _spaced(converted)
        _LIKE[text] = like(key)


@lru_cache(maxsize=_KEYS)
def _likeness_key(key: str) -> str:
    if not key.isascii():  # ASCII has no accents, and NFKD and NFC leave it as it is
        decomposed = unicodedata.normalize("NFKD", key)
        if decomposed != key or any(map(unicodedata.combining, key)):  # accents to drop: most names have none
            key = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        key = unicodedata.normalize("NFC", key)
    if not key.isalnum():  # a name of letters alone (兵库县) has nothing `_PUNCTUATION` takes
        key = _PUNCTUATION.sub(" ", key).strip()
    if key.isascii():
        stripped = _PREFIX_EN.sub("", key) if key.startswith(_PREFIXES_EN) else key
        if stripped.rpartition(" ")[2] in _SUFFIX_LAST_WORDS:
            stripped = _SUFFIXES_EN.sub("", stripped)
        stripped = stripped.strip()
    else:
        stripped = key
        for suffix in _SUFFIXES_BY_LAST.get(key[-1:], ()):  # those ending as the name does, longest first
            if stripped.endswith(suffix) and len(stripped) > len(suffix):
                stripped = stripped[: -len(suffix)]
                break
    return (stripped or key).replace(" ", "")
