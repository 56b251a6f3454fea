"""An .ods whose few bytes say a huge sheet (a row repeated a million times over, a cell repeated across
thousands of columns) is refused before calamine lays it out, as an .xlsx is; the empty rows
LibreOffice repeats to a sheet's last row are no content and pass."""

import zipfile

import pytest

from twindesk.exchange.staff_lists.sources import read_source
from twindesk.exchange.workbook_budget import WorkbookTooLarge

_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def _ods(path, rows_xml: str):
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS} office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="名录">{rows_xml}</table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                   'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                   '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                   '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                   'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def _cell(text: str, repeat: int = 1) -> str:
    columns = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return f'<table:table-cell office:value-type="string"{columns}><text:p>{text}</text:p></table:table-cell>'


HEADERS = f"<table:table-row>{_cell('名称')}{_cell('国家')}</table:table-row>"


def test_a_row_repeated_past_a_sheets_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = _ods(tmp_path / "many.ods", HEADERS + '<table:table-row table:number-rows-repeated="2000000000">'
                f"{_cell('神户')}{_cell('日本')}</table:table-row>")
    assert path.stat().st_size < 2000

    def never(*_args, **_kwargs):
        raise AssertionError("calamine was asked to read it")

    monkeypatch.setattr("python_calamine.CalamineWorkbook.from_path", never)
    with pytest.raises(WorkbookTooLarge, match=r"the sheet 名录 spans 2,000,000,001 rows \(the limit is 1,048,576\)"):
        read_source(path)


def test_a_cell_repeated_across_too_many_cells_is_refused(tmp_path):
    path = _ods(tmp_path / "wide.ods", HEADERS + '<table:table-row table:number-rows-repeated="1000">'
                f"{_cell('x', 30_000)}</table:table-row>")
    with pytest.raises(WorkbookTooLarge, match=r"the sheet 名录 spans 30,030,000 cells"):
        read_source(path)


def test_the_empty_rows_libreoffice_repeats_to_the_end_are_no_content(tmp_path):
    path = _ods(tmp_path / "fine.ods", HEADERS + f"<table:table-row>{_cell('神户')}{_cell('日本')}</table:table-row>"
                '<table:table-row table:number-rows-repeated="1048573"><table:table-cell '
                'table:number-columns-repeated="1024"/></table:table-row>')
    [sheet] = read_source(path).sheets
    assert [values for _, values in sheet.rows] == [("名称", "国家"), ("神户", "日本")]
