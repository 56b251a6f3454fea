"""Country names from the table in the cache folder: the same names pycountry gives, and naming a
country from it does not load pycountry (start-up's dashboard, docs/architecture.md "Start-up")."""

import json
import os
import subprocess
import sys

from twindesk.domain.model import countries, country_table

NAME_ONE = ("import sys; from twindesk.domain.model.countries import country_name; "
            "print(country_name('KR', 'zh_CN'), country_name('tw', 'en'), country_name('XX', 'en'), "
            "'pycountry' in sys.modules)")


def _run(cache, code=NAME_ONE):
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.split()


def test_the_table_names_every_country_as_pycountry_does(tmp_path):
    first = _run(tmp_path)  # builds the table from pycountry, keeps it
    assert first == ["大韩民国", "Taiwan", "XX", "True"]
    again = _run(tmp_path)  # reads it: pycountry is not loaded
    assert again == ["大韩民国", "Taiwan", "XX", "False"]
    tables = [json.loads(t.read_text(encoding="utf-8")) for t in tmp_path.rglob("country-short-names-*.json")]
    assert sorted(tables, key=lambda t: t["KR"]) == [countries._short_names("en"), countries._short_names("zh_CN")]
    pycountry = countries._pycountry()
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        assert countries.country_name(country.alpha_2, "en") == english


def test_a_damaged_table_is_made_again(tmp_path):
    _run(tmp_path)
    [table] = [t for t in tmp_path.rglob("country-short-names-*.json") if "大韩民国" in t.read_text(encoding="utf-8")]
    table.write_text("{not json", encoding="utf-8")
    assert _run(tmp_path)[:3] == ["大韩民国", "Taiwan", "XX"]
    assert json.loads(table.read_text(encoding="utf-8"))["KR"] == "大韩民国"


def test_without_a_cache_folder_the_names_come_from_pycountry(monkeypatch):
    monkeypatch.setattr(country_table, "_table_file", lambda _lang: None)
    country_table.short_names.cache_clear()
    try:
        assert countries.country_name("JP", "zh_CN") == "日本"
        assert countries.country_name("", "en") == ""
    finally:
        country_table.short_names.cache_clear()


TELL = ("import sys; from twindesk.domain.model.countries import country_for_name, find_country, is_country; "
        "print(country_for_name('日本'), country_for_name('South Korea'), is_country('jp'), is_country('XX'), "
        "find_country('KR'), 'pycountry' in sys.modules, 'babel' in sys.modules)")


def test_telling_a_country_by_code_or_name_loads_neither_pycountry_nor_babel_once_kept(tmp_path):
    assert _run(tmp_path, TELL)[:5] == ["JP", "KR", "True", "False", "KR"]  # builds and keeps the tables
    assert _run(tmp_path, TELL) == ["JP", "KR", "True", "False", "KR", "False", "False"]
    assert countries._codes() == frozenset(c.alpha_2 for c in countries._pycountry().countries)
