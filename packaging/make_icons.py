"""Draws the TwinDesk icon: two linked rings, the office's red and a dark blue, on a warm white tile.

One geometry, two renderings: the SVG (resources/icons/twindesk.svg, the scalable source and the Linux
"scalable" icon) and, drawn with Pillow so that no SVG renderer is needed, the PNGs in every size the
platforms ask for (twindesk-16.png … twindesk-512.png) and the multi-size Windows icon (twindesk.ico).

The files are committed; run this again only after changing the design:

    .venv/bin/python packaging/make_icons.py [OUT_DIR]

The rings interlace: red passes over blue at the top crossing, blue over red at the bottom one, each
crossing opened by a gap in the tile's colour.
"""

import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest a Windows icon holds

RED = "#c0392b"
BLUE = "#1f3a5f"
TILE = "#fbf8f3"

CANVAS = 512  # the design's own units (the SVG's viewBox)
TILE_BOX = (24, 24, 488, 488)
TILE_RADIUS = 96
TILE_BORDER = 8
RING_RADIUS = 104  # centre line
RING_WIDTH = 50
GAP = 12  # the tile-coloured margin around the ring that passes over
RED_CENTRE = (190, 256)
BLUE_CENTRE = (322, 256)
SUPERSAMPLE = 2048  # Pillow draws at this size, then scales down with a good filter


def svg() -> str:
    x0, y0, x1, y1 = TILE_BOX
    halo = RING_WIDTH + 2 * GAP

    def ring(centre, colour, width):
        return (f'<circle cx="{centre[0]}" cy="{centre[1]}" r="{RING_RADIUS}" fill="none" '
                f'stroke="{colour}" stroke-width="{width}"/>')

    def lower_half(centre, colour, width):
        # The lower half of a ring, as an arc with square-cut ends: the same as clipping the ring at the
        # centre line, without clipPath (SVG Tiny, and so Qt's and KDE's renderer, has none).
        cx, cy, r = centre[0], centre[1], RING_RADIUS
        return (f'<path d="M {cx - r},{cy} A {r},{r} 0 0 0 {cx + r},{cy}" fill="none" '
                f'stroke="{colour}" stroke-width="{width}" stroke-linecap="butt"/>')

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" width="{CANVAS}" '
        f'height="{CANVAS}" viewBox="0 0 {CANVAS} {CANVAS}">',
        "  <title>TwinDesk</title>",
        f'  <rect x="{x0 + TILE_BORDER / 2:g}" y="{y0 + TILE_BORDER / 2:g}" width="{x1 - x0 - TILE_BORDER:g}" '
        f'height="{y1 - y0 - TILE_BORDER:g}" rx="{TILE_RADIUS - TILE_BORDER / 2:g}" fill="{TILE}" '
        f'stroke="{BLUE}" stroke-width="{TILE_BORDER}"/>',
        "  " + ring(BLUE_CENTRE, BLUE, RING_WIDTH),
        "  " + ring(RED_CENTRE, TILE, halo),
        "  " + ring(RED_CENTRE, RED, RING_WIDTH),
        "  " + lower_half(BLUE_CENTRE, TILE, halo),
        "  " + lower_half(BLUE_CENTRE, BLUE, RING_WIDTH),
        "</svg>",
        "",
    ]
    return "\n".join(lines)


def _ring(draw: ImageDraw.ImageDraw, centre, colour, width, k: float) -> None:
    cx, cy = centre[0] * k, centre[1] * k
    outer = (RING_RADIUS + width / 2) * k
    draw.ellipse((cx - outer, cy - outer, cx + outer, cy + outer), outline=colour, width=round(width * k))


def master() -> Image.Image:
    """The icon drawn large (SUPERSAMPLE pixels), to be scaled down to each size."""
    k = SUPERSAMPLE / CANVAS
    image = Image.new("RGBA", (SUPERSAMPLE, SUPERSAMPLE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([v * k for v in TILE_BOX], radius=TILE_RADIUS * k, fill=TILE, outline=BLUE,
                           width=round(TILE_BORDER * k))
    halo = RING_WIDTH + 2 * GAP
    _ring(draw, BLUE_CENTRE, BLUE, RING_WIDTH, k)
    _ring(draw, RED_CENTRE, TILE, halo, k)
    _ring(draw, RED_CENTRE, RED, RING_WIDTH, k)
    over = Image.new("RGBA", image.size, (0, 0, 0, 0))
    over_draw = ImageDraw.Draw(over)
    _ring(over_draw, BLUE_CENTRE, TILE, halo, k)
    _ring(over_draw, BLUE_CENTRE, BLUE, RING_WIDTH, k)
    half = SUPERSAMPLE // 2
    image.alpha_composite(over, dest=(0, half), source=(0, half, SUPERSAMPLE, SUPERSAMPLE))
    return image


def render(size: int, big: Image.Image | None = None) -> Image.Image:
    return (big or master()).resize((size, size), Image.Resampling.LANCZOS)


def png_name(size: int) -> str:
    return f"twindesk-{size}.png"


def write_all(out: Path = ICON_DIR) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    (out / "twindesk.svg").write_text(svg(), encoding="utf-8")
    written.append(out / "twindesk.svg")
    big = master()
    images = {size: render(size, big) for size in PNG_SIZES}
    for size, image in images.items():
        path = out / png_name(size)
        image.save(path, optimize=True)
        written.append(path)
    ico = out / "twindesk.ico"
    largest = images[max(ICO_SIZES)]
    largest.save(ico, sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    written.append(ico)
    return written


if __name__ == "__main__":
    for path in write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else ICON_DIR):
        print(path)
