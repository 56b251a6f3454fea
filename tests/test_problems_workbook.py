"""The list of an import's problems saved as a workbook: what staff typed comes out as text."""

import pytest
from openpyxl import load_workbook

from twindesk.domain.output_file import OutputFileError
from twindesk.exchange.problems_workbook import write_problems_workbook

HEADERS = ("Sheet", "Row", "Column", "Value", "Problem")


def test_values_staff_typed_are_written_as_text_never_as_formulas(tmp_path):
    rows = [("友城名录", 9, "人口 (E)", "12345678901234567890", "Population is too large a number to store."),
            ("友城名录", 10, "备注 (H)", "=1+1", "Notes: a formula"),
            ("友城名录", 11, "国家 (B)", "#N/A", "Country “#N/A” is not a country."),
            ("结好情况", None, None, None, "unknown sheet")]
    target = write_problems_workbook(tmp_path / "problems.xlsx", "Problems", HEADERS, rows)
    ws = load_workbook(target).active
    assert ws.title == "Problems"
    got = list(ws.iter_rows(values_only=True))
    assert got[0] == HEADERS and got[1:] == [tuple(r) for r in rows]
    assert ws["D3"].data_type == "s" and ws["D4"].data_type == "s"  # text cells, not a formula or an error


def test_an_existing_file_is_kept_unless_replacing_was_asked(tmp_path):
    target = tmp_path / "problems.xlsx"
    target.write_bytes(b"mine")
    with pytest.raises(OutputFileError):
        write_problems_workbook(target, "Problems", HEADERS, [("a", 1, "b", "c", "d")])
    assert target.read_bytes() == b"mine"
    write_problems_workbook(target, "Problems", HEADERS, [("a", 1, "b", "c", "d")], replace=True)
    assert load_workbook(target).active["A2"].value == "a"
