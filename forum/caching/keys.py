"""Keys built from the data a template receives (forum/caching/__init__.py)."""

import hashlib


def context_digest(context):
    """A digest of a plain-data template context: strings, numbers, dates, None, and lists, tuples and
    dicts of them, whose repr is stable (no model instances, no lazy translations). A fragment cached
    under it changes key whenever anything the template receives changes."""
    return hashlib.sha256(repr(context).encode()).hexdigest()[:32]
