"""The command line's words in Chinese (the English templates are in cli*.py; see store.messages)."""

from twindesk.cli_documents import ATTACH_DESCRIPTION
from twindesk.store.messages import add_chinese

# The two long help texts.
HISTORY_DESCRIPTION = """\
Who changed what, when: one line per change, newest first, as
  2026-12-01 09:30  Li Na  save  partner 12  Population: — → 5,400,000
With --record, the changes of that record and of its sub-records (a visit's delegates, itinerary, gifts
and partners; a partner's partnerships and contacts …), also after it was deleted. KIND is one of:
{kinds}.
"""

IMPORT_DESCRIPTION = """\
Read a workbook written by `twindesk export` (English or Chinese sheet names and headers; columns in any
order) into the database.

Every row of every sheet is checked first. Any problem: nothing is written, each problem is listed on
stderr with sheet, row, column and message, and the exit status is 2. Otherwise a backup of the database
is taken and all rows are written in one transaction.

A row is matched to its record by its UUID (the workbook's UUID column), else by its ID:

  a row without an ID            creates a record (unless its UUID is one the database holds)
  a row of a record the database updates that record (columns the sheet lacks keep their value)
  holds
  a row of a record it does not  creates the record with that ID and UUID (an empty database, or a
  hold                           record deleted since the export: said on stderr), so the links
                                 between sheets stay valid
  a row whose ID and UUID are    a conflict: both UUIDs are listed and nothing is written (exit 2);
  different records              the same for an ID once used by another, since deleted, record

A row written before its record was last changed (its Version is older than the database's) that would
change the record is a conflict too: each field is listed with the workbook's and the database's value
and who changed it when, and nothing is written (exit 2) unless --overwrite-newer is given.

Rows are never deleted. A new partner with the same name and country as one the database holds is a
likely duplicate: they are listed and the import is refused (exit 2) unless --accept-duplicates is
given. The Summary sheet and the name columns beside IDs are ignored; unknown sheets and columns are
reported and ignored. If the database file does not exist, it is created.

Any other file is a list staff typed (.xlsx, .xlsm, .xls, .ods, or .csv in UTF-8, GB18030 …; --encoding
to choose): on each sheet the header row is found (titles, notes and blank rows above it are skipped),
totals rows (合计, 总计, 小计, Total …) and notes below the table are skipped, the kind of records is
guessed from the headers and each column's field from its header (Chinese or English, with the usual
synonyms). --dry-run prints this recognition and what would be written. --mapping MAP.json gives the
kinds, header rows and fields instead (write one with --save-mapping and change it). A formula without a
saved value is an error at its cell. A file in which no sheet holds a list TwinDesk keeps is refused
(exit 2), with the reason for each sheet.
"""

HISTORY_ZH = """\
谁在何时修改了什么：每项修改一行，最新的在前，例如
  2026-12-01 09:30  李娜  保存  友好伙伴 12  人口：— → 5,400,000
加 --record 时，只列该记录及其下属记录（出访/来访的团组成员、日程、礼品和友好伙伴；友好伙伴的友好关系和
联系人等）的修改，记录删除后也能查看。KIND 为以下之一：
{kinds}。
"""

IMPORT_ZH = """\
把 `twindesk export` 写出的工作簿（中文或英文的工作表名和表头，列的顺序不限）读入数据库。

先检查每个工作表的每一行。只要有问题，就什么也不写入：每个问题都会在标准错误输出中列出（工作表、行、列和说明），
退出状态为 2。没有问题时，先备份数据库，再在一个事务中写入全部行。

每一行按其唯一标识（工作簿的 UUID 列）对应到记录，没有唯一标识时按编号：

  没有编号的行                  新建一条记录（除非其唯一标识是数据库中已有的）
  数据库中已有记录的行          更新该记录（工作表中没有的列保持原值）
  数据库中没有该记录的行        以该编号和唯一标识新建记录（空数据库，或导出后已删除的记录：会在标准错误
                                输出中说明），使各工作表之间的关联保持有效
  编号与唯一标识属于不同记录    冲突：列出两个唯一标识，不写入任何内容（退出状态 2）；编号曾属于另一条
  的行                          已删除的记录时也一样

某行写出之后其记录又被修改过（其版本比数据库中的旧），而该行会改变这条记录时，也是冲突：逐个字段列出工作簿
和数据库中的值以及谁在何时修改，不写入任何内容（退出状态 2），除非加上 --overwrite-newer。

从不删除行。名称和国家都与数据库中已有友好伙伴相同的新友好伙伴可能是重复录入：会被列出，导入被拒绝（退出
状态 2），除非加上 --accept-duplicates。“概要”工作表以及编号旁的名称列会被忽略；未知的工作表和列会被报告
并忽略。数据库文件不存在时会新建。

其他文件都按工作人员自己录入的名单读取（.xlsx、.xlsm、.xls、.ods，或 UTF-8、GB18030 等编码的 .csv；可用
--encoding 指定编码）：在每个工作表上找出表头行（跳过其上方的标题、说明和空行），跳过合计行（合计、总计、
小计、Total 等）和表格下方的说明，按表头猜出记录类型，按表头（中文或英文，包括常用的同义词）猜出每列对应的
字段。--dry-run 会列出这些识别结果以及将写入的内容。--mapping MAP.json 用文件指定记录类型、表头行和字段
（可先用 --save-mapping 写出一份再修改）。没有保存计算结果的公式会在其单元格处报错。没有任何工作表含有
TwinDesk 所管理列表的文件会被拒绝（退出状态 2），并说明每个工作表的原因。
"""

CLI_ZH = {
    # lines on stderr
    "twindesk: error: {text}": "twindesk：错误：{text}",
    "twindesk: warning: {text}": "twindesk：警告：{text}",
    "twindesk: note: {text}": "twindesk：提示：{text}",
    "twindesk: interrupted": "twindesk：已中断",
    "twindesk: internal error (a bug); please report the lines above": "twindesk：内部错误（程序缺陷）；请报告以上内容",
    "twindesk: no changes recorded": "twindesk：没有修改记录",
    "twindesk: no changes recorded since {since}": "twindesk：{since} 以来没有修改记录",
    "{path}, {detail}": "{path}，{detail}",
    # the help
    "database file (default: $TWINDESK_DB or the data folder)": "数据库文件（默认：$TWINDESK_DB 或数据文件夹）",
    "a shared database on a PostgreSQL server, postgresql://user@host:port/database (default: $TWINDESK_DATABASE_URL); no password in it: the keyring, ~/.pgpass or a service file holds that":
        "PostgreSQL 服务器上的共享数据库，postgresql://用户@主机:端口/数据库（默认：$TWINDESK_DATABASE_URL）；"
        "地址中不含密码：密码保存在系统钥匙串、~/.pgpass 或服务文件中",
    "--db and --database-url name two databases; give one of them": "--db 和 --database-url 指定了两个数据库；请只给出其中一个",
    "{url} and {path} are both set and name two databases; unset one of them":
        "{url} 和 {path} 都已设置，指定了两个数据库；请取消其中一个",
    "{server}: twindesk {command} works on a database file; a server database is backed up and restored with PostgreSQL's own pg_dump and pg_restore":
        "{server}：twindesk {command} 只用于数据库文件；服务器上的数据库用 PostgreSQL 自带的 pg_dump 和 pg_restore 备份和恢复",
    "imported {source} into {path}; the server's backups (pg_dump) hold the content before it":
        "已将 {source} 导入 {path}；导入前的内容由服务器的备份（pg_dump）保存",
    "Partner cities, delegation visits and aid shipments. Without a command: open the window.":
        "友好城市、团组出访来访和援助物资。不带命令时打开窗口。",
    "language of the window and of these messages (default: the system's)": "窗口和这些提示的语言（默认：系统的语言）",
    "one of the commands below": "以下命令之一",
    "show program's version number and exit": "显示程序版本号并退出",
    "write the demo data set (from the seed article)": "写入演示数据（取自原始报道）",
    "add N synthetic records per list": "每个列表另加 N 条生成的记录",
    "replace whatever the database holds (after a backup)": "替换数据库中的全部内容（先备份）",
    "integrity check, foreign-key check and schema version": "完整性检查、外键检查和结构版本",
    "write a consistent copy of the database to OUT.db": "把数据库的一致副本写到 OUT.db",
    "the copy to write": "要写出的副本",
    "replace the database with a backup (after backing it up)": "用备份替换数据库（先备份当前数据库）",
    "the backup to restore": "要恢复的备份",
    "who changed what, when (newest first)": "谁在何时修改了什么（最新的在前）",
    "only this record and its sub-records, e.g. partner:12": "只看该记录及其下属记录，例如 partner:12",
    "only changes on or after this day, e.g. 2026-11-01": "只看这一天及以后的修改，例如 2026-11-01",
    "at most N lines (default: 100)": "最多 N 行（默认：100）",
    "language of the lines (default: that of the messages)": "各行的语言（默认：与提示相同）",
    "write a briefing pack (PDF, or Word for OUT.docx) for a visit or a partner":
        "为一次出访/来访或一个友好伙伴写出背景材料（PDF；OUT.docx 则为 Word 文档）",
    "visit or partner": "visit（出访/来访）或 partner（友好伙伴）",
    "the briefing pack of one visit": "一次出访/来访的背景材料",
    "the briefing pack of one partner": "一个友好伙伴的背景材料",
    "the visit's ID": "出访/来访的编号",
    "the partner's ID": "友好伙伴的编号",
    "the file to write: OUT.pdf, or OUT.docx for an editable Word edition":
        "要写出的文件：OUT.pdf，或可编辑的 Word 版 OUT.docx",
    "replace OUT if it exists": "OUT 已存在时替换它",
    "language of the pack, and of these messages (default: en)": "背景材料和这些提示的语言（默认：en）",
    "the sections to print (default: all): {keys}": "要印出的部分（默认：全部）：{keys}",
    "e.g. 内部资料 or Internal, on every page": "印在每一页上，例如 内部资料 或 Internal",
    "official: GB/T 9704-2012 (the default in Chinese); business: the report layout (the default in English)":
        "official：按 GB/T 9704-2012 公文格式（中文默认）；business：报告版式（英文默认）",
    "write the meeting workbook (Excel): a summary, then every list": "写出会议工作簿（Excel）：先是概要，然后是各列表",
    "Write the meeting workbook: a Summary sheet, then one sheet per list, each with ID first. Written whole or not at all.":
        "写出会议工作簿：一个“概要”工作表，然后每个列表一个工作表，第一列都是编号。要么完整写出，要么什么也不写。",
    "the workbook to write": "要写出的工作簿",
    "replace OUT.xlsx if it exists": "OUT.xlsx 已存在时替换它",
    "language of sheet names, headers and labels, and of these messages (default: en)":
        "工作表名、表头、标签和这些提示的语言（默认：en）",
    "add a row of HXL hashtags (#org, #country+code, #item, #value …) under the headers":
        "在表头下加一行 HXL 标签（#org、#country+code、#item、#value …）",
    "read a workbook written by export, or a list staff typed, into the database":
        "把 export 写出的工作簿或工作人员录入的名单读入数据库",
    "the workbook or list to read (.xlsx, .xlsm, .xls, .ods, .csv)": "要读入的工作簿或名单（.xlsx、.xlsm、.xls、.ods、.csv）",
    "a staff list: use this mapping (sheet kinds, header rows, column fields)":
        "工作人员录入的名单：使用这份对应关系（工作表的记录类型、表头行、各列的字段）",
    "a staff list: write the mapping used to MAP.json, to give with --mapping next time":
        "工作人员录入的名单：把所用的对应关系写到 MAP.json，下次可用 --mapping 指定",
    "a CSV file's encoding, e.g. gb18030 or utf-8 (default: detected)": "CSV 文件的编码，例如 gb18030 或 utf-8（默认：自动识别）",
    "check every row and say what would be created and updated; write nothing": "检查每一行，说明将新建和更新什么；不写入任何内容",
    "create the new partners listed as likely duplicates (same name and country)":
        "新建被列为疑似重复（名称和国家相同）的友好伙伴",
    "write rows over records changed in the database after the workbook was written":
        "用工作簿的行覆盖工作簿写出后在数据库中修改过的记录",
    # what the commands say
    "ID {value!r} is not a whole number": "编号 {value!r} 不是整数",
    "--scale must be 0 or more (got {value})": "--scale 必须是 0 或更大（现为 {value}）",
    "backup of the previous content: {path}": "原有内容的备份：{path}",
    "demo data written to {path}": "演示数据已写入 {path}",
    "{path}: the check failed (see above); restore a backup or ask for help": "{path}：检查未通过（见上）；请恢复备份或寻求帮助",
    "backup written to {path}": "备份已写到 {path}",
    "{path}: is the database itself; choose a backup file": "{path}：就是数据库本身；请选择一个备份文件",
    "restored {source} into {path}": "已把 {source} 恢复到 {path}",
    "restored {source} into {path}; the previous content is saved as {safety}": "已把 {source} 恢复到 {path}；原有内容保存为 {safety}",
    "visit brief written to {path}": "出访/来访背景材料已写到 {path}",
    "partner brief written to {path}": "友好伙伴背景材料已写到 {path}",
    "workbook written to {path} (rows per sheet: {sheets})": "工作簿已写到 {path}（各工作表行数：{sheets}）",
    "{path}: {what}; nothing was imported": "{path}：{what}；未导入任何内容",
    "{path}: no such file": "{path}：文件不存在",
    "{count} problem(s)": "{count} 个问题",
    "{count} problem(s); {newer} of them changed in the database after the workbook was written: run again with --overwrite-newer to write the workbook's values over them":
        "{count} 个问题；其中 {newer} 个在工作簿写出后已在数据库中修改：如要用工作簿的值覆盖，请加 --overwrite-newer 重新运行",
    "{count} likely duplicate partner(s); check them, and run again with --accept-duplicates to create them":
        "{count} 个疑似重复的友好伙伴；请核对，如要新建，请加 --accept-duplicates 重新运行",
    "dry run: {source} can be imported into {path}; nothing was written. It would make:":
        "试运行：{source} 可以导入 {path}；未写入任何内容。将会：",
    "imported {source} into {path}; the previous content is saved as {backup}": "已把 {source} 导入 {path}；原有内容保存为 {backup}",
    "{sheet}: {new} new, {changed} changed, {same} unchanged": "{sheet}：新建 {new}，修改 {changed}，不变 {same}",
    # a staff list (cli_import.py)
    "detected": "自动识别",
    "as given": "按指定",
    "{path}: a list typed by staff (CSV, encoding {encoding}, {how})": "{path}：工作人员录入的名单（CSV，编码 {encoding}，{how}）",
    "{path}: a list typed by staff ({format})": "{path}：工作人员录入的名单（{format}）",
    "recognised from its headers": "按表头识别",
    "as remembered for these headers": "按这些表头上次的设置",
    "as the mapping says": "按对应关系文件",
    "sheet {sheet}: not imported: {reason}": "工作表“{sheet}”：不导入：{reason}",
    "sheet {sheet}: headers in row {line}, data in rows {first}–{last}; {kind} ({how})":
        "工作表“{sheet}”：表头在第 {line} 行，数据在第 {first}–{last} 行；{kind}（{how}）",
    "row {line}: {reason}": "第 {line} 行：{reason}",
    "mapping saved to {path}": "对应关系已保存到 {path}",
    "a staff list: create the partners and localities its rows name that the database lacks":
        "工作人员录入的名单：新建其中各行提到而数据库中没有的友好伙伴和本方地区",
    "{kind} “{name}”: new, named by {count} row(s)": "{kind}“{name}”：新建，有 {count} 行提到",
    "nothing to import: no sheet holds a list TwinDesk keeps (give a mapping with --mapping, or see --dry-run)":
        "没有可导入的内容：没有任何工作表含有 TwinDesk 所管理的列表（可用 --mapping 指定对应关系，或用 --dry-run 查看识别结果）",
    "--record {value!r}: write KIND:ID with KIND one of {kinds} (e.g. partner:12)":
        "--record {value!r}：请写成 KIND:ID，KIND 为 {kinds} 之一（例如 partner:12）",
    "--record {value!r}: the ID {id!r} is not a whole number": "--record {value!r}：编号 {id!r} 不是整数",
    "--record {value!r}: the ID must be a whole number above zero": "--record {value!r}：编号必须是大于零的整数",
    "--since {value!r} {problem}": "--since {value!r}{problem}",
    "--limit must be 1 or more (got {value})": "--limit 必须是 1 或更大（现为 {value}）",
    "{path}: there is no {record} with ID {id}, and none in the history": "{path}：没有编号为 {id} 的{record}，修改历史中也没有",
}


# documents (cli_documents.py)
DOCUMENTS_CLI_ZH = {
    "attach files to a record (stored in the database)": "把文件添加到一条记录（保存在数据库中）",
    "the record, e.g. partner:12": "记录，例如 partner:12",
    "the files to attach": "要添加的文件",
    "the title (default: each file's name)": "标题（默认：各文件的文件名）",
    "one of {kinds} (default: other)": "{kinds} 之一（默认：other）",
    "the document's date, e.g. 2026-11-01": "文件的日期，例如 2026-11-01",
    "a note": "备注",
    "list the documents, of one record or of all": "列出文件：一条记录的或全部的",
    "One line per document: ID, title, kind, date, record, size and SHA-256, separated by tabs. KIND is one of {kinds}.":
        "每份文件一行：编号、标题、类型、日期、记录、大小和 SHA-256，以制表符分隔。KIND 为 {kinds} 之一。",
    "only this record's, e.g. partner:12": "只列这条记录的，例如 partner:12",
    "save a copy of one document's file": "把一份文件另存一份副本",
    "the document's ID (see twindesk documents)": "文件的编号（见 twindesk documents）",
    "the file to write": "要写出的文件",
    "replace OUT if it exists": "OUT 已存在时替换它",
    "{value!r}: write KIND:ID with KIND one of {kinds} (e.g. partner:12)":
        "{value!r}：请写成 KIND:ID，KIND 为 {kinds} 之一（例如 partner:12）",
    "{value!r}: the ID {id!r} is not a whole number": "{value!r}：编号 {id!r} 不是整数",
    "{value!r}: the ID must be a whole number above zero": "{value!r}：编号必须是大于零的整数",
    "attached {count} file(s) to {record} in {path}": "已把 {count} 个文件添加到 {path} 中的{record}",
    "  document {id}: “{title}” ({type}, {size}) SHA-256 {sha256}": "  文件 {id}：“{title}”（{type}，{size}）SHA-256 {sha256}",
    "twindesk: no documents": "twindesk：没有文件",
    "document {id} (“{title}”, {size}) saved to {path}": "文件 {id}（“{title}”，{size}）已保存到 {path}",
}
ATTACH_ZH = """\
把文件添加到一条记录：KIND 为 {kinds} 之一。每个文件都保存在数据库中，按其 SHA-256 只存一份，无论添加多少次。
空文件、大于 {limit} 的文件、TwinDesk 不保存的类型（可保存 PDF、图片、Word/Excel/PowerPoint、OpenDocument、
纯文本），或内容与扩展名不符的文件会被拒绝，此时不添加任何文件。--kind 为 {doc_kinds} 之一。
"""

add_chinese(CLI_ZH)
add_chinese(DOCUMENTS_CLI_ZH)
add_chinese({ATTACH_DESCRIPTION: ATTACH_ZH})
add_chinese({HISTORY_DESCRIPTION: HISTORY_ZH, IMPORT_DESCRIPTION: IMPORT_ZH})
