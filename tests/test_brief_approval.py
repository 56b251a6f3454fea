"""The visit brief's cover and logistics carry the trip's approval (任务批件) number, in both languages
and both editions; the logistics say when none is on file."""

from datetime import date

import pytest
from brief_pdf import pages_text

from twindesk.briefing import build_visit_brief

NUMBER = "琼外审〔2027〕12号"


@pytest.fixture
def trip(make):
    seoul = make.partner(name_zh="首尔", name_en="Seoul", country="KR")
    visit = make.visit((seoul,), title="赴首尔", direction="outbound", status="confirmed",
                       start_on=date(2027, 3, 10), end_on=date(2027, 3, 13))
    make.delegate(visit)
    return visit


@pytest.mark.parametrize("lang, label, authority", [("en", "Approval (document number)", "Hainan FAO"),
                                                    ("zh_CN", "出访任务批件文号", "Hainan FAO")])
def test_the_cover_and_logistics_carry_the_approvals_number(make, trip, tmp_path, lang, label, authority):
    make.visit_approval(trip, document_number="QW-1", approved_on=date(2027, 1, 5))  # an earlier one
    make.visit_approval(trip, document_number=NUMBER, authority=authority, approved_on=date(2027, 2, 1))
    pages = pages_text(build_visit_brief(trip, tmp_path / "v.pdf", lang=lang))
    cover, rest = " ".join(pages[0].split()), "\n".join(pages[1:])  # a label may wrap
    assert label in cover and NUMBER in cover and "QW-1" not in cover  # the latest approval governs
    assert NUMBER in rest and authority in rest
    assert ("2027年2月1日" if lang == "zh_CN" else "1 February 2027") in rest


def test_the_logistics_say_when_no_approval_is_on_file_and_the_cover_is_silent(trip, tmp_path):
    pages = pages_text(build_visit_brief(trip, tmp_path / "v.pdf", lang="zh_CN"))
    assert "出访任务批件文号" not in pages[0]
    assert "尚无批件" in "\n".join(pages[1:])


def test_the_word_edition_carries_it_too(make, trip, tmp_path):
    from docx import Document

    make.visit_approval(trip, document_number=NUMBER)
    out = build_visit_brief(trip, tmp_path / "v.docx", lang="zh_CN")
    doc = Document(str(out.path if hasattr(out, "path") else out))
    texts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert sum(NUMBER in t for t in texts) >= 2
