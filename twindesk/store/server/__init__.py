"""The shared PostgreSQL server (docs/architecture.md, "PostgreSQL: the shared server (store)"): its
address and the password for it, connecting and the ServerDatabase (`database.py`), what its faults
mean, the roles and `twindesk server init`, the change channel between processes, and `twindesk check`
there. A SQLite file needs none of it; nothing is imported here, so each module loads only when used.
"""
