"""Every record and field has its Chinese label, so no workbook header or brief label falls back to English."""

from twindesk.domain.model import labels
from twindesk.domain.model.specs import SPECS


def test_every_field_and_record_has_a_chinese_label():
    missing = [
        f"{spec.kind}.{f.name} ({f.label})"
        for spec in SPECS.values()
        for f in spec.fields
        if spec.field_label(f.name, "zh_CN") == f.label
    ]
    assert missing == []
    assert [s.kind for s in SPECS.values() if s.record_label("zh_CN") == s.label] == []


def test_english_labels_are_the_specs_own_and_ambiguous_labels_differ_by_record():
    assert SPECS["partner"].field_label("name_zh", "en") == "Chinese name"
    assert SPECS["partner"].field_label("name_zh", "zh_CN") == "中文名称"
    assert SPECS["contact"].field_label("title", "zh_CN") == "职务"
    assert SPECS["visit"].field_label("title", "zh_CN") == "团组名称"
    assert labels.record_label("shipment", "zh_CN") == "援助物资"
