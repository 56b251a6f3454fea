"""twindesk.domain.queries.lists: search in every script, filters, sorting with NULLs last, paging and counts."""

from datetime import date

import pytest

from twindesk.domain.queries import lists
from twindesk.domain.queries.lists import ListQuery


@pytest.fixture
def data(make):
    p = {
        "jeju": make.partner(
            name_zh="济州特别自治道",
            name_en="Jeju",
            name_native="제주특별자치도",
            country="KR",
            kind="province",
            population=697000,
        ),
        "vlad": make.partner(
            name_zh="弗拉基米尔", name_en="Vladimir", name_native="Владимир", country="RU", population=350000
        ),
        "kobe": make.partner(name_zh="神户", name_en="Kobe", name_native="神戸市", country="JP"),
        "pct": make.partner(name_en="100% Green", country="US", population=10),
        "us1": make.partner(name_en="Green_Bay", country="US", population=100000),
        "us2": make.partner(name_en="GreenXBay", country="US"),
    }
    loc = make.default_locality()
    ps = {
        "jeju": make.partnership(
            p["jeju"],
            status="active",
            status_since=date(1995, 9, 1),
            established_year=1995,
            next_review_on=date(2026, 3, 1),
        ),
        "vlad": make.partnership(
            p["vlad"], status="negotiating", status_since=date(2023, 1, 1), next_review_on=date(2026, 9, 1)
        ),
        "kobe": make.partnership(
            p["kobe"], status="dormant", status_since=date(2010, 1, 1), established_year=2010
        ),
    }
    v = {
        "out": make.visit(
            (p["jeju"],),
            title="Outbound to Jeju",
            direction="outbound",
            start_on=date(2024, 5, 1),
            end_on=date(2024, 5, 3),
            status="completed",
            leader="Wang",
        ),
        "in": make.visit(
            (p["vlad"], p["kobe"]),
            title="Inbound delegation",
            direction="inbound",
            start_on=date(2023, 11, 2),
            status="confirmed",
        ),
        "undated": make.visit(title="Undated idea"),
    }
    s = {
        "masks": make.shipment(
            p["jeju"],
            title="Masks 50% off",
            status="delivered",
            dispatched_on=date(2020, 2, 1),
            delivered_on=date(2020, 2, 5),
            tracking_ref="SF1234",
        ),
        "villages": make.shipment(
            None, title="Rice", counterparty="29 villages", direction="incoming", planned_on=date(2021, 6, 1)
        ),
        "none": make.shipment(p["kobe"], title="Typhoon relief"),
    }
    make.contact(p["vlad"], family_name="Иванова", given_name="Ольга")
    make.contact(p["jeju"], family_name="김", given_name="민준", organization="Jeju Provincial Office")
    make.activity(None, title="Boao Forum for Asia", kind="forum", held_on=date(2019, 3, 26))
    make.activity(p["kobe"], title="Greeting letter", kind="letter", held_on=date(2020, 1, 10))
    return {"p": p, "loc": loc, "ps": ps, "v": v, "s": s}


def names(page, key="name_en"):
    return [r[key] for r in page.rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("济州", ["Jeju"]),
        ("JEJU", ["Jeju"]),
        ("제주", ["Jeju"]),
        ("владимир", ["Vladimir"]),
        ("ВЛАДИМИР", ["Vladimir"]),
        ("Владим", ["Vladimir"]),
        ("神户", ["Kobe"]),
        ("神戸", ["Kobe"]),
        ("%", ["100% Green"]),
        ("n_b", ["Green_Bay"]),
        ("_", ["Green_Bay"]),
        ("green bay", ["Green_Bay", "GreenXBay"]),  # every word must appear
        ("green 100%", ["100% Green"]),
        ("  ", None),  # blank: everything
        ("Москва", []),
    ],
)
def test_partner_search_in_every_script(data, text, expected):
    page = lists.fetch("partners", ListQuery(text=text, sort="id"))
    if expected is None:
        assert page.matched == page.total == 6
    else:
        assert sorted(names(page)) == sorted(expected)
        assert page.matched == len(expected) and page.total == 6


def test_search_finds_records_by_their_partner_names(data):
    assert names(lists.fetch("visits", ListQuery(text="제주")), "title") == ["Outbound to Jeju"]
    assert names(lists.fetch("visits", ListQuery(text="владимир")), "title") == ["Inbound delegation"]
    assert names(lists.fetch("contacts", ListQuery(text="ольга")), "family_name") == ["Иванова"]
    assert names(lists.fetch("contacts", ListQuery(text="provincial")), "family_name") == ["김"]
    assert names(lists.fetch("contacts", ListQuery(text="владимир")), "family_name") == ["Иванова"]
    assert names(lists.fetch("shipments", ListQuery(text="50%")), "title") == ["Masks 50% off"]
    assert names(lists.fetch("shipments", ListQuery(text="villages")), "title") == ["Rice"]
    assert names(lists.fetch("shipments", ListQuery(text="sf1234")), "title") == ["Masks 50% off"]
    assert names(lists.fetch("partnerships", ListQuery(text="神户")), "partner_en") == ["Kobe"]
    assert names(lists.fetch("activities", ListQuery(text="boao")), "title") == ["Boao Forum for Asia"]
    assert names(lists.fetch("home_localities", ListQuery(text="hainan")), "name_zh") == ["海南省"]


def test_status_direction_country_and_partner_filters(data):
    p = data["p"]
    assert names(
        lists.fetch("partnerships", ListQuery(statuses=("active", "dormant"), sort="partner_en")),
        "partner_en",
    ) == ["Jeju", "Kobe"]
    assert names(lists.fetch("partnerships", ListQuery(statuses=("ended",))), "partner_en") == []
    assert names(lists.fetch("visits", ListQuery(direction="inbound")), "title") == ["Inbound delegation"]
    assert names(lists.fetch("shipments", ListQuery(direction="incoming")), "title") == ["Rice"]
    assert sorted(names(lists.fetch("partners", ListQuery(country="us")))) == [
        "100% Green",
        "GreenXBay",
        "Green_Bay",
    ]
    assert names(lists.fetch("shipments", ListQuery(country="JP")), "title") == ["Typhoon relief"]
    assert names(lists.fetch("partners", ListQuery(statuses=("province",))), "name_en") == ["Jeju"]
    assert names(lists.fetch("visits", ListQuery(partner_id=p["kobe"])), "title") == ["Inbound delegation"]
    assert names(lists.fetch("contacts", ListQuery(partner_id=p["jeju"])), "family_name") == ["김"]
    assert names(lists.fetch("activities", ListQuery(statuses=("forum",))), "title") == [
        "Boao Forum for Asia"
    ]
    page = lists.fetch("visits", ListQuery(direction="outbound", statuses=("proposed",)))
    assert names(page, "title") == ["Undated idea"] and (page.matched, page.total) == (1, 3)


def test_date_range_filters_are_inclusive(data):
    q = ListQuery(date_from=date(2024, 5, 1), date_to=date(2024, 5, 1))
    assert names(lists.fetch("visits", q), "title") == ["Outbound to Jeju"]
    q = ListQuery(date_from=date(2023, 1, 1))
    assert names(lists.fetch("visits", q), "title") == ["Outbound to Jeju", "Inbound delegation"]
    q = ListQuery(date_to=date(2020, 12, 31))
    assert names(lists.fetch("shipments", q), "title") == ["Masks 50% off"]  # by its delivery date
    q = ListQuery(date_from=date(2020, 2, 2), date_to=date(2021, 6, 1))
    assert names(lists.fetch("shipments", q), "title") == ["Rice", "Masks 50% off"]
    q = ListQuery(date_from=date(2026, 1, 1), date_to=date(2026, 6, 30))
    assert names(lists.fetch("partnerships", q), "partner_en") == ["Jeju"]  # next review in range


def test_sorting_both_ways_with_nulls_last(data):
    asc = names(lists.fetch("partners", ListQuery(sort="population")))
    desc = names(lists.fetch("partners", ListQuery(sort="population", descending=True)))
    assert asc == ["100% Green", "Green_Bay", "Vladimir", "Jeju", "Kobe", "GreenXBay"]
    assert desc == ["Jeju", "Vladimir", "Green_Bay", "100% Green", "GreenXBay", "Kobe"]  # ties: id descending
    visits_asc = names(lists.fetch("visits", ListQuery(sort="start_on")), "title")
    visits_desc = names(lists.fetch("visits", ListQuery(sort="start_on", descending=True)), "title")
    assert visits_asc == ["Inbound delegation", "Outbound to Jeju", "Undated idea"]
    assert visits_desc == ["Outbound to Jeju", "Inbound delegation", "Undated idea"]
    # default orders: visits newest first, shipments by date newest first, undated last
    assert names(lists.fetch("visits"), "title") == visits_desc
    assert names(lists.fetch("shipments"), "title") == ["Rice", "Masks 50% off", "Typhoon relief"]
    assert names(lists.fetch("partnerships", ListQuery(sort="established_year")), "partner_en") == [
        "Jeju",
        "Kobe",
        "Vladimir",
    ]


def test_computed_columns(data):
    rows = {r["title"]: r for r in lists.fetch("visits").rows}
    assert rows["Inbound delegation"]["partners"] == "弗拉基米尔、神户"
    rows = {r["name_en"]: r for r in lists.fetch("partners").rows}
    assert rows["Jeju"]["partnerships"] == 1 and rows["Green_Bay"]["partnerships"] == 0
    rows = {r["title"]: r for r in lists.fetch("shipments").rows}
    assert rows["Rice"]["partner_en"] is None and rows["Rice"]["date"] == date(2021, 6, 1)


def test_paging_and_counts(data):
    all_ids = lists.ids("partners", ListQuery(sort="name_en"))
    assert len(all_ids) == 6
    page1 = lists.fetch("partners", ListQuery(sort="name_en", offset=0, limit=4))
    page2 = lists.fetch("partners", ListQuery(sort="name_en", offset=4, limit=4))
    assert [r["id"] for r in page1.rows + page2.rows] == all_ids
    assert (len(page1.rows), len(page2.rows)) == (4, 2)
    assert (page1.matched, page1.total, page2.matched, page2.total) == (6, 6, 6, 6)
    filtered = lists.fetch("partners", ListQuery(text="green", offset=1, limit=1))
    assert len(filtered.rows) == 1 and (filtered.matched, filtered.total) == (3, 6)
    everything = lists.fetch("partners", ListQuery(text="green", limit=None))
    assert len(everything.rows) == everything.matched == 3 and everything.total == 6
    beyond = lists.fetch("partners", ListQuery(offset=100, limit=10))
    assert beyond.rows == [] and beyond.matched == 6
    assert page1.columns[0] == "id" and set(page1.columns) == set(page1.rows[0])


def test_ids_and_rows_by_id(data):
    q = ListQuery(sort="population", descending=True)
    assert lists.ids("partners", q) == [r["id"] for r in lists.fetch("partners", q).rows]
    wanted = lists.ids("visits", ListQuery())[:2]
    rows = lists.rows_by_id("visits", wanted)
    assert set(rows) == set(wanted)
    assert rows[data["v"]["out"]]["title"] == "Outbound to Jeju"
    assert rows[data["v"]["out"]]["delegates"] == 0
    assert lists.rows_by_id("visits", []) == {}
    assert lists.rows_by_id("visits", [999]) == {}


def test_unknown_sort_column_or_list_raises(data):
    with pytest.raises(KeyError, match="list partners has no column 'colour'"):
        lists.fetch("partners", ListQuery(sort="colour"))
    with pytest.raises(KeyError):
        lists.ids("visits", ListQuery(sort="colour"))
    with pytest.raises(KeyError):
        lists.fetch("planets")


def test_every_list_fetches_on_an_empty_database(db):
    for name in lists.LISTS:
        page = lists.fetch(
            name,
            ListQuery(
                text="x",
                statuses=("a",),
                direction="b",
                country="kr",
                partner_id=1,
                date_from=date(2000, 1, 1),
                date_to=date(2030, 1, 1),
            ),
        )
        assert (page.rows, page.matched, page.total) == ([], 0, 0)
