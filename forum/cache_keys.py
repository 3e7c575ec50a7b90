"""The topic version: cached topic pages and post fragments carry it in their keys, so bumping it
(every service that changes what a topic page shows calls `topic_changed`) makes them all a miss.
The register of every cache is forum/caching/register.py."""

from forum.caching import version_bump, version_read


def topic_version_key(topic_id):
    return f"topic-version:{topic_id}"


def topic_version_from_key(key):
    return version_read(key)


def topic_changed(topic_id):
    """Invalidate the topic's cached pages now, and again once the change is committed."""
    version_bump(topic_version_key(topic_id))
