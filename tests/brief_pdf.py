"""Reading a briefing pack back for the tests: its text per page, its fonts, where its text runs stand."""

from dataclasses import dataclass
from pathlib import Path

import pypdf


def reader(path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(str(path))


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in reader(path).pages]


def text(path: Path) -> str:
    return "\n".join(pages_text(path))


@dataclass(frozen=True)
class FontInfo:
    page: int
    resource: str  # /F1, /F2+0 …
    subtype: str  # /TrueType, /Type0, /Type1 …
    base_font: str
    embedded: bool  # the descriptor holds the font program (FontFile2 for TrueType)
    program: str  # /FontFile2, /FontFile3 … or ""


def fonts(path: Path) -> list[FontInfo]:
    """Every font in every page's resources, with whether its program is embedded."""
    out = []
    for number, page in enumerate(reader(path).pages, 1):
        resources = page.get("/Resources") or {}
        for name, ref in (resources.get("/Font") or {}).items():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            program = next((k for k in ("/FontFile2", "/FontFile3", "/FontFile") if k in descriptor), "")
            out.append(FontInfo(number, name, str(font.get("/Subtype")), str(font.get("/BaseFont")),
                                bool(program), program))
    return out


@dataclass(frozen=True)
class Run:
    text: str
    x: float
    y: float
    size: float


def runs(path: Path, page_index: int) -> list[Run]:
    """The text runs of one page (0-based) where they start, in PDF points from the bottom left."""
    found: list[Run] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append(Run(text.strip(), x, y, size * (cm[0] or 1)))

    reader(path).pages[page_index].extract_text(visitor_text=visit)
    return found


def outline_titles(path: Path) -> list:
    """The PDF outline as titles, nested lists for the sub-entries."""

    def walk(items):
        return [walk(i) if isinstance(i, list) else i["/Title"] for i in items]

    return walk(reader(path).outline)
