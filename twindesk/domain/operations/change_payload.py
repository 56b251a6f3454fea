"""A committed operation's change notice as the server's NOTIFY payload, and back.

The door sends one from inside each operation's transaction on a server (delivered at commit, never
for a rollback); `domain/remote_changes.py` hears the others' (docs/architecture.md, "Changes from
other staff"). The payload is JSON: the operation, its action, record kind -> ids, everything, who
(the staff name), the database login, and this process's token so it ignores its own notices.
Too many ids for PostgreSQL's 8000 bytes, and it says "everything" instead.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from twindesk.store.server import notify_channel

VERSION = 1
PROCESS_TOKEN = uuid.uuid4().hex  # this process's own notices come back to it: it skips them
WHO_LIMIT = 200  # characters of a staff name carried (Settings never makes one this long)


@dataclass(frozen=True)
class Heard:
    """One notice from another process, decoded."""

    operation_id: int
    action: str
    ids: dict[str, frozenset[int]]
    everything: bool
    who: str
    login: str


def encode(operation_id: int, action: str, ids: Mapping[str, frozenset[int] | set[int]], everything: bool,
           who: str, login: str, token: str = PROCESS_TOKEN) -> str:
    body = {"v": VERSION, "token": token, "op": operation_id, "action": action, "who": who[:WHO_LIMIT],
            "login": login, "everything": everything,
            "ids": {} if everything else {kind: sorted(found) for kind, found in ids.items()}}
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    if len(text.encode("utf-8")) > notify_channel.PAYLOAD_LIMIT:
        text = json.dumps({**body, "everything": True, "ids": {}}, ensure_ascii=False, separators=(",", ":"))
    return text


def decode(payload: str, own_token: str = PROCESS_TOKEN) -> Heard | None:
    """The notice, or None for this process's own notice and for anything not a notice of ours
    (another version, a hand-typed NOTIFY): those are passed over, never fatal."""
    try:
        body = json.loads(payload)
        if not isinstance(body, dict) or body.get("v") != VERSION or body.get("token") == own_token:
            return None
        ids = {str(kind): frozenset(int(i) for i in found) for kind, found in dict(body.get("ids") or {}).items()}
        return Heard(int(body.get("op") or 0), str(body.get("action") or ""), ids, bool(body.get("everything")),
                     str(body.get("who") or ""), str(body.get("login") or ""))
    except (ValueError, TypeError, AttributeError):
        return None


def announce(operation_id: int, action: str, ids, everything: bool, who: str) -> None:
    """On a server, NOTIFY the others of this operation, from inside its transaction; nothing on SQLite."""
    if notify_channel.on_server():
        notify_channel.send(encode(operation_id, action, ids, everything, who, notify_channel.login()))
