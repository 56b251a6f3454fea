"""Both editions from one paper model: the layout chosen (not the language) sets the Word edition's
page and fonts, and the headings are numbered once, in the model, so the PDF and the Word edition are
numbered alike, with no gap where an empty section was left out."""

from datetime import date

import pytest
from brief_docx import headings, open_docx, style_fonts
from brief_pdf import outline_titles

from twindesk.briefing import build_partner_brief

TODAY = date(2026, 12, 1)
OFFICIAL_MARGINS = (37, 35, 28, 26)
BUSINESS_MARGINS = (24, 20, 20, 20)


@pytest.fixture
def partner(make):
    return make.partner(name_zh="济州", name_en="Jeju", country="KR", profile="友好省道。")


def _margins(document) -> tuple:
    section = document.sections[0]
    got = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    return tuple(round(m.mm) for m in got)


def _flat(titles) -> list[str]:
    out = []
    for title in titles:
        out += _flat(title) if isinstance(title, list) else [title]
    return out


@pytest.mark.parametrize("sections", [None, ["profile", "timeline", "contacts"]])
def test_pdf_and_word_are_numbered_alike_with_no_gap(tmp_path, partner, sections):
    kw = dict(lang="zh_CN", today=TODAY, sections=sections)
    pdf = build_partner_brief(partner, tmp_path / "p.pdf", **kw)
    word = build_partner_brief(partner, tmp_path / "p.docx", **kw)
    in_word = [text for level, text in headings(open_docx(word)) if level <= 2]
    assert in_word == [t for t in _flat(outline_titles(pdf)) if t != "目录"]
    if sections is None:  # nothing recorded but the profile: the other sections are left out of both
        assert in_word == ["一、基本情况"]
    else:
        assert in_word == ["一、基本情况", "二、交往大事记", "三、联系人"]


def test_the_layout_not_the_language_sets_the_word_page_and_fonts(tmp_path, partner):
    zh_business = build_partner_brief(partner, tmp_path / "zb.docx", lang="zh_CN", layout="business", today=TODAY)
    document = open_docx(zh_business)
    assert _margins(document) == BUSINESS_MARGINS
    assert headings(document)[0] == (1, "基本情况")  # the business layout numbers nothing
    assert style_fonts(document, "Normal")["eastAsia"] == "Microsoft YaHei"
    assert document.styles["Normal"].font.size.pt == 10.5

    en_official = build_partner_brief(partner, tmp_path / "eo.docx", lang="en", layout="official", today=TODAY)
    document = open_docx(en_official)
    assert _margins(document) == OFFICIAL_MARGINS
    assert headings(document)[0] == (1, "1. Profile")
    assert style_fonts(document, "Heading 1")["eastAsia"] == "黑体"
    assert document.styles["Normal"].font.size.pt == 16


def test_the_word_edition_has_no_pdf_font_notes(tmp_path, partner):
    word = build_partner_brief(partner, tmp_path / "p.docx", lang="zh_CN", today=TODAY)
    assert word.notes == ()  # Word and WPS choose the fonts the styles name; nothing stood in


def test_the_command_line_writes_a_business_word_edition_in_chinese(tmp_path, capsys):
    from conftest import make_filled_database

    from twindesk import cli

    db = tmp_path / "good.db"
    make_filled_database(db)
    out = tmp_path / "partner.docx"
    assert cli.main(["brief", "partner", "1", str(out), "--db", str(db), "--lang", "zh_CN",
                     "--layout", "business"]) == 0
    document = open_docx(out)
    assert headings(document)[0] == (1, "基本情况")
    assert _margins(document) == BUSINESS_MARGINS
