"""What a transfer to the server and back says, in English and Chinese (see store.messages)."""

from twindesk.store.messages import add_chinese

MISMATCH = ("the copy does not match its source in {tables} (row count or checksum); nothing was kept. "
            "Try again; if it happens again, report it")

add_chinese({
    MISMATCH: "副本与源数据库在 {tables} 中不一致（行数或校验和）；未保留任何内容。请重试；如再次发生，请报告",
})
