"""Finding and registering the one TrueType font a briefing pack is set in (docs/architecture.md, "Measured on these machines").

A pack must render Chinese, Korean, Japanese, Cyrillic and Latin on a viewer that has no CJK fonts, so
the font is embedded (subset) and every style uses it. reportlab embeds TrueType outlines only: a CFF
font (Noto CJK .otf) is refused, and the built-in CID fonts are not embedded and garble Korean.

Where it comes from, first found wins: the file named by $TWINDESK_CJK_FONT, a copy bundled under
resources/fonts/, then the system's WenQuanYi Micro Hei / Zen Hei, Microsoft YaHei, SimSun, SimHei.
The font has no bold face: the family maps bold to the same font, and headings stand out by size.

A few characters the CJK font lacks (Romanian ț, Hebrew, Arabic letters; Hangul with YaHei) are set in
a second embedded font where one is found (DejaVu Sans, Malgun Gothic, Arial). A character no embedded
font has (emoji) prints as a replacement mark (□) and is listed in the build's notes (`FontChain`).

The official layout sets each role (仿宋, 楷体, 黑体 …) in its own font: font_roles.py finds them, and
`face(path, scale=…)` registers one, its advances scaled to the layout's character grid where asked.
"""

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from twindesk.domain.model.errors import UserError
from twindesk.resources import resource_path

ENV_VAR = "TWINDESK_CJK_FONT"
BUNDLED = resource_path("fonts")  # beside the package from source, in the bundle when frozen
FONT_SUFFIXES = (".ttc", ".ttf")

_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
SYSTEM_FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),  # Debian, Ubuntu, Deepin, UOS
    Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),  # Fedora, openEuler
    Path("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc"),  # Arch
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
    _WINDOWS_FONTS / "msyh.ttc",
    _WINDOWS_FONTS / "msyh.ttf",
    _WINDOWS_FONTS / "simsun.ttc",
    _WINDOWS_FONTS / "simhei.ttf",
    Path("/Library/Fonts/Arial Unicode.ttf"),
    Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"),
)

FALLBACK_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    _WINDOWS_FONTS / "malgun.ttf",  # Korean and Latin: Microsoft YaHei has no Hangul
    _WINDOWS_FONTS / "arial.ttf",
    Path("/System/Library/Fonts/Supplemental/Arial.ttf"),
)

INSTALL_HINT = (
    "install the WenQuanYi Micro Hei font (Debian/Ubuntu/Deepin: sudo apt install fonts-wqy-microhei; "
    "Fedora: sudo dnf install wqy-microhei-fonts), or set TWINDESK_CJK_FONT to a TrueType font file "
    "(.ttf or .ttc) with Chinese characters, such as C:\\Windows\\Fonts\\msyh.ttc"
)


REPLACEMENT = "\u25a1"  # □: drawn where no embedded font has the character


@dataclass(frozen=True, eq=False)
class Face:
    """One registered font file: reportlab's name for it, the family it calls itself, its characters."""
    name: str
    path: Path
    family: str
    glyphs: frozenset[int]


class FontChain:
    """The faces one style draws with: each character in the first that has it, else a replacement
    mark, recorded in `missing` (shared by every chain of one build, so the build can list them)."""

    def __init__(self, faces, missing: dict[str, int] | None = None, western: Face | None = None):
        faces = [f for i, f in enumerate(faces) if f is not None and all(f.name != g.name for g in faces[:i] if g)]
        self.face = faces[0]
        self.name, self.glyphs, self.path = faces[0].name, faces[0].glyphs, faces[0].path
        self.others: tuple[tuple[str, frozenset[int]], ...] = tuple((f.name, f.glyphs) for f in faces[1:])
        self.missing = missing
        # Latin, Greek, Cyrillic …: a CJK face's own are full-width or fixed-pitch; a western face's read well.
        self.western = (western.name, western.glyphs) if western is not None else None
        mark_face = next((f for f in faces if ord(REPLACEMENT) in f.glyphs), None)
        self.mark = (REPLACEMENT, None if mark_face is None or mark_face is faces[0] else mark_face.name) \
            if mark_face else ("?", None)


class FontNotFound(UserError):
    """No usable CJK TrueType font: the message says what to install or set."""


@dataclass(frozen=True)
class BriefFont:
    name: str  # the name registered with reportlab; every style of the pack uses it
    path: Path
    glyphs: frozenset[int] = frozenset()  # the characters it has
    fallback: str | None = None  # registered name of the font for characters it lacks
    fallback_glyphs: frozenset[int] = frozenset()

    @property
    def others(self) -> tuple[tuple[str, frozenset[int]], ...]:
        return ((self.fallback, self.fallback_glyphs),) if self.fallback else ()

    missing = None  # a BriefFont alone records nothing; a build's FontChain does
    western = None
    mark = (REPLACEMENT, None)

    def as_face(self) -> Face:
        return Face(self.name, self.path, self.path.stem, self.glyphs)

    def fallback_face(self) -> Face | None:
        return Face(self.fallback, self.path, "fallback", self.fallback_glyphs) if self.fallback else None

    def needs_fallback(self, char: str) -> bool:
        code = ord(char)
        return code not in self.glyphs and code in self.fallback_glyphs and not char.isspace()


def _bundled() -> list[Path]:
    if not BUNDLED.is_dir():
        return []
    return sorted(p for p in BUNDLED.iterdir() if p.suffix.lower() in FONT_SUFFIXES)


def candidates() -> list[Path]:
    """The font files to try, in order. A $TWINDESK_CJK_FONT that does not exist is an error."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        path = Path(override).expanduser()
        if not path.is_file():
            raise FontNotFound(f"{path}: the font named by {ENV_VAR} does not exist; {INSTALL_HINT}")
        return [path]
    return _bundled() + [p for p in SYSTEM_FONTS if p.is_file()]


def _load(path: Path) -> tuple[str, frozenset[int], TTFont]:
    name = f"TwinDesk-{path.stem}"
    font = TTFont(name, str(path), subfontIndex=0)
    return name, frozenset(font.face.charToGlyph), font


def _add(name: str, font: TTFont) -> None:
    pdfmetrics.registerFont(font)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)  # no bold or italic face: never fall back to Helvetica


@cache
def _fallback() -> tuple[str | None, frozenset[int]]:
    for path in FALLBACK_FONTS:
        if path.is_file():
            try:
                name, glyphs, font = _load(path)
            except (TTFError, OSError):
                continue
            _add(name, font)
            return name, glyphs
    return None, frozenset()


@cache
def _register(path: Path) -> BriefFont:
    name, glyphs, font = _load(path)
    if ord("中") not in glyphs:
        raise TTFError("it has no Chinese characters")
    _add(name, font)
    fallback, fallback_glyphs = _fallback()
    if fallback == name:
        fallback, fallback_glyphs = None, frozenset()
    return BriefFont(name, path, glyphs, fallback, fallback_glyphs)


@cache
def face(path: Path, index: int = 0, scale: float = 1.0, *, cjk: bool = True) -> Face:
    """`path` (subfont `index`) registered with reportlab; `scale` < 1 narrows every advance (a
    character grid: 28 characters of 16 pt on 156 mm), drawn glyphs keep their size. Raises TTFError
    or OSError for a file that cannot be embedded (CFF, damaged) or has no Chinese."""
    suffix = f"-{index}" if index else ""
    name = f"TwinDesk-{path.stem}{suffix}" + (f"-g{round(scale * 10000)}" if scale != 1.0 else "")
    font = TTFont(name, str(path), subfontIndex=index)
    if cjk and ord("中") not in font.face.charToGlyph:
        raise TTFError("it has no Chinese characters")
    if scale != 1.0:
        widths = font.face.charWidths
        for code in widths:
            widths[code] = widths[code] * scale
        font.face.defaultWidth *= scale
    _add(name, font)
    family = getattr(font.face, "familyName", b"") or font.face.name
    family = family.decode("utf-8", "replace") if isinstance(family, bytes) else str(family)
    return Face(name, path, family, frozenset(font.face.charToGlyph))


def brief_font() -> BriefFont:
    """The registered font for briefing packs; FontNotFound says plainly what to install if none is."""
    tried = candidates()
    problems = []
    for path in tried:
        try:
            return _register(path)
        except (TTFError, OSError) as exc:
            problems.append((path, str(exc).replace(str(path), "").strip(" :") or type(exc).__name__))
    if os.environ.get(ENV_VAR, "").strip():
        raise FontNotFound(f"{tried[0]}: the font named by {ENV_VAR} cannot be used ({problems[0][1]}); only "
                           f"TrueType fonts with Chinese characters can be embedded, not CFF/OpenType fonts "
                           f"such as Noto CJK; {INSTALL_HINT}")
    where = f" (tried: {'; '.join(f'{p} ({why})' for p, why in problems)})" if problems else ""
    raise FontNotFound(f"No Chinese font for the briefing pack was found{where}: {INSTALL_HINT}")
