"""The two page layouts of a pack: "official" (GB/T 9704-2012 《党政机关公文格式》) and "business".

official, the default for Chinese packs (docs/architecture.md, "Briefing packs"):
  A4; top margin (天头) 37 mm, binding margin (订口) 28 mm on odd pages and so 26 mm on even ones
  (printed both sides); type area (版心) 156 × 225 mm; 22 lines of 28 characters of 3号 (16 pt) 仿宋:
  line pitch 225 mm / 22, character pitch 156 mm / 28 (the fonts' advances are narrowed to it, the
  glyphs keep their 16 pt); page numbers "— 1 —" in 4号 宋体, 7 mm below the type area, one character
  in from its outer edge (right on odd pages, left on even); no running header.
business, the default for English packs: 20 mm side margins, a running header with the marking and a
  footer with the date of issue and "page X of Y".
"""

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

LAYOUTS = ("official", "business")
PAGE = A4


@dataclass(frozen=True)
class Layout:
    name: str
    left: float  # the type area's left edge on odd (and single-sided) pages, from the page's left
    left_even: float
    top: float  # the type area's top edge, from the page's top
    width: float
    height: float
    lines: int = 0  # the character grid: lines a page, characters a line (official only)
    chars: int = 0
    body_size: float = 10.5

    @property
    def official(self) -> bool:
        return self.name == "official"

    @property
    def pitch(self) -> float:
        """The line pitch of the grid."""
        return self.height / self.lines if self.lines else 0.0

    @property
    def char_pitch(self) -> float:
        return self.width / self.chars if self.chars else 0.0

    @property
    def grid_scale(self) -> float:
        """How much the fonts' advances are narrowed so that `chars` characters fill a line."""
        return self.char_pitch / self.body_size if self.chars else 1.0

    def frame_left(self, page: int) -> float:
        return self.left if page % 2 else self.left_even

    @property
    def bottom(self) -> float:
        """The type area's bottom edge, from the page's bottom."""
        return PAGE[1] - self.top - self.height


OFFICIAL = Layout("official", left=28 * mm, left_even=PAGE[0] - 28 * mm - 156 * mm, top=37 * mm,
                  width=156 * mm, height=225 * mm, lines=22, chars=28, body_size=16)
BUSINESS = Layout("business", left=20 * mm, left_even=20 * mm, top=24 * mm, width=PAGE[0] - 40 * mm,
                  height=PAGE[1] - 44 * mm)
_BY_NAME = {"official": OFFICIAL, "business": BUSINESS}


def layout(name: str | None, lang: str) -> Layout:
    """The layout called `name`; None: official for Chinese, business otherwise."""
    if name is None:
        name = "official" if (lang or "").startswith("zh") else "business"
    try:
        return _BY_NAME[name]
    except KeyError:
        from twindesk.domain.model.errors import UserError

        raise UserError("unknown layout {name!r} for a briefing pack; one of {choices}", name=name,
                        choices=", ".join(LAYOUTS)) from None
