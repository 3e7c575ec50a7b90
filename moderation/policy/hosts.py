"""Host names as the policy compares them: one normal form for an administrator's domain entry and a
link's host. Standard library only; model.py and sources.py both build on it.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

__all__ = ["clean_host", "normalize_domain"]

_HOST_OK_RE = re.compile(r"[a-z0-9_.-]+")


def clean_host(host: str) -> str | None:
    """Normalise a host name; None if it cannot be a DNS host name."""
    if "%" in host:
        host = unquote(host, errors="replace")
    if not host.isascii():
        host = unicodedata.normalize("NFKC", host)
        host = host.replace("\u3002", ".").replace("\uff0e", ".").replace("\uff61", ".")
    host = host.lower().rstrip(".")
    if not host:
        return None
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii").lower()
        except (UnicodeError, ValueError):
            return host  # a real but foreign host name: matches no domain
    if not _HOST_OK_RE.fullmatch(host) or ".." in host or host.startswith("."):
        return None
    return host


def normalize_domain(domain: str) -> str | None:
    """Normalise an administrator's domain entry (``https://www.WHO.int/x`` -> ``who.int``)."""
    d = domain.strip()
    d = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", d)
    d = re.split(r"[/?#\\]", d, maxsplit=1)[0]
    d = d.rpartition("@")[2]
    if d.startswith("["):
        return None
    d = d.split(":", 1)[0]
    d = d.lstrip("*").lstrip(".")
    host = clean_host(d)
    if host and host.startswith("www.") and host.count(".") >= 2:
        host = host[4:]
    return host or None
