"""The fonts of the official layout by role: 仿宋 (body), 楷体, 黑体, 宋体 (page numbers), 小标宋 (title).

GB/T 9704-2012 names typefaces, not files. Each role takes, first found wins:

1. the file named by $TWINDESK_FONT_<ROLE> (FANGSONG, KAITI, HEITI, SONGTI, XIAOBIAOSONG);
2. the system's own face (Windows: simfang.ttf, simkai.ttf, simhei.ttf, simsun.ttc; elsewhere one that
   fontconfig lists under the typeface's name);
3. a TrueType substitute from the platform's packages (Debian: fonts-arphic-ukai for 楷, -uming for 宋,
   fonts-wqy-zenhei for 黑; packaging/debian-deps.sh installs them);
4. the pack's one CJK font (fonts.brief_font), so a pack always prints.

From step 3 on the build's notes say which face stood in for which role, and what to install. No free
TrueType 仿宋 covers simplified Chinese (cwTeX FangSong lacks a third of GB 2312, FandolFang is CFF,
which reportlab cannot embed): AR PL UMing, a Song face, the nearest, stands in. A 小标宋 is rarely
installed: the 宋 face drawn heavier (faux bold) stands in.
"""

import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFError

from twindesk.briefing.fonts import Face, FontNotFound, brief_font, face
from twindesk.domain.model.messages import Message, add_chinese

ROLES = ("fangsong", "kaiti", "heiti", "songti", "xiaobiaosong")
ROLE_ZH = {"fangsong": "仿宋", "kaiti": "楷体", "heiti": "黑体", "songti": "宋体", "xiaobiaosong": "小标宋"}
ENV_PREFIX = "TWINDESK_FONT_"

_WINDOWS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
SYSTEM_FILES = {
    "fangsong": (_WINDOWS / "simfang.ttf", _WINDOWS / "SIMFANG.TTF", _WINDOWS / "STFANGSO.TTF"),
    "kaiti": (_WINDOWS / "simkai.ttf", _WINDOWS / "SIMKAI.TTF", _WINDOWS / "STKAITI.TTF"),
    "heiti": (_WINDOWS / "simhei.ttf", _WINDOWS / "SIMHEI.TTF"),
    "songti": (_WINDOWS / "simsun.ttc", _WINDOWS / "SIMSUN.TTC", _WINDOWS / "STSONG.TTF"),
    "xiaobiaosong": (_WINDOWS / "FZXBSJW.TTF", _WINDOWS / "方正小标宋简体.ttf", _WINDOWS / "STZHONGS.TTF"),
}
# Names fontconfig lists a role's own typeface under (Deepin, UOS and Kylin ship the Windows faces).
SYSTEM_NAMES = {
    "fangsong": ("FangSong", "仿宋"),
    "kaiti": ("KaiTi", "楷体"),
    "heiti": ("SimHei", "黑体"),
    "songti": ("SimSun", "宋体"),
    "xiaobiaosong": ("XiaoBiaoSong", "小标宋"),
}
_ARPHIC = (Path("/usr/share/fonts/truetype/arphic"), Path("/usr/share/fonts/arphic"))
_WQY = (Path("/usr/share/fonts/truetype/wqy"), Path("/usr/share/fonts/wqy-zenhei"))
SUBSTITUTES = {
    "fangsong": tuple(d / "uming.ttc" for d in _ARPHIC),
    "kaiti": tuple(d / "ukai.ttc" for d in _ARPHIC),
    "heiti": tuple(d / "wqy-zenhei.ttc" for d in _WQY),
    "songti": tuple(d / "uming.ttc" for d in _ARPHIC),
    "xiaobiaosong": tuple(d / "uming.ttc" for d in _ARPHIC),
}
PACKAGES = {"fangsong": "fonts-arphic-uming", "kaiti": "fonts-arphic-ukai", "heiti": "fonts-wqy-zenhei",
            "songti": "fonts-arphic-uming", "xiaobiaosong": "fonts-arphic-uming"}

SUBSTITUTE_NOTE = "{role}: no {role} font is installed; {family} stands in ({path}). Set {env} to a TrueType {role} font to use it."
FALLBACK_NOTE = ("{role}: no {role} font and no substitute is installed; the pack's font {family} stands in. "
                 "Install {package} (Debian, Ubuntu, Deepin) or set {env} to a TrueType {role} font.")
add_chinese({
    SUBSTITUTE_NOTE: "{role}：未安装{role}字体，由 {family} 代替（{path}）。可将 {env} 设为 TrueType {role}字体文件。",
    FALLBACK_NOTE: "{role}：未安装{role}字体，也没有替代字体，由简报通用字体 {family} 代替。"
                   "请安装 {package}（Debian、Ubuntu、Deepin），或将 {env} 设为 TrueType {role}字体文件。",
})


@dataclass(frozen=True)
class RoleFont:
    role: str
    face: Face
    own: bool  # the role's own typeface (an override, the system's), not a stand-in
    note: Message | None  # what stood in, said in either language


@cache
def _fontconfig() -> tuple[tuple[str, Path], ...]:
    """(family names, file) of the TrueType CJK fonts fontconfig knows; empty without fc-list."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return ()
    try:
        listing = subprocess.run([fc_list, ":lang=zh", "family", "file"], capture_output=True, text=True,
                                 timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    found = []
    for line in listing.splitlines():
        path, _, families = line.partition(":")
        if Path(path).suffix.lower() in (".ttf", ".ttc"):
            found.append((families.strip(), Path(path.strip())))
    return tuple(found)


def _system_candidates(role: str) -> list[Path]:
    named = [path for families, path in _fontconfig()
             if any(name.lower() in families.lower() for name in SYSTEM_NAMES[role])]
    return [p for p in SYSTEM_FILES[role] if p.is_file()] + named


# Common simplified characters: a face without them (cwTeX FangSong is made for traditional Chinese)
# would print a third of a Chinese pack in another face.
SIMPLIFIED = "们这说为国发经过对会时实现关开问题进长门东车书"


def _try(path: Path, scale: float) -> Face | None:
    try:
        found = face(path, 0, scale)  # a collection's first face: AR PL's CN, SimSun, WenQuanYi Zen Hei
    except (TTFError, OSError):
        return None
    return found if all(ord(c) in found.glyphs for c in SIMPLIFIED) else None


def _env(role: str) -> str:
    return ENV_PREFIX + role.upper()


@cache
def role_font(role: str, scale: float = 1.0) -> RoleFont:
    """The font for `role`; FontNotFound for a $TWINDESK_FONT_<ROLE> that is missing or cannot be used."""
    env = _env(role)
    override = os.environ.get(env, "").strip()
    if override:
        path = Path(override).expanduser()
        if not path.is_file():
            raise FontNotFound("{path}: the font named by {env} does not exist", path=path, env=env)
        found = _try(path, scale)
        if found is None:
            raise FontNotFound("{path}: the font named by {env} cannot be used: only TrueType fonts (.ttf, .ttc) "
                               "with Chinese characters can be embedded", path=path, env=env)
        return RoleFont(role, found, True, None)
    for path in _system_candidates(role):
        found = _try(path, scale)
        if found is not None:
            return RoleFont(role, found, True, None)
    names = {"role": ROLE_ZH[role], "env": env}
    for path in SUBSTITUTES[role]:
        if path.is_file() and (found := _try(path, scale)) is not None:
            return RoleFont(role, found, False, Message(SUBSTITUTE_NOTE, {**names, "family": found.family,
                                                                          "path": str(path)}))
    main = brief_font()
    found = _try(main.path, scale) or main.as_face()
    return RoleFont(role, found, False, Message(FALLBACK_NOTE, {**names, "family": found.family,
                                                                "package": PACKAGES[role]}))


WESTERN = (_WINDOWS / "times.ttf", Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"),
           Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"),
           Path("/usr/share/fonts/liberation-serif/LiberationSerif-Regular.ttf"),
           Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))


@cache
def western_face() -> Face | None:
    """The face for Latin, Greek and Cyrillic in the official layout: Times New Roman, or its metric twin
    Liberation Serif (fonts-liberation2); None: the CJK faces' own."""
    for path in WESTERN:
        if path.is_file():
            try:
                return face(path, 0, cjk=False)
            except (TTFError, OSError):
                continue
    return None


def role_fonts(scale: float = 1.0) -> dict[str, RoleFont]:
    return {role: role_font(role, scale) for role in ROLES}


def clear_cache() -> None:
    """Forget what was found (tests change the environment)."""
    role_font.cache_clear()
    western_face.cache_clear()
    _fontconfig.cache_clear()
