"""`Validator.new_record`, the import's quick way to validate a new record's row, says what `validate`
says of the same row: the same cleaned values (same types, same order) or the same problems in the
same order, for every kind of record and all sorts of typed cells, also once its memos are filled."""

import random
from datetime import date, datetime
from decimal import Decimal

import pytest

from twindesk.domain.model.errors import ValidationError
from twindesk.domain.model.specs import SPECS
from twindesk.domain.model.validation import Validator

# Cells as a staff list or a workbook hands them in: good ones, and every way to be wrong or odd.
ANY = [None, "", "  ", "x", " 神户 ", "a\nb", "b\r", "x" * 255, "y" * 256, 0, 1, -1, 7, 2**53, 2**53 + 1, 2**63 - 1,
       2**63, -(2**63) - 1, 1.5, 0.0, -0.0, -2.5, 1e300, float("inf"), float("nan"), True, False, Decimal("2.50"),
       Decimal("NaN"), date(2026, 11, 29), datetime(2026, 11, 29, 8, 30), "2026-11-29", "2026年3月", "10万",
       "1.2亿", "约5000", "KR", "韩国", "日本", "CNY", "人民币", "city", "市", "active", "no such thing", "12",
       "https://example.org", "name@example.org", "是", "09:30", "RU JP"]
BY_KIND = {
    "text": ["神户", "Kobe", " Hyōgo ", "x" * 255, "x" * 256, "two\nlines", 12, 3.5],
    "longtext": ["notes", " many\nlines ", "z" * 300],
    "int": [0, 5, -3, 10_000, 2**62, "1,000", "10万", 3.0, 2.5],
    "year": [1995, 2026, 999, 3000, "1990年"],
    "float": [12.5, 0.001, 3, -4, 0, 1e-300, 2**60, "1.5", 91.0, -181],
    "decimal": [Decimal("1.25"), 2, "3.5万", 1e20],
    "date": [date(2026, 1, 1), date(1999, 12, 31), "2026/11/29", 45000],
    "ref": [1, 2, 999, "3", 0, -1, "兵库县"],
    "countries": ["KR JP", "韩国、日本", "KR XX"],
    "country": ["KR", "JP", "日本", "jp"],
    "currency": ["CNY", "usd"],
    "bool": [True, False, "是", 0],
    "time": ["09:30", "9:05"],
    "email": ["name@example.org"],
    "url": ["https://example.org", "example.org"],
}


def _values(spec, rng) -> dict:
    values = {}
    for f in spec.fields:
        if rng.random() < (0.1 if f.required else 0.45):
            continue  # a column the sheet lacks
        pool = BY_KIND.get(f.kind, [])
        if f.vocabulary is not None:
            pool = [*f.vocabulary.codes, f.vocabulary.codes[0]]
        values[f.name] = rng.choice(pool) if pool and rng.random() < 0.85 else rng.choice(ANY)
    if rng.random() < 0.02:
        values["no_such_field"] = rng.choice(["x", None, ""])
    return values


def _said(call):
    """What a validation says: the cleaned values, each with its type, in order; or the problems."""
    try:
        return "cleaned", [(k, repr(v)) for k, v in call().items()]
    except ValidationError as exc:
        return "refused", [(e.field, e.message) for e in exc.errors]
    except KeyError as exc:
        return "no such field", str(exc)


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_new_record_says_what_validate_says(kind):
    spec = SPECS[kind]
    rng = random.Random(kind)
    quick, whole = Validator(spec, remember=True), Validator(spec)
    rows = [_values(spec, rng) for _ in range(150)]
    refused = cleaned = 0
    for values in rows + rows:  # the second time round, the memos answer
        record_id = rng.choice([None, 1, 42])
        merged = {k: v for k, v in values.items() if v is not None and v != ""}
        merged["id"] = record_id
        said = _said(lambda: quick.new_record(values, record_id))  # noqa: B023 - called at once
        assert said == _said(lambda: whole(merged)), (kind, values)  # noqa: B023
        refused += said[0] == "refused"
        cleaned += said[0] == "cleaned"
    assert cleaned and refused  # both ways were taken


def test_a_staff_row_of_plain_cells_is_cleaned_as_a_form_cleans_it():
    quick = Validator(SPECS["partner"], remember=True)
    cleaned = quick.new_record({"name_zh": " 神户 ", "country": "JP", "population": 1_500_000, "area_km2": 557,
                                "kind": "city", "name_en": ""}, None)
    assert cleaned == {"name_zh": "神户", "name_en": "", "name_native": "", "kind": "city", "country": "JP",
                       "parent": None, "population": 1_500_000, "area_km2": 557.0, "website": "",
                       "latitude": None, "longitude": None, "profile": "", "notes": "", "id": None}
    assert type(cleaned["area_km2"]) is float
    with pytest.raises(ValidationError) as refused:
        quick.new_record({"name_zh": "神户", "country": "JP", "area_km2": -0.0, "population": -1}, 7)
    assert [e.message for e in refused.value.errors] == ["Population must be at least 0 (got -1).",
                                                         "Area (km²) must be more than zero (got -0.0)."]
