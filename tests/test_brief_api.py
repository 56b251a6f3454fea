"""What the window's "Briefing pack…" dialog relies on: the sections and their labels, progress and
Cancel, the plain error when no CJK font is found, and nothing half-written."""

from datetime import date
from pathlib import Path

import pytest
from brief_pdf import pages_text, text

from twindesk.briefing import (
    PARTNER_SECTIONS,
    VISIT_SECTIONS,
    FontNotFound,
    UnknownSection,
    available_sections,
    build_partner_brief,
    build_visit_brief,
    choose_sections,
    default_sections,
    fonts,
)
from twindesk.briefing.build import STEPS
from twindesk.domain.model.errors import NotFound
from twindesk.domain.progress import Cancelled, Progress
from twindesk.store.errors import UserError


@pytest.fixture
def visit(make):
    jeju = make.partner(name_zh="济州", name_en="Jeju", name_native="제주", country="KR")
    visit_id = make.visit((jeju,), title="Spring visit", start_on=date(2026, 5, 1), end_on=date(2026, 5, 3),
                          notes=" ".join(f"word{i}" for i in range(4000)))
    make.delegate(visit_id, name="Wang")
    return visit_id


# --- sections ------------------------------------------------------------------------------------


def test_sections_of_each_pack_with_labels_in_both_languages():
    assert available_sections("visit") == VISIT_SECTIONS
    assert [s.key for s in VISIT_SECTIONS] == ["cover", "contents", "purpose", "partners", "history", "delegation",
                                              "itinerary", "contacts", "gifts", "notes", "logistics",
                                              "documents"]
    assert [s.key for s in PARTNER_SECTIONS] == ["cover", "contents", "profile", "partnerships", "dates_ahead",
                                                "timeline", "aid", "contacts", "visits", "documents",
                                                "changes"]
    for section in VISIT_SECTIONS + PARTNER_SECTIONS:
        assert section.en and section.zh and section.en != section.zh
        assert section.label("en") == section.en and section.label("zh_CN") == section.zh
        assert section.default is (section.key != "changes")  # the change history is chosen, not given
    assert VISIT_SECTIONS[5].label("zh_CN") == "代表团成员"
    assert default_sections("partner") == tuple(s.key for s in PARTNER_SECTIONS if s.key != "changes")
    with pytest.raises(ValueError):
        available_sections("shipment")


def test_choosing_sections():
    assert choose_sections("visit", None) == default_sections("visit")
    assert choose_sections("visit", ["gifts", " purpose", "gifts"]) == ("purpose", "gifts")  # print order, once
    with pytest.raises(UnknownSection) as info:
        choose_sections("partner", ["profile", "gifts"])
    assert isinstance(info.value, UserError)
    assert str(info.value) == ("unknown section 'gifts' for a partner brief; valid sections: cover, contents, "
                               "profile, partnerships, dates_ahead, timeline, aid, contacts, visits, documents, changes")
    with pytest.raises(UnknownSection, match="choose at least one section"):
        choose_sections("visit", [])


# --- progress and Cancel -----------------------------------------------------------------------------


def test_progress_goes_forward_to_the_end(tmp_path, visit):
    calls = []
    build_visit_brief(visit, tmp_path / "v.pdf", progress=Progress(lambda *a: calls.append(a)))
    assert calls[-1][:2] == (STEPS, STEPS)
    done = [c[0] for c in calls]
    assert done == sorted(done) and all(c[1] == STEPS for c in calls)
    texts = [c[2] for c in calls]
    assert any(t.startswith("Gathering: Delegation") for t in texts)
    assert any(t.startswith("Laying out page") for t in texts)
    zh = []
    build_partner_brief(1, tmp_path / "p.pdf", lang="zh_CN", progress=Progress(lambda *a: zh.append(a[2])))
    assert any(t.startswith("正在排版第") for t in zh)


@pytest.mark.parametrize("phase", ["Gathering", "Laying out"])
def test_cancel_leaves_no_file_and_keeps_the_old_one(tmp_path, visit, phase):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "v.pdf"
    out.write_bytes(b"the pack printed yesterday")
    progress = Progress()

    def report(done, total, message):
        if message.startswith(phase):
            progress.cancel()

    progress._report = report
    with pytest.raises(Cancelled):
        build_visit_brief(visit, out, progress=progress, replace=True)
    assert out.read_bytes() == b"the pack printed yesterday"
    assert [p.name for p in folder.iterdir()] == ["v.pdf"]  # no temporary file left


def test_unknown_ids_and_languages(tmp_path, visit):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(NotFound, match="There is no visit with ID 999"):
        build_visit_brief(999, tmp_path / "x.pdf")
    with pytest.raises(NotFound, match="There is no partner with ID 999"):
        build_partner_brief(999, tmp_path / "x.pdf")
    with pytest.raises(UserError, match="unknown language 'fr'"):
        build_visit_brief(visit, tmp_path / "x.pdf", lang="fr")
    assert list(tmp_path.iterdir()) == []


# --- fonts ---------------------------------------------------------------------------------------------


@pytest.fixture
def no_fonts(monkeypatch, tmp_path):
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    monkeypatch.setattr(fonts, "SYSTEM_FONTS", ())
    monkeypatch.setattr(fonts, "BUNDLED", tmp_path / "no-fonts-here")


def test_no_cjk_font_says_what_to_install(tmp_path, visit, no_fonts):
    out = tmp_path / "v.pdf"
    with pytest.raises(FontNotFound) as info:
        build_visit_brief(visit, out)
    message = str(info.value)
    assert isinstance(info.value, UserError)
    assert message.startswith("No Chinese font for the briefing pack was found: install the WenQuanYi Micro Hei")
    assert "sudo apt install fonts-wqy-microhei" in message and "TWINDESK_CJK_FONT" in message
    assert not out.exists()


def test_font_override_by_environment(tmp_path, visit, monkeypatch):
    wqy = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    missing = tmp_path / "nope.ttc"
    monkeypatch.setenv(fonts.ENV_VAR, str(missing))
    with pytest.raises(FontNotFound, match=f"^{missing}: the font named by TWINDESK_CJK_FONT does not exist"):
        build_visit_brief(visit, tmp_path / "v.pdf")
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if dejavu.exists():
        monkeypatch.setenv(fonts.ENV_VAR, str(dejavu))
        with pytest.raises(FontNotFound, match="it has no Chinese characters"):
            build_visit_brief(visit, tmp_path / "v.pdf")
    if wqy.exists():
        monkeypatch.setenv(fonts.ENV_VAR, str(wqy))
        assert fonts.brief_font().path == wqy
        assert "제주" in text(build_visit_brief(visit, tmp_path / "v.pdf"))


def test_a_bundled_font_comes_first(tmp_path, monkeypatch):
    wqy = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    if not wqy.exists():
        pytest.skip("WenQuanYi Micro Hei is not installed")
    bundled = tmp_path / "fonts"
    bundled.mkdir()
    (bundled / "wqy-microhei.ttc").symlink_to(wqy)
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    monkeypatch.setattr(fonts, "BUNDLED", bundled)
    assert fonts.candidates()[0] == bundled / "wqy-microhei.ttc"


def test_the_pack_is_a4(tmp_path, visit):
    from brief_pdf import reader

    pdf = build_visit_brief(visit, tmp_path / "v.pdf")
    for page in reader(pdf).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert len(pages_text(pdf)) >= 3
