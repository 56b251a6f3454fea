"""The official layout (GB/T 9704-2012) measured on the PDF itself with pdfplumber: where the type area
stands, the size and count of body characters and lines, the fonts of the headings by role, the page
numbers at the outer edge, the marking, the date of issue, and the fonts that stood in."""

import re
from collections import defaultdict
from datetime import date

import pdfplumber
import pytest

from twindesk.briefing import build_visit_brief
from twindesk.briefing.font_roles import role_font
from twindesk.briefing.layouts import OFFICIAL

MM = 72 / 25.4
TODAY = date(2026, 12, 1)
PHRASE = "海南省与济州特别自治道友好交流合作不断深化。"  # 22 characters, no date, no Latin


def mm(points: float) -> float:
    return points / MM


def lines(page, size: float) -> list[list[dict]]:
    """The characters of `size` on a page, as lines (by their baseline), top to bottom."""
    by_baseline: dict[float, list] = defaultdict(list)
    for char in page.chars:
        if abs(char["size"] - size) < 0.05 and char["text"].strip():
            by_baseline[round(char["matrix"][5], 1)].append(char)
    return [sorted(by_baseline[y], key=lambda c: c["x0"]) for y in sorted(by_baseline, reverse=True)]


def font_of(char: dict) -> str:
    """A character's font as the PDF names it, without the subset tag and reportlab's subset number."""
    return re.sub(r"-\d+$", "", char["fontname"].split("+")[-1])


def face_name(role: str) -> str:
    """The PostScript name the role's font file gives itself (the PDF's BaseFont after the subset tag)."""
    from reportlab.pdfbase.pdfmetrics import getFont

    return getFont(role_font(role, OFFICIAL.grid_scale).face.name).face.name.decode()


@pytest.fixture
def long_visit(make):
    partner = make.partner(name_zh="济州特别自治道", name_en="Jeju", country="KR")
    return make.visit((partner,), title="海南省领导出访济州", purpose=PHRASE * 120, start_on=date(2020, 11, 9),
                      end_on=date(2020, 11, 13), status="proposed")


def test_type_area_grid_and_body_size(tmp_path, long_visit):
    pdf = build_visit_brief(long_visit, tmp_path / "v.pdf", lang="zh_CN", sections=["purpose"], today=TODAY)
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) >= 4
        for number in (2, 3):  # full pages of body text: one even, one odd
            page = doc.pages[number - 1]
            assert (round(mm(page.width)), round(mm(page.height))) == (210, 297)
            body = lines(page, 16)
            assert len(body) == 22, [len(line) for line in body]  # 22 lines a page
            assert all(len(line) == 28 for line in body), [len(line) for line in body]  # of 28 characters
            left = 28 if number % 2 else 210 - 28 - 156  # the binding margin changes side when printed both sides
            assert mm(min(c["x0"] for line in body for c in line)) == pytest.approx(left, abs=1)
            assert mm(max(c["x1"] for line in body for c in line)) == pytest.approx(left + 156, abs=1)
            assert mm(body[0][0]["top"]) == pytest.approx(37, abs=1)  # the type area's top edge
            assert mm(body[-1][0]["bottom"]) <= 37 + 225 + 1
            pitch = (body[-1][0]["top"] - body[0][0]["top"]) / 21
            assert mm(pitch) == pytest.approx(225 / 22, abs=0.05)
            assert {font_of(c) for line in body for c in line} == {face_name("fangsong")}


def test_headings_by_role_numbered_and_the_title(tmp_path, make):
    partner = make.partner(name_zh="兵库县", name_en="Hyogo Prefecture", country="JP", profile="兵库县位于日本。")
    make.partnership(partner, status="active", established_year=1990, status_since=date(1990, 1, 1))
    visit = make.visit((partner,), title="海南省领导出访兵库县", purpose="推动交流。", start_on=date(2020, 11, 9),
                       end_on=date(2020, 11, 13))
    make.gift(visit, description="黎锦挂毯")
    pdf = build_visit_brief(visit, tmp_path / "v.pdf", lang="zh_CN", marking="内部资料", today=TODAY,
                            sections=["cover", "purpose", "partners", "gifts"])
    with pdfplumber.open(pdf) as doc:
        text = "\n".join(p.extract_text() for p in doc.pages)
        fonts = {}
        for page in doc.pages:
            for line in lines(page, 16) + lines(page, 22):
                fonts["".join(c["text"] for c in line)] = (font_of(line[0]), line[0]["size"])
    assert fonts["一、目的和任务"] == (face_name("heiti"), 16)
    assert fonts["二、友好伙伴概况"] == (face_name("heiti"), 16)
    assert fonts["（一）兵库县"] == (face_name("kaiti"), 16)
    assert fonts["1.友好关系及协议"][0] in (face_name("fangsong"), "LiberationSerif")  # "1." is Latin
    assert any(name.startswith("三、礼品往来") for name in fonts)
    title = next(v for k, v in fonts.items() if k.startswith("海南省领导出访兵库县"))
    assert title == (face_name("xiaobiaosong"), 22)
    assert "2026年12月1日" in text  # the date of issue as the standard writes it
    assert "2020年11月9日至13日" in text and "2020-11-09" not in text


def test_page_numbers_at_the_outer_edge_and_the_marking(tmp_path, long_visit):
    pdf = build_visit_brief(long_visit, tmp_path / "v.pdf", lang="zh_CN", marking="内部资料", today=TODAY)
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) >= 3
        first = lines(doc.pages[0], 16)[0]
        assert "".join(c["text"] for c in first) == "内部资料"  # top left of the first page, 3号 黑体
        assert font_of(first[0]) == face_name("heiti")
        assert mm(first[0]["x0"]) == pytest.approx(28, abs=1) and mm(first[0]["top"]) == pytest.approx(37, abs=1)
        for number, page in enumerate(doc.pages, 1):
            footer = [c for c in page.chars if abs(c["size"] - 14) < 0.05 and mm(c["top"]) > 262]
            assert "".join(c["text"] for c in footer) == f"— {number} —"
            dashes = [c for c in footer if c["text"] == "—"]
            assert {font_of(c) for c in dashes} == {face_name("songti")}
            assert mm(min(c["top"] for c in footer)) == pytest.approx(37 + 225 + 7, abs=1)
            left = 28 if number % 2 else 26
            if number % 2:  # odd: right, one character in from the type area's right edge
                assert mm(max(c["x1"] for c in footer)) == pytest.approx(left + 156 - mm(14), abs=1)
            else:
                assert mm(min(c["x0"] for c in footer)) == pytest.approx(left + mm(14), abs=1)
            assert "内部资料" not in page.extract_text() or number == 1
            assert "第 1 页" not in page.extract_text()


def test_the_default_layout_follows_the_language_and_can_be_chosen(tmp_path, long_visit):
    def footer(pdf):
        with pdfplumber.open(pdf) as doc:
            return doc.pages[0].extract_text().splitlines()[-1]

    assert footer(build_visit_brief(long_visit, tmp_path / "a.pdf", lang="zh_CN", today=TODAY)) == "— 1 —"
    business = build_visit_brief(long_visit, tmp_path / "b.pdf", lang="zh_CN", today=TODAY, layout="business")
    assert footer(business).endswith("第 1 页，共 3 页") or "第 1 页" in footer(business)
    assert "Page 1 of" in footer(build_visit_brief(long_visit, tmp_path / "c.pdf", lang="en", today=TODAY))
    official_en = build_visit_brief(long_visit, tmp_path / "d.pdf", lang="en", today=TODAY, layout="official")
    assert footer(official_en) == "— 1 —"


def test_the_build_says_which_font_stood_in(tmp_path, long_visit, monkeypatch):
    from twindesk.briefing import font_roles
    from twindesk.briefing.fonts import FontNotFound

    result = build_visit_brief(long_visit, tmp_path / "v.pdf", lang="zh_CN", today=TODAY, sections=["purpose"])
    expected = [role_font(r, OFFICIAL.grid_scale).note for r in font_roles.ROLES]
    assert list(result.notes) == [n for n in expected if n is not None]
    for role, note in zip(font_roles.ROLES, expected, strict=True):
        if note is not None:
            assert note.text("zh_CN").startswith(font_roles.ROLE_ZH[role] + "：")
            assert "TWINDESK_FONT_" + role.upper() in note
    ukai = font_roles.SUBSTITUTES["kaiti"][0]
    if not ukai.exists():
        pytest.skip("AR PL UKai (fonts-arphic-ukai) is not installed")
    # An override is the role's own font: no note for it, and the body is set in it.
    monkeypatch.setenv("TWINDESK_FONT_FANGSONG", str(ukai))
    font_roles.clear_cache()
    try:
        result = build_visit_brief(long_visit, tmp_path / "k.pdf", lang="zh_CN", today=TODAY, sections=["purpose"])
        assert not any(note.startswith("仿宋") for note in result.notes)
        with pdfplumber.open(result) as doc:
            assert {font_of(c) for c in lines(doc.pages[1], 16)[3]} == {"UKaiCN"}
        monkeypatch.setenv("TWINDESK_FONT_FANGSONG", str(tmp_path / "none.ttf"))
        font_roles.clear_cache()
        with pytest.raises(FontNotFound, match="TWINDESK_FONT_FANGSONG does not exist"):
            build_visit_brief(long_visit, tmp_path / "x.pdf", lang="zh_CN", today=TODAY)
    finally:
        monkeypatch.delenv("TWINDESK_FONT_FANGSONG")
        font_roles.clear_cache()


def test_a_fangsong_without_simplified_characters_is_passed_over():
    from pathlib import Path

    from twindesk.briefing import font_roles

    cwtex = Path("/usr/share/fonts/truetype/cwtex/cwfs.ttf")
    if not cwtex.exists():
        pytest.skip("cwTeX FangSong is not installed")
    assert font_roles._try(cwtex, 1.0) is None  # it lacks a third of GB 2312


def test_the_cli_takes_the_layout_and_prints_the_notes(tmp_path, long_visit, db_target, capsys):
    from twindesk import cli
    from twindesk.briefing import font_roles
    from twindesk.domain import workspace

    workspace.close()
    out = tmp_path / "v.pdf"
    code = cli.main(["brief", "visit", str(long_visit), str(out), "--db", str(db_target), "--lang", "zh_CN",
                     "--layout", "official", "--sections", "purpose"])
    printed = capsys.readouterr().out.splitlines()
    assert code == 0 and out.exists()
    notes = [role_font(r, OFFICIAL.grid_scale).note for r in font_roles.ROLES]
    assert printed[1:] == [n.text("zh_CN") for n in notes if n is not None]
    code = cli.main(["brief", "visit", str(long_visit), str(out), "--db", str(db_target), "--layout", "business",
                     "--force"])
    assert code == 0 and capsys.readouterr().out.splitlines()[1:] == []  # one font: nothing stood in
    with pdfplumber.open(out) as doc:
        assert "Page 1 of" in doc.pages[0].extract_text()
    with pytest.raises(SystemExit):
        cli.main(["brief", "visit", str(long_visit), str(out), "--db", str(db_target), "--layout", "letter"])
