"""A staff list imported on a server while another member of staff adds partners (docs/architecture.md,
"SQL on both engines": ids). The check numbers the list's new partners so that the partnerships naming
them can point to them; those numbers are placeholders, and the import takes its ids from the sequence
inside its own transaction, so neither side ever meets the other's id."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import subprocess_env

from twindesk.domain import workspace
from twindesk.domain.operations import records
from twindesk.domain.transfer.apply import apply_import
from twindesk.domain.transfer.check import ImportCheck
from twindesk.store import models as m

INSERTER = Path(__file__).parent / "helpers" / "partner_inserter.py"
CITIES = [("神户市", "Kobe"), ("大阪府", "Osaka"), ("兵库县", "Hyogo"), ("京都府", "Kyoto")]


@pytest.fixture
def server(pg_url):
    workspace.open_workspace(pg_url, take_backups=False)
    records.save("home_locality", {"name_zh": "海南省", "name_en": "Hainan Province", "kind": "province"})
    yield pg_url
    workspace.close()


def _staff_list(round_: int):
    check = ImportCheck(typed_by_staff=True)
    for line, (zh, en) in enumerate(CITIES, start=2):
        check.add("partner", line, None, {"name_zh": f"{zh}{round_}", "name_en": f"{en} {round_}", "country": "日本"})
        check.add("partnership", line, None, {"partner": f"{zh}{round_}", "home_locality": "海南省",
                                              "tier": "友好城市", "status": "已签署", "signed_on": "1995/9/1"})
    plan = check.finish()
    assert plan.problems == []
    return plan


def _loop_partners() -> int:
    return m.Partner.select().where(m.Partner.name_en.startswith("Loop ")).count()


def test_a_staff_list_imported_while_another_process_inserts_partners(server, tmp_path):
    stop = tmp_path / "stop"
    other = subprocess.Popen([sys.executable, str(INSERTER), server, str(stop)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=subprocess_env())
    try:
        for round_ in range(1, 4):
            plan = _staff_list(round_)
            numbered = {r.line: r.record_id for r in plan.tables["partner"].rows}
            assert all(numbered.values())  # the check numbered them: the partnerships point to them
            seen = _loop_partners()
            deadline = time.monotonic() + 30
            while _loop_partners() < seen + 3:  # the other takes ids past the check's numbers meanwhile
                assert other.poll() is None, other.communicate()
                assert time.monotonic() < deadline
                time.sleep(0.02)
            result = apply_import(plan, user="li")
            assert result.created["partner"] == len(CITIES) and result.created["partnership"] == len(CITIES)
    finally:
        stop.write_text("stop")
        out, err = other.communicate(timeout=60)
    said = json.loads(out.strip().splitlines()[-1])
    assert said["errors"] == [] and len(said["saved"]) >= 9, err
    assert sorted(p.name_en for p in m.Partner.select().where(m.Partner.id.in_(said["saved"]))) == sorted(
        f"Loop {i}" for i in range(1, len(said["saved"]) + 1))  # every one of theirs as they saved it
    for round_ in range(1, 4):
        for zh, en in CITIES:
            partner = m.Partner.get(m.Partner.name_zh == f"{zh}{round_}")
            assert partner.name_en == f"{en} {round_}" and partner.id not in said["saved"]
            (link,) = m.Partnership.select().where(m.Partnership.partner == partner.id)  # points to the right one
    p = m.Partner
    assert p.select().count() == len(said["saved"]) + 3 * len(CITIES)
    next_id = records.save("partner", {"name_en": "After", "country": "KR"})
    assert next_id > max(x.id for x in p.select().where(p.name_en != "After"))  # the sequence is past them all


def test_the_ids_taken_at_writing_pass_over_ids_the_list_names_itself(make):
    make.locality()
    first = make.partner(name_en="Busan")
    check = ImportCheck(typed_by_staff=True)
    check.add("partner", 2, first + 1, {"name_zh": "神户市", "country": "日本"})  # an ID of its own, not stored
    check.add("partner", 3, None, {"name_zh": "大阪府", "country": "日本"})
    for line, name in ((2, "神户市"), (3, "大阪府")):
        check.add("partnership", line, None, {"partner": name, "home_locality": "海南省", "tier": "友好城市",
                                              "status": "已签署", "signed_on": "1995/9/1"})
    plan = check.finish()
    assert plan.problems == [] and plan.tentative.of("partner") == {first + 2}
    apply_import(plan, user="li")
    kobe, osaka = (m.Partner.get(m.Partner.name_zh == n) for n in ("神户市", "大阪府"))
    assert kobe.id == first + 1 and osaka.id not in (first, first + 1)
    links = {m.Partner.get_by_id(ps.partner_id).name_zh for ps in m.Partnership.select()}
    assert links == {"神户市", "大阪府"}
    assert {ps.partner_id for ps in m.Partnership.select()} == {kobe.id, osaka.id}
