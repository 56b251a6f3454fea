"""A login's TwinDesk role on the shared server decides what it may change (docs/architecture.md, "Who
may do what"): a reader is refused every writing command with the reason, before anything is written;
an editor changes records but not home localities, an admin both; a write that slips past our check is
refused by the server and said the same way; the history names the database login."""

from datetime import date

import pytest
from server_office import EDITOR_SAYS, READER_SAYS, office_fixture

from twindesk.domain import workspace
from twindesk.domain.operations import door, records, write_access
from twindesk.domain.queries import history
from twindesk.domain.server_session import ServerSession
from twindesk.store import models as m

pytestmark = pytest.mark.usefixtures("pg_cluster")

office = office_fixture(stocked=True)


@pytest.fixture
def signed_in(office):
    """Open the office's database as a login (read-write), closed after the test."""
    def open_as(who: str):
        return workspace.open_workspace(office.url(who), password=office.password(who))

    yield open_as
    workspace.close()


def counts(office) -> tuple:
    return tuple(office.sql(f"SELECT count(*) FROM {t}")[0][0]
                 for t in ("history_operation", "partner", "home_locality", "document", "visit"))


@pytest.fixture
def files(tmp_path):
    staff_list = tmp_path / "partners.csv"
    staff_list.write_text("English name,Country\nBusan,KR\n", encoding="utf-8")
    pdf = tmp_path / "agreement.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    backup = tmp_path / "backup.db"
    backup.write_bytes(b"")
    return {"csv": staff_list, "pdf": pdf, "backup": backup}


@pytest.mark.parametrize("command", ["demo", "demo --force", "import {csv}", "import {csv} --dry-run",
                                     "attach partner:{partner} {pdf}", "restore {backup}"])
def test_a_reader_is_refused_every_writing_command_with_the_reason(office, files, command):
    before = counts(office)
    args = command.format(partner=office.ids["partner"], **files).split()
    done = office.twindesk("reader", *args)
    assert done.returncode == 2, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith("twindesk: error: "), lines
    if args[0] == "restore":  # a server's backups are pg_dump's, whoever asks: the commands follow
        assert "pg_restore" in done.stderr
    else:
        assert len(lines) == 1 and f"as {office.logins['reader']}, {READER_SAYS}" in lines[0], lines
    assert counts(office) == before


def test_the_reader_refusal_in_chinese(office, files):
    done = office.twindesk("reader", "--lang", "zh_CN", "demo")
    assert done.returncode == 2
    assert "该用户只能查看（角色 twindesk_reader）。请向本单位的管理员申请编辑者角色。" in done.stderr, done.stderr


def test_a_reader_still_reads(office):
    done = office.twindesk("reader", "check")
    assert done.returncode == 0, done.stderr
    assert "records: 1 partners" in done.stdout


def test_a_reader_session_refuses_in_the_domain_before_the_server_is_asked(office, signed_in):
    with pytest.raises(write_access.WriteNotAllowed, match="may only read"):
        signed_in("reader")  # a read-write open: refused at once
    opened = workspace.open_workspace(office.url("reader"), password=office.password("reader"),
                                      read_only_fallback=True)
    assert opened.read_only and READER_SAYS in opened.read_only_reason
    before = counts(office)
    with pytest.raises(write_access.WriteNotAllowed, match="may only read"):
        records.save("partner", {"name_en": "Busan", "country": "KR"})
    with pytest.raises(write_access.WriteNotAllowed, match="may only read"):
        with door.operation("save", kind="partner"):
            pytest.fail("the operation must not begin")
    assert counts(office) == before


def rename(model, record_id: int, name: str, *, kind: str = "partner", user: str = "", everything=False) -> None:
    """A change through the door that tracks no rows (so it needs none of the domain's own SQL)."""
    with door.operation("save", kind=kind, user=user, everything=everything):
        model.update(name_en=name).where(model.id == record_id).execute()


def fool_our_check(office, who: str) -> None:
    """Our early check told the login is an admin, and the session that it may write: only the server's
    grants are left to refuse."""
    write_access.bind("admin", "the office's server", office.logins[who])
    door.bind_write_lock(ServerSession(workspace.current().address))


def test_a_reader_write_that_slips_past_our_check_is_refused_by_the_server(office):
    workspace.open_workspace(office.url("reader"), password=office.password("reader"), read_only_fallback=True)
    try:
        fool_our_check(office, "reader")
        before = counts(office)
        with pytest.raises(write_access.WriteNotAllowed) as refused:
            rename(m.Partner, office.ids["partner"], "Busan")
        assert f"as {office.logins['reader']}, {READER_SAYS}" in str(refused.value)
        assert refused.value.__cause__ is not None  # the server's own refusal, kept
    finally:
        workspace.close()
    assert counts(office) == before
    assert office.sql("SELECT name_en FROM partner WHERE id = %s", (office.ids["partner"],)) == [("Jeju",)]


def test_an_editor_is_refused_home_localities_before_anything_is_sent(office, signed_in):
    signed_in("editor")
    assert write_access.level() == "editor"
    before = counts(office)
    with pytest.raises(write_access.WriteNotAllowed, match=EDITOR_SAYS.split(" (")[0]):
        records.save("home_locality", {"name_en": "Hainan Province"}, office.ids["home_locality"])
    with pytest.raises(write_access.WriteNotAllowed, match="may not change home localities"):
        records.delete("home_locality", office.ids["home_locality"])
    with pytest.raises(write_access.WriteNotAllowed, match="may not change home localities"):
        records.save("home_locality", {"name_zh": "海口市"})
    with pytest.raises(write_access.WriteNotAllowed, match="may not change home localities"):
        with door.operation("demo"):  # the demo writes its own home localities
            pytest.fail("the operation must not begin")
    assert counts(office) == before


def test_an_editor_past_our_check_is_refused_by_the_server_with_the_same_words(office, signed_in):
    signed_in("editor")
    rename(m.Partner, office.ids["partner"], "Jeju-do")  # a record: the editor's to change
    fool_our_check(office, "editor")
    before = counts(office)
    with pytest.raises(write_access.WriteNotAllowed) as refused:
        rename(m.HomeLocality, office.ids["home_locality"], "Hainan Province")  # said to be about a partner
    assert f"as {office.logins['editor']}, {EDITOR_SAYS}" in str(refused.value)
    assert counts(office) == before
    assert office.sql("SELECT name_en FROM home_locality") == [("Hainan",)]
    rename(m.Partner, office.ids["partner"], "Jeju")


def test_an_admin_changes_home_localities(office, signed_in):
    signed_in("admin")
    rename(m.HomeLocality, office.ids["home_locality"], "Hainan Province", kind="home_locality")
    assert office.sql("SELECT name_en FROM home_locality") == [("Hainan Province",)]
    rename(m.HomeLocality, office.ids["home_locality"], "Hainan", kind="home_locality")


def test_the_history_names_the_database_login_beside_the_staff_name(office, signed_in):
    signed_in("editor")
    rename(m.Partner, office.ids["partner"], "Jeju", user="李娜", everything=True)  # one history operation
    operation = m.HistoryOperation.select().order_by(m.HistoryOperation.id.desc()).get()
    assert (operation.user, operation.db_user) == ("李娜", office.logins["editor"])


def test_saving_records_as_editor_and_admin_through_the_domain(office, signed_in):
    signed_in("editor")
    visit = records.save("visit", {"title": "Spring forum", "start_on": date(2027, 4, 1)}, user="李娜")
    assert history.record_history("visit", visit)[0].user == f"李娜 ({office.logins['editor']})"
    assert history.recent_changes(limit=1)[0].user == f"李娜 ({office.logins['editor']})"
    workspace.close()
    signed_in("admin")
    haikou = records.save("home_locality", {"name_zh": "海口市", "name_en": "Haikou"}, user="王芳")
    assert m.HomeLocality.get_by_id(haikou).name_zh == "海口市"
    records.delete("home_locality", haikou, user="王芳")
    assert office.logins["editor"] in office.twindesk("reader", "history", "--limit", "5").stdout

