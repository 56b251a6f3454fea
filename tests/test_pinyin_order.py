"""Chinese names sort the way a Chinese reader expects: by pinyin, not by Unicode code point — in the
lists (SQL), after an upgrade from schema 1, and in the scale demo's bulk rows."""

import sqlite3

import pytest

from twindesk.domain import workspace
from twindesk.domain.operations import records
from twindesk.domain.queries import lists
from twindesk.domain.queries.lists import ListQuery
from twindesk.store import schema
from twindesk.store.models import pinyin_key

# In pinyin order: Bīngkù, Fúlājīmǐ'ěr, Hǎinán … ; by code point it would be 兵 < 哈 < 弗 < 济 < 长.
PINYIN_ORDER = ["兵库县", "长崎县", "弗拉基米尔州", "哈巴罗夫斯克", "济州特别自治道", "雅尔塔"]


def test_the_key_orders_by_pinyin_and_code_point_order_would_not():
    assert sorted(PINYIN_ORDER, key=pinyin_key) == PINYIN_ORDER
    assert sorted(PINYIN_ORDER) != PINYIN_ORDER
    assert pinyin_key("兵库县").startswith("bing1 ku4 xian4")
    assert pinyin_key("") == ""


def test_the_partner_list_sorts_chinese_names_by_pinyin_in_sql(db):
    for name in reversed(PINYIN_ORDER):
        records.save("partner", {"name_zh": name, "country": "JP"})
    page = lists.fetch("partners", ListQuery(sort="name_zh"))
    assert [r["name_zh"] for r in page.rows] == PINYIN_ORDER
    page = lists.fetch("partners", ListQuery(sort="name_zh", descending=True))
    assert [r["name_zh"] for r in page.rows] == PINYIN_ORDER[::-1]


def test_a_renamed_partner_moves_to_its_new_place(db):
    ids = [records.save("partner", {"name_zh": n, "country": "JP"}) for n in PINYIN_ORDER]
    records.save("partner", {"name_zh": "安塔利亚"}, ids[-1])  # Ān… now comes first
    page = lists.fetch("partners", ListQuery(sort="name_zh"))
    assert page.rows[0]["name_zh"] == "安塔利亚"


def test_shipments_sort_by_their_partners_pinyin(db):
    for name in ("济州特别自治道", "兵库县"):
        pid = records.save("partner", {"name_zh": name, "country": "KR"})
        records.save("shipment", {"title": f"Aid {name}", "partner": pid})
    page = lists.fetch("shipments", ListQuery(sort="partner_zh"))
    assert [r["partner_zh"] for r in page.rows] == ["兵库县", "济州特别自治道"]


def test_upgrading_a_schema_1_database_fills_the_keys_after_a_backup(db_path):
    workspace.open_workspace(db_path, take_backups=False)
    for name in reversed(PINYIN_ORDER):
        records.save("partner", {"name_zh": name, "country": "JP"})
    records.save("home_locality", {"name_zh": "三亚市"})
    workspace.close()
    conn = sqlite3.connect(db_path)  # make it the file a version-1 TwinDesk wrote
    conn.execute("ALTER TABLE partner DROP COLUMN sort_zh")
    conn.execute("ALTER TABLE home_locality DROP COLUMN sort_zh")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    opened = workspace.open_workspace(db_path, take_backups=False)
    assert opened.migrated_from == 1
    assert opened.db.pragma("user_version") == schema.SCHEMA_VERSION
    assert any(p.name.startswith("before-migration") for p in opened.backups_written)
    page = lists.fetch("partners", ListQuery(sort="name_zh"))
    assert [r["name_zh"] for r in page.rows] == PINYIN_ORDER
    row = opened.db.execute_sql("SELECT sort_zh FROM home_locality").fetchone()
    assert row[0].startswith("san1 ya4 shi4")
    workspace.close()


@pytest.mark.parametrize("scale", [300])
def test_scale_demo_rows_carry_their_keys(db, scale):
    from twindesk.domain import demo

    demo.write_demo(scale=scale)
    rows = db.db.execute_sql("SELECT name_zh, sort_zh FROM partner").fetchall()
    assert rows and all(key == pinyin_key(name) for name, key in rows)


def test_the_country_list_reads_in_pinyin_order_in_chinese():
    from twindesk.domain.model.countries import all_countries

    names = [name for _code, name in all_countries("zh_CN")]
    assert names.index("巴西") < names.index("日本") < names.index("中国")
    assert names[0].startswith("阿")
    english = [name for _code, name in all_countries("en")]
    assert english.index("Albania") < english.index("Brazil") < english.index("Japan")
