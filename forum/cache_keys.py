"""The topic version: cached topic pages and post fragments carry it in their keys, so bumping it
(every service that changes what a topic page shows calls `topic_changed`) makes them all a miss.
The topic lists' version does the same for every process's copy of the category lists.
The register of every cache is forum/caching/register.py."""

from forum.caching import version_bump, version_read


def topic_version_key(topic_id):
    return f"topic-version:{topic_id}"


def topic_firm_version_key(topic_id):
    """Bumped only by changes that may not reach anyone late (see topic_changed)."""
    return f"topic-version:{topic_id}:firm"


TOPIC_LISTS_VERSION_KEY = "topic-lists-version"


def topic_version_from_key(key):
    return version_read(key)


def topic_changed(topic_id, *, stale_ok=False):
    """Invalidate the topic's cached pages now, and again once the change is committed.

    `stale_ok`: the change may reach visitors who are not logged in a moment late (a vote or a
    reaction: a count one off for a second). While one request renders the new page, the others
    get the page from before (forum.pagecache.lookup), so a busy topic's votes do not make every
    visitor's request a miss at once. Anything else (a post shown, hidden, edited or removed, a
    solution, a topic moved) bumps the firm version too, and no one gets the earlier page again.
    """
    version_bump(topic_version_key(topic_id))
    if not stale_ok:
        version_bump(topic_firm_version_key(topic_id))
    topic_lists_changed()  # whatever a topic page shows of a topic, its row shows a part of


def topic_lists_version():
    return version_read(TOPIC_LISTS_VERSION_KEY)


def topic_lists_changed():
    """Make every process's copy of every category list stale (forum.topic_lists.category_page): called by
    topic_changed, and for what a list shows beyond a topic page's changes (view counts, a category, a name).
    One version for all lists, as the services that change a topic do not know its category: a change
    anywhere makes each process read each list it shows once more, as every request did before."""
    version_bump(TOPIC_LISTS_VERSION_KEY)
