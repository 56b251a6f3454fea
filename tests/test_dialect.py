"""The domain's SQL on both engines (docs/architecture.md, "SQL on both engines"): store/dialect.py.

Each test runs on the SQLite file and on a PostgreSQL server database (skipped without server binaries);
the history's JSON of a row is compared across the two.
"""

import json
from datetime import date, time
from decimal import Decimal

import pytest
from conftest import Factory

from twindesk.domain import workspace
from twindesk.domain.operations import door, records, undo
from twindesk.domain.queries import history, lists
from twindesk.store import dialect
from twindesk.store import models as m


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    """The engine's name, with a fresh database of it bound for the test."""
    if request.param == "sqlite":
        workspace.open_workspace(tmp_path / "t.db", take_backups=False)
    else:
        workspace.open_workspace(request.getfixturevalue("pg_url"))
    yield request.param
    workspace.close()


def test_placeholders_become_psycopg_s_and_literal_percent_signs_double():
    assert dialect.server_sql("SELECT ? WHERE a = '?' AND b LIKE '%x' AND \"c?\" = ?") == \
        "SELECT %s WHERE a = '?' AND b LIKE '%%x' AND \"c?\" = %s"
    assert dialect.server_sql("SELECT 'it''s ?', ? % 2") == "SELECT 'it''s ?', %s %% 2"


def _visit_with_every_type(make: Factory) -> dict[str, int]:
    """Records holding a boolean, a decimal, a float, dates and times, so the history's JSON shows each."""
    partner = make.partner(name_zh="济州", population=670000, area_km2=1849.0, latitude=33.4)
    contact = make.contact(partner, family_name="金", given_name="民", family_name_first=True)
    visit = make.visit((partner,), start_on=date(2024, 5, 1), end_on=date(2024, 5, 4), budget="12345.50")
    item = make.itinerary(visit, day=date(2024, 5, 2), start_time=time(9, 30), end_time=time(11, 0))
    gift = make.gift(visit, value="300")
    return {"partner": partner, "contact": contact, "visit": visit, "itinerary_item": item, "gift": gift}


def _history_rows() -> list[tuple]:
    """Every history row, values parsed, without what differs per run (uuids, clocks)."""
    out = []
    for kind, record_id, change, field, old, new in dialect.execute(
            'SELECT kind, record_id, change, field, old, new FROM history_change ORDER BY id').fetchall():
        old, new = (None if v is None else json.loads(v) for v in (old, new))
        for row in (old, new):
            if isinstance(row, dict):
                for clock in ("uuid", "created_at", "updated_at", "updated_by"):
                    row.pop(clock, None)
        out.append((kind, record_id, change, field, old, new))
    return out


def test_the_history_of_a_row_is_the_same_json_on_both_engines(tmp_path, request):
    seen = {}
    for engine in ("sqlite", "postgresql"):
        if engine == "sqlite":
            workspace.open_workspace(tmp_path / "t.db", take_backups=False)
        else:
            workspace.open_workspace(request.getfixturevalue("pg_url"))
        try:
            ids = _visit_with_every_type(Factory())
            records.save("contact", {"family_name_first": False}, ids["contact"])
            records.save("visit", {"budget": "99.99", "end_on": date(2024, 5, 5)}, ids["visit"])
            records.save("itinerary_item", {"start_time": time(10, 15)}, ids["itinerary_item"])
            records.delete("gift", ids["gift"])
            seen[engine] = _history_rows()
        finally:
            workspace.close()
    assert json.dumps(seen["postgresql"]) == json.dumps(seen["sqlite"])  # types too: 1 is not true
    creates = {kind: new for kind, _id, change, _f, _old, new in seen["sqlite"] if change == "create"}
    assert creates["contact"]["family_name_first"] == 1 and type(creates["contact"]["family_name_first"]) is int
    assert creates["visit"]["start_on"] == "2024-05-01"
    assert creates["visit"]["budget"] == 12345.5
    assert creates["itinerary_item"]["start_time"] == "09:30:00"


def test_rows_written_in_bulk_have_the_same_history_json_as_rows_saved_one_by_one(engine):
    ids = _visit_with_every_type(Factory())
    models = {"partner": m.Partner, "contact": m.Contact, "visit": m.Visit, "itinerary_item": m.ItineraryItem,
              "gift": m.Gift}
    one_by_one = {kind: door.rows_by_id(model, [ids[kind]])[ids[kind]] for kind, model in models.items()}
    with door.operation("import", everything=True, undoable=False) as op:
        for model in models.values():
            op.created_in_bulk(model, [ids[door.model_kind(model)]])
    bulk = dialect.execute("SELECT kind, new FROM history_change WHERE operation_id = ?", (op.id,)).fetchall()
    assert json.dumps({kind: json.loads(new) for kind, new in sorted(bulk)}) == \
        json.dumps(dict(sorted(one_by_one.items())))  # types too: 1 is not true, 1849.0 not 1849
    # the keys in the table's order, as SQLite's json_object gives them
    assert [list(json.loads(new)) for kind, new in bulk if kind == "visit"] == [dialect.table_columns("visit")]


def test_undo_of_a_delete_puts_back_booleans_decimals_and_times(engine):
    ids = _visit_with_every_type(Factory())
    before = {kind: door.rows_by_id(model, [ids[kind]])[ids[kind]]
              for kind, model in (("contact", m.Contact), ("itinerary_item", m.ItineraryItem))}
    records.delete("visit", ids["visit"])
    records.delete("partner", ids["partner"])
    undo.history.undo()
    undo.history.undo()
    contact = door.rows_by_id(m.Contact, [ids["contact"]])[ids["contact"]]
    item = door.rows_by_id(m.ItineraryItem, [ids["itinerary_item"]])[ids["itinerary_item"]]
    assert contact["family_name_first"] == 1 and type(contact["family_name_first"]) is int
    assert item["start_time"] == "09:30:00"
    assert {k: v for k, v in contact.items() if k != "version"} == \
        {k: v for k, v in before["contact"].items() if k != "version"}
    assert m.Visit.get_by_id(ids["visit"]).budget == Decimal("12345.50")


def _insert_partner(record_id: int, name: str, parent_id: int | None = None) -> None:
    m.Partner.insert(id=record_id, name_en=name, country="KR", parent=parent_id).execute()


def test_foreign_keys_deferred_take_a_child_before_its_parent(engine):
    make = Factory()
    partner = make.partner()
    with door.operation("save"):
        dialect.defer_foreign_keys()
        [child_id, parent_id] = dialect.new_ids("partner", 2)
        _insert_partner(child_id, "Child", parent_id)
        _insert_partner(parent_id, "Parent")
    assert m.Partner.get_by_id(child_id).parent_id == parent_id
    assert partner < child_id < parent_id


def test_ids_are_never_handed_out_twice(engine):
    make = Factory()
    first = make.partner()
    records.delete("partner", first)
    assert dialect.handed_out("partner") == first
    given = dialect.new_ids("partner", 3)
    assert given[0] > first and len(set(given)) == 3
    with door.operation("save"):
        _insert_partner(given[-1] + 10, "Restored")
        dialect.ids_given("partner")
    assert make.partner() > given[-1] + 10


def test_search_finds_percent_and_underscore_as_typed(engine):
    make = Factory()
    hit = make.partner(name_en="50%_off Town")
    make.partner(name_en="50 off Town")
    found = lists.fetch("partners", lists.ListQuery(text="50%_"))
    assert [r["id"] for r in found.rows] == [hit]


def test_documents_read_back_in_pieces(engine):
    from twindesk.domain.operations import documents
    from twindesk.domain.queries import documents as document_queries

    partner = Factory().partner()
    content = b"%PDF-1.4\n" + bytes(range(256)) * 1000 + b"%%EOF\n"
    [doc] = documents.attach("partner", partner, [("scan.pdf", content)])
    documents.attach("partner", partner, [("copy.pdf", content)])  # the same content is stored once
    pieces = list(document_queries.read_chunks(doc, size=4096))
    assert b"".join(pieces) == content and max(map(len, pieces)) == 4096
    assert dialect.execute('SELECT count(*) FROM "document_blob"').fetchone()[0] == 1


def test_history_lists_people_by_their_names_not_the_database_login(engine):
    records.save("partner", {"name_en": "Jeju", "country": "KR"}, user="王芳")
    assert history.people() == ["王芳"]
