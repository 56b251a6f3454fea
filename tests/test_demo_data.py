"""The demo data set: the article's facts are there, illustrative detail carries the tag, the coming months
are filled from today, texts are Chinese first, --scale adds valid rows."""

import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal

import pycountry
import pytest

from twindesk.domain import workspace
from twindesk.domain.demo import DemoSummary, write_demo
from twindesk.domain.demo.synthetic import NOTE as SYNTHETIC_NOTE
from twindesk.store import UserError
from twindesk.store.models import (
    RECORD_MODELS,
    Activity,
    Agreement,
    Contact,
    Delegate,
    Gift,
    HomeLocality,
    ItineraryItem,
    Partner,
    Partnership,
    PartnershipApproval,
    PartnershipStatusChange,
    Shipment,
    ShipmentItem,
    Visit,
    VisitApproval,
    VisitPartner,
    search_key,
)

PARTNER_KINDS = {"city", "county", "prefecture", "province", "state", "region", "village", "other"}
TIERS = {"sister", "friendly_exchange", "intent"}
PARTNERSHIP_STATUSES = {"prospect", "negotiating", "approval_pending", "active", "dormant", "ended"}
ACTIVITY_KINDS = {"meeting", "forum", "letter", "call", "video", "greeting", "other"}
VISIT_STATUSES = {"proposed", "approved", "confirmed", "completed", "postponed", "cancelled"}
SHIPMENT_STATUSES = {"planned", "dispatched", "in_transit", "delivered", "cancelled"}
CATEGORIES = {"ppe", "medical", "disinfectant", "food", "shelter", "funds", "other"}
TIMESTAMPS = {"created_at", "updated_at", "uuid", "at"}  # uuids are random by design
DATE_ILLUSTRATIVE = "Date illustrative; the article gives none."
COVID = "新冠肺炎疫情 / COVID-19 pandemic"
VILLAGES = "与海南保持伙伴关系的国外29个村庄 / 29 villages abroad with which Hainan maintains partnerships"


@pytest.fixture
def db(tmp_path):
    opened = workspace.open_workspace(tmp_path / "t.db")
    yield opened
    workspace.close()


@pytest.fixture
def demo(db):
    return write_demo()


def partner(name_en: str) -> Partner:
    return Partner.get(Partner.name_en == name_en)


def home(name_zh: str) -> HomeLocality:
    return HomeLocality.get(HomeLocality.name_zh == name_zh)


def only_partnership(p: Partner) -> Partnership:
    """The one partnership of `p` that the article states (the demo may add illustrative ones)."""
    (ps,) = list(p.partnerships.where(~Partnership.illustrative))
    return ps


def counts() -> dict[str, int]:
    return {m._meta.table_name: m.select().count() for m in RECORD_MODELS}


# ---- The article's facts -------------------------------------------------------------------------------


def test_home_localities(demo):
    assert home("海南省").name_en == "Hainan Province" and home("海南省").kind == "province"
    assert (home("海口市").name_en, home("海口市").kind) == ("Haikou", "city")
    assert (home("三亚市").name_en, home("三亚市").kind) == ("Sanya", "city")
    notes = home("海南省").notes
    assert "64" in notes and "five continents" in notes


@pytest.mark.parametrize(
    "zh, en, native, country, kind",
    [
        ("兵库县", "Hyogo Prefecture", "兵庫県", "JP", "prefecture"),
        ("济州特别自治道", "Jeju Special Self-Governing Province", "제주특별자치도", "KR", "province"),
        ("弗拉基米尔", "Vladimir", "Владимир", "RU", "city"),
        ("雅尔塔", "Yalta", "Ялта", "RU", "city"),
        ("哈巴罗夫斯克", "Khabarovsk", "Хабаровск", "RU", "city"),
        ("克拉斯诺戈尔斯克", "Krasnogorsk", "Красногорск", "RU", "city"),
        ("莫斯科州", "Moscow Oblast", "Московская область", "RU", "region"),
    ],
)
def test_named_partners(demo, zh, en, native, country, kind):
    p = partner(en)
    assert (p.name_zh, p.name_native, p.country, p.kind) == (zh, native, country, kind)
    assert search_key(zh, en, native) == p.search_text


def test_yalta_country_is_the_articles_wording(demo):
    assert "among the Russian cities" in partner("Yalta").notes


def test_hyogo_is_the_oldest_partner_of_the_province(demo):
    hyogo = partner("Hyogo Prefecture")
    ps = only_partnership(hyogo)
    assert ps.home_locality == home("海南省")
    assert (ps.tier, ps.status, ps.established_year) == ("sister", "active", 1990)
    assert "oldest partner" in ps.notes
    assert "not from the article" in ps.notes  # the year 1990 is from public records


def test_jeju_with_the_province_since_1995(demo):
    jeju = partner("Jeju Special Self-Governing Province")
    ps = only_partnership(jeju)
    assert ps.home_locality == home("海南省")
    assert (ps.status, ps.established_year, ps.status_since) == ("active", 1995, date(1995, 1, 1))
    (change,) = ps.status_changes
    assert (change.status, change.changed_on) == ("active", date(1995, 1, 1))
    assert "1 January stands for the year" in change.note


def test_vladimir_is_haikous_sister_city(demo):
    ps = only_partnership(partner("Vladimir"))
    assert ps.home_locality == home("海口市")
    assert (ps.tier, ps.status) == ("sister", "active")
    # The article gives no year; a signed partnership needs one, so the article's year stands in and says so.
    assert ps.established_year == 2020 and "the article's year, standing in" in ps.notes


def test_yalta_khabarovsk_krasnogorsk_hold_close_ties_with_sanya(demo):
    sanya = home("三亚市")
    held = {ps.partner.name_en for ps in Partnership.select().where(Partnership.home_locality == sanya,
                                                                    ~Partnership.illustrative)}
    assert held == {"Yalta", "Khabarovsk", "Krasnogorsk"}
    for name in held:
        ps = only_partnership(partner(name))
        assert (ps.tier, ps.status, ps.established_year) == ("friendly_exchange", "active", 2020)
        assert "neither the tier nor the year" in ps.notes and "the article's year, standing in" in ps.notes
    assert partner("Krasnogorsk").parent == partner("Moscow Oblast")
    assert not list(partner("Moscow Oblast").partnerships)


def _province_partnerships_in(country: str) -> list[Partnership]:
    return list(
        Partnership.select()
        .join(Partner)
        .where(Partner.country == country, Partnership.home_locality == home("海南省"))
    )


@pytest.mark.parametrize("country", ["GR", "IL", "ES", "PT"])
def test_relations_promoted_with_diplomatic_missions(demo, country):
    (ps,) = _province_partnerships_in(country)
    assert (ps.tier, ps.status) == ("sister", "negotiating")
    assert ps.partner.kind == "city"
    zh = {"GR": "希腊", "IL": "以色列", "ES": "西班牙", "PT": "葡萄牙"}[country]
    assert ps.partner.name_zh == f"{zh}（城市待定）"
    assert ps.partner.name_en.endswith(" (city to be decided)")
    assert "diplomatic missions" in ps.notes


@pytest.mark.parametrize("country", ["IN", "AE", "SG", "PH", "LK", "JP", "BG", "RO", "RS"])
def test_contacts_boosted_since_the_free_trade_zone(demo, country):
    prospects = [ps for ps in _province_partnerships_in(country) if ps.status == "prospect"]
    assert len(prospects) == 1
    ps = prospects[0]
    assert ps.partner.name_zh.endswith("（城市待定）") and ps.partner.name_en.endswith(" (city to be decided)")
    assert "the " not in ps.partner.name_en  # "Philippines (city to be decided)", not "the Philippines …"
    assert "free trade zone" in ps.notes and "since 2018" in ps.notes
    assert [(c.status, c.changed_on) for c in ps.status_changes] == [("prospect", date(2018, 1, 1))]


@pytest.mark.parametrize("country", ["RS", "SE"])
def test_agreements_of_2019_with_regions_of_serbia_and_sweden(demo, country):
    (ps,) = [ps for ps in _province_partnerships_in(country) if ps.tier == "intent"]
    assert (ps.status, ps.established_year, ps.signed_on) == ("active", 2019, None)
    assert ps.partner.kind == "region"
    assert "not named in the article" in ps.partner.name_en
    assert [(c.status, c.changed_on) for c in ps.status_changes] == [("active", date(2019, 1, 1))]


def test_every_partnership_has_its_status_history(demo):
    for ps in Partnership.select():
        changes = list(ps.status_changes.order_by(PartnershipStatusChange.changed_on, PartnershipStatusChange.id))
        assert changes, ps.partner.name_en
        assert (changes[-1].status, changes[-1].changed_on) == (ps.status, ps.status_since)
        assert all(c.note for c in changes)


def test_boao_forum_events(demo):
    forums = {a.title: a for a in Activity.select().where(Activity.kind == "forum")}
    for title in (
        "岛屿观光政策论坛 / Island Tourism Strategy forum",
        "中国—东盟省市长对话 / China–ASEAN dialogue of mayors and governors",
        "中国与柬埔寨：充满希望之路 / China and Cambodia: A Way Full of Hope",
    ):
        assert forums[title].partner is None
        assert "Boao Forum for Asia" in forums[title].place
        assert DATE_ILLUSTRATIVE in forums[title].notes
    jeju_forum = [a for a in forums.values() if a.partner and a.partner.name_en.startswith("Jeju")]
    assert len(jeju_forum) == 1 and "governor" in jeju_forum[0].title.lower()


def _shipment(title_part: str) -> Shipment:
    (s,) = Shipment.select().where(Shipment.title.contains(title_part), ~Shipment.illustrative)
    return s


@pytest.mark.parametrize(
    "title, direction, partner_en, counterparty, occasion, kind, items",
    [
        ("Masks from Hyogo", "incoming", "Hyogo Prefecture", "", COVID, "goods",
         [("ppe", Decimal(100000), "pieces")]),
        ("Masks for Japan", "outgoing", None, "日本 / Japan", COVID, "goods", [("ppe", None, "")]),
        ("Typhoon Jebi", "outgoing", None, "日本 / Japan", "2018年台风“飞燕” / Typhoon Jebi 2018", "goods",
         [("other", None, "")]),
        ("Kobe earthquake", "outgoing", "Hyogo Prefecture", "",
         "1995年阪神大地震 / Great Hanshin (Kobe) earthquake 1995", "goods", [("other", None, "")]),
        ("Financial support", "incoming", None, "20多个外国友好城市 / More than 20 foreign sister cities", COVID,
         "funds", [("funds", None, "")]),
        ("29 villages", "outgoing", None, VILLAGES, COVID, "goods",
         [("ppe", None, ""), ("ppe", None, ""), ("disinfectant", None, "")]),
    ],
)
def test_aid_shipments(demo, title, direction, partner_en, counterparty, occasion, kind, items):
    s = _shipment(title)
    assert (s.direction, s.counterparty, s.occasion, s.kind, s.status) == (
        direction, counterparty, occasion, kind, "delivered")
    assert (s.partner.name_en if s.partner else None) == partner_en
    assert s.home_locality == home("海南省")
    got = [(i.category, i.quantity, i.unit) for i in s.items.order_by(ShipmentItem.id)]
    assert got == items
    assert DATE_ILLUSTRATIVE in s.notes


def test_hyogo_masks_say_more_than(demo):
    (item,) = _shipment("Masks from Hyogo").items
    assert "more than 100,000" in item.notes
    assert _shipment("29 villages").recipients == VILLAGES


def test_planned_leadership_visit(demo):
    v = Visit.get(Visit.title == "海南省领导出访友好城市 / Provincial leadership visit to sister cities")
    assert (v.direction, v.status) == ("outbound", "proposed")
    assert "meetings with local authorities" in v.purpose and "business" in v.purpose
    assert v.partner_links.count() >= 1
    assert v.delegates.count() >= 2 and v.itinerary.count() >= 1 and v.gifts.count() >= 1
    assert any(d.name == "Wang Sheng" for d in v.delegates)


def test_every_record_type_is_shown(demo):
    assert all(n > 0 for n in demo.as_dict().values()), demo
    assert Visit.select().where(Visit.status == "completed", Visit.direction == "inbound").exists()


def test_contacts_keep_their_name_order(demo):
    by_family = {c.family_name: c for c in Contact.select()}
    assert by_family["山田"].family_name_first and by_family["山田"].given_name == "花子"
    assert by_family["김"].family_name_first and by_family["김"].given_name == "민준"
    assert by_family["陈"].family_name_first
    assert not by_family["Смирнова"].family_name_first


# ---- The tag: what the article does not give ----------------------------------------------------------

# The article's facts, by record: (home locality, partner) of each partnership it states, the events and aid.
ARTICLE_PARTNERSHIPS = {("海南省", "Hyogo Prefecture"), ("海南省", "Jeju Special Self-Governing Province"),
                        ("海口市", "Vladimir"), ("三亚市", "Yalta"), ("三亚市", "Khabarovsk"), ("三亚市", "Krasnogorsk")}
ARTICLE_ACTIVITIES = {"Island Tourism Strategy forum", "China–ASEAN dialogue of mayors and governors",
                      "China and Cambodia: A Way Full of Hope", "Governor of Jeju takes part in the Boao Forum for Asia"}
ARTICLE_SHIPMENTS = {"Masks from Hyogo Prefecture", "Masks for Japan", "Humanitarian aid to Japan after Typhoon Jebi",
                     "Aid after the Kobe earthquake", "Financial support from foreign sister cities",
                     "Medical masks, protective suits and sanitizers for 29 villages abroad"}
ARTICLE_VISITS = {"Provincial leadership visit to sister cities"}
WHOLLY_ILLUSTRATIVE = (Contact, VisitPartner, Delegate, ItineraryItem, Gift)


def english(title: str) -> str:
    return title.split(" / ", 1)[1]


def from_article(row) -> bool:
    """Whether the article states this record (independently of the tag the demo gave it)."""
    if isinstance(row, (HomeLocality, Partner)):
        return True
    if isinstance(row, Partnership):
        pair = (row.home_locality.name_zh, row.partner.name_en)
        return pair in ARTICLE_PARTNERSHIPS or row.home_locality.name_zh == "海南省" and row.partner.name_en.endswith(
            ("(city to be decided)", "(region not named in the article)"))
    if isinstance(row, PartnershipStatusChange | Agreement):
        return from_article(row.partnership)
    if isinstance(row, PartnershipApproval | VisitApproval):
        return False  # the article names no approval
    if isinstance(row, Activity):
        return english(row.title) in ARTICLE_ACTIVITIES
    if isinstance(row, Shipment):
        return english(row.title) in ARTICLE_SHIPMENTS
    if isinstance(row, ShipmentItem):
        return from_article(row.shipment)
    if isinstance(row, Visit):
        return english(row.title) in ARTICLE_VISITS
    assert isinstance(row, WHOLLY_ILLUSTRATIVE), type(row)
    return False


def test_every_illustrative_record_carries_the_tag_and_no_fact_does(demo):
    tagged = untagged = 0
    for model in RECORD_MODELS:
        for row in model.select():
            assert row.illustrative == (not from_article(row)), (model.__name__, row.id)
            tagged += row.illustrative
            untagged += not row.illustrative
    assert tagged >= 40 and untagged >= 50, (tagged, untagged)
    # Every article fact this test names is in the demo, untagged.
    assert {english(a.title) for a in Activity.select().where(~Activity.illustrative)} == ARTICLE_ACTIVITIES
    assert {english(s.title) for s in Shipment.select().where(~Shipment.illustrative)} == ARTICLE_SHIPMENTS
    assert {english(v.title) for v in Visit.select().where(~Visit.illustrative)} == ARTICLE_VISITS
    assert Partnership.select().where(~Partnership.illustrative).count() == 21


def test_notes_say_no_more_that_a_record_is_illustrative(demo):
    for model in RECORD_MODELS:
        for row in model.select():
            for name in ("notes", "note"):
                value = getattr(row, name, "")
                assert "Illustrative:" not in value and "示意：" not in value, (model.__name__, row.id)
    # What a fact's record had to guess is still said: dates the article does not give, a year standing in.
    for model in (Activity, Shipment):
        for row in model.select().where(~model.illustrative):
            assert DATE_ILLUSTRATIVE in row.notes and "日期为示意" in row.notes, (model.__name__, row.id)
    for change in PartnershipStatusChange.select():  # a date, not text, on the server: compared here
        if (change.changed_on.month, change.changed_on.day) != (1, 1):
            continue
        assert "1 January stands for the year" in change.note and "1月1日" in change.note


def _is_chinese(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


ONE_LINE = ("title", "description", "occasion", "activity")  # "中文 / English"; the others are paragraphs


def _chinese_first(fields: dict, where=None) -> int:
    """Assert that every value of these fields (of the rows `where` selects) is Chinese first, then
    English; return how many were looked at."""
    seen = 0
    for model, names in fields.items():
        for row in model.select().where(where(model) if where else True):
            for name in names:
                value = getattr(row, name)
                if not value:
                    continue
                seen += 1
                zh, sep, en = value.partition(" / " if name in ONE_LINE else "\n")
                assert sep and _is_chinese(next(c for c in zh if not c.isascii())), (model.__name__, row.id, value)
                assert not any(map(_is_chinese, en)) and any(c.isascii() and c.isalpha() for c in en), \
                    (model.__name__, row.id, value)
    return seen


def test_titles_and_notes_are_chinese_first_then_english(demo):
    """A title is "中文 / English"; a note is the Chinese paragraph, then the English one."""
    fields = {Activity: ("title", "notes"), Shipment: ("title", "notes", "occasion"), Visit: ("title", "notes"),
              Partnership: ("notes",), Partner: ("notes",), HomeLocality: ("notes",), Contact: ("notes",),
              ShipmentItem: ("description", "notes"), Gift: ("description",), ItineraryItem: ("activity",),
              PartnershipStatusChange: ("note",)}
    assert _chinese_first(fields) > 150


# ---- The coming months, from today -----------------------------------------------------------------------


def test_the_coming_months_are_filled_from_today(db):
    from twindesk.domain.queries import insights

    today = date(2031, 2, 17)  # any day: the illustrative records move with it
    write_demo(today=today)
    upcoming = insights.upcoming_visits(today, 90)
    assert len(upcoming) >= 2 and upcoming[0]["start_on"] <= today + timedelta(days=45)
    transit = {s["expected_on"] for s in insights.shipments_in_transit()}
    assert any(today < on <= today + timedelta(days=21) for on in transit)  # arriving in the coming weeks
    assert any(on < today for on in transit)  # and one overdue
    in_a_year = today + timedelta(days=365)
    assert insights.renewals_due(today, in_a_year)  # a renewal within 12 months
    assert insights.renewals_due(today - timedelta(days=365), today - timedelta(days=1))  # a review past due
    anniversaries = [a for year in (today.year, today.year + 1) for a in insights.anniversaries(year)
                     if a.on and today <= a.on <= in_a_year]
    assert {a.years for a in anniversaries} >= {5, 10}
    follow_ups = [a.follow_up_on for a in Activity.select().where(Activity.follow_up_on.is_null(False))]
    assert any(on >= today for on in follow_ups) and any(on < today for on in follow_ups)
    # Only illustrative records are dated from today.
    for model, field in ((Visit, Visit.start_on), (Shipment, Shipment.expected_on), (Activity, Activity.held_on),
                         (Agreement, Agreement.expires_on)):
        recent = model.select().where(field >= date(2021, 1, 1))
        assert recent.count() and all(row.illustrative for row in recent), model.__name__


def test_the_articles_facts_do_not_move_with_today(tmp_path):
    def facts(today):
        opened = workspace.open_workspace(tmp_path / f"{today}.db", take_backups=False)
        try:
            write_demo(today=today)
            return {t: [r for r in rows if not r[1]] for t, rows in _rows(opened.raw(), with_tag=True).items()}
        finally:
            workspace.close()

    assert facts(date(2027, 1, 1)) == facts(date(2035, 8, 31))


# ---- Writing and clearing ------------------------------------------------------------------------------


def test_summary_counts_the_rows(demo):
    assert isinstance(demo, DemoSummary)
    assert demo.partners == Partner.select().count()
    assert demo.shipment_items == ShipmentItem.select().count()
    assert demo.total == sum(counts().values())


def test_write_demo_refuses_a_database_with_partners(demo):
    before = counts()
    with pytest.raises(UserError, match="already holds partners"):
        write_demo()
    assert counts() == before


def test_replace_writes_the_demo_anew_in_one_operation(demo):
    before = counts()
    again = write_demo(replace=True)
    assert again == demo  # the old rows went, the same demo came back
    assert counts() == before


def test_no_qt_imported():
    code = "import sys, twindesk.domain.demo; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# ---- --scale N -------------------------------------------------------------------------------------------


def _rows(conn, with_tag: bool = False) -> dict[str, list[tuple]]:
    """Every row of every record table, in ID order, without timestamps and UUIDs; with `with_tag`, the
    tag second (after the ID)."""
    out = {}
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'sqlite_sequence' ORDER BY name"):
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[1] not in TIMESTAMPS]
        if with_tag:
            if "illustrative" not in cols:
                continue
            cols.remove("illustrative")
            cols.insert(1, "illustrative")
        names = ", ".join(f'"{c}"' for c in cols)
        out[table] = conn.execute(f'SELECT {names} FROM "{table}" ORDER BY rowid').fetchall()
    return out


@pytest.fixture
def scaled(tmp_path):
    """Article only, then (another file) article + scale 200: both summaries."""
    workspace.open_workspace(tmp_path / "base.db")
    base = write_demo()
    workspace.close()
    opened = workspace.open_workspace(tmp_path / "t.db")
    summary = write_demo(scale=200)
    yield base, summary, opened
    workspace.close()


def test_scale_adds_n_per_list(scaled):
    base, summary, _ = scaled
    added = {k: summary.as_dict()[k] - base.as_dict()[k] for k in base.as_dict()}
    for k in ("partners", "partnerships", "contacts", "activities", "visits", "shipments"):
        assert added[k] == 200, k
    assert added["home_localities"] == 0
    assert 200 <= added["status_changes"] <= 800
    assert 200 <= added["visit_partners"] <= 400
    assert 200 <= added["delegates"] <= 800
    assert 200 <= added["itinerary_items"] <= 600
    assert 0 < added["gifts"] <= 200
    assert 200 <= added["shipment_items"] <= 600
    assert Partner.select().where(Partner.notes == SYNTHETIC_NOTE).count() == 200
    for model in RECORD_MODELS:  # every synthetic row is tagged
        note = getattr(model, "notes", getattr(model, "note", None))
        if note is not None:
            assert not model.select().where(note == SYNTHETIC_NOTE, ~model.illustrative).exists(), model.__name__
    assert not VisitPartner.select().where(~VisitPartner.illustrative).exists()
    assert summary.total == sum(counts().values())


def test_scaled_texts_are_chinese_first_then_english(scaled):
    fields = {Visit: ("title", "purpose", "outcomes", "follow_ups", "notes"), Activity: ("title", "outcome", "notes"),
              ItineraryItem: ("activity", "notes"), Gift: ("description", "notes"),
              Shipment: ("title", "occasion", "notes"), ShipmentItem: ("description", "notes")}
    assert _chinese_first(fields, lambda model: model.notes == SYNTHETIC_NOTE) > 2000


def test_scale_is_deterministic(scaled, tmp_path):
    _, _, opened = scaled
    first = _rows(opened.raw())
    workspace.close()
    again = workspace.open_workspace(tmp_path / "again.db")
    write_demo(scale=200)
    assert _rows(again.raw()) == first
    workspace.close()
    other = workspace.open_workspace(tmp_path / "other.db")
    write_demo(scale=200, seed=7)
    assert _rows(other.raw())["partner"] != first["partner"]


def test_scaled_data_is_valid(scaled):
    _, _, opened = scaled
    conn = opened.raw()
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    for p in Partner.select():
        assert pycountry.countries.get(alpha_2=p.country) is not None, p.country
        assert p.kind in PARTNER_KINDS
        assert p.name_zh and p.name_en
        assert p.search_text == search_key(p.name_zh, p.name_en, p.name_native)
        assert p.population is None or p.population > 0
        assert p.area_km2 is None or p.area_km2 > 0
        assert p.longitude is None or -180 <= p.longitude <= 180, p.longitude
        assert p.latitude is None or -90 <= p.latitude <= 90, p.latitude
    for ps in Partnership.select():
        assert ps.tier in TIERS and ps.status in PARTNERSHIP_STATUSES
        for a in ps.agreements:  # the renewal is its agreement's expiry
            assert a.expires_on is None or a.expires_on >= a.signed_on
        if ps.signed_on and ps.established_year:
            assert ps.signed_on.year == ps.established_year
    for c in PartnershipStatusChange.select():
        assert c.status in PARTNERSHIP_STATUSES
    for c in Contact.select():
        assert c.search_text == search_key(c.family_name, c.given_name, c.organization, c.title)
    for a in Activity.select():
        assert a.kind in ACTIVITY_KINDS
        assert a.follow_up_on is None or a.follow_up_on >= a.held_on
        assert a.search_text == search_key(a.title, a.place, a.participants)
    for v in Visit.select():
        assert v.direction in {"outbound", "inbound"} and v.status in VISIT_STATUSES
        assert v.end_on >= v.start_on
        assert date(1990, 1, 1) <= v.start_on <= max(date(2027, 12, 31), date.today() + timedelta(days=366))
        assert v.budget is None or v.budget > 0
        assert v.search_text == search_key(v.title, v.leader, v.purpose)
        assert v.partner_links.count() >= 1
        for item in v.itinerary:
            assert v.start_on <= item.day <= v.end_on
            if item.start_time and item.end_time:
                assert item.end_time >= item.start_time
        precedences = [d.precedence for d in v.delegates.order_by(Delegate.precedence)]
        assert precedences == sorted(set(precedences))
    for g in Gift.select():
        assert g.direction in {"given", "received"}
        assert g.value is None or g.value > 0
    for s in Shipment.select():
        assert s.direction in {"outgoing", "incoming"} and s.kind in {"goods", "funds"}
        assert s.status in SHIPMENT_STATUSES
        assert s.partner_id is not None or s.counterparty
        if s.dispatched_on:
            assert s.delivered_on is None or s.delivered_on >= s.dispatched_on
            assert s.expected_on is None or s.expected_on >= s.dispatched_on
        if s.planned_on and s.dispatched_on:
            assert s.dispatched_on >= s.planned_on
        if s.status == "delivered":
            assert s.delivered_on is not None
        if s.status in ("dispatched", "in_transit"):
            assert s.dispatched_on is not None and s.delivered_on is None
        assert s.search_text == search_key(
            s.title, s.occasion, s.counterparty, s.tracking_ref, s.carrier, s.recipients
        )
        assert s.items.count() >= 1
    for i in ShipmentItem.select():
        assert i.category in CATEGORIES
        assert i.quantity is None or i.quantity > 0
        assert i.value is None or i.value > 0
    assert VisitPartner.select().count() >= Visit.select().count()


def test_scaled_data_passes_the_domain_rules(scaled):
    validation = pytest.importorskip("twindesk.domain.model.validation")
    specs = pytest.importorskip("twindesk.domain.model.specs")
    for spec in specs.SPECS.values():
        for row in spec.model.select():
            values = {"id": row.id}
            for f in spec.fields:
                values[f.name] = getattr(row, f"{f.name}_id") if f.kind == "ref" else getattr(row, f.name)
            validation.validate(spec, values)


def test_jitter_near_the_date_line_stays_a_real_longitude():
    from twindesk.domain.demo.synthetic import _wrap_longitude

    assert _wrap_longitude(181.5) == -178.5 and _wrap_longitude(-182.0) == 178.0
    assert _wrap_longitude(120.25) == 120.25
