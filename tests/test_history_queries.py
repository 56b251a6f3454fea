"""Reading the history back: who changed what and when, worded as a person reads it, for one record
(with its sub-records) and across all records."""

from datetime import date, datetime, timedelta

from conftest import database_login

from twindesk.domain.operations import records, undo
from twindesk.domain.queries import history
from twindesk.store import models as m

# The history shows the database login beside the staff name (on SQLite the system's user).
LI_NA, WANG_FANG = f"Li Na ({database_login()})", f"Wang Fang ({database_login()})"


def _whats(rows):
    return [r.what for r in rows]


def test_a_record_history_says_who_what_and_old_to_new_in_the_readers_words(make):
    jeju = make.partner(name_zh="济州", name_en="Jeju", country="KR")
    records.save("partner", {"population": 5400000, "kind": "province"}, jeju, user="Li Na")
    rows = history.record_history("partner", jeju)
    assert len(rows) == 3  # the two fields, then the create
    by_field = {r.field: r for r in rows if r.change == "update"}
    pop = by_field["population"]
    assert (pop.user, pop.action, pop.field_label, pop.old, pop.new) == (LI_NA, "save", "Population", "—",
                                                                         "5,400,000")
    assert pop.what == "Population: — → 5,400,000"
    assert by_field["kind"].what == "Kind: City → Province"  # vocabulary terms, not codes
    assert rows[-1].change == "create" and rows[-1].what == "created “Jeju”"
    assert abs(rows[0].at - datetime.now()) < timedelta(minutes=1)
    zh = history.record_history("partner", jeju, "zh_CN")
    by_field = {r.field: r for r in zh if r.change == "update"}
    assert by_field["kind"].what == "类型：城市 → 省/道"
    assert by_field["population"].action_label == "保存"
    assert zh[-1].what == "新建“济州”"


def test_references_dates_and_countries_read_by_name(make):
    jeju = make.partner(name_en="Jeju", country="KR")
    seogwipo = make.partner(name_en="Seogwipo", country="JP")
    records.save("partner", {"parent": jeju, "country": "KR"}, seogwipo)
    rows = {r.field: r for r in history.record_history("partner", seogwipo) if r.change == "update"}
    assert rows["parent_id"].field_label == "Parent region"  # the column partner_id read back as its field
    assert rows["parent_id"].what == "Parent region: — → Jeju"
    assert rows["country"].what == "Country: Japan → South Korea"
    visit = make.visit(start_on=date(2026, 3, 15))
    records.save("visit", {"start_on": date(2026, 4, 1), "budget": "125000.5"}, visit)
    rows = {r.field: r for r in history.record_history("visit", visit) if r.change == "update"}
    assert rows["start_on"].what == "Start date: 15 Mar 2026 → 1 Apr 2026"
    assert rows["budget"].what == "Budget: — → 125,000.5"
    zh = {r.field: r for r in history.record_history("visit", visit, "zh_CN") if r.change == "update"}
    assert zh["start_on"].new == "2026年4月1日"


def test_a_visit_history_holds_its_delegates_itinerary_gifts_and_partner_links(make):
    jeju = make.partner(name_en="Jeju", country="KR")
    vlad = make.partner(name_en="Vladivostok", country="RU")
    visit = make.visit(start_on=date(2026, 5, 1), end_on=date(2026, 5, 3))
    records.set_visit_partners(visit, [jeju])
    records.set_visit_partners(visit, [jeju, vlad])
    wang = make.delegate(visit)
    records.save("delegate", {"title": "Director"}, wang)
    make.itinerary(visit, day=date(2026, 5, 2))
    gift = make.gift(visit)
    records.delete("gift", gift)
    rows = history.record_history("visit", visit)
    whats = _whats(rows)
    assert whats[:5] == ["deleted “Tea set”", "created “Tea set”", "created “Talks”", "Title: — → Director",
                         "created “Wang”"]
    assert whats[5:7] == ["Partners: Jeju → Jeju, Vladivostok", "Partners: — → Jeju"]
    assert [r.record_label for r in rows[:5]] == [f"gift {gift}", f"gift {gift}", rows[2].record_label,
                                                  f"delegate {wang}", f"delegate {wang}"]
    assert rows[5].kind == "visit" and rows[5].action == "link"
    assert [r.change_id for r in rows] == sorted((r.change_id for r in rows), reverse=True)  # newest first


def test_a_partner_history_holds_its_partnerships_and_contacts_but_not_other_records(make):
    jeju = make.partner(name_en="Jeju", country="KR")
    other = make.partner(name_en="Osaka", country="JP")
    ps = make.partnership(jeju)
    records.save("partnership", {"status": "active", "established_year": 1995}, ps)
    kim = make.contact(jeju, given_name="Minsu", title="Mayor")
    make.contact(other)
    records.delete("contact", kim)
    whats = _whats(history.record_history("partner", jeju))
    assert whats[0] == "deleted “Kim Minsu”"  # a contact by name, not by post
    assert "Status: Prospect → Signed / active" in whats
    assert whats.count("created “Kim”") == 0  # Osaka's contact is not Jeju's
    assert whats[-1] == "created “Jeju”"


def test_an_undo_is_a_change_of_its_own_by_whoever_undid_it(make):
    jeju = make.partner(name_en="Jeju", country="KR")
    records.save("partner", {"population": 10}, jeju, user="Li Na")
    undo.history.undo(user="Wang Fang")
    rows = history.record_history("partner", jeju)
    assert [(r.user, r.action, r.what) for r in rows[:2]] == [
        (WANG_FANG, "undo", "Population: 10 → —"), (LI_NA, "save", "Population: — → 10")]


def test_the_history_of_a_record_with_no_changes_is_empty_and_rows_read_lazily(make):
    jeju = make.partner(name_en="Jeju", country="KR")
    assert len(history.record_history("partner", jeju + 100)) == 0
    for i in range(30):
        records.save("partner", {"population": i + 1}, jeju)
    rows = history.record_history("partner", jeju)
    assert len(rows) == 31
    assert rows[0].what == "Population: 29 → 30"
    assert rows[-1] is rows[30]  # worded once, then kept
    assert [r.new for r in rows[1:3]] == ["29", "28"]


def test_recent_changes_one_row_per_operation_filtered_by_person_kind_and_day(make):
    jeju = records.save("partner", {"name_en": "Jeju", "country": "KR", "population": 1}, user="Wang Fang")
    records.save("partner", {"population": 2, "website": "jeju.go.kr", "notes": "a", "profile": "b"}, jeju,
                 user="Li Na")
    visit = records.save("visit", {"title": "Spring visit"}, user="Wang Fang")
    rows = history.recent_changes()
    assert [(r.action, r.kind, r.record_id, r.user) for r in rows[:2]] == [
        ("save", "visit", visit, WANG_FANG), ("save", "partner", jeju, LI_NA)]
    assert rows[0].what == "created “Spring visit”" and rows[0].opens == ("visit", visit)
    assert rows[1].name == "Jeju" and rows[1].count == 4
    assert rows[1].what.startswith("Population: 1 → 2; ") and rows[1].what.endswith("(+1 more)")
    assert [r.record_id for r in history.recent_changes(person="Li Na")] == [jeju]
    assert [r.kind for r in history.recent_changes(kind="visit")] == ["visit"]
    assert history.recent_changes(since=date.today() + timedelta(days=1)) == []
    assert len(history.recent_changes(since=date.today())) == len(rows)
    assert [r.operation_id for r in history.recent_changes(limit=1, offset=1)] == [rows[1].operation_id]
    assert history.kinds() == ["partner", "visit"]
    assert history.people() == ["Li Na", "Wang Fang"]


def test_changes_across_records_one_row_per_change_newest_first(make):
    jeju = make.partner(name_en="Jeju", country="KR")
    records.save("partner", {"population": 5400000}, jeju, user="Li Na")
    rows = history.changes(limit=5)
    assert rows[0].line().endswith(f"{LI_NA}  save  partner {jeju}  Population: — → 5,400,000")
    assert len(history.changes(limit=1)) == 1
    assert len(history.changes(person="nobody")) == 0


def test_an_import_reads_as_its_summary_and_opens_nothing(make, tmp_path):
    op = m.HistoryOperation.create(action="import", summary="import (t.db holds the data before it)",
                                   user="Li Na", at=m.now())
    rows = history.recent_changes(limit=1)
    assert rows[0].operation_id == op.id
    assert rows[0].what == "import (t.db holds the data before it)" and rows[0].opens is None
    assert rows[0].action_label == "import"


def test_an_operation_without_rows_of_its_own_is_summed_up_in_the_readers_language(db):
    from twindesk.domain.demo import write_demo
    from twindesk.domain.queries import history as hq

    write_demo()
    (demo,) = [r for r in hq.recent_changes(lang="zh_CN") if r.action == "demo"]
    assert "演示数据（规模 0）" in demo.what
    (demo_en,) = [r for r in hq.recent_changes(lang="en") if r.action == "demo"]
    assert "demo data set (scale 0)" in demo_en.what
