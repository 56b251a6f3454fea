"""What the domain says when a value is wrong, in English and in Chinese.

A message is an English template with named parameters ("{label} is required."); ZH holds its Chinese
template. Parameters that are words themselves (a field's label, a status) are given in both languages
(`Label`, `Both`), so the whole message reads in one language. The window asks for the user's language,
the command line follows --lang and the locale; the logs use English.

The mechanism (`render`, the one table of Chinese) is `store.messages`, below every layer: ZH is added
to it here, so a `UserError` raised anywhere says itself in Chinese with `text(lang)`.
"""

from dataclasses import dataclass

from twindesk.domain.model import labels
from twindesk.store.messages import Message, add_chinese, render  # noqa: F401 - Message, render: this module's API too


@dataclass(frozen=True)
class Label:
    """A field's label, shown in the reader's language."""

    kind: str
    name: str
    english: str
    lower: bool = False  # mid-sentence in English: "is before the start date"

    def text(self, lang: str) -> str:
        if self.lower and not lang.startswith("zh"):
            return self.english.lower()
        return labels.field_label(self.kind, self.name, self.english, lang)


@dataclass(frozen=True)
class Both:
    """A word given in both languages (a status, a record's name)."""

    en: str
    zh: str

    def text(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


class Problem(ValueError):
    """A value that cannot be stored: says what is wrong with it, in either language."""

    def __init__(self, template: str, **params):
        self.template, self.params = template, params
        super().__init__(render(template, params, "en"))

    def text(self, lang: str) -> str:
        return render(self.template, self.params, lang)


ZH = {
    # what an operation without rows of its own did, as its history line says it
    "demo data set (scale {scale})": "演示数据（规模 {scale}）",
    "restored from {source}": "从 {source} 恢复",
    "import ({backup} holds the data before it)": "导入（导入前的数据保存在 {backup}）",
    "import (the server's backups hold the data before it)": "导入（导入前的数据在服务器的备份中）",
    # a value that cannot be read (the problem part follows the label and the value)
    "{label} “{value}” {problem}.": "{label}“{value}”{problem}。",
    "is not a date; write it as 2026-11-29": "不是日期，请写成 2026-11-29",
    "is not a real calendar date": "不是真实存在的日期",
    "is not a time of day; write it as 09:30": "不是时间，请写成 09:30",
    "is not a number": "不是数字",
    "must be a whole number": "必须是整数",
    "must be yes or no": "必须是“是”或“否”",
    "must be a single line": "只能写一行",
    "is too long ({length:,} characters; at most {limit:,})": "过长（{length:,} 个字符，最多 {limit:,} 个）",
    "is not an email address (name@example.org)": "不是电子邮箱地址（如 name@example.org）",
    "is not a web address (https://www.example.org)": "不是网址（如 https://www.example.org）",
    "matches no record; pick one from the list or give its ID": "找不到对应记录，请从列表中选择或填写其编号",
    "must be one of: {choices}": "必须是以下之一：{choices}",
    "is not a country (use an ISO code such as KR, JP, RU)": "不是国家名称（可填写 ISO 代码，如 KR、JP、RU）",
    "must be a three-letter currency code such as CNY, USD, JPY": "必须是三位字母币种代码，如 CNY、USD、JPY",
    "is not an ISO 4217 currency code (such as CNY, USD, JPY, KRW)": "不是 ISO 4217 币种代码（如 CNY、USD、JPY、KRW）",
    "is too large a number to store": "数值过大，无法保存",
    "names “{word}”, which is not a country (use ISO codes such as KR JP RU)":
        "中的“{word}”不是国家（请填写 ISO 代码，如 KR、JP、RU，以空格分隔）",
    "is too large a number to store (at most {limit})": "数值过大，无法保存（最大为 {limit}）",
    # a value that was read but breaks a rule
    "{label} is required.": "{label}为必填项。",
    "{label} must be more than zero (got {value}).": "{label}必须大于零（现为 {value}）。",
    "{label} must be at least {limit:g} (got {value}).": "{label}不能小于 {limit:g}（现为 {value}）。",
    "{label} must be at most {limit:g} (got {value}).": "{label}不能大于 {limit:g}（现为 {value}）。",
    "{later} ({later_value}) is before {earlier} ({earlier_value}).":
        "{later}（{later_value}）早于{earlier}（{earlier_value}）。",
    "Give at least one: {labels}.": "请至少填写一项：{labels}。",
    "{label} is required when the status is “{status}”.": "状态为“{status}”时，{label}为必填项。",
    "A partner cannot be its own parent region.": "友好伙伴不能是自己的上级行政区。",
    "{date} or {year} is required when the status is “{status}”.": "状态为“{status}”时，须填写{date}或{year}。",
    # rules across records (domain.model.rules)
    "{label}: partner {parent} lies within this partner ({chain}), so it cannot be its parent region.":
        "{label}：编号为 {parent} 的友好伙伴隶属于本友好伙伴（{chain}），不能作为其上级行政区。",
    "{label}: partnership {id} already joins this partner and home locality at the tier “{tier}” and has not ended; end one of them or give this one another tier.":
        "{label}：编号为 {id} 的友好关系已在“{tier}”层级连接该友好伙伴与本地行政区，且尚未终止；"
        "请终止其中一项，或为本项选择其他层级。",
    "{label}: rows {first} and {line} both join partner {partner} and home locality {locality} at the tier “{tier}”, and neither has ended.":
        "{label}：第 {first} 行和第 {line} 行都在“{tier}”层级连接友好伙伴 {partner} 与本地行政区 {locality}，"
        "且都未终止。",
    "The partner with ID {id} cannot be deleted: its signed partnerships (IDs {ids}) would be deleted with it. Set their status to “Ended” first, or delete on its own a partnership entered by mistake.":
        "无法删除编号为 {id} 的友好伙伴：其已签署的友好关系（编号 {ids}）会随之一并删除。"
        "请先将这些友好关系的状态改为“已终止”；误录的友好关系可单独删除。",
    "{label}: there is no {record} with ID {id}.": "{label}：没有编号为 {id} 的{record}。",
    "Day ({day}) is outside the visit's dates ({start} – {end}).": "日期（{day}）不在出访/来访日期（{start} 至 {end}）之内。",
    "The new order must name every delegate of the visit exactly once.": "新的顺序必须包含该团组的每位成员，且每人只出现一次。",
    # a workbook import (domain.transfer_check)
    "ID “{value}” is not a whole number.": "编号“{value}”不是整数。",
    "ID must be a whole number above zero (got {value}).": "编号必须是大于零的整数（现为 {value}）。",
    "ID {value} is out of range (IDs run from 1 to {max}).": "编号 {value} 超出范围（编号为 1 至 {max}）。",
    "ID {id} appears twice in this sheet (rows {first} and {line}).": "编号 {id} 在本表中出现了两次（第 {first} 行和第 {line} 行）。",
    "{label}: there is no {record} with ID {id} in the database or in the import.":
        "{label}：数据库和导入文件中都没有编号为 {id} 的{record}。",
    "Visit {visit} and partner {partner} are linked twice (rows {first} and {line}).":
        "出访/来访 {visit} 与友好伙伴 {partner} 关联了两次（第 {first} 行和第 {line} 行）。",
    "Visit {visit} and partner {partner} are already linked (ID {id}).":
        "出访/来访 {visit} 与友好伙伴 {partner} 已经关联（编号 {id}）。",
    "“{name}” ({country}) has the same name and country as partner {id}; confirm to create it.":
        "“{name}”（{country}）与编号为 {id} 的友好伙伴名称和国家相同；确认后才会新建。",
    # a workbook row's identity (domain.transfer.identity) and version
    "UUID “{value}” is not a UUID (32 hexadecimal digits).": "唯一标识“{value}”格式不对（应为 32 位十六进制数字）。",
    "UUID {uuid} appears twice in this sheet (rows {first} and {line}).":
        "唯一标识 {uuid} 在本表中出现了两次（第 {first} 行和第 {line} 行）。",
    "Version “{value}” is not a whole number above zero.": "版本“{value}”不是大于零的整数。",
    "UUID {uuid} is {record} {owner}, but the row's ID is {id}, which the database does not hold; nothing was written.":
        "唯一标识 {uuid} 是编号为 {owner} 的{record}，但本行的编号是 {id}，数据库中没有该编号；未写入任何内容。",
    "UUID {uuid} is {record} {owner}, but the row's ID is {id}, another record (UUID {other}); nothing was overwritten.":
        "唯一标识 {uuid} 是编号为 {owner} 的{record}，但本行的编号是 {id}，那是另一条记录（唯一标识 {other}）；未覆盖任何内容。",
    "ID {id} is another record (UUID {stored}) than this row's (UUID {uuid}); nothing was overwritten.":
        "编号 {id} 是另一条记录（唯一标识 {stored}），不是本行的记录（唯一标识 {uuid}）；未覆盖任何内容。",
    "{record} {id} was deleted on {when} by {who}; the import creates it again.":
        "编号为 {id} 的{record}已于 {when} 由 {who} 删除；本次导入将重新创建它。",
    "ID {id} belonged to a deleted {record} with UUID {stored} ({when}, {who}), not to this row's UUID {uuid}; nothing was created.":
        "编号 {id} 原属于一条已删除的{record}（唯一标识 {stored}，{when}，{who}），不是本行的唯一标识 {uuid}；未创建任何内容。",
    "ID {id} belonged to a {record} deleted before its history was kept, not known to be this row's (UUID {uuid}); nothing was created.":
        "编号 {id} 曾属于一条在开始记录修改历史之前就已删除的{record}，无法确认就是本行的记录（唯一标识 {uuid}）；未创建任何内容。",
    "{label}: changed in the database since this workbook was written (version {stored_version} by {who}, {when}; the workbook's is {version}): workbook “{workbook}”, database “{database}”; nothing was overwritten.":
        "{label}：导出本工作簿之后数据库中已有修改（版本 {stored_version}，{who}，{when}；工作簿中为版本 {version}）：工作簿为“{workbook}”，数据库为“{database}”；未覆盖任何内容。",
    # a staff list's values (domain.transfer.understanding)
    "is not one of the choices: {choices}": "不是可选项之一：{choices}",
    "is not a country TwinDesk knows; write its name (日本, Japan, 大韩民国) or its code (JP, KR)":
        "不是可识别的国家；请写国名（日本、Japan、大韩民国）或代码（JP、KR）",
    "is not a currency TwinDesk knows; write its code (CNY, USD) or its name (人民币, 美元)":
        "不是可识别的币种；请写代码（CNY、USD）或名称（人民币、美元）",
    "is an approximate figure; write the number alone, such as 5000, 5,000, 10万 or 1.2亿":
        "是约数；请只写数字，如 5000、5,000、10万 或 1.2亿",
    "is not a number; write it in figures, such as 5000, 5,000, 10万 or 1.2亿":
        "不是数字；请用数字书写，如 5000、5,000、10万 或 1.2亿",
    "is infinite or not a number; write the figure itself": "是无穷大或非数字；请写出具体数值",
    "is not a date; write it as 2026-11-29, 2026/11/29 or 2026年11月29日":
        "不是日期；请写成 2026-11-29、2026/11/29 或 2026年11月29日",
    "{label} “{value}” gives only the year and month: a full date is needed here, such as {example}.":
        "{label}“{value}”只写到年月：此处需要完整日期，如 {example}。",
    "{label} “{value}” gives only the year: a full date is needed here, such as {example}.":
        "{label}“{value}”只写了年份：此处需要完整日期，如 {example}。",
    "{label} “{value}” gives only the year and month: kept as the established year {year}, the month in the notes; the {label_lower} is left empty.":
        "{label}“{value}”只写到年月：记为建立年份 {year}，月份写入备注；{label_lower}留空。",
    "{label} “{value}” gives only the year: kept as the established year {year}; the {label_lower} is left empty.":
        "{label}“{value}”只写了年份：记为建立年份 {year}；{label_lower}留空。",
    "{label} “{value}” gives the year {year}, but the established year is {other}.":
        "{label}“{value}”的年份是 {year}，但建立年份为 {other}。",
    "{label} “{value}” is taken as {candidate}, the one {record} of a like name.":
        "{label}“{value}”按名称相近的唯一{record}处理：{candidate}。",
    "{label} “{value}” matches {count} records: {candidates}. Give the ID, or the country, of the one meant.":
        "{label}“{value}”对应 {count} 条记录：{candidates}。请填写所指记录的编号或国家。",
    "{label} “{value}” matches no record in {country} ({names} looked in); of that name there is only {candidates}.":
        "{label}“{value}”在{country}找不到对应记录（已查找{names}）；同名的只有 {candidates}。",
    "{label} “{value}” matches no record: no {record} in the database or in this import has that name ({names} looked in). Give the ID of an existing one, or let the import create it.":
        "{label}“{value}”找不到对应记录：数据库和本次导入中都没有叫这个名称的{record}（已查找{names}）。"
        "请填写已有记录的编号，或允许导入时新建。",
    "{label} “{value}” matches no record: a new {record} is created with the import.":
        "{label}“{value}”找不到对应记录：导入时将新建该{record}。",
    "{label} “{value}” matches no record, and a new partner needs its country: add a country column for it to this sheet, or list the partner on a partners sheet.":
        "{label}“{value}”找不到对应记录，而新建友好伙伴需要国家：请在本表中为其加一列国家，或在友好伙伴表中列出该伙伴。",
    "{label} “{value}” matches no record, and a new home locality needs its Chinese name: write the name in Chinese, or add the locality first.":
        "{label}“{value}”找不到对应记录，而新建本方地区需要中文名称：请用中文书写名称，或先添加该地区。",
    "“{name}” ({country}) is likely partner {id}, {names}, already in the database; confirm to create it all the same.":
        "“{name}”（{country}）很可能就是数据库中编号为 {id} 的友好伙伴“{names}”；确认后仍会新建。",
    "“{name}” ({country}) is likely the partner of row {line} of this import, {names}; confirm to create both.":
        "“{name}”（{country}）很可能与本次导入第 {line} 行的友好伙伴“{names}”相同；确认后两者都会新建。",
    # records not found, deletes refused (domain.model.errors, domain.operations.records)
    "There is no {record} with ID {id}.": "没有编号为 {id} 的{record}。",
    "The {record} with ID {id} cannot be deleted: {counts} still refers to it. Delete or reassign those first.":
        "无法删除编号为 {id} 的{record}：仍有{counts}引用它。请先删除这些记录或改为关联其他记录。",
    "The {record} with ID {id} cannot be deleted: {counts} still refer to it. Delete or reassign those first.":
        "无法删除编号为 {id} 的{record}：仍有{counts}引用它。请先删除这些记录或改为关联其他记录。",
    "The {record} with ID {id} cannot be deleted ({reason}).": "无法删除编号为 {id} 的{record}（{reason}）。",
    # undo and redo (domain.operations.undo)
    "There is nothing to undo.": "没有可以撤销的操作。",
    "There is nothing to redo.": "没有可以重做的操作。",
    "The change cannot be taken back: the data changed since ({reason}). Nothing was changed.":
        "无法撤回此修改：数据此后已有变化（{reason}）。未作任何更改。",
    "The change left nothing to take back.": "此修改没有留下可以撤回的内容。",
    "the {record} with ID {id}": "编号为 {id} 的{record}",
    "Cannot take the change back: {what} exists again. Nothing was changed.": "无法撤回此修改：{what}又已存在。未作任何更改。",
    "Cannot take the change back: {what} has been deleted since. Nothing was changed.":
        "无法撤回此修改：{what}此后已被删除。未作任何更改。",
    "Cannot take the change back: {what} was changed since by {who} at {when}. Nothing was changed.":
        "无法撤回此修改：{what}此后已由 {who} 于 {when} 修改。未作任何更改。",
    "Cannot take the change back: {count} {record} record(s) have been added to {what} since. Nothing was changed.":
        "无法撤回此修改：此后{what}又新增了 {count} 条{record}记录。未作任何更改。",
    # the write lock (domain.operations.door)
    "This TwinDesk does not hold the database's write lock, so nothing was saved. Copy what you typed, or save it after reopening the database.":
        "本 TwinDesk 未持有数据库的写入锁，因此未保存任何内容。请复制已输入的内容，或重新打开数据库后再保存。",
    "This TwinDesk does not hold the database's write lock, so nothing was saved. It is now held by {user} on {host} since {since}. Copy what you typed, or save it after reopening the database.":
        "本 TwinDesk 未持有数据库的写入锁，因此未保存任何内容。该锁现由 {user} 在 {host} 上持有（自 {since} 起）。"
        "请复制已输入的内容，或重新打开数据库后再保存。",
    # the database in use (domain.workspace)
    "is a loop of symbolic links; give the database's real path": "是循环的符号链接；请给出数据库的实际路径",
    # output files (domain.output_file)
    "{path}: the folder {folder} does not exist": "{path}：文件夹 {folder} 不存在",
    "{path}: cannot use the folder {folder} ({reason})": "{path}：无法使用文件夹 {folder}（{reason}）",
    "{path}: {folder} is not a folder": "{path}：{folder} 不是文件夹",
    "{path}: cannot be written ({reason})": "{path}：无法写入（{reason}）",
    "{path}: is a symbolic link; TwinDesk never replaces one (give another name)":
        "{path}：是符号链接，TwinDesk 从不替换符号链接（请换一个名称）",
    "{path}: is a folder; give a file name": "{path}：是文件夹；请给出文件名",
    "{path}: is not a regular file (a device, a pipe or a socket); give a file name":
        "{path}：不是普通文件（是设备、管道或套接字）；请给出文件名",
    "{path}: already exists; use --force to replace it": "{path}：已存在；如要替换，请加 --force",
    "{path}: is the database in use ({name}); choose another name (it is never replaced, even with --force)":
        "{path}：是正在使用的数据库（{name}）；请换一个名称（即使加 --force 也不会替换它）",
    "{path}: is in the database's backups folder {folder}; save it somewhere else":
        "{path}：位于数据库的备份文件夹 {folder} 中；请保存到别处",
    "{path}: cannot write in {folder} ({reason})": "{path}：无法在 {folder} 中写入（{reason}）",
    "{path}: cannot write the file ({reason})": "{path}：无法写入文件（{reason}）",
    # an import refused (domain.transfer.apply)
    "The import has {count} problem(s); nothing was written.": "导入有 {count} 个问题；未写入任何内容。",
    "{count} likely duplicate partner(s) are not confirmed; nothing was written.":
        "{count} 个疑似重复的友好伙伴尚未确认；未写入任何内容。",
    "The import would break the links between records ({reason}); nothing was written.":
        "导入会破坏记录之间的关联（{reason}）；未写入任何内容。",
    # a document's fields (domain.operations.documents)
    "Kind: “{value}” is not one of {choices}.": "类型：“{value}”不是以下之一：{choices}。",
    "Title: at most {limit} characters (got {count}).": "标题：最多 {limit} 个字符（现有 {count} 个）。",
}

add_chinese(ZH)
