"""The schema on a PostgreSQL server behaves as the SQLite file's does (store/portable.py): ids never
reused, a UUID from the database itself, text in byte order, full-precision numbers."""

import pytest

from twindesk.domain import workspace
from twindesk.domain.operations import door
from twindesk.store import models as m
from twindesk.store.schema import NEWEST_MODELS


@pytest.fixture
def server(pg_cluster, pg_url):
    workspace.open_workspace(pg_url)
    yield pg_url.rsplit("/", 1)[1]
    workspace.close()


def _sql(pg_cluster, name, sql):
    return pg_cluster.run_sql(sql, database=name)


def test_every_text_column_compares_in_byte_order(pg_cluster, server):
    columns = _sql(pg_cluster, server, "SELECT table_name, column_name, collation_name FROM "
                   "information_schema.columns WHERE table_schema = 'public' AND data_type = 'text'")
    tables = {model._meta.table_name for model in NEWEST_MODELS}
    assert {t for t, _, _ in columns} == tables  # every table has text columns
    assert [(t, c) for t, c, collation in columns if collation != "C"] == []


def test_names_sort_as_on_sqlite_by_code_point(server):
    names = ["jeju", "Jeju", "Émile", "Zagreb", "济州", "abc", "ábc", "Ω", "_x", "a b"]
    with door.operation("save"):
        for name in names:
            m.Partner.insert(name_en=name, country="KR").execute()
    ordered = [p.name_en for p in m.Partner.select().order_by(m.Partner.name_en)]
    assert ordered == sorted(names)
    assert m.Partner.select().where(m.Partner.name_en < "a").count() == sum(1 for n in names if n < "a")


def test_ids_are_never_handed_out_twice(server):
    with door.operation("save"):
        first = m.Partner.insert(name_en="A", country="KR").execute()
        second = m.Partner.insert(name_en="B", country="KR").execute()
    with door.operation("delete"):
        m.Partner.delete().where(m.Partner.id == second).execute()
    with door.operation("save"):
        third = m.Partner.insert(name_en="C", country="KR").execute()
    assert first < second < third


def test_plain_sql_rows_get_a_uuid_a_version_and_defaults(pg_cluster, server):
    _sql(pg_cluster, server, "INSERT INTO partner (name_zh, name_en, name_native, kind, country, website, profile, "
         "notes, created_at, updated_at, updated_by) VALUES ('', 'Jeju', '', 'city', 'KR', '', '', '', now(), now(), '')")
    uuid, version, illustrative, search_text = _sql(
        pg_cluster, server, "SELECT uuid, version, illustrative, search_text FROM partner")[0]
    assert len(uuid) == 32 and int(uuid, 16) >= 0 and uuid == uuid.lower()
    assert (version, illustrative, search_text) == (1, False, "")


def test_numbers_keep_full_precision(server):
    with door.operation("save"):
        pid = m.Partner.insert(name_en="Jeju", country="KR", latitude=33.4996213, longitude=126.5311884,
                               population=3_000_000_000).execute()
    partner = m.Partner.get_by_id(pid)
    assert (partner.latitude, partner.longitude, partner.population) == (33.4996213, 126.5311884, 3_000_000_000)


def test_long_text_is_kept_whole_as_sqlite_keeps_it(server):
    with door.operation("save"):
        pid = m.Partner.insert(name_en="J" * 1000, country="KOR").execute()
    assert m.Partner.get_by_id(pid).name_en == "J" * 1000


def test_a_nul_in_text_is_stored_as_the_replacement_character_as_the_workbook_writes_it(server):
    with door.operation("save"):
        pid = m.Partner.insert(name_en="Je\x00ju", notes="a\x00b\x00", country="KR").execute()
    partner = m.Partner.get_by_id(pid)
    assert (partner.name_en, partner.notes) == ("Je\ufffdju", "a\ufffdb\ufffd")
