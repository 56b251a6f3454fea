"""Lists as staff type them in Excel, WPS or LibreOffice, not from TwinDesk's template: a merged title,
a note above the headers, Chinese headers in their own wording and order, blank rows, a 合计 row with a
=COUNTA formula and the value Excel saved with it, a formula without a saved value, a signature line
below; written as .xlsx (openpyxl, then the saved values put into the XML as Excel writes them), .xls
(xlwt), .ods (odfpy) and CSV in GB18030.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook

TITLE = "海南省国际友好城市名录（截至2024年底）"

# The partner list: 序号 first, the country as a name, the population as 万 and with separators.
PARTNER_HEADERS = ["序号", "城市名称", "国别", "英文名", "人口", "面积（平方公里）", "备注"]
PARTNERS = [
    [1, "兵库县", "日本", "Hyogo", "546万", 8401, "友好省县"],
    [2, "济州特别自治道", "大韩民国", "Jeju", "67万", 1850, None],
    None,  # a blank row in the middle
    [3, "滨海边疆区", "俄罗斯联邦", "Primorsky Krai", "1,845,000", 164673, None],
    [4, "伊斯坎德尔", "马来西亚", "Iskandar", "12345678901234567890", None, "人口是粘贴的"],
]
PASTED = "12345678901234567890"  # a 20-digit number pasted into 人口 (above 2^63)


def partner_rows(pasted_number: bool = True) -> list:
    if pasted_number:
        return PARTNERS
    return [*PARTNERS[:-1], [4, "伊斯坎德尔", "马来西亚", "Iskandar", "300万", None, None]]

# The partnership list: our city first, references by name, dates as text at each precision.
PARTNERSHIP_HEADERS = ["中方城市", "外方城市", "国家", "结好时间", "签约地点", "级别", "状态"]
PARTNERSHIPS = [
    ["海南省", "兵库县", "日本", "1990年5月1日", "神户", "友好省县", "已签署"],
    ["海南省", "济州特别自治道", "韩国", "1995年3月", "海口", "友好省道", "存续"],
    ["海南省", "滨海边疆区", "俄罗斯", "1990年", "海口", "友好城市", "正常"],
]


def _title_rows(ws, width: int) -> None:
    ws.append([TITLE])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.append([])
    ws.append(["填表说明：人口以万为单位，可填写约数。"])


def staff_workbook(path: Path, *, no_saved_value: bool = True, pasted_number: bool = True) -> Path:
    """友城名录 (partners), 结好情况 (partnerships) and Sheet3 (a scratch sheet of no kind)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "友城名录"
    _title_rows(ws, len(PARTNER_HEADERS))
    ws.append(PARTNER_HEADERS)  # row 4
    for row in partner_rows(pasted_number):  # rows 5–9
        ws.append(row if row is not None else [])
    ws.append(["合计", "=COUNTA(B5:B9)"])  # row 10: its saved value 4 is put in below
    ws.append([])
    ws.append(["制表人：王芳    审核：李明"])  # row 12
    ws2 = wb.create_sheet("结好情况")
    ws2.append(["海南省友好关系一览"])
    ws2.merge_cells("A1:G1")
    ws2.append(PARTNERSHIP_HEADERS)  # row 2
    for row in PARTNERSHIPS:  # rows 3–5
        ws2.append(row)
    if no_saved_value:
        ws2.append(["海南省", "=B3", "日本", None, None, None, None])  # row 6: a formula never calculated
    ws2.append(["小计", "=COUNTA(B3:B5)"])
    scratch = wb.create_sheet("Sheet3")
    scratch.append(["临时", "记录"])
    scratch.append(["x", 1])
    wb.save(path)
    saved = {("友城名录", "B10"): "4", ("结好情况", f"B{7 if no_saved_value else 6}"): "3"}
    put_saved_values(path, saved)
    return path


def put_saved_values(path: Path, values: dict[tuple[str, str], str], *, errors: dict | None = None) -> None:
    """Write the value a spreadsheet program saves with a formula (openpyxl writes none) into the XML."""
    errors = errors or {}
    names = _sheet_files(path)
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            for (sheet, ref), value in {**values, **errors}.items():
                if names[sheet] != info.filename:
                    continue
                text = data.decode()
                kind = ' t="e"' if (sheet, ref) in errors else ""
                text, n = re.subn(rf'<c r="{ref}"([^>]*)><f>([^<]*)</f>(?:<v\s*/>|<v></v>)',
                                  rf'<c r="{ref}"\1{kind}><f>\2</f><v>{value}</v>', text)
                assert n == 1, (sheet, ref)
                data = text.encode()
            dst.writestr(info, data)
    shutil.move(tmp, path)


def _sheet_files(path: Path) -> dict[str, str]:
    from twindesk.exchange.staff_lists.formulas import _sheet_parts

    with zipfile.ZipFile(path) as z:
        return _sheet_parts(z)


def partners_xls(path: Path, *, pasted_number: bool = True) -> Path:
    """The partner list as an old .xls (Excel 97–2003), with its title row and a 合计 row."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("友城名录")
    ws.write_merge(0, 0, 0, len(PARTNER_HEADERS) - 1, TITLE)
    line = 2
    for c, h in enumerate(PARTNER_HEADERS):
        ws.write(line, c, h)
    dated = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for row in partner_rows(pasted_number):
        line += 1
        if row is None:
            continue
        for c, v in enumerate(row):
            if v is not None:
                ws.write(line, c, v)
    ws.write(line + 1, 0, "合计")
    ws.write(line + 1, 1, 4)
    ws.write(line + 3, 0, "结好日期")
    ws.write(line + 3, 1, date(1990, 5, 1), dated)  # a date below the table's end: not read
    book.save(str(path))
    return path


def partners_ods(path: Path, *, calculated: bool = True, pasted_number: bool = True) -> Path:
    """The partner list as an .ods, with a 合计 row whose COUNTA is saved (or not, like odfpy alone)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="友城名录")

    def add(values):
        tr = TableRow()
        for v in values:
            if v is None:
                tr.addElement(TableCell())
            elif isinstance(v, tuple):  # (formula, saved value)
                formula, saved = v
                cell = TableCell(formula=f"of:={formula}")
                if saved is not None:
                    cell = TableCell(formula=f"of:={formula}", valuetype="float", value=saved)
                    cell.addElement(P(text=str(saved)))
                tr.addElement(cell)
            elif isinstance(v, int | float):
                cell = TableCell(valuetype="float", value=v)
                cell.addElement(P(text=str(v)))
                tr.addElement(cell)
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(v)))
                tr.addElement(cell)
        table.addElement(tr)

    add([TITLE])
    add([])
    add(PARTNER_HEADERS)
    for row in partner_rows(pasted_number):
        add(row or [])
    add(["合计", ("COUNTA([.B4:.B8])", 4 if calculated else None)])
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def partners_csv(path: Path, encoding: str = "gb18030", *, pasted_number: bool = True) -> Path:
    """The partner list as Chinese Excel saves "CSV (逗号分隔)": GB18030, a title line, a 合计 line."""
    lines = [TITLE, ",".join(PARTNER_HEADERS)]
    for row in partner_rows(pasted_number):
        cells = row or [None] * len(PARTNER_HEADERS)
        lines.append(",".join(f'"{v}"' if isinstance(v, str) and "," in v else ("" if v is None else str(v))
                              for v in cells))
    lines.append("合计,4")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path
