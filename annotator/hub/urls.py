"""A hub's URL: shown and stored without its password, and turned into another login's.

A URL names the server, the database and a login (``postgresql://amal@host:5432/lab``);
``sslmode`` and other options ride in its query and are kept. A password written in it is
used for that connection only: the project stores the URL without it, and later syncs take
the password from libpq's usual places (PGPASSWORD, ~/.pgpass, a service file).
"""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit, urlunsplit

from annotator.core.errors import AnnotatorError

SCHEMES = ("postgresql", "postgres")


class BadHubUrl(AnnotatorError):
    """Not a PostgreSQL URL."""


def _split(url: str):
    parts = urlsplit(url)
    named = parts.path.strip("/") or "service=" in parts.query  # a service file may name it
    if parts.scheme not in SCHEMES or not named:
        raise BadHubUrl(
            f"{without_password_unchecked(url)}: not a hub URL; give one like "
            "postgresql://NAME@HOST:5432/DATABASE (or postgresql://NAME@?service=SERVICE)"
        )
    return parts


def without_password_unchecked(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return "the URL"
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[-1]
    user = parts.netloc.rsplit("@", 1)[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}@{host}"))


def without_password(url: str) -> str:
    _split(url)
    return without_password_unchecked(url)


def login(url: str) -> str | None:
    parts = _split(url)
    return unquote(parts.username) if parts.username else None


def as_login(url: str, name: str, password: str | None = None) -> str:
    """The same server and database, as another login (with a password, or none)."""
    parts = _split(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    auth = quote(name, safe="")
    if password is not None:
        auth += ":" + quote(password, safe="")
    return urlunsplit(parts._replace(netloc=f"{auth}@{host}"))


def with_password(url: str, password: str | None) -> str:
    """The URL with a password for one connection (None: the URL as it is)."""
    if password is None:
        return url
    name = login(url)
    if name is None:
        raise BadHubUrl(f"{without_password(url)}: names no login to give the password to")
    return as_login(url, name, password)
