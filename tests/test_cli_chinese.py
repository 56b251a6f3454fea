"""The command line and the domain's refusals in Chinese (issue 12): --lang and the locale choose the
language of every line a person reads; exit codes stay what they are."""

import ast
import errno
import re
import subprocess
import sys
from datetime import UTC
from pathlib import Path

import pytest
from conftest import REPO, location, make_filled_database, subprocess_env

import twindesk
from twindesk import cli, cli_brief, cli_history, cli_transfer  # noqa: F401 - cli_transfer registers its Chinese
from twindesk.cli_language import chosen_language
from twindesk.domain.model.errors import UserError
from twindesk.domain.operations import conflicts, documents, door, records, undo, write_access  # noqa: F401 - documents registers its Chinese
from twindesk.domain.output_file import check_target
from twindesk.store import environment_errors
from twindesk.store.errors import DatabaseFileError
from twindesk.store.instance_lock import DatabaseInUse, LockHolder
from twindesk.store.messages import CHINESE

PACKAGE = Path(twindesk.__file__).resolve().parent
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    path = tmp_path_factory.mktemp("zh") / "filled.db"
    make_filled_database(path)
    return path


def twindesk_run(*argv, **env):
    """The command in a subprocess, with the locale given (LANG, LC_ALL … unset unless given)."""
    environment = subprocess_env()
    for name in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        environment.pop(name, None)
    environment.update(env)
    return subprocess.run([sys.executable, "-m", "twindesk", *map(str, argv)], capture_output=True, text=True,
                          timeout=60, env=environment, cwd=str(REPO))


# --- choosing the language ---------------------------------------------------------------------------


@pytest.mark.parametrize(("argv", "environ", "expected"), [
    ([], {}, "en"),
    ([], {"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ([], {"LANG": "zh_TW.UTF-8"}, "zh_CN"),
    ([], {"LANG": "en_US.UTF-8"}, "en"),
    ([], {"LANG": "C"}, "en"),
    ([], {"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "C"}, "en"),
    ([], {"LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8"}, "en"),  # LC_ALL wins (POSIX)
    ([], {"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh_CN"),
    ([], {"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh_CN"),  # an empty variable is not set
    (["--lang", "en", "check"], {"LC_ALL": "zh_CN.UTF-8"}, "en"),  # --lang wins over the locale
    (["--lang=zh_CN", "check"], {}, "zh_CN"),
    (["brief", "visit", "1", "o.pdf", "--lang", "zh_CN"], {}, "zh_CN"),  # the sub-command's own --lang
    (["--lang", "xx", "check"], {"LANG": "zh_CN.UTF-8"}, "zh_CN"),  # not a language: argparse refuses it
    (["import", "--", "--lang", "zh_CN"], {}, "en"),  # after "--" it is a file name
])
def test_lang_option_then_lc_all_lc_messages_lang(argv, environ, expected):
    assert chosen_language(argv, environ) == expected


# --- the command line, as a person runs it -------------------------------------------------------------


def test_lang_zh_cn_gives_chinese_lines_and_the_same_exit_codes(filled, tmp_path):
    done = twindesk_run("--lang", "zh_CN", "check", "--db", filled)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == [f"数据库：{filled}", "完整性检查：正常"]
    assert "记录：友好伙伴 3 个、出访/来访 2 次、物资 2 批" in done.stdout

    missing = tmp_path / "missing.db"
    done = twindesk_run("--lang", "zh_CN", "check", "--db", missing)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines() == [f"twindesk：错误：{missing}：不存在"]

    out = tmp_path / "copy.db"
    done = twindesk_run("--lang", "zh_CN", "backup", out, "--db", filled)
    assert done.returncode == 0 and done.stdout.strip() == f"备份已写到 {out}"
    done = twindesk_run("--lang", "zh_CN", "backup", out, "--db", filled)  # a backup never overwrites
    assert done.returncode == 2
    assert done.stderr.strip() == f"twindesk：错误：{out}：已存在；请换一个名称（备份从不覆盖已有文件）"


def test_a_chinese_locale_without_lang_gives_chinese(filled, tmp_path):
    done = twindesk_run("check", "--db", tmp_path / "none.db", LANG="zh_CN.UTF-8")
    assert done.returncode == 2 and done.stderr.startswith("twindesk：错误：") and "不存在" in done.stderr

    done = twindesk_run("history", "--db", filled, "--record", "partner:x", LANG="zh_CN.UTF-8")
    assert done.returncode == 2
    assert done.stderr.strip() == "twindesk：错误：--record 'partner:x'：编号 'x' 不是整数"

    done = twindesk_run("backup", LANG="zh_CN.UTF-8")  # argparse's own words
    assert done.returncode == 2
    assert done.stderr.startswith("用法：twindesk backup")
    assert done.stderr.splitlines()[-1] == "twindesk backup：错误：缺少以下必需参数：OUT.db"

    done = twindesk_run("--lang", "de", LC_ALL="zh_CN.UTF-8")
    assert done.returncode == 2 and "无效的选择：'de'（可选：'zh_CN', 'en'）" in done.stderr


@pytest.mark.parametrize("env", [{"LANG": "en_US.UTF-8"}, {"LANG": "C"}, {},
                                 {"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}])
def test_an_english_or_c_locale_gives_english(tmp_path, env):
    missing = tmp_path / "missing.db"
    done = twindesk_run("check", "--db", missing, **env)
    assert done.returncode == 2 and done.stderr.splitlines() == [f"twindesk: error: {missing}: does not exist"]
    done = twindesk_run("backup", **env)
    assert done.returncode == 2 and done.stderr.startswith("usage: twindesk backup")
    assert "the following arguments are required: OUT.db" in done.stderr


@pytest.fixture
def filled_here(new_target):
    """`filled` on the pass's engine (`filled` stays a file: check and backup read its bytes)."""
    path = new_target("filled.db")
    make_filled_database(path)
    return path


def test_export_and_import_lines_follow_the_sub_commands_lang(filled_here, new_target, tmp_path, capsys):
    filled = filled_here
    out = tmp_path / "book.xlsx"
    assert cli.main(["export", str(out), "--db", str(filled), "--lang", "zh_CN"]) == 0
    assert capsys.readouterr().out.startswith(f"工作簿已写到 {out}（各工作表行数：友好伙伴 ")
    target = new_target("new.db")
    assert cli.main(["--lang", "zh_CN", "import", str(out), "--db", str(target), "--dry-run"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == f"试运行：{out} 可以导入 {location(target)}；未写入任何内容。将会："
    assert printed[1].startswith("  友好伙伴：新建 3，修改 0，不变 0")
    assert cli.main(["--lang", "zh_CN", "import", str(tmp_path / "nope.xlsx"), "--db", str(target)]) == 2
    assert capsys.readouterr().err.strip() == f"twindesk：错误：{tmp_path / 'nope.xlsx'}：文件不存在"
    assert cli.main(["--lang", "zh_CN", "history", "--db", str(filled), "--limit", "1"]) == 0
    assert HAN.search(capsys.readouterr().out)  # the history's lines in Chinese too


# --- every --help in Chinese ---------------------------------------------------------------------------

# Words that stay as they are in a Chinese help: commands, option values, codes, examples to type.
KEPT = {"twindesk", "export", "import", "visit", "partner", "Internal", "TwinDesk", "HXL", "Excel", "PDF",
        "ID", "UUID", "WAL"}


def _commands() -> list[list[str]]:
    parser = cli.build_parser("en")
    found = [[]]
    for action in parser._subparsers._group_actions:
        for name, sub in action.choices.items():
            found.append([name])
            for inner in getattr(sub, "_subparsers", None) and sub._subparsers._group_actions or []:
                found.extend([name, kind] for kind in inner.choices)
    return found


def _english_sentences(help_text: str) -> list[str]:
    """Runs of two or more English words, outside the usage lines, option names and codes."""
    body = help_text.split("\n\n", 1)[1] if help_text.startswith(("用法", "usage")) else help_text
    found = []
    for line in body.splitlines():
        line = re.sub(r"(?<!\w)-{1,2}[\w-]+(=\S+)?|\{[^}]*\}|\$\w+|#[\w+]+|\S+\.(db|pdf|xlsx)\b|\S*[:_/]\S*",
                      " | ", line)
        line = re.sub(r"[A-Za-z][\w']*", lambda w: " | " if w[0] in KEPT or w[0].isupper() else w[0], line)
        found += re.findall(r"[A-Za-z][a-z']+(?: [A-Za-z][a-z']+)+", line)  # "a, b" is a list of codes
    return found


def _help(capsys, argv) -> str:
    with pytest.raises(SystemExit) as done:
        cli.main(argv)
    assert done.value.code == 0
    return capsys.readouterr().out


def test_every_help_in_chinese_has_no_english_sentence(capsys):
    commands = _commands()
    assert ["brief", "visit"] in commands and ["history"] in commands and len(commands) >= 11
    english = _help(capsys, ["import", "--help"])
    assert "likely duplicates" in " ".join(_english_sentences(english))  # the check sees English
    for command in commands:
        text = _help(capsys, ["--lang", "zh_CN", *command, "--help"])
        assert text.startswith("用法：") and HAN.search(text), command
        assert _english_sentences(text) == [], (command, text)


# --- every template has its Chinese ----------------------------------------------------------------------


def _user_error_names() -> set[str]:
    names, todo = set(), [UserError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo += cls.__subclasses__()
    return names


FILE_ERRORS = {"DatabaseFileError", "DatabaseDamaged", "DatabaseReadOnlyMedia", "MigrationError"}
TEMPLATE_CALLS = {"message", "Message", "render", "_", "__init__"}  # super().__init__(template, …)


def _templates(tree: ast.AST, errors: set[str]):
    """(line, template or None for an f-string) of every message given to a UserError or a template call."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name in FILE_ERRORS:
            args = node.args[1:2]
        elif name in errors or name in TEMPLATE_CALLS:
            args = node.args[:1]
        else:
            continue
        for arg in args:
            if isinstance(arg, ast.JoinedStr):
                yield node.lineno, None
            elif isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield node.lineno, arg.value


def _needs_chinese(template: str) -> bool:
    return bool(re.search(r"[A-Za-z]{2}", re.sub(r"\{[^}]*\}|--[\w-]+", "", template)))


def test_every_store_domain_and_cli_message_has_its_chinese():
    # RecordConflict's first argument is a record kind; its templates are among the constants below.
    errors = _user_error_names() - {"ValidationError", "RecordConflict"}
    files = [*(PACKAGE / "store").rglob("*.py"), *(PACKAGE / "domain").rglob("*.py"), PACKAGE / "cli.py",
             PACKAGE / "cli_database.py", PACKAGE / "cli_brief.py", PACKAGE / "cli_history.py",
             PACKAGE / "cli_documents.py", PACKAGE / "cli_server.py"]
    seen, missing, formatted = set(), [], []
    for path in files:
        if "demo" in path.parts:  # the demo's own refusals belong to the demo's owner
            continue
        for line, template in _templates(ast.parse(path.read_text(encoding="utf-8")), errors):
            where = f"{path.relative_to(PACKAGE)}:{line}"
            if template is None:
                formatted.append(where)  # an f-string cannot be looked up in Chinese
            elif _needs_chinese(template):
                seen.add(template)
                if template not in CHINESE:
                    missing.append(f"{where}: {template}")
    constants = [*environment_errors.MESSAGES, records.BLOCKED, records.BLOCKED_ONE, conflicts.CHANGED,
                 conflicts.DELETED, conflicts.CHANGED_BEFORE_DELETE, conflicts.PARTNERS_CHANGED,
                 *cli_brief.BRIEF_WRITTEN.values(), *cli_brief.BRIEF_KIND.values(), *cli_brief.BRIEF_ID.values(),
                 cli_history.HISTORY_DESCRIPTION, cli.IMPORT_DESCRIPTION, "twindesk: error: {text}",
                 "twindesk: warning: {text}", "twindesk: note: {text}", write_access.READER_REFUSED,
                 write_access.EDITOR_REFUSED, write_access.NO_ROLE, write_access.LOGINS_REFUSED]
    missing += [c for c in constants if c not in CHINESE]
    assert "{path}: is open in TwinDesk by {user} on {host} since {when}" in seen and len(seen) > 120  # scan works
    assert formatted == [] and missing == []


def test_each_chinese_template_keeps_the_parameters_of_its_english():
    def fields(template):
        return sorted(re.findall(r"\{(\w+)", template))

    assert [t for t, zh in CHINESE.items() if fields(t) != fields(zh)] == []
    assert [t for t, zh in CHINESE.items() if _needs_chinese(t) and not HAN.search(zh)] == []


# --- the domain's and the store's refusals, in either language --------------------------------------------


def test_a_refused_delete_and_its_impact_in_chinese(make):
    pid = make.partner()
    make.visit((pid,))
    make.visit((pid,), title="Second")
    make.shipment(pid)
    impact = records.delete_impact("partner", pid)
    assert records.describe_counts(impact.blockers) == "2 visits, 1 shipment"
    assert records.describe_counts(impact.blockers, "zh_CN") == "2 次出访/来访、1 批援助物资"
    with pytest.raises(records.DeleteRefused) as refused:
        records.delete("partner", pid)
    assert refused.value.text("zh_CN") == (
        "无法删除编号为 1 的友好伙伴：仍有2 次出访/来访、1 批援助物资引用它。请先删除这些记录或改为关联其他记录。")
    assert refused.value.text("en") == str(refused.value) == impact.refusal("en")
    assert records.describe_counts({"shipment_item": 2, "activity": 2}, "zh_CN") == "2 项物资明细、2 项交流活动"
    assert records.describe_counts({"shipment_item": 2, "activity": 2}) == "2 shipment items, 2 activities"


def test_undo_refusals_in_chinese(make):
    undo.history.reset()
    with pytest.raises(undo.UndoFailed) as nothing:
        undo.history.undo()
    assert nothing.value.text("zh_CN") == "没有可以撤销的操作。"
    new = records.save("visit", {"title": "Return visit"})
    step = undo.history.next_undo()
    records.save("delegate", {"visit": new, "name": "Chen"})
    undo.history.undo_steps[:] = [step]
    with pytest.raises(undo.UndoFailed) as added:
        undo.history.undo()
    assert added.value.text("zh_CN") == (
        f"无法撤回此修改：此后编号为 {new} 的出访/来访又新增了 1 条团组成员记录。未作任何更改。")
    assert "1 delegate record(s) have been added to the visit with ID" in str(added.value)


def test_no_write_lock_and_a_database_in_use_in_chinese(make):
    door.bind_write_lock(None)
    with pytest.raises(door.NoWriteLock) as refused:
        records.save("partner", {"name_en": "Osaka"})
    assert refused.value.text("zh_CN").startswith("本 TwinDesk 未持有数据库的写入锁，因此未保存任何内容。")
    from datetime import datetime

    holder = LockHolder(user="wang", host="pc-2", pid=1, since=datetime(2026, 11, 30, 12, tzinfo=UTC))
    in_use = DatabaseInUse("/data/twindesk.db", holder)
    assert in_use.text("zh_CN").startswith("/data/twindesk.db：已由 wang 在 pc-2 上用 TwinDesk 打开（自 2026-11-30 ")
    assert str(in_use).startswith("/data/twindesk.db: is open in TwinDesk by wang on pc-2 since 2026-11-30 ")


def test_file_and_environment_errors_in_chinese(tmp_path):
    target = tmp_path / "no-folder" / "out.xlsx"
    with pytest.raises(UserError) as refused:
        check_target(target)
    assert refused.value.text("zh_CN") == f"{target}：文件夹 {target.parent} 不存在"
    damaged = DatabaseFileError(tmp_path / "x.db", "is damaged: only {size} bytes, shorter than a database header",
                                size=12)
    assert damaged.problem == "is damaged: only 12 bytes, shorter than a database header"
    assert damaged.text("zh_CN") == f"{tmp_path / 'x.db'}：已损坏：只有 12 字节，比数据库文件头还短"
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "a.pdf"))
    assert environment_errors.describe_environment_error(full, lang="zh_CN") == (
        f"{tmp_path / 'a.pdf'}：磁盘已满。请释放空间后再试；没有丢失任何数据。")
    assert environment_errors.describe_environment_error(full) == (
        f"{tmp_path / 'a.pdf'}: The disk is full. Free some space and try again; nothing was lost.")
