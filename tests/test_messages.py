"""The domain's messages read in Chinese as well as English, every one of them."""

import re
from datetime import date
from pathlib import Path

import pytest

from twindesk.domain.model import messages
from twindesk.domain.model.errors import ValidationError
from twindesk.domain.model.validation import validate
from twindesk.domain.operations import records

DOMAIN = Path(__file__).resolve().parent.parent / "twindesk" / "domain"
CALL = re.compile(r'(?:Problem|field_error|_error)\((.*?)\)', re.S)
LITERAL = re.compile(r'"([^"]*)"')


def _templates_in_source() -> set[str]:
    found = set()
    for path in DOMAIN.rglob("*.py"):
        for call in CALL.finditer(path.read_text(encoding="utf-8")):
            # The template is the call's one string with a space in it (field names and labels have none).
            found.update(t for t in LITERAL.findall(call.group(1)) if " " in t)
    return found


def test_every_message_template_has_its_chinese():
    templates = _templates_in_source()
    assert "{label} is required." in templates and "is not a number" in templates  # the scan works
    missing = sorted(t for t in templates if t not in messages.ZH)
    assert missing == []


def _errors(kind, values, lang):
    with pytest.raises(ValidationError) as caught:
        validate(kind, values)
    return [e.text(lang) for e in caught.value.errors]


def test_a_missing_title_and_a_bad_date_in_chinese_and_english():
    values = {"title": "", "start_on": "2026-02-30", "budget": "lots"}
    assert _errors("visit", values, "en") == [
        "Title is required.",
        "Start date “2026-02-30” is not a real calendar date.",
        "Budget “lots” is not a number.",
    ]
    assert _errors("visit", values, "zh_CN") == [
        "团组名称为必填项。",
        "开始日期“2026-02-30”不是真实存在的日期。",
        "预算“lots”不是数字。",
    ]


def test_rules_across_fields_read_in_chinese():
    values = {"title": "Trip", "start_on": date(2026, 5, 3), "end_on": date(2026, 5, 1)}
    assert _errors("visit", values, "en") == ["End date (2026-05-01) is before start date (2026-05-03)."]
    assert _errors("visit", values, "zh_CN") == ["结束日期（2026-05-01）早于开始日期（2026-05-03）。"]
    assert _errors("partner", {"country": "JP"}, "zh_CN") == ["请至少填写一项：中文名称或英文名称或当地语言名称。"]
    shipment = {"title": "Masks", "counterparty": "Osaka", "status": "delivered"}
    assert _errors("shipment", shipment, "zh_CN") == ["状态为“已送达”时，送达日期为必填项。"]
    assert _errors("shipment_item", {"shipment": 1, "description": "x", "quantity": -2}, "zh_CN") == [
        "数量必须大于零（现为 -2）。"]


def test_a_missing_reference_in_chinese(db):
    with pytest.raises(ValidationError) as caught:
        records.save("contact", {"partner": 999, "family_name": "Kim"})
    assert [e.text("zh_CN") for e in caught.value.errors] == ["友好伙伴：没有编号为 999 的友好伙伴。"]
    assert str(caught.value) == "Partner: there is no partner with ID 999."
