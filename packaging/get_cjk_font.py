"""Puts the briefing packs' CJK font where the build looks for it: packaging/fonts/wqy-microhei.ttc.

For machines without Debian's fonts-wqy-microhei, Windows above all: the bundle must carry a TrueType
font with Chinese, Korean and Japanese that reportlab can embed (docs/architecture.md, "Measured on these machines"), and Windows' own fonts may
not be redistributed (and Microsoft YaHei has no Hangul). WenQuanYi Micro Hei (Apache-2.0 or GPL-3+ with
the font exception) is taken from Debian's package, checked against its SHA-256, and unpacked with the
standard library alone (a .deb is an `ar` archive holding data.tar.xz):

    py packaging\\get_cjk_font.py                 download from Debian (deb.debian.org, else snapshot)
    python packaging/get_cjk_font.py --deb FILE   use a .deb you already have (apt-get download …)

packaging/fonts/ is not committed (see .gitignore).
"""

import argparse
import hashlib
import io
import lzma
import sys
import tarfile
import urllib.request
from pathlib import Path

PACKAGE = "fonts-wqy-microhei_0.2.0-beta-3.1_all.deb"
SHA256 = "239163df984eea5c9da3b551aee374936222cdbd67f1a1be3cdcf3d76143ad66"
POOL = f"pool/main/f/fonts-wqy-microhei/{PACKAGE}"
URLS = (
    f"https://deb.debian.org/debian/{POOL}",
    f"https://snapshot.debian.org/archive/debian/20230601T000000Z/{POOL}",
)
MEMBERS = {
    "./usr/share/fonts/truetype/wqy/wqy-microhei.ttc": "wqy-microhei.ttc",
    "./usr/share/doc/fonts-wqy-microhei/copyright": "wqy-microhei.LICENSE.txt",
}
OUT = Path(__file__).resolve().parent / "fonts"


def ar_members(data: bytes) -> dict[str, bytes]:
    """The members of an `ar` archive (the format of a .deb)."""
    if not data.startswith(b"!<arch>\n"):
        raise SystemExit("not a .deb (ar) archive")
    members, pos = {}, 8
    while pos + 60 <= len(data):
        header = data[pos:pos + 60]
        name = header[:16].decode("ascii").strip().rstrip("/")
        size = int(header[48:58].decode("ascii").strip())
        members[name] = data[pos + 60:pos + 60 + size]
        pos += 60 + size + (size % 2)
    return members


def extract(deb: bytes, out: Path = OUT) -> list[Path]:
    digest = hashlib.sha256(deb).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"{PACKAGE}: SHA-256 {digest} is not the expected {SHA256}")
    members = ar_members(deb)
    data_name = next((n for n in members if n.startswith("data.tar")), None)
    if data_name != "data.tar.xz":
        raise SystemExit(f"{PACKAGE}: expected data.tar.xz, found {sorted(members)}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tarfile.open(fileobj=io.BytesIO(lzma.decompress(members[data_name]))) as tar:
        for member, target in MEMBERS.items():
            source = tar.extractfile(member)
            if source is None:
                raise SystemExit(f"{PACKAGE}: {member} is missing")
            (out / target).write_bytes(source.read())
            written.append(out / target)
    return written


def download() -> bytes:
    problems = []
    for url in URLS:
        try:
            with urllib.request.urlopen(url, timeout=120) as response:
                return response.read()
        except OSError as exc:
            problems.append(f"{url}: {exc}")
    raise SystemExit("could not download the font package:\n  " + "\n  ".join(problems))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--deb", type=Path, help=f"a downloaded {PACKAGE}")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    deb = args.deb.read_bytes() if args.deb else download()
    for path in extract(deb, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
