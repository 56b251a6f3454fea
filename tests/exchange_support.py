"""What the workbook tests share: hostile text, records holding it, and ways to read a workbook and a
database back for comparison."""

import sqlite3
from contextlib import contextmanager
from datetime import date, time
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from twindesk.domain import workspace
from twindesk.domain.operations import records
from twindesk.exchange import export_workbook, import_workbook
from twindesk.store.models import RECORD_MODELS
from twindesk.store.server.address import is_database_url, parse_database_url

LONG_NOTE = ("Minutes of the meeting, item by item. " * 1000)[:36_000] + "😀" * 2000 + "济" * 2000  # 40,000
VERY_LONG_NOTE = "长" * 70_000  # three cells' worth
CONTROL = "bell\x07 null\x00 escape\x1b vertical-tab\x0b end"
CONTROL_WRITTEN = "bell\ufffd null\ufffd escape\ufffd vertical-tab\ufffd end"

# Text a person may type that a spreadsheet could take for something else, and names in many scripts.
HOSTILE = [
    "=1+2",
    '=HYPERLINK("http://x","y")',
    "+1",
    "-2",
    "@SUM(A1)",
    "#N/A",
    "#DIV/0!",
    "=",
    "AT&T <b>",
    "'=quoted",
    "_x0041_ is not A",
    "_x005F_x0041_",
    "مدينة الصداقة ‏שלום",  # right-to-left, with a right-to-left mark
    "👍🏽 🇨🇳 友好 😀",
    "济州特别自治道",
    "제주특별자치도",
    "兵庫県・神戸市",
    "Владивосток",
]


def add_hostile_records(make) -> dict:
    """Records (through the domain, as the window writes them) holding every hostile text somewhere."""
    ids = {"partners": []}
    for i, text in enumerate(HOSTILE):
        ids["partners"].append(make.partner(name_en=text, name_native=text, country="KR" if i % 2 else "JP",
                                            notes=f"{text}\n\tindented line =1"))
    first = ids["partners"][0]
    ids["long"] = make.partner(name_en="Long notes", country="RU", notes=LONG_NOTE, profile=VERY_LONG_NOTE)
    ids["control"] = make.partner(name_en="Control characters", country="RU", notes=CONTROL)
    make.contact(first, family_name="=1+2", given_name="@SUM(A1)", title="+1", phone="-2", notes="#N/A")
    visit = make.visit((first,), title='=HYPERLINK("http://x","y")', leader="Владимир Ялтинский",
                       purpose="AT&T <b>", start_on=date(2024, 5, 1), end_on=date(2024, 5, 3))
    make.delegate(visit, name="=1+2", title="제주 도지사", role="-2")
    make.itinerary(visit, day=date(2024, 5, 2), activity="@SUM(A1)", place="兵庫県")
    make.gift(visit, description="#N/A", value="12.50", giver="👍🏽")
    shipment = make.shipment(first, title="=1+2", occasion="#N/A", tracking_ref="+1", carrier="-2")
    make.item(shipment, description="@SUM(A1)", unit="AT&T <b>", quantity="1000", value="99.95",
              notes=CONTROL)
    records.save("home_locality", {"name_zh": "三亚市", "name_en": "=Sanya", "kind": "city"})
    return ids


def export_db(db_path: Path, out: Path, **options):
    """Export the database at `db_path` (opened for this call only)."""
    workspace.open_workspace(db_path, read_only=True)
    try:
        return export_workbook(out, **options)
    finally:
        workspace.close()


def import_into(db_path: Path, source: Path, **options):
    """Import `source` into the database at `db_path`, made if missing (opened for this call only)."""
    workspace.open_workspace(db_path, take_backups=False)
    try:
        return import_workbook(source, **options)
    finally:
        workspace.close()


def sheet_values(path: Path) -> dict[str, list[tuple]]:
    """Every sheet's rows as values; the Summary's export time left out (it differs by run)."""
    wb = load_workbook(path, read_only=True)
    try:
        out = {}
        for ws in wb.worksheets:
            rows = list(ws.iter_rows(values_only=True))
            if ws.title in ("Summary", "概况"):
                rows = rows[:1] + rows[2:]
            out[ws.title] = rows
        return out
    finally:
        wb.close()


# The records' tables: the history and SQLite's own tables say how the data came to be, not what it is.
RECORD_TABLES = [model._meta.table_name for model in RECORD_MODELS]


def table_rows(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, timestamps and all, in ID order: "the database is unchanged"."""
    with database_rows(db_path) as select:
        return {t: [tuple(row.values()) for row in select(f'SELECT * FROM "{t}" ORDER BY 1')] for t in RECORD_TABLES}


@contextmanager
def database_rows(target):
    """`select(sql)` -> rows as dicts of plain values, from a SQLite file or (a URL) a server database.
    Plain: the values as SQLite keeps them (booleans 0/1, dates and times as text, numbers as numbers), so
    rows read from either engine compare equal."""
    if is_database_url(str(target)):
        import psycopg
        from psycopg.rows import dict_row

        with psycopg.connect(**parse_database_url(str(target)).connect_params(), row_factory=dict_row) as conn:
            yield lambda sql: [{k: _plain(v) for k, v in row.items()} for row in conn.execute(sql).fetchall()]
        return
    conn = sqlite3.connect(str(target))
    conn.row_factory = sqlite3.Row
    try:
        yield lambda sql: [dict(row) for row in conn.execute(sql).fetchall()]
    finally:
        conn.close()


def _plain(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date | time):  # datetime is a date: "2026-12-01 09:30:00", as SQLite keeps it
        return str(value)
    return value


NOT_IN_WORKBOOK = ("created_at", "updated_at", "updated_by")


def content_rows(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of every table without its timestamps and author: what a round trip keeps (the demo's
    tag included)."""
    with database_rows(db_path) as select:
        return {t: [tuple(v for k, v in row.items() if k not in NOT_IN_WORKBOOK)
                    for row in select(f'SELECT * FROM "{t}" ORDER BY id')] for t in RECORD_TABLES}
