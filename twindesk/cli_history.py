"""`twindesk history [--record KIND:ID] [--since DATE] [--limit N]`: who changed what, when, newest first
(docs/architecture.md, "History"). Only reads the database. Messages are in the run's language
(cli_messages); the lines in --lang's, else the same.
"""

from __future__ import annotations

import argparse
import sys

from twindesk.cli_messages import HISTORY_DESCRIPTION
from twindesk.store.errors import UserError
from twindesk.store.messages import render


def add_parser(sub, say, db_option, langs) -> None:
    """The command's parser; `say` words the help in the run's language."""
    from twindesk.domain.model.specs import SPECS

    history = sub.add_parser("history", help=say("who changed what, when (newest first)"),
                             description=say(HISTORY_DESCRIPTION, kinds=", ".join(SPECS)),
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    db_option(history)
    history.add_argument("--record", metavar="KIND:ID",
                         help=say("only this record and its sub-records, e.g. partner:12"))
    history.add_argument("--since", metavar="DATE", help=say("only changes on or after this day, e.g. 2026-11-01"))
    history.add_argument("--limit", type=int, default=100, metavar="N", help=say("at most N lines (default: 100)"))
    # Its own dest, as for brief: the window's --lang would be reset by this sub-command.
    history.add_argument("--lang", dest="history_lang", choices=langs,
                         help=say("language of the lines (default: that of the messages)"))


def _record_option(text: str) -> tuple[str, int]:
    from twindesk.domain.model.specs import SPECS

    kind, sep, number = text.partition(":")
    kind = kind.strip().lower().replace("-", "_")
    if not sep or kind not in SPECS:
        raise UserError("--record {value!r}: write KIND:ID with KIND one of {kinds} (e.g. partner:12)",
                        value=text, kinds=", ".join(SPECS))
    try:
        record_id = int(number)
    except ValueError:
        raise UserError("--record {value!r}: the ID {id!r} is not a whole number", value=text,
                        id=number.strip()) from None
    from twindesk.domain.model.ids import in_range

    if not in_range(record_id):
        raise UserError("--record {value!r}: the ID must be a whole number above zero", value=text)
    return kind, record_id


def cmd_history(args, lang: str, signed_in_database) -> int:
    """`lang`, the run's language; `signed_in_database(args)`, the database named, asked for only once the
    options are known to be right (a wrong --limit asks for no password first)."""
    from itertools import islice, takewhile

    from twindesk.domain import workspace
    from twindesk.domain.model.fields import parse_date
    from twindesk.domain.operations.records import spec_for
    from twindesk.domain.queries import history

    record = _record_option(args.record) if args.record is not None else None
    try:
        since = parse_date(args.since) if args.since is not None else None
    except ValueError as exc:
        raise UserError("--since {value!r} {problem}", value=args.since, problem=exc) from None
    if args.limit < 1:
        raise UserError("--limit must be 1 or more (got {value})", value=args.limit)
    lines_lang = args.history_lang or lang  # the lines are said to a person: the messages' language
    path = signed_in_database(args)
    workspace.open_workspace(path, read_only=True)  # the history only reads
    try:
        if record is None:
            rows = history.changes(since=since, limit=args.limit, lang=lines_lang)
        else:
            kind, record_id = record
            if not history.record_exists(kind, record_id) and not history.has_history(kind, record_id):
                raise UserError("{path}: there is no {record} with ID {id}, and none in the history", path=path,
                                record=spec_for(kind).record_words(), id=record_id)
            rows = history.record_history(kind, record_id, lines_lang)
            if since is not None:
                rows = takewhile(lambda r: r.at.date() >= since, rows)  # newest first: stop at the first older
            rows = islice(rows, args.limit)
        shown = 0
        for row in rows:
            print(row.line())
            shown += 1
        if not shown:
            nothing = (render("twindesk: no changes recorded since {since}", {"since": since}, lang) if since
                       else render("twindesk: no changes recorded", {}, lang))
            print(nothing, file=sys.stderr)
    finally:
        workspace.close()
    return 0
