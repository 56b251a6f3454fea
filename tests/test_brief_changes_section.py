"""The partner brief's "changes" section: who changed the partner and its sub-records, when; chosen, not
printed by default; what people typed prints literally."""

from brief_pdf import text

from twindesk.briefing import build_partner_brief, default_sections
from twindesk.briefing import partner_brief as pb
from twindesk.domain.operations import records


def test_the_change_history_prints_when_chosen_and_not_by_default(make, tmp_path):
    jeju = make.partner(name_en="Jeju & <Co>", country="KR")
    records.save("partner", {"population": 5400000}, jeju, user="Li Na")
    make.contact(jeju, given_name="Minsu")
    assert "changes" not in default_sections("partner")
    plain = text(build_partner_brief(jeju, tmp_path / "default.pdf"))
    assert "Change history" not in plain and "Li Na" not in plain and "→" not in plain
    chosen = text(build_partner_brief(jeju, tmp_path / "chosen.pdf", sections=["profile", "changes"]))
    assert "Change history" in chosen
    assert "Li Na" in chosen and "Population: — → 5,400,000" in chosen
    assert "created “Kim Minsu”" in chosen  # a contact's change is the partner's history too
    assert "created “Jeju & <Co>”" in chosen  # escaped: printed as typed
    zh = text(build_partner_brief(jeju, tmp_path / "zh.pdf", lang="zh_CN", sections=["changes"]))
    assert "修改记录" in zh and "人口：— → 5,400,000" in zh


def test_a_long_history_lists_the_latest_and_says_how_many_more(make, tmp_path, monkeypatch):
    jeju = make.partner(name_en="Jeju", country="KR")
    for i in range(5):
        records.save("partner", {"population": 1000 + i}, jeju)
    monkeypatch.setattr(pb, "CHANGES_LISTED", 2)
    printed = text(build_partner_brief(jeju, tmp_path / "b.pdf", sections=["changes"]))
    assert "Population: 1,003 → 1,004" in printed and "1,002 → 1,003" in printed
    assert "1,001 → 1,002" not in printed
    assert "4 older changes are not listed" in printed
