"""The NOTIFY payload of a committed operation (docs/architecture.md, "Changes from other staff")."""

import json

import pytest

from twindesk.domain import remote_changes
from twindesk.domain.operations import change_payload
from twindesk.store.server import notify_channel


def test_a_notice_goes_and_comes_back_with_its_ids_who_and_login():
    text = change_payload.encode(41, "save", {"partner": {3, 1}, "contact": frozenset({7})}, False, "王芳",
                                 "wang", token="other")
    heard = change_payload.decode(text)
    assert heard == change_payload.Heard(41, "save", {"partner": frozenset({1, 3}), "contact": frozenset({7})},
                                         False, "王芳", "wang")
    changes = remote_changes.as_changes(heard)
    assert changes.remote and changes.by == "王芳" and changes.touches("partner") and not changes.touches("visit")


def test_this_process_passes_over_its_own_notices():
    own = change_payload.encode(1, "save", {"partner": {1}}, False, "me", "me")
    assert change_payload.decode(own) is None
    assert change_payload.decode(own, own_token="someone else") is not None


def test_too_many_ids_for_postgresql_say_everything_instead():
    text = change_payload.encode(2, "import", {"shipment": set(range(100_000, 103_000))}, False, "王芳", "wang",
                                 token="other")
    assert len(text.encode("utf-8")) < 8000
    heard = change_payload.decode(text)
    assert heard.everything and heard.ids == {} and heard.who == "王芳"
    few = change_payload.encode(2, "import", {"shipment": set(range(100))}, False, "王芳", "wang", token="other")
    assert not change_payload.decode(few).everything


def test_a_payload_near_the_limit_is_measured_in_bytes_not_characters():
    ids = {"partner": set(range(10_000, 10_000 + 900))}  # ~6.3k ASCII bytes: fits
    who = "王" * 200  # 600 bytes in UTF-8, 200 characters
    text = change_payload.encode(3, "save", ids, False, who, "wang", token="other")
    assert len(text.encode("utf-8")) <= notify_channel.PAYLOAD_LIMIT


def test_what_is_not_a_notice_of_ours_is_passed_over():
    for payload in ("", "hello", "[1, 2]", json.dumps({"v": 99, "token": "x"}),
                    json.dumps({"v": 1, "token": "x", "ids": {"partner": ["not a number"]}})):
        assert change_payload.decode(payload) is None


@pytest.mark.sqlite_only
def test_nothing_is_heard_on_sqlite(db):
    assert not notify_channel.on_server()
    assert remote_changes.start() is False and remote_changes.listener() is None


def test_notices_heard_together_make_one_with_every_id_and_everyone():
    a = change_payload.Heard(4, "save", {"partner": frozenset({1})}, False, "王芳", "wang")
    b = change_payload.Heard(7, "delete", {"partner": frozenset({2}), "visit": frozenset({5})}, False, "", "li")
    merged = remote_changes.as_changes(a, b)
    assert merged.operation_id == 7 and merged.action == remote_changes.SEVERAL and merged.by == "王芳, li"
    assert merged.ids == {"partner": frozenset({1, 2}), "visit": frozenset({5})} and not merged.everything
    assert remote_changes.as_changes(a, change_payload.Heard(8, "import", {}, True, "王芳", "wang")).everything
