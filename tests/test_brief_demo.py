"""Both briefs for every partner and every visit of the demo data set build, in both languages, and
the partners' names print in their own scripts."""

import pytest
from brief_pdf import fonts, pages_text, text

from twindesk.briefing import build_partner_brief, build_visit_brief
from twindesk.domain import workspace
from twindesk.domain.demo import write_demo
from twindesk.store.models import Partner, Visit


@pytest.fixture(scope="module")
def demo(module_targets):
    workspace.open_workspace(module_targets.new("demo.db"), take_backups=False)
    write_demo()
    yield {
        "partners": [p.id for p in Partner.select(Partner.id).order_by(Partner.id)],
        "visits": [v.id for v in Visit.select(Visit.id).order_by(Visit.id)],
        "by_name": {p.name_en: p.id for p in Partner.select()},
    }
    workspace.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_partner_and_visit_builds(demo, tmp_path, lang):
    assert len(demo["partners"]) > 20 and len(demo["visits"]) >= 2
    for partner in demo["partners"]:
        out = build_partner_brief(partner, tmp_path / f"p{partner}.pdf", lang=lang, marking="内部资料")
        assert len(pages_text(out)) >= 3
    for visit in demo["visits"]:
        out = build_visit_brief(visit, tmp_path / f"v{visit}.pdf", lang=lang, marking="内部资料")
        assert len(pages_text(out)) >= 4
        assert all(f.embedded for f in fonts(out))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_names_in_chinese_korean_japanese_and_cyrillic(demo, tmp_path, lang):
    by_name = demo["by_name"]
    expected = {
        "Jeju Special Self-Governing Province": ("济州特别自治道", "제주특별자치도", "김민준 님"),
        "Vladimir": ("弗拉基米尔", "Владимир", "г-жа Анна Смирнова"),
        "Hyogo Prefecture": ("兵库县", "兵庫県", "山田花子 様"),
        "Yalta": ("雅尔塔", "Ялта"),
        "Krasnogorsk": ("克拉斯诺戈尔斯克", "Красногорск", "莫斯科州" if lang == "zh_CN" else "Moscow Oblast"),
    }
    for name_en, names in expected.items():
        content = text(build_partner_brief(by_name[name_en], tmp_path / "p.pdf", lang=lang, replace=True))
        for name in names:
            assert name in content, (name_en, name)


def test_the_leadership_visit_brief_reads_right(demo, tmp_path):
    """The planned 2020 visit to Hyogo and Jeju: history before it, gifts exchanged before, anniversaries."""
    visit = demo["visits"][0]
    content = text(build_visit_brief(visit, tmp_path / "v.pdf", lang="zh_CN"))
    squashed = "".join(content.split())  # the demo's bilingual titles wrap anywhere in the page's columns
    for expected in ("出访背景材料", "兵库县、济州特别自治道", "2020年11月9日至13日",
                     "济州代表团出席博鳌亚洲论坛 / Jeju delegation at the Boao Forum for Asia",  # 2019, before this one
                     "口罩 / Masks: 100,000 pieces", "神户地震后援助 / Aid after the Kobe earthquake",
                     "海南椰雕 / Hainan coconut carving", "2020年是海南省与兵库县建立友好关系30周年（1990年建立）。逢十周年。",
                     "黎锦挂毯 / Li brocade wall hanging", "第1天 2020年11月9日（星期一）"):
        assert "".join(expected.split()) in squashed, expected
    english = text(build_visit_brief(visit, tmp_path / "v.pdf", lang="en", replace=True))
    assert "2020: 30th anniversary of the relation between Hainan Province and Hyogo Prefecture" in english
    assert "Day 4 · Thursday, 12 November 2020" in english
