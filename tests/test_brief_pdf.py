"""Briefing packs read back from the PDF: text is text, every script renders in an embedded font, long
text flows and wraps, every page has its header and footer, and only the chosen sections print."""

import math
import re
from datetime import date, time

import pytest
import reportlab.lib.utils
from brief_pdf import fonts, outline_titles, pages_text, runs, text
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate

from twindesk.briefing import build_partner_brief, build_visit_brief
from twindesk.briefing.document import FRAME_WIDTH, MARGIN_BOTTOM, MARGIN_TOP, PAGE
from twindesk.briefing.fonts import brief_font
from twindesk.briefing.markup import escape_text
from twindesk.briefing.styles import Styles
from twindesk.domain.operations import records

HOSTILE = ("AT&T", "a<b", "<b>x", "<img src='/etc/passwd'/>")
TODAY = date(2026, 11, 29)


@pytest.fixture
def hostile(make):
    """A partner and a visit whose every typed text is markup-like."""
    partner = make.partner(name_zh="济州特别自治道", name_en="AT&T", name_native="<img src='/etc/passwd'/>",
                           country="KR", profile="a<b", notes="<b>x")
    ps = make.partnership(partner, status="active", status_since=date(1995, 1, 1), established_year=1995)
    make.agreement(ps, title="<b>x", signed_place="AT&T", signatories_home="a<b")
    make.contact(partner, family_name="<b>x", given_name="AT&T", title="a<b",
                 notes="<img src='/etc/passwd'/>")
    make.activity(partner, title="AT&T", held_on=date(2019, 3, 1), outcome="a<b")
    earlier = make.visit((partner,), title="a<b", start_on=date(2019, 3, 25), end_on=date(2019, 3, 28),
                         status="completed", outcomes="<b>x")
    make.gift(earlier, description="<img src='/etc/passwd'/>", giver="AT&T", recipient="a<b")
    visit = make.visit((partner,), title="<b>x", purpose="AT&T", start_on=date(2026, 12, 1),
                       end_on=date(2026, 12, 3), leader="<img src='/etc/passwd'/>", notes="a<b",
                       status="confirmed")
    make.delegate(visit, name="AT&T", title="a<b", counterpart="<b>x", precedence=1)
    make.itinerary(visit, day=date(2026, 12, 1), start_time=time(9), activity="<b>x", place="a<b",
                   notes="<img src='/etc/passwd'/>")
    make.gift(visit, description="AT&T")
    shipment = make.shipment(partner, title="<b>x", occasion="AT&T", status="delivered",
                             dispatched_on=date(2020, 2, 1), delivered_on=date(2020, 2, 5))
    make.item(shipment, description="<img src='/etc/passwd'/>", quantity="100000", unit="a<b")
    return {"partner": partner, "visit": visit}


@pytest.fixture
def no_files_read(monkeypatch):
    """Fails the test if reportlab opens an image (an <img> tag that was read as markup)."""
    brief_font()  # the font file itself is read once, before
    opened = []

    def refuse(self, source, *args, **kwargs):
        opened.append(source)
        raise AssertionError(f"reportlab tried to read {source!r}")

    monkeypatch.setattr(reportlab.lib.utils.ImageReader, "__init__", refuse)
    return opened


def test_the_image_guard_would_notice(tmp_path, no_files_read):
    """Unescaped, the hostile <img> makes reportlab read a file: the guard above sees it."""
    styles = Styles(brief_font())
    doc = SimpleDocTemplate(str(tmp_path / "raw.pdf"))
    with pytest.raises(Exception, match="tried to read"):
        doc.build([Paragraph("<img src='/etc/passwd'/>", styles.body)])
    assert no_files_read == ["/etc/passwd"]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_hostile_text_prints_literally_and_reads_nothing(tmp_path, hostile, no_files_read, lang):
    visit_pdf = build_visit_brief(hostile["visit"], tmp_path / "v.pdf", lang=lang, marking="AT&T <b>x",
                                  today=TODAY, layout="business")
    partner_pdf = build_partner_brief(hostile["partner"], tmp_path / "p.pdf", lang=lang, marking="a<b",
                                      today=TODAY, layout="business")
    for pdf in (visit_pdf, partner_pdf):
        content = text(pdf)
        for s in HOSTILE:
            assert s in content, (pdf.name, s)
        assert "AT&T;" not in content and "&amp;" not in content and "&lt;" not in content
        assert not re.search(rb"/Subtype\s*/Image\b", pdf.read_bytes())  # no image XObject
    assert no_files_read == []
    # The marking is drawn in the header of every page, literally.
    assert all("AT&T <b>x" in page for page in pages_text(visit_pdf))
    assert all("a<b" in page for page in pages_text(partner_pdf))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_font_is_embedded_truetype_and_no_helvetica(tmp_path, hostile, lang):
    for pdf in (build_visit_brief(hostile["visit"], tmp_path / "v.pdf", lang=lang, marking="内部资料"),
                build_partner_brief(hostile["partner"], tmp_path / "p.pdf", lang=lang)):
        found = fonts(pdf)
        assert found, "no fonts at all?"
        pages = {f.page for f in found}
        assert pages == set(range(1, len(pages_text(pdf)) + 1))  # every page has its fonts
        for font in found:
            assert font.embedded and font.program == "/FontFile2", font
            assert font.subtype in ("/TrueType", "/Type0"), font
            assert "WenQuanYi" in font.base_font or "+" in font.base_font, font
            assert not re.search("Helvetica|Times|Courier|Symbol|ZapfDingbats", font.base_font), font


def test_the_names_in_every_script_render(tmp_path, make):
    ids = [
        make.partner(name_zh="济州特别自治道", name_en="Jeju", name_native="제주특별자치도", country="KR"),
        make.partner(name_zh="弗拉基米尔", name_en="Vladimir", name_native="Владимир", country="RU"),
        make.partner(name_zh="兵库县", name_en="Hyogo", name_native="兵庫県", country="JP"),
    ]
    visit = make.visit(tuple(ids), title="Tour", start_on=date(2026, 5, 1))
    for lang in ("en", "zh_CN"):
        content = text(build_visit_brief(visit, tmp_path / f"v-{lang}.pdf", lang=lang))
        for name in ("济州特别自治道", "제주특별자치도", "Владимир", "弗拉基米尔", "兵庫県", "Hyogo"):
            assert name in content, (lang, name)


def _words(n: int) -> list[str]:
    return [f"w{i:05d}" for i in range(n)]


def test_a_20000_word_note_flows_over_the_right_number_of_pages(tmp_path, make):
    words = _words(20_000)
    note = " ".join(words)
    visit = make.visit(title="Long notes", start_on=date(2026, 5, 1), notes=note)
    pdf = build_visit_brief(visit, tmp_path / "long.pdf", sections=["notes"], today=TODAY)
    pages = pages_text(pdf)

    # reportlab alone: the note's lines in the pack's style and width; a page holds as many lines as fit
    styles = Styles(brief_font())
    _, height = Paragraph(escape_text(note), styles.body).wrap(FRAME_WIDTH, 1e9)
    lines = round(height / styles.body.leading)
    frame = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM
    headings = styles.h1.leading + styles.h1.spaceAfter + styles.h2.spaceBefore + styles.h2.leading + styles.h2.spaceAfter
    first_page = int((frame - headings) // styles.body.leading)
    expected = 1 + math.ceil((lines - first_page) / int(frame // styles.body.leading))
    assert expected >= 20
    assert len(pages) == expected
    assert re.findall(r"w\d{5}", "\n".join(pages)) == words  # every word, once, in order
    assert words[-1] in pages[-1]
    assert f"Page {expected} of {expected}" in pages[-1]


def test_a_20000_word_profile_in_chinese_flows(tmp_path, make):
    profile = "海南与济州。" * 4_000 + " " + " ".join(_words(8_000))
    partner = make.partner(name_zh="济州", name_en="Jeju", country="KR", profile=profile)
    pdf = build_partner_brief(partner, tmp_path / "p.pdf", lang="zh_CN", sections=["profile"], layout="business")
    pages = pages_text(pdf)
    assert len(pages) >= 10
    content = "\n".join(pages)
    assert re.findall(r"w\d{5}", content) == _words(8_000)  # no space lost where the pages split it
    assert not re.search("[\u4e00-\u9fff] +[\u4e00-\u9fff]", content)  # and none added
    assert content.count("海") == 4_000 and content.count("。") == 4_000  # wherever the lines break
    assert all(f"共 {len(pages)} 页" in page for page in pages)


@pytest.mark.parametrize(("char", "lang", "name", "next_column"), [
    ("x", "en", "Name", "Title and organization"),
    ("海", "zh_CN", "姓名", "职务及单位"),
])
def test_a_5000_character_token_wraps_inside_its_column(tmp_path, make, char, lang, name, next_column):
    token = char * 5000
    visit = make.visit(title="Token", start_on=date(2026, 5, 1))
    make.delegate(visit, name="Wang", notes=token, title="Director", organization="Office")
    pdf = build_visit_brief(visit, tmp_path / "t.pdf", sections=["delegation"], lang=lang, today=TODAY,
                            layout="business")
    font = brief_font().name
    header = {r.text: r.x for r in runs(pdf, 0)}
    left, right = header[name], header[next_column] - 8  # 4 pt padding either side of the rule
    seen = 0
    pages_with_token = 0
    for index in range(len(pages_text(pdf))):
        lines = [r for r in runs(pdf, index) if set(r.text) == {char}]
        pages_with_token += bool(lines)
        for line in lines:
            seen += len(line.text)
            assert line.x >= left - 0.5
            assert line.x + stringWidth(line.text, font, line.size) <= right + 0.5, line
    assert seen == 5000
    assert pages_with_token >= 2  # the row is taller than a page: it split, no LayoutError


def test_long_tables_repeat_their_header_row(tmp_path, make):
    partner = make.partner(name_en="Busy", country="KR")
    for day in range(1, 29):
        for month in range(1, 7):
            make.activity(partner, title=f"Call {month}-{day}", held_on=date(2024, month, day))
    pdf = build_partner_brief(partner, tmp_path / "p.pdf", sections=["timeline"])
    pages = pages_text(pdf)
    assert len(pages) >= 3
    for page in pages:
        assert "Date\nRecord\nTitle\nDirection\nStatus" in page
    assert sum(page.count("Call ") for page in pages) == 28 * 6


def test_header_and_footer_on_every_page(tmp_path, make):
    partner = make.partner(name_en="Jeju", name_zh="济州", country="KR", notes=" ".join(_words(6000)))
    visit = make.visit((partner,), title="Spring visit", start_on=date(2026, 5, 1), notes=" ".join(_words(6000)))
    pdf = build_visit_brief(visit, tmp_path / "v.pdf", marking="Internal", today=TODAY)
    pages = pages_text(pdf)
    assert len(pages) > 5
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Spring visit · briefing pack" in page and "Internal" in page
        assert "Issued 29 November 2026" in page
    zh = pages_text(build_partner_brief(partner, tmp_path / "p.pdf", lang="zh_CN", marking="内部资料",
                                        layout="business"))
    for number, page in enumerate(zh, 1):
        assert f"第 {number} 页，共 {len(zh)} 页" in page
        assert "济州情况介绍" in page and "内部资料" in page


def test_only_the_chosen_sections_print(tmp_path, hostile):
    pdf = build_visit_brief(hostile["visit"], tmp_path / "v.pdf", sections=["gifts", "purpose"])
    content = text(pdf)
    assert "Purpose and objectives" in content and "Gifts for this visit" in content
    for absent in ("Contents", "Delegation", "Itinerary", "Logistics", "Relationship history",
                   "Partner profiles", "Talking points", "briefing pack\nOutbound"):
        assert absent not in content
    assert content.index("Purpose and objectives") < content.index("Gifts for this visit")  # print order
    assert outline_titles(pdf) == ["Purpose and objectives", "Gifts",
                                   ["Gifts for this visit", "Gifts exchanged before"]]
    partner_pdf = build_partner_brief(hostile["partner"], tmp_path / "p.pdf", sections=["contacts"])
    assert outline_titles(partner_pdf) == ["Contacts"]
    assert "Timeline" not in text(partner_pdf)


def test_chinese_headings_with_zh_cn(tmp_path, hostile):
    pdf = build_visit_brief(hostile["visit"], tmp_path / "v.pdf", lang="zh_CN", marking="内部资料",
                            layout="business")
    content = text(pdf)
    for heading in ("出访背景材料", "目录", "目的和任务", "友好伙伴概况", "交往历史", "双向互访", "援助物资往来",
                    "代表团成员", "日程安排", "联系人", "礼品往来", "以往礼品往来", "谈话要点及备注", "后勤安排",
                    "内部资料", "印发日期：2026年"):
        assert heading in content, heading
    for english in ("Purpose and objectives", "Delegation", "Contents", "Page 1 of"):
        assert english not in content
    partner = text(build_partner_brief(hostile["partner"], tmp_path / "p.pdf", lang="zh_CN"))
    for heading in ("友好伙伴情况介绍", "基本情况", "友好关系及状态沿革", "周年纪念及续签提示", "交往大事记",
                    "援助物资统计（按年份和方向）", "计划中的互访", "友好城市（省州）", "已签署/存续"):
        assert heading in partner, heading


def test_contents_give_the_page_each_section_starts_on(tmp_path, hostile):
    records.save("visit", {"notes": " ".join(_words(3000))}, hostile["visit"])  # pushes later sections on
    pdf = build_visit_brief(hostile["visit"], tmp_path / "v.pdf", today=TODAY)
    pages = len(pages_text(pdf))
    contents = runs(pdf, 1)
    assert any(r.text == "Contents" and r.size > 14 for r in contents)
    checked = 0
    for label in ("Purpose and objectives", "Partner profiles", "Relationship history", "Delegation", "Itinerary",
                  "Contacts", "Gifts", "Talking points and notes", "Logistics"):
        entry = next(r for r in contents if r.text == label)
        number = next(int(r.text) for r in contents if r.text.isdigit() and abs(r.y - entry.y) < 4)
        starts = next(i for i in range(2, pages) if any(r.text == label and r.size > 14 for r in runs(pdf, i)))
        assert number == starts + 1, label
        checked += 1
    assert checked == 9
    assert outline_titles(pdf)[0] == "Contents"


def test_characters_the_cjk_font_lacks_come_from_the_fallback_font(tmp_path, make):
    font = brief_font()
    if font.fallback is None:
        pytest.skip("no fallback font (DejaVu Sans, Arial) on this machine")
    assert ord("ț") not in font.glyphs  # WenQuanYi Micro Hei has no Romanian comma-below t
    partner = make.partner(name_en="Constanța", name_native="Constanța", country="RO", profile="Țara 海南 ț")
    pdf = build_partner_brief(partner, tmp_path / "p.pdf", lang="zh_CN", marking="Țară", layout="business")
    content = text(pdf)
    assert "Constanța" in content and "Țara 海南 ț" in content
    assert all("Țară" in page.replace("\n", "") for page in pages_text(pdf))  # the header draws it in runs
    used = {f.base_font.split("+")[-1] for f in fonts(pdf)}
    assert any("DejaVu" in name or "Arial" in name for name in used), used
    assert all(f.embedded for f in fonts(pdf))
