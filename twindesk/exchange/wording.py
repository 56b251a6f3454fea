"""What the workbook code itself says (about sheets, columns and cells), in English and in Chinese, the
way `domain.messages` does it for the domain's rules: an English template, its Chinese in ZH."""

from dataclasses import dataclass

from twindesk.domain.model.messages import Message, add_chinese, render

ZH = {
    "unknown column; it is ignored.": "未知的列，已忽略。",
    "the column appears twice (columns {first} and {second}); keep one.":
        "该列出现了两次（第 {first} 列和第 {second} 列），请只保留一列。",
    "unknown sheet; it is ignored.": "未知的工作表，已忽略。",
    "the list of documents; their files are not in a workbook, so it is not imported.":
        "文件清单；文件本身不在工作簿中，因此不导入。",
    "holds the same list as sheet {other}; keep one of them.": "与工作表“{other}”是同一个列表，请只保留一个。",
    "{count} character(s) a workbook cannot hold ({names}) written as U+FFFD “\ufffd”.":
        "{count} 个工作簿无法保存的字符（{names}）已写为 U+FFFD“\ufffd”。",
    "the text is {length:,} characters long, more than a cell holds ({limit:,}); it is split "
    "across the columns {columns}, which the import joins again.":
        "文本长 {length:,} 个字符，超过单元格的上限（{limit:,}），已分写在 {columns} 列中，导入时会重新合并。",
    # a staff list: where its table is, what is not imported, formulas (staff_lists/)
    "the sheet is empty.": "工作表是空的。",
    "row {line} of the sheet is empty.": "工作表的第 {line} 行是空的。",
    "no row looks like column headers (a row of at least two headers, all text).":
        "没有一行像是表头（表头行至少有两个单元格，且都是文字）。",
    "the sheet has headers in row {line} but no rows under them.": "工作表第 {line} 行是表头，但下面没有数据行。",
    "a totals row; not imported.": "合计行，不导入。",
    "a row of HXL hashtags; not imported.": "HXL 标签行，不导入。",
    "a note below the table; the table ends above it.": "表格下方的说明，表格到此为止。",
    "after the end of the table; not imported.": "在表格结束之后，不导入。",
    "its headers ({headers}) name no list TwinDesk keeps; choose the kind of records it holds.":
        "其表头（{headers}）对应不到 TwinDesk 的任何列表；请选择它所含记录的类型。",
    "skipped, as the mapping says.": "按对应关系的设置跳过。",
    "no column is mapped to a field.": "没有任何列对应到字段。",
    "the columns {columns} are mapped to the same field, {field}; map only one of them to it.":
        "{columns} 列对应到了同一个字段“{field}”；请只让其中一列对应到该字段。",
    "the file holds no sheet.": "文件中没有工作表。",
    "{count} cell(s) are formulas (rows {first}–{last}); the values saved with the file are read.":
        "{count} 个单元格是公式（第 {first}–{last} 行）；读取的是文件中保存的计算结果。",
    "the formula ={formula} has no saved value (the program that wrote the file did not calculate it); "
    "open the file in Excel, WPS or LibreOffice, save it, and import again.":
        "公式 ={formula} 没有保存的计算结果（写出该文件的程序没有计算它）；请用 Excel、WPS 或 LibreOffice "
        "打开并保存该文件，然后重新导入。",
    "the formula ={formula} gives the error {error}; correct it or type the value.":
        "公式 ={formula} 的结果是错误 {error}；请改正公式或直接填写数值。",
}

# The workbook's refusals (UserErrors), in the one table every error's text(lang) reads.
ERRORS_ZH = {
    "{path}: no such file": "{path}：文件不存在",
    "{path}: is not an Excel workbook (.xlsx) that can be read ({reason})": "{path}：不是可以读取的 Excel 工作簿（.xlsx）（{reason}）",
    "{path}: cannot be read as an Excel workbook ({reason})": "{path}：无法作为 Excel 工作簿读取（{reason}）",
    # a staff list that cannot be read (staff_lists/sources.py, formulas.py)
    "{path}: cannot be read ({reason})": "{path}：无法读取（{reason}）",
    "{path}: is a web page saved as .xls, not a workbook; open it in Excel or WPS and save it as .xlsx":
        "{path}：是保存为 .xls 的网页，不是工作簿；请用 Excel 或 WPS 打开，另存为 .xlsx",
    "{path}: is not an Excel workbook ({suffix}) that can be read": "{path}：不是可以读取的 Excel 工作簿（{suffix}）",
    "{path}: is {size} MB, more than a list TwinDesk imports ({limit} MB); split it":
        "{path}：大小为 {size} MB，超过 TwinDesk 可导入的上限（{limit} MB）；请拆分",
    "{path}: cannot be read as a workbook ({reason})": "{path}：无法作为工作簿读取（{reason}）",
    "{path}: the sheet {sheet} spans {cells:,} cells (the limit is {limit:,})":
        "{path}：工作表“{sheet}”占 {cells:,} 个单元格（上限为 {limit:,}）",
    "{path}: the sheet {sheet} spans {cells:,} cells (the limit is {limit:,}); split it into smaller workbooks":
        "{path}：工作表“{sheet}”占 {cells:,} 个单元格（上限为 {limit:,}）；请拆分为较小的工作簿",
    "{path}: the sheet {sheet} spans {rows:,} rows (the limit is {limit:,}); split it into smaller workbooks":
        "{path}：工作表“{sheet}”占 {rows:,} 行（上限为 {limit:,}）；请拆分为较小的工作簿",
    "{path}: the sheet {sheet} cannot be read ({reason})": "{path}：工作表“{sheet}”无法读取（{reason}）",
    "{path}: {encoding!r} is not an encoding TwinDesk knows (e.g. utf-8, gb18030)":
        "{path}：{encoding!r} 不是 TwinDesk 认识的编码（例如 utf-8、gb18030）",
    "{path}: is not text in {encoding}; choose its encoding (e.g. gb18030 or utf-8)":
        "{path}：不是 {encoding} 编码的文本；请选择其编码（例如 gb18030 或 utf-8）",
    "{path}: TwinDesk cannot tell the encoding of this text; choose it (e.g. gb18030)":
        "{path}：TwinDesk 无法判断这段文本的编码；请选择编码（例如 gb18030）",
    "{path}: has more than {limit:,} rows or {cells:,} cells; split it":
        "{path}：超过 {limit:,} 行或 {cells:,} 个单元格；请拆分",
    # a mapping file (staff_lists/column_mapping.py)
    "{where}: a sheet's mapping must be an object": "{where}：工作表的对应关系必须是一个对象",
    "{where}: “{kind}” is not a record kind (one of {kinds})": "{where}：“{kind}”不是记录类型（应为 {kinds} 之一）",
    "{where}: “columns” must map each header to a field": "{where}：“columns”必须把每个表头对应到一个字段",
    "{where}: column “{header}”: “{field}” is not a field of {kind} (one of {fields})":
        "{where}：“{header}”列：“{field}”不是 {kind} 的字段（应为 {fields} 之一）",
    "{where}: “header_row” must be a row number": "{where}：“header_row”必须是行号",
    "{where}: is not a mapping file (JSON: {reason})": "{where}：不是对应关系文件（JSON：{reason}）",
    "{where}: is not a mapping file (it has no “sheets”)": "{where}：不是对应关系文件（没有“sheets”）",
    "{where}: cannot be read ({reason})": "{where}：无法读取（{reason}）",
}
add_chinese(ERRORS_ZH)

# An import's steps, as its progress says them (`step`); the window and the command line show them.
STEPS_ZH = {
    "Reading {sheet}…": "正在读取 {sheet}…",
    "Import finished.": "导入完成。",
}
add_chinese(STEPS_ZH)


def step(template: str, **params) -> Message:
    """A progress text: English as a str (what a progress callback always got), `text(lang)` in the
    reader's language."""
    return Message(template, params)


@dataclass(frozen=True)
class Say:
    template: str
    params: tuple = ()

    def text(self, lang: str = "en") -> str:
        return render(self.template, dict(self.params), lang, ZH)

    def __str__(self) -> str:
        return self.text("en")


def say(template: str, **params) -> Say:
    return Say(template, tuple(params.items()))
