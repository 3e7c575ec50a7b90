"""Keys built from the data a template receives (forum/caching/__init__.py)."""

import hashlib
import pickle


def context_digest(context):
    """A digest of a plain-data template context: strings, numbers, dates, None, and lists, tuples and
    dicts of them (no model instances, no lazy translations, no sets: their order is not stable). A
    fragment cached under it changes key whenever anything the template receives changes.

    Of the pickle, not the repr: the same bytes mean the same values, and pickling a post's context
    took half the time of its repr, most of which went on escaping the body's HTML and on dates
    (bench/README.md, "Late session")."""
    return hashlib.sha256(pickle.dumps(context, pickle.HIGHEST_PROTOCOL)).hexdigest()[:32]
