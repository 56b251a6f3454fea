"""What the workbook code itself says (about sheets, columns and cells), in English and in Chinese, the
way `domain.messages` does it for the domain's rules: an English template, its Chinese in ZH."""

from dataclasses import dataclass

from twindesk.domain.model.messages import add_chinese, render

ZH = {
    "unknown column; it is ignored.": "未知的列，已忽略。",
    "the column appears twice (columns {first} and {second}); keep one.":
        "该列出现了两次（第 {first} 列和第 {second} 列），请只保留一列。",
    "unknown sheet; it is ignored.": "未知的工作表，已忽略。",
    "holds the same list as sheet {other}; keep one of them.": "与工作表“{other}”是同一个列表，请只保留一个。",
    "{count} character(s) a workbook cannot hold ({names}) written as U+FFFD “\ufffd”.":
        "{count} 个工作簿无法保存的字符（{names}）已写为 U+FFFD“\ufffd”。",
    "the text is {length:,} characters long, more than a cell holds ({limit:,}); it is split "
    "across the columns {columns}, which the import joins again.":
        "文本长 {length:,} 个字符，超过单元格的上限（{limit:,}），已分写在 {columns} 列中，导入时会重新合并。",
}

# The workbook's refusals (UserErrors), in the one table every error's text(lang) reads.
ERRORS_ZH = {
    "{path}: no such file": "{path}：文件不存在",
    "{path}: is not an Excel workbook (.xlsx) that can be read ({reason})": "{path}：不是可以读取的 Excel 工作簿（.xlsx）（{reason}）",
    "{path}: cannot be read as an Excel workbook ({reason})": "{path}：无法作为 Excel 工作簿读取（{reason}）",
}
add_chinese(ERRORS_ZH)


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
