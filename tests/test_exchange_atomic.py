"""A cancelled or failing export leaves the previous file (or none) and no temporary file, openpyxl's
own included; a cancelled import writes nothing."""

import os
import tempfile

import pytest
from conftest import make_filled_database
from exchange_support import export_db, import_into, table_rows
from openpyxl import Workbook

from twindesk import cli
from twindesk.domain.output_file import OutputFileError
from twindesk.domain.progress import Cancelled, Progress
from twindesk.domain.transfer import apply as transfer_apply
from twindesk.exchange import export as export_module
from twindesk.exchange import import_flow as import_module


@pytest.fixture
def filled(new_target):
    path = new_target("filled.db")
    make_filled_database(path)
    return path


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    """openpyxl's write-only sheets stream into the system's temporary folder: make it ours to inspect."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


class CancelAt(Progress):
    """Presses Cancel at the `n`-th progress report."""

    def __init__(self, n: int):
        super().__init__()
        self.n, self.calls = n, 0

    def advance(self, done, total, text=""):
        self.calls += 1
        if self.calls >= self.n:
            self.cancel()
        super().advance(done, total, text)


def _calls_in_a_full_export(filled, out) -> int:
    counter = CancelAt(10**9)
    export_db(filled, out, progress=counter)
    return counter.calls


@pytest.mark.parametrize("where", ["start", "middle", "saving"])
@pytest.mark.parametrize("previous", [True, False])
def test_a_cancelled_export_leaves_the_previous_file_or_none(filled, tmp_path, private_temp, monkeypatch,
                                                             where, previous):
    monkeypatch.setattr(export_module, "PROGRESS_EVERY", 1)  # a report per row: cancel inside a sheet
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "meeting.xlsx"
    total = _calls_in_a_full_export(filled, tmp_path / "probe.xlsx")
    if previous:
        out.write_bytes(b"last week's workbook")
    else:
        out.unlink(missing_ok=True)
    n = {"start": 1, "middle": total // 2, "saving": total}[where]
    with pytest.raises(Cancelled):
        export_db(filled, out, progress=CancelAt(n), replace=True)
    assert sorted(p.name for p in folder.iterdir()) == (["meeting.xlsx"] if previous else [])
    if previous:
        assert out.read_bytes() == b"last week's workbook"
    assert list(private_temp.iterdir()) == []


def test_an_export_to_a_folder_that_cannot_be_written_leaves_nothing(filled, private_temp):
    target = "/proc/meeting.xlsx"  # no one, not even root, creates files there
    with pytest.raises(OutputFileError, match="^/proc/meeting.xlsx: cannot write in /proc"):
        export_db(filled, target)
    assert not os.path.exists(target) and list(private_temp.iterdir()) == []


def test_a_read_only_folder_leaves_nothing(filled, tmp_path, private_temp):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who may write anywhere (root); /proc covers this above")
        with pytest.raises(OutputFileError, match="cannot write in"):
            export_db(filled, folder / "meeting.xlsx")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_failure_while_saving_leaves_the_previous_file_and_no_temporary_file(filled, tmp_path, private_temp,
                                                                              monkeypatch):
    out = tmp_path / "meeting.xlsx"
    out.write_bytes(b"previous")
    real_save = Workbook.save

    def disk_full(self, filename):
        real_save(self, filename)  # the whole file written, and then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", disk_full)
    with pytest.raises(OutputFileError, match="No space left on device"):
        export_db(filled, out, replace=True)
    assert out.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".db") == ["meeting.xlsx", "system-temp"]
    assert list(private_temp.iterdir()) == []


def test_the_command_line_says_where_in_one_line(filled, tmp_path, capsys):
    missing = tmp_path / "no-such-folder" / "meeting.xlsx"
    assert cli.main(["export", str(missing), "--db", str(filled)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"twindesk: error: {missing}: the folder {missing.parent} does not exist"]
    assert not missing.parent.exists()


@pytest.mark.parametrize("phase", ["reading", "writing"])
def test_a_cancelled_import_writes_nothing(filled, tmp_path, new_target, monkeypatch, phase):
    out = tmp_path / "filled.xlsx"
    export_db(filled, out)
    target = new_target("target.db")
    import_into(target, out)  # the target holds the records; the import below changes one of them
    from openpyxl import load_workbook

    wb = load_workbook(out)
    partners = wb["Partners"]
    english = [c.value for c in partners[1]].index("English name") + 1
    partners.cell(row=2, column=english).value = "Jeju (renamed)"
    wb.save(out)
    before = table_rows(target)
    monkeypatch.setattr(import_module, "PROGRESS_EVERY", 1)
    monkeypatch.setattr(transfer_apply, "BATCH", 1)
    progress = CancelAt(2 if phase == "reading" else 10**9)
    if phase == "writing":
        real = transfer_apply._write_table

        def write_then_cancel(*args, **kwargs):
            result = real(*args, **kwargs)
            progress.cancel()  # Cancel pressed after the first table is written, inside the transaction
            return result
        monkeypatch.setattr(transfer_apply, "_write_table", write_then_cancel)
    with pytest.raises(Cancelled):
        import_into(target, out, progress=progress)
    assert table_rows(target) == before
