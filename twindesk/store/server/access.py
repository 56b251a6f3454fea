"""What the signed-in login may do on a shared server: admin, editor, reader or none.

The server's roles decide it (docs/architecture.md, "Who may do what"): `twindesk_admin` is an editor
who also changes home localities, `twindesk_editor` a reader who also changes records. A superuser, and
whoever owns the database or its tables, counts as admin. On SQLite there are no roles: the lock file
decides, as before (`access_level` answers "admin" for a database open read-write under it).

This is asked once when a server database opens, so the window and the command line can say why a write
is refused before it starts; the server's grants stay the authority for every statement.
"""

from __future__ import annotations

LEVELS = ("none", "reader", "editor", "admin")  # each may do what the ones before it may
ROLE_OF_LEVEL = {"reader": "twindesk_reader", "editor": "twindesk_editor", "admin": "twindesk_admin"}
LEVEL_OF_ROLE = {role: level for level, role in ROLE_OF_LEVEL.items()}

# USAGE, not only MEMBER: a login made NOINHERIT holds the role's rights only after SET ROLE, and our
# early refusal should not promise what the server will refuse.
_LEVEL_SQL = """
SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
       OR pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'USAGE')
       OR coalesce((SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c
                    WHERE c.relname = 'history_operation' AND c.relnamespace = 'public'::regnamespace), false),
       array(SELECT r.rolname::text FROM pg_roles r
             WHERE r.rolname IN ('twindesk_reader', 'twindesk_editor', 'twindesk_admin')
               AND pg_has_role(current_user, r.oid, 'USAGE'))
"""


def access_level(db=None) -> str:
    """"admin" | "editor" | "reader" | "none" for the bound database's session (or `db`'s)."""
    from twindesk.store.engine import is_server
    from twindesk.store.models import database

    db = db if db is not None else database.obj
    if not is_server(db):
        return "reader" if getattr(db, "twindesk_read_only", False) else "admin"
    owner, roles = db.execute_sql(_LEVEL_SQL).fetchone()
    if owner:
        return "admin"
    return max((LEVEL_OF_ROLE[r] for r in roles or ()), key=LEVELS.index, default="none")
