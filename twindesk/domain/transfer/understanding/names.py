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

# The word for a kind at the end of a name, longest first (Chinese after OpenCC: 県 is 县 by then).
_SUFFIXES_ZH = ("特别自治道", "特别自治市", "특별자치도", "광역시", "广域市", "特别市", "自治区", "自治州", "县", "省", "市", "道",
                "府", "州", "都", "区", "郡", "도", "시", "군", "현")
_SUFFIXES_EN = re.compile(
    r"(?:[\s-]+(?:special self governing province|special self governing city|metropolitan city|"
    r"special city|metropolis|prefecture|province|city|county|state|region|oblast|krai|municipality|"
    r"ken|shi|fu|to|do|si|gun))+$")
_PREFIX_EN = re.compile(r"^(?:city|province|prefecture|state|county) of\s+")
_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[\s.,'’·・()\-]+")
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
# Staff lists repeat their names (a partner on every one of its shipments): each key is made once per
# distinct text. Bounded, so a huge import cannot grow them without end.
_KEYS = 1 << 16


def plain_text(value) -> str:
    """One line of typed text with full-width letters, digits and spaces made plain, spaces collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _plain(value if isinstance(value, str) else str(value))


@lru_cache(maxsize=_KEYS)
def _plain(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_WIDE)).strip()


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
    return _script_key(plain_text(text))


@lru_cache(maxsize=_KEYS)
def _script_key(plain: str) -> str:
    text = unicodedata.normalize("NFKC", plain).casefold()
    return _SPACES.sub(" ", simplified(text)).strip()


def likeness_key(text) -> str:
    """`script_key` without accents, punctuation and the word for the kind; "" for an empty name."""
    return _likeness_key(script_key(text))


@lru_cache(maxsize=_KEYS)
def _likeness_key(key: str) -> str:
    key = "".join(ch for ch in unicodedata.normalize("NFKD", key) if not unicodedata.combining(ch))
    key = _PUNCTUATION.sub(" ", unicodedata.normalize("NFC", key)).strip()
    if key.isascii():
        stripped = _SUFFIXES_EN.sub("", _PREFIX_EN.sub("", key)).strip()
    else:
        stripped = key
        for suffix in _SUFFIXES_ZH:
            if stripped.endswith(suffix) and len(stripped) > len(suffix):
                stripped = stripped[: -len(suffix)]
                break
    return (stripped or key).replace(" ", "")
