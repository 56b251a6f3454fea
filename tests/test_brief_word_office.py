"""LibreOffice (where installed) converts every Word edition to PDF without errors: A4 pages, the
sections' headings and the typed text there. Skipped where `soffice` is absent."""

import shutil
import subprocess
from datetime import date

import pytest
from brief_pdf import reader, text

from twindesk.briefing import build_partner_brief, build_visit_brief
from twindesk.briefing.sections import PARTNER_SECTIONS, VISIT_SECTIONS

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
              pytest.mark.slow]


def test_libreoffice_converts_each_edition_to_a4_pdf(tmp_path, make):
    from conftest import fill_everything

    filled = fill_everything(make)
    made = {}
    for lang in ("en", "zh_CN"):
        made[f"visit-{lang}"] = build_visit_brief(filled["visit"], tmp_path / f"visit-{lang}.docx", lang=lang,
                                                  sections=[s.key for s in VISIT_SECTIONS], marking="内部资料",
                                                  today=date(2026, 11, 29))
        made[f"partner-{lang}"] = build_partner_brief(filled["jeju"], tmp_path / f"partner-{lang}.docx", lang=lang,
                                                      sections=[s.key for s in PARTNER_SECTIONS], marking="=1+1",
                                                      today=date(2026, 11, 29))
    home, out = tmp_path / "home", tmp_path / "pdf"
    home.mkdir()
    done = subprocess.run([SOFFICE, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(out),
                           *map(str, made.values())], env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr and "error" not in done.stdout.lower(), (done.stdout, done.stderr)
    for name in made:
        pdf = out / f"{name}.pdf"
        assert pdf.exists(), (name, done.stdout, done.stderr)
        pages = reader(pdf).pages
        assert len(pages) >= 2
        for page in pages:
            box = page.mediabox
            assert (round(float(box.width)), round(float(box.height))) == (595, 842), name  # A4
        content = text(pdf).replace("\n", "")
        first = {"visit-en": "Purpose and objectives", "visit-zh_CN": "目的和任务",
                 "partner-en": "Profile", "partner-zh_CN": "基本情况"}[name]
        assert first in content, name
    assert "=1+1" in text(out / "partner-en.pdf")  # the marking, literally, not a formula's result
