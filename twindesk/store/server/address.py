"""Where a shared PostgreSQL database is: host, port, database, user and TLS, from a URL or Settings.

No password is ever part of an address: it comes from the operating system's keyring (the window), or
libpq finds it itself in `.pgpass` or a service file, so it is never in plain text in our settings,
the history or a command line (docs/architecture.md, "PostgreSQL: the shared server (store)").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from twindesk.store.errors import UserError
from twindesk.store.messages import Message

SCHEMES = ("postgresql", "postgres")
DEFAULT_PORT = 5432
SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
# Noticing a lost network: the first probe after 30 s idle, then every 10 s, given up after 3 unanswered.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}
CONNECT_TIMEOUT_S = 5
APPLICATION_NAME = "TwinDesk"


class DatabaseUrlError(UserError):
    """A database URL TwinDesk cannot use (not PostgreSQL, a password in it, an unknown option)."""


@dataclass(frozen=True)
class ServerAddress:
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    sslmode: str = "prefer"
    sslrootcert: str = ""
    service: str = ""

    def url(self) -> str:
        """The address as a `postgresql://` URL (never with a password)."""
        netloc = ""
        if self.user:
            netloc = quote(self.user, safe="") + "@"
        if self.host:
            host = f"[{self.host}]" if ":" in self.host else self.host
            netloc += host + ("" if self.port == DEFAULT_PORT else f":{self.port}")
        query = {}
        if self.sslmode != "prefer":
            query["sslmode"] = self.sslmode
        if self.sslrootcert:
            query["sslrootcert"] = self.sslrootcert
        if self.service:
            query["service"] = self.service
        tail = "?" + urlencode(query) if query else ""
        return f"postgresql://{netloc}/{quote(self.database, safe='')}{tail}"

    def display(self) -> Message:
        """How a person reads it: "twindesk on db.office:5432 as wang" (a str, in English), and in
        Chinese through `text(lang)` ("db.office:5432 上的 twindesk（用户 wang）")."""
        if self.database:
            name = self.database
        else:
            name = Message("service {service}", {"service": self.service}) if self.service else \
                Message("the default database")
        where = f"{self.host or 'localhost'}:{self.port}" if self.host or not self.service else ""
        shape = ("{name} on {where} as {user}" if self.user else "{name} on {where}") if where else \
            ("{name} as {user}" if self.user else "{name}")
        return Message(shape, {"name": name, "where": where, "user": self.user})

    def connect_params(self, password: str | None = None) -> dict:
        """libpq's keywords for psycopg.connect; without a password libpq looks in .pgpass itself."""
        params: dict = {"application_name": APPLICATION_NAME, "connect_timeout": CONNECT_TIMEOUT_S,
                        "sslmode": self.sslmode, **KEEPALIVES}
        if self.service:
            params["service"] = self.service
        if self.host:
            params["host"] = self.host
        if self.host or not self.service:
            params["port"] = self.port
        if self.database:
            params["dbname"] = self.database
        if self.user:
            params["user"] = self.user
        if self.sslrootcert:
            params["sslrootcert"] = self.sslrootcert
        if password:
            params["password"] = password
        return params

    def __str__(self) -> str:  # in a message's "{path}", the database as a person reads it
        return self.display()

    def with_database(self, database: str) -> ServerAddress:
        return replace(self, database=database)


def is_database_url(text: str | None) -> bool:
    """True when `text` names a PostgreSQL database rather than a file."""
    scheme, sep, _ = (text or "").strip().partition("://")
    return bool(sep) and scheme.lower() in SCHEMES


def parse_database_url(url: str) -> ServerAddress:
    """`postgresql://user@host:port/db?sslmode=verify-full&sslrootcert=...` (or `postgres://`, or
    `postgresql:///db?service=NAME`) as a ServerAddress. Refuses a password in the URL."""
    text = (url or "").strip()
    if not is_database_url(text):
        raise DatabaseUrlError("{url}: is not a PostgreSQL database URL (postgresql://user@host:port/database)",
                               url=text)
    parts = urlsplit(text)
    if parts.password is not None:
        raise DatabaseUrlError(
            "{url}: a database URL may not hold a password; TwinDesk keeps it in the system keyring, "
            "or PostgreSQL reads it from ~/.pgpass or a service file", url=_without_password(parts))
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError as exc:
        raise DatabaseUrlError("{url}: the port is not a number from 1 to 65535", url=text) from exc
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if "password" in query:
        raise DatabaseUrlError(
            "{url}: a database URL may not hold a password; TwinDesk keeps it in the system keyring, "
            "or PostgreSQL reads it from ~/.pgpass or a service file", url=text.split("?", 1)[0])
    unknown = sorted(set(query) - {"sslmode", "sslrootcert", "service"})
    if unknown:
        raise DatabaseUrlError("{url}: unknown option {option} (TwinDesk knows sslmode, sslrootcert, service)",
                               url=text, option=unknown[0])
    sslmode = query.get("sslmode", "prefer")
    if sslmode not in SSLMODES:
        raise DatabaseUrlError("{url}: sslmode {mode} is not one of {modes}", url=text, mode=sslmode,
                               modes=", ".join(SSLMODES))
    return ServerAddress(host=unquote(parts.hostname or ""), port=port,
                         database=unquote(parts.path.lstrip("/")), user=unquote(parts.username or ""),
                         sslmode=sslmode, sslrootcert=query.get("sslrootcert", ""),
                         service=query.get("service", ""))


def _without_password(parts) -> str:
    host = parts.netloc.rpartition("@")[2]
    user = parts.username or ""
    return f"{parts.scheme}://{user + '@' if user else ''}{host}{parts.path}"
