"""Text safety: what a person typed goes into a workbook as text, whole and legible, and comes back the same.

openpyxl on its own would make "=1+2" a formula and "#N/A" an error cell, raise on control characters
and cut text at 32,767 characters without a word (docs/architecture.md, "Measured on these machines"). Here:

- Every string is a text cell. Strings openpyxl would turn into a formula or an error get a cell whose
  type is set to text explicitly; all others are text cells anyway ("+1", "-2", "@SUM(A1)", "\\t=1").
- Characters a workbook cannot hold — control characters other than tab, line feed and carriage return,
  U+FFFE, U+FFFF and lone surrogates — are replaced by U+FFFD "�" (REPLACEMENT), and the caller reports
  each replacement with sheet, row and column.
- Excel reads "_x0041_" in a cell as an escaped "A". A typed "_xHHHH_" therefore has its underscore
  escaped ("_x005F_xHHHH_"), so Excel shows what was typed; `unescape` undoes it on import.
- Text longer than a cell holds (32,767 UTF-16 code units; an emoji counts two) is split into parts for
  continuation columns, never cut; the import joins the parts again.
"""

import re

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES

CELL_LIMIT = 32_767
REPLACEMENT = "\ufffd"

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# An underscore that starts "_xHHHH_" (lookahead: in "_x005F_x0041_" both underscores do).
_TYPED_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED_UNDERSCORE = re.compile(r"_x005[Ff]_(?=x[0-9A-Fa-f]{4}_)")
# One search finds every string that needs more than the plain path.
_NEEDS_CARE = re.compile(_ILLEGAL.pattern + r"|_x[0-9A-Fa-f]{4}_")
_NOT_TEXT_FOR_OPENPYXL = frozenset(ERROR_CODES)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def replace_illegal(text: str) -> tuple[str, list[str]]:
    """`text` with every character a workbook cannot hold replaced by U+FFFD, and those characters
    named ("U+0007") in order of appearance."""
    found = [f"U+{ord(c):04X}" for c in _ILLEGAL.findall(text)]
    return (_ILLEGAL.sub(REPLACEMENT, text), found) if found else (text, [])


def escape(text: str) -> str:
    return _TYPED_ESCAPE.sub("_x005F_", text)


def unescape(text: str) -> str:
    """What was typed, from a cell written by `escape` (or by Excel, which escapes the same way)."""
    return _ESCAPED_UNDERSCORE.sub("_", text) if "_x005" in text else text


def split_text(text: str, limit: int = CELL_LIMIT) -> list[str]:
    """`text` in parts of at most `limit` UTF-16 code units, cut only between characters."""
    if len(text) <= limit // 2 or utf16_length(text) <= limit:
        return [text]
    parts, start, units = [], 0, 0
    for i, ch in enumerate(text):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > limit:
            parts.append(text[start:i])
            start, units = i, 0
        units += width
    parts.append(text[start:])
    return parts


def parts_needed(units: int, limit: int = CELL_LIMIT) -> int:
    """Columns a text of `units` UTF-16 code units may need: a part can end one short of the limit when
    the next character is a surrogate pair."""
    return 1 if units <= limit else -(-units // (limit - 1))


def needs_care(text: str) -> bool:
    """True when `text` cannot go to openpyxl as it is (the common case is False, and fast)."""
    return (text[0] == "=" or text in _NOT_TEXT_FOR_OPENPYXL or len(text) > CELL_LIMIT // 2
            or _NEEDS_CARE.search(text) is not None)


def safe_text(text: str) -> tuple[str, list[str]]:
    """(text a cell can hold, the characters replaced); the length is the caller's business."""
    text, replaced = replace_illegal(text)
    if "_x" in text:
        text = escape(text)
    return text, replaced


def text_cell(ws, text: str):
    """A cell that holds `text` as text whatever it starts with ("=", "#N/A"): for write-only sheets."""
    if text[0] == "=" or text in _NOT_TEXT_FOR_OPENPYXL:
        cell = WriteOnlyCell(ws, text)
        cell.data_type = "s"  # openpyxl typed it as a formula or an error from its first character
        return cell
    return text
