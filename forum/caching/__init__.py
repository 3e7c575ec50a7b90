"""Every cache's home. A cache is a copy that someone must keep true, so each one is listed in the
register (forum/caching/register.py, shown in docs/ARCHITECTURE.md) with its key, lifetime, what it
holds and what keeps it fresh, and the two ways of keeping a copy fresh live here once:

- `version_bump(key)`: a version number that cached entries carry (a topic's pages, the moderator
  queue); bumping it makes every entry made for the old number a miss.
- `forget(*keys)`: drop entries that hold one member's or one row's state.

Both act now and again after the current transaction commits: in between, a reader could cache
the old state again. A cache that is down is a miss here, never an error.

Fragments (a post, a queue row) need neither: they are rendered from a plain-data context and kept
under `context_digest(context)`, so whatever they show is in their key.
"""

from forum.caching.keys import context_digest
from forum.caching.versions import forget, new_version, version_bump, version_read

__all__ = ["context_digest", "forget", "new_version", "version_bump", "version_read"]
