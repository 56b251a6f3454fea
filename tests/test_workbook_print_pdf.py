"""The meeting workbook as LibreOffice prints it (skipped where `soffice` is not installed): converted to
PDF, every page is A4, the smallest text is 8 points or more, the Summary is one page with its charts
drawn, and the lists follow with their own header and footer. Measured in the PDF, not from our numbers."""

import math
import os
import re
import shutil
import subprocess
from datetime import datetime

import pytest
from pypdf import PdfReader

from twindesk.domain import demo, workspace
from twindesk.exchange import export_workbook
from twindesk.exchange import print_setup as ps

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")]
A4 = (595.28, 841.89)


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, PdfReader]:
    """The demo's workbook in both languages, with a marking, as LibreOffice prints them."""
    folder = tmp_path_factory.mktemp("print")
    workspace.open_workspace(folder / "demo.db", take_backups=False)
    try:
        demo.write_demo()
        for lang in ("en", "zh_CN"):
            export_workbook(folder / f"{lang}.xlsx", lang=lang, hxl=lang == "zh_CN", marking="内部资料",
                            now=datetime(2026, 3, 9, 10, 30))
    finally:
        workspace.close()
    home = folder / "home"  # LibreOffice's profile, away from the user's
    home.mkdir()
    subprocess.run([SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    str(folder / "en.xlsx"), str(folder / "zh_CN.xlsx")],
                   check=True, capture_output=True, timeout=300, env={**os.environ, "HOME": str(home)})
    return {lang: PdfReader(folder / f"{lang}.pdf") for lang in ("en", "zh_CN")}


def text_sizes(page) -> list[tuple[float, str]]:
    """(size in points as printed, text) of every piece of text on `page`."""
    found = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            found.append((size * math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]), text.strip()))
    page.extract_text(visitor_text=visit)
    return found


def painted_shapes(page) -> int:
    """Paths filled or stroked on `page` (a chart's bars, axes, legend), beyond the text."""
    content = page.get_contents().get_data().decode("latin-1")
    return len(re.findall(r"(?m)(?:^|\s)(?:f\*?|B\*?|S)\s*$", content))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_page_is_a4_and_no_text_is_below_8_points(printed, lang):
    pdf = printed[lang]
    assert len(pdf.pages) >= 14  # the Summary, then at least a page per list
    smallest = []
    for number, page in enumerate(pdf.pages, start=1):
        size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
        assert size == pytest.approx(A4, abs=1), (number, size)
        sizes = text_sizes(page)
        assert sizes, number
        smallest.append(min(sizes))
    size, text = min(smallest)
    assert size >= ps.SMALLEST_POINTS, (size, text)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_summary_is_one_portrait_page_with_its_charts_drawn(printed, lang):
    pdf = printed[lang]
    summary, first_list = pdf.pages[0], pdf.pages[1]
    assert float(summary.mediabox.width) < float(summary.mediabox.height)  # portrait
    assert float(first_list.mediabox.width) > float(first_list.mediabox.height)  # the lists: landscape
    text = summary.extract_text()
    titles = {"en": ("Partnerships by status", "Aid shipments by year", "Partners by country", "Page 1 of"),
              "zh_CN": ("友好关系（按状态）", "援助批次", "友好伙伴（按国家）", "第 1 页，共")}[lang]
    assert all(t in text for t in titles), text
    assert "内部资料" in text
    # The charts are drawn: bars, axes and legend as painted paths (the tables' fills are a few).
    assert painted_shapes(summary) >= 3 * painted_shapes(first_list) + 20
    # One page: the next page is the first list, headed by its own title.
    header = {"en": "Partners", "zh_CN": "友好伙伴"}[lang]
    assert first_list.extract_text().lstrip().startswith(header)
