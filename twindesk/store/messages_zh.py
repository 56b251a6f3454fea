"""The store's messages in Chinese: files, backups, the lock, the environment (see store.messages)."""

STORE_ZH = {
    "{path}: {problem}": "{path}：{problem}",
    # the database file (store.fileinfo, store.connection)
    "restore a backup (twindesk restore BACKUP.db, or File › Restore from backup… in the window)":
        "请恢复一份备份（命令行运行 twindesk restore BACKUP.db，或在窗口中选择“文件 › 从备份恢复…”）",
    "is a folder, not a database file": "是文件夹，不是数据库文件",
    "does not exist": "不存在",
    "is an empty file, not a TwinDesk database": "是空文件，不是 TwinDesk 数据库",
    "is not a TwinDesk database (not an SQLite file)": "不是 TwinDesk 数据库（不是 SQLite 文件）",
    "is damaged: only {size} bytes, shorter than a database header": "已损坏：只有 {size} 字节，比数据库文件头还短",
    "is damaged: the file is cut short ({size} bytes of {expected}); {hint}":
        "已损坏：文件被截断（应有 {expected} 字节，只有 {size} 字节）；{hint}",
    "is damaged: the file is cut short ({size} bytes of {expected}) and its WAL does not hold the missing pages ({result}); {hint}":
        "已损坏：文件被截断（应有 {expected} 字节，只有 {size} 字节），其 WAL 中也没有缺少的页（{result}）；{hint}",
    "is damaged ({reason}); {hint}": "已损坏（{reason}）；{hint}",
    "is an SQLite database, but not a TwinDesk database": "是 SQLite 数据库，但不是 TwinDesk 数据库",
    "was written by a newer TwinDesk (schema {version}; this one knows up to {newest}); update TwinDesk to open it":
        "由更新版本的 TwinDesk 写入（结构版本 {version}；本程序最高支持 {newest}）；请更新 TwinDesk 后再打开",
    "is on a read-only medium; it can only be opened read-only": "位于只读介质上，只能以只读方式打开",
    "is a read-only file; it can only be opened read-only": "是只读文件，只能以只读方式打开",
    "is in a read-only folder ({folder}); it can only be opened read-only": "位于只读文件夹（{folder}）中，只能以只读方式打开",
    "cannot be created: the folder {folder} does not exist": "无法创建：文件夹 {folder} 不存在",
    "cannot be created: the folder {folder} is read-only": "无法创建：文件夹 {folder} 为只读",
    "cannot be opened ({reason})": "无法打开（{reason}）",
    "holds no TwinDesk tables yet; open it once read-write to finish it":
        "尚无 TwinDesk 数据表；请以读写方式打开一次以完成创建",
    "has schema {version} and needs an upgrade to {newest}; open it once in the TwinDesk window (it backs the file up, then upgrades it) and try again":
        "结构版本为 {version}，需要升级到 {newest}；请先在 TwinDesk 窗口中打开一次（会先备份再升级），然后重试",
    "no migration step to schema {version}": "没有升级到结构版本 {version} 的步骤",
    "upgrade to schema {target} stopped: row {rowid} of {table} points to a missing {parent} ({count} such rows); nothing was changed":
        "升级到结构版本 {target} 已中止：{table} 的第 {rowid} 行指向不存在的 {parent}（共 {count} 行如此）；未作任何更改",
    # restore and the integrity check (store.integrity)
    "has an unfinished transaction ({journal}) from a program that stopped; open it once in TwinDesk to roll it back":
        "有一个中途停止的程序留下的未完成事务（{journal}）；请在 TwinDesk 中打开一次以回滚",
    "{path}: failed its integrity check; nothing was restored": "{path}：未通过完整性检查；未恢复任何内容",
    "{path}: is not a TwinDesk backup ({what}); nothing was restored": "{path}：不是 TwinDesk 备份（{what}）；未恢复任何内容",
    "no TwinDesk tables": "没有 TwinDesk 数据表",
    "no {tables} table": "缺少数据表 {tables}",
    "{path}: is in use by another program; close it and try again; nothing was restored":
        "{path}：正被另一程序使用；请关闭后重试；未恢复任何内容",
    "{path}: the copy failed its integrity check ({result}); nothing was restored":
        "{path}：副本未通过完整性检查（{result}）；未恢复任何内容",
    "{path}: cannot be restored ({reason}); the database is unchanged": "{path}：无法恢复（{reason}）；数据库未改变",
    "{path}: cannot be replaced ({reason}); nothing was restored": "{path}：无法替换（{reason}）；未恢复任何内容",
    "database: {path}": "数据库：{path}",
    "integrity check: ok": "完整性检查：正常",
    "integrity check: FAILED ({count} problems)": "完整性检查：未通过（{count} 个问题）",
    "foreign key check: ok": "外键检查：正常",
    "foreign key check: FAILED ({count} rows)": "外键检查：未通过（{count} 行）",
    "schema version: {version} (current)": "结构版本：{version}（最新）",
    "schema version: {version} (needs upgrade to {newest})": "结构版本：{version}（需要升级到 {newest}）",
    "records: {counts}": "记录：{counts}",
    "{count} partners": "友好伙伴 {count} 个",
    "{count} visits": "出访/来访 {count} 次",
    "{count} shipments": "物资 {count} 批",
    "records: none (the database is empty)": "记录：无（数据库为空）",
    # backups (store.backups)
    "{path}: already exists; choose another name (backups never overwrite a file)":
        "{path}：已存在；请换一个名称（备份从不覆盖已有文件）",
    "{path}: folder does not exist": "{path}：文件夹不存在",
    "{path}: the copy failed its integrity check ({result})": "{path}：副本未通过完整性检查（{result}）",
    "{path}: cannot write the backup ({reason})": "{path}：无法写入备份（{reason}）",
    # the lock (store.instance_lock)
    "{path}: cannot create the lock file ({reason})": "{path}：无法创建锁文件（{reason}）",
    "{path}: cannot write the lock file ({reason})": "{path}：无法写入锁文件（{reason}）",
    "{path}: cannot replace a stale lock ({reason})": "{path}：无法替换失效的锁（{reason}）",
    "{path}: could not take the lock (other processes keep changing it)": "{path}：无法取得锁（其他进程不断在修改它）",
    "{path}: is open in TwinDesk by {user} on {host} since {when}":
        "{path}：已由 {user} 在 {host} 上用 TwinDesk 打开（自 {when} 起）",
    # the environment (store.environment_errors); the window's .ts holds the same Chinese
    "The database is busy (another program is writing to it). Wait a moment and try again; nothing was lost.":
        "数据库正忙（另一程序正在写入）。请稍候再试；没有丢失任何数据。",
    "The disk is full. Free some space and try again; nothing was lost.": "磁盘已满。请释放空间后再试；没有丢失任何数据。",
    "The database file is damaged. Restore the latest backup: File › Restore from backup… in the window, or twindesk restore BACKUP.db on the command line.":
        "数据库文件已损坏。请恢复最近的备份：在窗口中选择“文件 › 从备份恢复…”，或在命令行运行 twindesk restore BACKUP.db。",
    "The file, its folder or the disk is read-only. Nothing was changed; choose a place you can write to.":
        "该文件、所在文件夹或磁盘为只读。未作任何更改；请选择可以写入的位置。",
    "Permission denied: TwinDesk may not use this file or folder. Nothing was changed; check its permissions or choose another place.":
        "权限不足：TwinDesk 无权使用此文件或文件夹。未作任何更改；请检查其权限或选择其他位置。",
    "The path is a loop of symbolic links. Nothing was changed; give the file's real path.":
        "该路径是循环的符号链接。未作任何更改；请给出文件的实际路径。",
    "An ID is out of range (IDs run from 1 to 9223372036854775807). Nothing was changed.":
        "编号超出范围（编号为 1 至 9223372036854775807）。未作任何更改。",
}
