"""Text the server can store: PostgreSQL's text cannot hold U+0000 (NUL), which a SQLite TEXT can.

A NUL in a value (pasted from another program; hostile text) is sent as U+FFFD, the replacement
character, exactly as the workbook export writes every control character: the rest of the text is
kept, and the save does not fail with a driver error (docs/architecture.md, "PostgreSQL: the shared
server (store)").
"""

from psycopg.types.string import StrDumperUnknown

REPLACEMENT = "\ufffd"


class _StorableText(StrDumperUnknown):
    def dump(self, obj):
        return super().dump(obj.replace("\x00", REPLACEMENT))


def keep_text_storable(conn) -> None:
    """Every str this psycopg connection sends as a parameter (%s: text format, type left for the server
    to infer, as psycopg's own default) goes without NUL."""
    conn.adapters.register_dumper(str, _StorableText)
