"""Every validation rule, with bad input and the exact message a person reads (which names the field)."""

from datetime import date, time
from decimal import Decimal

import pytest

from twindesk.domain.model.errors import ValidationError
from twindesk.domain.model.fields import Field, clean_value, parse_date, parse_decimal, parse_int, parse_time
from twindesk.domain.model.validation import validate
from twindesk.store.errors import UserError

PARTNER = {"name_en": "Jeju", "country": "KR"}
VISIT = {"title": "Delegation to Jeju"}
SHIPMENT = {"title": "Masks", "counterparty": "29 villages"}
ITEM = {"shipment": 1, "description": "Masks"}
ITINERARY = {"visit": 1, "day": "2026-05-02", "activity": "Talks"}
CONTACT = {"partner": 1, "family_name": "Kim"}
PARTNERSHIP = {"partner": 1, "home_locality": 1}


def errors_of(kind, values, **kwargs) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        validate(kind, values, **kwargs)
    return [(e.field, e.message) for e in info.value.errors]


BAD = [
    # required names: a partner needs at least one of three names
    (
        "partner",
        {"country": "KR"},
        "name_zh",
        "Give at least one: Chinese name or English name or Native name.",
    ),
    (
        "partner",
        {"country": "KR", "name_zh": "  ", "name_en": "", "name_native": None},
        "name_zh",
        "Give at least one: Chinese name or English name or Native name.",
    ),
    ("contact", {"partner": 1}, "family_name", "Give at least one: Family name or Given name."),
    ("shipment", {"title": "Masks"}, "partner", "Give at least one: Partner or Donor / recipient (other)."),
    # required single fields
    ("visit", {"title": "   "}, "title", "Title is required."),
    ("visit", {}, "title", "Title is required."),
    ("partner", {"name_en": "Jeju"}, "country", "Country is required."),
    ("partner", {**PARTNER, "kind": ""}, "kind", "Kind is required."),
    ("home_locality", {"name_en": "Haikou"}, "name_zh", "Chinese name is required."),
    ("activity", {"title": "Call"}, "held_on", "Date is required."),
    ("status_change", {"partnership": 1, "status": "active"}, "changed_on", "Date of change is required."),
    ("delegate", {"visit": 1}, "name", "Name is required."),
    ("itinerary_item", {"visit": 1, "activity": "Talks"}, "day", "Day is required."),
    ("gift", {"visit": 1}, "description", "Description is required."),
    ("shipment_item", {"shipment": 1}, "description", "Description is required."),
    ("partnership", {"home_locality": 1}, "partner", "Partner is required."),
    # end date not before start date
    (
        "visit",
        {**VISIT, "start_on": "2026-05-03", "end_on": "2026-05-01"},
        "end_on",
        "End date (2026-05-01) is before start date (2026-05-03).",
    ),
    (
        "shipment",
        {**SHIPMENT, "dispatched_on": "2020-02-10", "delivered_on": "2020-02-01"},
        "delivered_on",
        "Delivery date (2020-02-01) is before dispatch date (2020-02-10).",
    ),
    (
        "shipment",
        {**SHIPMENT, "dispatched_on": "2020-02-10", "expected_on": "2020-02-09"},
        "expected_on",
        "Expected arrival (2020-02-09) is before dispatch date (2020-02-10).",
    ),
    (
        "agreement",
        {"partnership": 1, "signed_on": "2020-01-01", "expires_on": "2019-12-31"},
        "expires_on",
        "Expiry date (2019-12-31) is before signing date (2020-01-01).",
    ),
    (
        "activity",
        {"title": "Call", "held_on": "2026-01-05", "follow_up_on": "2026-01-01"},
        "follow_up_on",
        "Follow-up date (2026-01-01) is before date (2026-01-05).",
    ),
    (
        "itinerary_item",
        {**ITINERARY, "start_time": "10:00", "end_time": "09:00"},
        "end_time",
        "End time (09:00:00) is before start time (10:00:00).",
    ),
    # quantities and values positive
    ("shipment_item", {**ITEM, "quantity": "0"}, "quantity", "Quantity must be more than zero (got 0)."),
    ("shipment_item", {**ITEM, "quantity": -5}, "quantity", "Quantity must be more than zero (got -5)."),
    ("shipment_item", {**ITEM, "value": "-0.01"}, "value", "Value must be more than zero (got -0.01)."),
    (
        "gift",
        {"visit": 1, "description": "Tea", "value": 0},
        "value",
        "Value must be more than zero (got 0).",
    ),
    ("partner", {**PARTNER, "area_km2": "-3"}, "area_km2", "Area (km²) must be more than zero (got -3.0)."),
    ("partner", {**PARTNER, "population": -1}, "population", "Population must be at least 0 (got -1)."),
    ("visit", {**VISIT, "budget": "-100"}, "budget", "Budget must be at least 0 (got -100)."),
    (
        "delegate",
        {"visit": 1, "name": "Wang", "precedence": "-1"},
        "precedence",
        "Precedence must be at least 0 (got -1).",
    ),
    ("partner", {**PARTNER, "latitude": "91"}, "latitude", "Latitude must be at most 90 (got 91.0)."),
    (
        "partner",
        {**PARTNER, "longitude": -180.5},
        "longitude",
        "Longitude must be at least -180 (got -180.5).",
    ),
    (
        "partnership",
        {**PARTNERSHIP, "established_year": 1899},
        "established_year",
        "Established (year) must be at least 1900 (got 1899).",
    ),
    (
        "partnership",
        {**PARTNERSHIP, "established_year": "2101"},
        "established_year",
        "Established (year) must be at most 2100 (got 2101).",
    ),
    # not numbers at all
    ("shipment_item", {**ITEM, "quantity": "lots"}, "quantity", "Quantity “lots” is not a number."),
    ("visit", {**VISIT, "budget": "nan"}, "budget", "Budget “nan” is not a number."),
    ("visit", {**VISIT, "budget": "inf"}, "budget", "Budget “inf” is not a number."),
    ("shipment_item", {**ITEM, "quantity": True}, "quantity", "Quantity “True” is not a number."),
    ("partnership", {"partner": "abc", "home_locality": 1}, "partner", "Partner “abc” matches no record; pick one from the list or give its ID."),
    # whole numbers
    ("partner", {**PARTNER, "population": "1.5"}, "population", "Population “1.5” must be a whole number."),
    (
        "partnership",
        {**PARTNERSHIP, "established_year": 1999.5},
        "established_year",
        "Established (year) “1999.5” must be a whole number.",
    ),
    (
        "delegate",
        {"visit": 1, "name": "Wang", "precedence": "2.01"},
        "precedence",
        "Precedence “2.01” must be a whole number.",
    ),
    # country: a real ISO code
    (
        "partner",
        {"name_en": "X", "country": "XX"},
        "country",
        "Country “XX” is not a country (use an ISO code such as KR, JP, RU).",
    ),
    (
        "partner",
        {"name_en": "X", "country": "EU"},
        "country",
        "Country “EU” is not a country (use an ISO code such as KR, JP, RU).",
    ),
    (
        "partner",
        {"name_en": "X", "country": "Atlantis"},
        "country",
        "Country “Atlantis” is not a country (use an ISO code such as KR, JP, RU).",
    ),
    (
        "partner",
        {"name_en": "X", "country": 42},
        "country",
        "Country “42” is not a country (use an ISO code such as KR, JP, RU).",
    ),
    # a status that needs a date
    (
        "visit",
        {**VISIT, "status": "confirmed"},
        "start_on",
        "Start date is required when the status is “Confirmed”.",
    ),
    (
        "visit",
        {**VISIT, "status": "completed"},
        "start_on",
        "Start date is required when the status is “Completed”.",
    ),
    (
        "shipment",
        {**SHIPMENT, "status": "dispatched"},
        "dispatched_on",
        "Dispatch date is required when the status is “Dispatched”.",
    ),
    (
        "shipment",
        {**SHIPMENT, "status": "in_transit"},
        "dispatched_on",
        "Dispatch date is required when the status is “In transit”.",
    ),
    (
        "shipment",
        {**SHIPMENT, "status": "delivered", "dispatched_on": "2020-01-01"},
        "delivered_on",
        "Delivery date is required when the status is “Delivered”.",
    ),
    # dates
    (
        "visit",
        {**VISIT, "start_on": "next week"},
        "start_on",
        "Start date “next week” is not a date; write it as 2026-11-29.",
    ),
    (
        "visit",
        {**VISIT, "start_on": "2026-02-30"},
        "start_on",
        "Start date “2026-02-30” is not a real calendar date.",
    ),
    (
        "visit",
        {**VISIT, "start_on": "2026-13-01"},
        "start_on",
        "Start date “2026-13-01” is not a real calendar date.",
    ),
    (
        "visit",
        {**VISIT, "start_on": "29/11/2026"},
        "start_on",
        "Start date “29/11/2026” is not a date; write it as 2026-11-29.",
    ),
    # time format
    (
        "itinerary_item",
        {**ITINERARY, "start_time": "25:00"},
        "start_time",
        "Start time “25:00” is not a time of day; write it as 09:30.",
    ),
    (
        "itinerary_item",
        {**ITINERARY, "start_time": "9.30"},
        "start_time",
        "Start time “9.30” is not a time of day; write it as 09:30.",
    ),
    (
        "itinerary_item",
        {**ITINERARY, "end_time": "10:60"},
        "end_time",
        "End time “10:60” is not a time of day; write it as 09:30.",
    ),
    (
        "itinerary_item",
        {**ITINERARY, "start_time": "noon"},
        "start_time",
        "Start time “noon” is not a time of day; write it as 09:30.",
    ),
    # email, web address, yes/no, currency
    (
        "contact",
        {**CONTACT, "email": "bad@"},
        "email",
        "Email “bad@” is not an email address (name@example.org).",
    ),
    (
        "contact",
        {**CONTACT, "email": "a b@example.org"},
        "email",
        "Email “a b@example.org” is not an email address (name@example.org).",
    ),
    (
        "contact",
        {**CONTACT, "email": "name.example.org"},
        "email",
        "Email “name.example.org” is not an email address (name@example.org).",
    ),
    (
        "partner",
        {**PARTNER, "website": "not a site"},
        "website",
        "Website “not a site” is not a web address (https://www.example.org).",
    ),
    (
        "contact",
        {**CONTACT, "family_name_first": "maybe"},
        "family_name_first",
        "Family name first “maybe” must be yes or no.",
    ),
    (
        "shipment_item",
        {**ITEM, "currency": "usd1"},
        "currency",
        "Currency “usd1” must be a three-letter currency code such as CNY, USD, JPY.",
    ),
    (
        "visit",
        {**VISIT, "budget_currency": "元"},
        "budget_currency",
        "Budget currency “元” must be a three-letter currency code such as CNY, USD, JPY.",
    ),
    # too-long text, and several lines where one is expected
    (
        "visit",
        {"title": "x" * 256},
        "title",
        "Title “xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…” is too long (256 characters; at most 255).",
    ),
    (
        "visit",
        {**VISIT, "notes": "n" * 1_000_001},
        "notes",
        "Notes “" + "n" * 37 + "…” is too long (1,000,001 characters; at most 1,000,000).",
    ),
    ("visit", {"title": "two\nlines"}, "title", "Title “two\nlines” must be a single line."),
    # unknown vocabulary codes
    (
        "visit",
        {**VISIT, "status": "bogus"},
        "status",
        "Status “bogus” must be one of: proposed, approved, confirmed, completed, postponed, cancelled.",
    ),
    (
        "visit",
        {**VISIT, "direction": "sideways"},
        "direction",
        "Direction “sideways” must be one of: outbound, inbound.",
    ),
    (
        "shipment_item",
        {**ITEM, "category": "toys"},
        "category",
        "Category “toys” must be one of: ppe, medical, disinfectant, food, shelter, funds, other.",
    ),
    (
        "partnership",
        {**PARTNERSHIP, "tier": "twin"},
        "tier",
        "Tier “twin” must be one of: sister, friendly_exchange, intent.",
    ),
    (
        "partner",
        {**PARTNER, "kind": "planet"},
        "kind",
        "Kind “planet” must be one of: city, county, prefecture, province, state, region, village, other.",
    ),
    (
        "gift",
        {"visit": 1, "description": "Tea", "direction": "lent"},
        "direction",
        "Given or received “lent” must be one of: given, received.",
    ),
    (
        "partnership",
        {**PARTNERSHIP, "status": "signed"},
        "status",
        "Status “signed” must be one of: prospect, negotiating, approval_pending, active, dormant, ended.",
    ),
]


@pytest.mark.parametrize(
    ("kind", "values", "field", "message"), BAD, ids=[f"{b[0]}-{b[2]}-{i}" for i, b in enumerate(BAD)]
)
def test_bad_value_gives_exactly_one_message_naming_the_field(kind, values, field, message):
    assert errors_of(kind, values) == [(field, message)]


def test_every_problem_is_reported_at_once():
    problems = errors_of(
        "partner", {"country": "XX", "population": "1.5", "latitude": 100, "website": "nope"}
    )
    fields = [f for f, _ in problems]
    assert fields == ["country", "population", "website", "latitude", "name_zh"]


def test_validation_error_is_a_user_error_with_all_messages():
    with pytest.raises(ValidationError) as info:
        validate("visit", {"title": "", "start_on": "soon"})
    exc = info.value
    assert isinstance(exc, UserError)
    assert exc.record == "visit"
    assert str(exc) == "Title is required. Start date “soon” is not a date; write it as 2026-11-29."
    assert [e.message for e in exc.for_field("title")] == ["Title is required."]
    assert exc.for_field("end_on") == []


def test_a_wrong_field_does_not_add_a_misleading_rule_message():
    # The one name given is too long: say so, and not also "give at least one name".
    problems = errors_of("contact", {"partner": 1, "family_name": "K" * 300})
    assert [f for f, _ in problems] == ["family_name"]
    # A bad date does not also count as a missing one for the status.
    problems = errors_of("visit", {**VISIT, "status": "confirmed", "start_on": "2026-02-31"})
    assert problems == [("start_on", "Start date “2026-02-31” is not a real calendar date.")]


def test_unknown_field_is_a_bug_not_a_user_error():
    with pytest.raises(KeyError, match="partner has no field"):
        validate("partner", {**PARTNER, "colour": "red"})


GOOD = [
    ("partner", {"name_zh": "济州", "country": "kr"}, {"country": "KR", "name_zh": "济州", "name_en": ""}),
    ("partner", {"name_native": "Владивосток", "country": "Russian Federation"}, {"country": "RU"}),
    ("partner", {"name_en": "Kobe", "country": "日本"}, {"country": "JP"}),
    (
        "partner",
        {"name_en": "Jeju", "country": "KOR", "population": "697,000"},
        {"country": "KR", "population": 697000},
    ),
    (
        "partner",
        {**PARTNER, "population": 12345.0, "latitude": "-90", "longitude": 180},
        {"population": 12345, "latitude": -90.0},
    ),
    ("partner", {**PARTNER, "website": "www.jeju.go.kr"}, {"website": "www.jeju.go.kr"}),
    ("partner", {**PARTNER, "kind": "Province"}, {"kind": "province"}),
    ("partner", {**PARTNER, "kind": "县"}, {"kind": "county"}),
    (
        "visit",
        {**VISIT, "start_on": "2026年5月3日", "end_on": "2026/5/3", "status": "Confirmed"},
        {"start_on": date(2026, 5, 3), "end_on": date(2026, 5, 3), "status": "confirmed"},
    ),
    (
        "visit",
        {**VISIT, "budget": "1,234.50", "budget_currency": "usd"},
        {"budget": Decimal("1234.50"), "budget_currency": "USD"},
    ),
    ("visit", {**VISIT, "budget": 0}, {"budget": Decimal("0")}),
    (
        "itinerary_item",
        {**ITINERARY, "start_time": "9:30", "end_time": "10：45"},
        {"start_time": time(9, 30), "end_time": time(10, 45)},
    ),
    ("itinerary_item", {**ITINERARY, "start_time": "09:30", "end_time": "09:30"}, {"end_time": time(9, 30)}),
    (
        "contact",
        {**CONTACT, "email": "kim@jeju.go.kr", "family_name_first": "是"},
        {"email": "kim@jeju.go.kr", "family_name_first": True},
    ),
    ("contact", {"partner": 1, "given_name": "Olga"}, {"family_name": "", "family_name_first": False}),
    ("shipment", {"title": "Aid", "partner": 1}, {"partner": 1, "counterparty": "", "status": "planned"}),
    (
        "shipment",
        {**SHIPMENT, "status": "delivered", "dispatched_on": "2020-02-01", "delivered_on": "2020-02-01"},
        {"delivered_on": date(2020, 2, 1)},
    ),
    (
        "shipment_item",
        {**ITEM, "quantity": "0.001", "value": "12.5"},
        {"quantity": Decimal("0.001"), "value": Decimal("12.5"), "category": "other", "currency": "CNY"},
    ),
    (
        "partnership",
        {**PARTNERSHIP, "established_year": "1995", "status": "Signed / active"},
        {"established_year": 1995, "status": "active", "tier": "sister"},
    ),
    ("visit", {"title": "x" * 255}, {"title": "x" * 255}),
    # emptied optional fields that the database needs take their default instead of NULL
    ("delegate", {"visit": 1, "name": "Wang", "precedence": ""}, {"precedence": 0}),
    ("delegate", {"visit": 1, "name": "Wang"}, {"precedence": 0}),
    ("gift", {"visit": 1, "description": "Tea", "currency": ""}, {"currency": "CNY"}),
    ("shipment_item", {**ITEM, "currency": None}, {"currency": "CNY"}),
    ("visit", {**VISIT, "budget_currency": " "}, {"budget_currency": "CNY"}),
    ("home_locality", {"name_zh": "海口", "sort_order": ""}, {"sort_order": 0}),
]


@pytest.mark.parametrize(
    ("kind", "values", "expected"), GOOD, ids=[f"{g[0]}-{i}" for i, g in enumerate(GOOD)]
)
def test_good_values_are_cleaned(kind, values, expected):
    cleaned = validate(kind, values)
    for name, value in expected.items():
        assert cleaned[name] == value, name


def test_partial_checks_only_the_given_fields_and_skips_cross_field_rules():
    assert validate("partner", {"population": "7"}, partial=True) == {"population": 7}
    assert validate("visit", {"end_on": "2020-01-01", "id": 3}, partial=True) == {
        "end_on": date(2020, 1, 1),
        "id": 3,
    }
    assert errors_of("visit", {"status": "nope"}, partial=True)[0][0] == "status"


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (parse_date, "2026-1-2"),
        (parse_date, "2026.01.02"),
        (parse_date, "2026 年 1 月 2 日"),
        (parse_date, "２０２６年１月２日"),  # full-width, as a Chinese input method writes it
        (parse_date, "２０２６／０１／０２"),
        (parse_date, "2026年1月2号"),
        (parse_date, "20260102"),  # the digits of a date run together
    ],
)
def test_date_spellings(parse, text):
    assert parse(text) == date(2026, 1, 2)


def test_parsers_edge_cases():
    assert parse_date(None) is None and parse_date("") is None
    assert parse_time("23:59:59") == time(23, 59, 59)
    with pytest.raises(ValueError):
        parse_time("24:00")
    assert parse_int("1 000") == 1000
    assert parse_int("1，000") == 1000
    assert parse_decimal("\u00a012.30") == Decimal("12.30")
    with pytest.raises(ValueError, match="whole number"):
        parse_int("0.5")
    with pytest.raises(ValueError, match="not a number"):
        parse_decimal(False)
    with pytest.raises(AssertionError):
        clean_value(Field("x", "X", "colour"), "red")
