"""Pack details, read back from the PDF: no blank pages, empty sections left out unless chosen, one date
style per language and no break inside a date, readable sizes in the business layout, right-to-left
text in visual order, a visible mark (and a list) for characters no font draws, hostile text literal."""

from datetime import date

import pdfplumber
import pytest
from brief_pdf import outline_titles, pages_text, text

from twindesk.briefing import build_partner_brief, build_visit_brief

TODAY = date(2026, 12, 1)
LAYOUTS = ("official", "business")


def visual_lines(path) -> list[str]:
    """Every line of every page as drawn, left to right (pdfplumber orders characters by x)."""
    with pdfplumber.open(path) as doc:
        return [line for page in doc.pages for line in (page.extract_text() or "").splitlines()]


@pytest.fixture
def partner(make):
    return make.partner(name_zh="济州", name_en="Jeju", country="KR")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_no_blank_last_page(tmp_path, partner, layout, lang):
    for sections in (["cover"], ["cover", "contents"], ["profile"], None):
        pdf = build_partner_brief(partner, tmp_path / "p.pdf", lang=lang, sections=sections, layout=layout,
                                  today=TODAY, replace=True)
        with pdfplumber.open(pdf) as doc:
            for page in doc.pages:
                body = [c for c in page.chars if 30 < c["top"] < page.height - 80]  # inside the margins
                assert body, (sections, page.page_number, page.extract_text())
        if sections == ["cover"]:
            assert len(pages_text(pdf)) == 1


def test_empty_sections_are_left_out_unless_chosen(tmp_path, partner):
    default = build_partner_brief(partner, tmp_path / "d.pdf", lang="zh_CN", today=TODAY)
    titles = outline_titles(default)
    assert titles == ["目录", "一、基本情况"]  # nothing recorded anywhere else
    assert "暂无记录" not in text(default)
    chosen = build_partner_brief(partner, tmp_path / "c.pdf", lang="zh_CN", today=TODAY,
                                 sections=["profile", "timeline", "contacts"])
    assert [t for t in outline_titles(chosen) if isinstance(t, str)] == ["一、基本情况", "二、交往大事记", "三、联系人"]
    assert text(chosen).count("暂无记录") == 2


@pytest.mark.parametrize("layout", LAYOUTS)
def test_one_date_style_and_no_break_inside_a_date(tmp_path, make, layout):
    partner = make.partner(name_zh="兵库县", name_en="Hyogo", country="JP")
    make.partnership(partner, status="active", status_since=date(1990, 1, 1), established_year=1990,
                     next_review_on=date(2027, 10, 28))
    for day in range(1, 6):
        make.activity(partner, title=f"交流活动{day}", held_on=date(2019, 3, 25 + day))
    make.visit((partner,), title="兵库县代表团来访", direction="inbound", start_on=date(2026, 12, 9),
               end_on=date(2026, 12, 13), status="confirmed")
    zh = build_partner_brief(partner, tmp_path / "zh.pdf", lang="zh_CN", layout=layout, today=TODAY)
    lines = visual_lines(zh)
    content = "\n".join(lines)
    assert "2019-03" not in content and "1990-01-01" not in content  # no ISO dates in the tables
    for whole in ("2019年3月26日", "2019年3月30日", "1990年1月1日", "2026年12月9日至13日", "2027年10月28日"):
        assert any(whole in line for line in lines), whole  # on one line, never split
    en = build_partner_brief(partner, tmp_path / "en.pdf", lang="en", layout=layout, today=TODAY)
    lines = visual_lines(en)
    assert "2019-03-26" not in "\n".join(lines)
    for whole in ("26 March 2019", "30 March 2019", "1 January 1990", "9–13 December 2026"):
        assert any(whole in line for line in lines), whole


def test_business_layout_sizes_are_readable(tmp_path, make):
    partner = make.partner(name_zh="济州", name_en="Jeju", country="KR", profile="Jeju is an island. " * 40)
    contact = make.contact(partner, family_name="Kim", given_name="Minjun", notes="Speaks Chinese.")
    assert contact
    pdf = build_partner_brief(partner, tmp_path / "p.pdf", lang="en", layout="business", today=TODAY)
    with pdfplumber.open(pdf) as doc:
        sizes = [c["size"] for page in doc.pages for c in page.chars if c["text"].strip()]
        body = [c["size"] for page in doc.pages for c in page.chars if c["text"] == "J"]
    assert min(sizes) >= 8.5  # table notes, the header and the footer included
    assert max(body) >= 10.5 and 10.5 in [round(s, 1) for s in body]  # the profile: 五号


@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_to_left_text_in_visual_order(tmp_path, make, layout):
    partner = make.partner(name_en="Haifa", name_native="חיפה", country="IL", profile="שלום עולם 2026",
                           notes="مرحبا بالعالم")
    pdf = build_partner_brief(partner, tmp_path / "p.pdf", lang="zh_CN", layout=layout, today=TODAY,
                              sections=["profile"])
    lines = visual_lines(pdf)
    # Drawn right to left: the last letter of the last word first; the number keeps its own order.
    assert any("2026 םלוע םולש" in line for line in lines), lines
    assert any("הפיח" in line for line in lines)
    # Arabic joined (presentation forms) and in visual order: ﻢﻟﺎﻌﻟﺎﺑ ﺎﺒﺣﺮﻣ
    assert any("\ufee2\ufedf\ufe8e\ufecc\ufedf\ufe8e\ufe91 \ufe8e\ufe92\ufea3\ufeae\ufee3" in line for line in lines), lines


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_character_no_font_draws_is_marked_and_listed(tmp_path, make, layout):
    partner = make.partner(name_zh="济州", name_en="Jeju 🎉", country="KR", profile="好消息🎉👍🏽 ok")
    pdf = build_partner_brief(partner, tmp_path / "p.pdf", lang="zh_CN", layout=layout, today=TODAY,
                              sections=["cover", "profile"])
    content = text(pdf)
    assert "好消息□□ ok" in content.replace("\n", "")  # the skin-tone modifier goes with its mark
    assert "Jeju □" in content
    notes = pdf.notes_text("en")
    assert any("🎉 (U+1F389)" in n and "👍 (U+1F44D)" in n and n.startswith("2 character(s)") for n in notes), notes
    assert any("🎉" in n for n in pdf.notes_text("zh_CN"))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_hostile_text_prints_literally_in_the_official_layout(tmp_path, make, lang):
    note = ("很长的备注" * 8_000)[:40_000]
    partner = make.partner(name_zh="=1+1", name_en="AT&T <b>", name_native="שלום", country="KR",
                           profile="=1+1 <b>bold</b> AT&T a<b 🎉", notes=note)
    visit = make.visit((partner,), title="<b>x</b> =1+1", purpose="AT&T & <i>", start_on=date(2026, 1, 2),
                       notes=note)
    for pdf, notes in ((build_partner_brief(partner, tmp_path / "p.pdf", lang=lang, layout="official", today=TODAY,
                                            marking="<b>内部</b>"), 1),
                       (build_visit_brief(visit, tmp_path / "v.pdf", lang=lang, layout="official", today=TODAY),
                        2)):  # the visit's notes and its partner's
        content = text(pdf)
        flat = content.replace("\n", "")
        assert "长的备注很长" in flat
        for literal in ("=1+1", "AT&T", "<b>"):
            assert literal in content, (pdf.name, literal)
        assert "&amp;" not in content and "&lt;" not in content
        assert flat.count("很") == 8_000 * notes  # all 40,000 characters, across pages
    assert "<b>bold</b> AT&T a<b □" in text(tmp_path / "p.pdf")
