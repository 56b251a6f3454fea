"""`twindesk brief visit|partner ID OUT.pdf`: the pack written, or exit 2 with one line and no file;
never a Qt import."""

from pathlib import Path

import pytest
from brief_pdf import outline_titles, pages_text, text
from conftest import fingerprint, location, make_filled_database, run_python

from twindesk import cli

HELPER = Path(__file__).parent / "helpers" / "no_qt_cli.py"


@pytest.fixture(scope="module")
def good(module_targets) -> Path | str:
    """`fill_everything`: Jeju (1) with Seogwipo (2), Vladivostok (3); visit 1 to Jeju and Vladivostok."""
    path = module_targets.new("good.db")
    make_filled_database(path)
    return path


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_brief_visit_and_partner(capsys, good, tmp_path):
    out = tmp_path / "visit.pdf"
    code, stdout, err = run(capsys, "brief", "visit", 1, out, "--db", good)
    assert (code, err) == (0, "")
    assert stdout.strip() == f"visit brief written to {out}"
    content = text(out)
    assert "Outbound visit · briefing pack" in content
    assert "Владивосток" in content and "Jeju" in content

    out = tmp_path / "partner.pdf"
    code, stdout, err = run(capsys, "brief", "partner", 1, out, "--db", good, "--lang", "zh_CN",
                            "--marking", "内部资料", "--layout", "business")
    assert (code, err) == (0, "")
    assert stdout.strip() == f"友好伙伴背景材料已写到 {out}"  # the messages follow the pack's --lang
    pages = pages_text(out)
    assert all("内部资料" in p and f"共 {len(pages)} 页" in p for p in pages)
    assert "友好伙伴情况介绍" in pages[0] and "基本情况" in text(out)


def test_sections_and_language_options(capsys, good, tmp_path):
    out = tmp_path / "v.pdf"
    code, _, err = run(capsys, "brief", "visit", 1, out, "--db", good, "--lang", "zh_CN",
                       "--sections", "delegation, gifts")
    assert (code, err) == (0, "")
    # The official layout (the default in Chinese) numbers the headings as GB/T 9704-2012 does.
    assert outline_titles(out) == ["一、代表团成员", "二、礼品往来", ["（一）本次礼品", "（二）以往礼品往来"]]
    # the window's --lang before the command serves too
    code, _, err = run(capsys, "--lang", "zh_CN", "brief", "partner", 3, out, "--db", good, "--sections", "profile",
                       "--force")
    assert (code, err) == (0, "")
    assert outline_titles(out) == ["一、基本情况"]


def test_an_unknown_section_names_the_valid_ones(capsys, good, tmp_path):
    out = tmp_path / "v.pdf"
    code, stdout, err = run(capsys, "brief", "visit", 1, out, "--db", good, "--sections", "cover,agenda")
    assert (code, stdout) == (2, "")
    assert err.splitlines() == [
        "twindesk: error: unknown section 'agenda' for a visit brief; valid sections: cover, contents, purpose, "
        "partners, history, delegation, itinerary, contacts, gifts, notes, logistics, documents"]
    assert not out.exists()


@pytest.mark.parametrize("kind", ["visit", "partner"])
def test_an_unknown_id_is_exit_2_and_the_old_file_stays(capsys, good, tmp_path, kind):
    out = tmp_path / "old.pdf"
    out.write_bytes(b"yesterday's pack")
    code, stdout, err = run(capsys, "brief", kind, 999, out, "--db", good, "--force")
    assert (code, stdout) == (2, "")
    assert err.splitlines() == [f"twindesk: error: {location(good)}: There is no {kind} with ID 999."]
    assert out.read_bytes() == b"yesterday's pack"
    assert [p.name for p in tmp_path.iterdir()] == ["old.pdf"]


def test_a_missing_database_or_folder(capsys, good, tmp_path):
    missing = tmp_path / "missing.db"
    code, _, err = run(capsys, "brief", "visit", 1, tmp_path / "v.pdf", "--db", missing)
    assert code == 2 and err.splitlines() == [f"twindesk: error: {missing}: does not exist"]
    assert not missing.exists()
    code, _, err = run(capsys, "brief", "partner", 1, tmp_path / "no" / "p.pdf", "--db", good)
    assert code == 2 and err.splitlines() == [
        f"twindesk: error: {tmp_path / 'no' / 'p.pdf'}: the folder {tmp_path / 'no'} does not exist"]


def test_the_database_is_only_read(capsys, good, tmp_path):
    digest = fingerprint(good)
    assert run(capsys, "brief", "partner", 1, tmp_path / "p.pdf", "--db", good)[0] == 0
    assert fingerprint(good) == digest


@pytest.mark.parametrize("kind", ["visit", "partner"])
def test_brief_never_imports_qt(good, tmp_path, kind):
    out = tmp_path / "b.pdf"
    proc = run_python(str(HELPER), "brief", kind, "1", str(out), "--db", str(good), "--lang", "zh_CN")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "qt-imports: none"
    assert out.stat().st_size > 1000
