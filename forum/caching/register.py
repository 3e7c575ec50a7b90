"""The register: every cache the forum keeps, with its key, lifetime, what it holds and what keeps it
fresh. docs/ARCHITECTURE.md shows this table (`register_markdown`); tests/test_cache_register.py
checks that the document matches it and that each lifetime is the one its home module uses.

A new cache gets a row here first. Plain Python, no imports from the apps: the register describes
the caches, their home modules own them.
"""

from dataclasses import dataclass

MINUTE, HOUR, DAY = 60, 60 * 60, 24 * 60 * 60


@dataclass(frozen=True)
class Cache:
    name: str
    key: str  # the key's pattern; {braces} are filled per entry
    lifetime: int | None  # seconds; None: kept in the process, not in the shared cache
    holds: str
    fresh: str  # what keeps it true
    home: str  # the module that reads and writes it
    lifetime_name: str = ""  # the constant (module.NAME or a setting) the home module uses, checked by the tests


REGISTER = (
    Cache(
        "topic version", "topic-version:{topic}", 7 * DAY, "a number that every cached part of a topic's pages carries",
        "forum.cache_keys.topic_changed → forum.caching.version_bump, called by every service that changes what a topic page shows",
        "forum/cache_keys.py", "forum.caching.versions.VERSION_SECONDS",
    ),
    Cache(
        "topic firm version", "topic-version:{topic}:firm", 7 * DAY,
        "a number bumped by every change to a topic except votes and reactions",
        "forum.cache_keys.topic_changed (not with stale_ok=True); a visitor gets an earlier page only while it matches",
        "forum/cache_keys.py", "forum.caching.versions.VERSION_SECONDS",
    ),
    Cache(
        "topic page rebuild", "{topic page key}:rebuilding", 5,
        "a mark that one request is rendering the page for the current version (the others get the earlier page)",
        "deleted when that page is stored; the lifetime bounds a request that failed", "forum/pagecache.py",
        "forum.pagecache.REBUILD_SECONDS",
    ),
    Cache(
        "topic page", "page:topic:{format}:{topic}:{slug}:{audience}:{language}:{order}:{page}", 30,
        "the rendered topic page as parts with holes for the member's own parts, the account links and the CSRF token; "
        "beside it the page's context and posts for re-rendering a member's own posts, and each member's own parts",
        "the topic version; the lifetime bounds the rest", "forum/pagecache.py", "FORUM_TOPIC_PAGE_CACHE_SECONDS",
    ),
    Cache(
        "topic page copy", "(in the process) the topic page key", None, "the last 200 topic pages this process served",
        "compared with the topic version on every request", "forum/pagecache.py",
    ),
    Cache(
        "post fragment", "post-html:8:{post}:{language}:{context_digest of the post's PostView}", DAY,
        "one post's HTML (includes/_post.html) as the page cache's UTF-8 parts, for a viewer's permissions and marks, "
        "and its text and QAPage answer (forum.seo.qa_answer)",
        "the key: the template is given plain data only (made from forum.fragments.PostView) and the key is its digest",
        "forum/fragments.py", "forum.fragments.FRAGMENT_SECONDS",
    ),
    Cache(
        "post fragment copy", "(in the process) the language and the post's PostView", None, "the last 500 post fragments this process used",
        "the key, as the post fragment's: the view is every value the fragment shows; a setting change empties them",
        "forum/fragments.py",
    ),
    Cache(
        "constant page parts",
        "(in the process) the {% constant %} part, language, script prefix, logged in or not, the values of the variables it names (at most 64)",
        None,
        "the HTML of the parts of a page that show only URLs, static files and translations (header, footer, home intro, topic filters)",
        "nothing they show changes while a process runs; the part is given no other data than its named variables; a setting change renders it again",
        "forum/templatetags/forum_tags.py",
    ),
    Cache(
        "visitor account links", "(in the process) the language, script prefix and setting generation, as for constant page parts", None,
        "a visitor's header account links (includes/_account_nav.html) with a hole for the page the language switch goes back to",
        "rendered from the language alone, the address filled in for each page; a setting change renders them again",
        "forum/templatetags/forum_tags.py",
    ),
    Cache(
        "list rows, home cards and pagination",
        "(in the process) the template, language and every value the row, card or pagination is given", None,
        "the last 4,096 topic rows (includes/_topic_row.html) and category cards (includes/_category_card.html) rendered, "
        "each with a hole for its relative time, which is formatted on every request; the last 256 paginations (includes/_pagination.html)",
        "the key: the template is given those values only (forum.listings.topic_rows, category_cards, pagination); "
        "a setting change empties them",
        "forum/listings.py",
    ),
    Cache(
        "topic lists version", "topic-lists-version", 7 * DAY, "a number that every process's copy of the category lists is read for",
        "forum.cache_keys.topic_lists_changed: by topic_changed (every service that changes a topic), and by the admin for a "
        "category or a member's name", "forum/cache_keys.py", "forum.caching.versions.VERSION_SECONDS",
    ),
    Cache(
        "topic lists version seen", "(in the process) the topic lists version last read", None,
        "the version, used for half a second for a visitor's category list (a member's list always asks for it)",
        "forgotten when this process changes the version; at most FORUM_PROXY_CACHE_SECONDS, so with 0 never used",
        "forum/cache_keys.py",
    ),
    Cache(
        "category list copy", "(in the process) the category's slug, the filter, the topics per page and the page number", None,
        "the last 256 pages of category lists read (the category, its topics as plain values, how many there are), "
        "all read for one topic lists version",
        "all dropped when the topic lists version moves; a list's copy lasts a minute at most, which bounds what no service "
        "changes (view counts flushed from their buffer, SQL)", "forum/topic_lists.py",
    ),
    Cache(
        "relative times", "(in the process) the language and the moment", None,
        "the last 4,096 relative times (naturaltime) of list rows and home cards, each with when it was read",
        "kept only until the next second, minute, hour or midnight at which naturaltime may read otherwise "
        "(forum.listings._next_change); a setting change empties them", "forum/listings.py",
    ),
    Cache(
        "page heads", "(in the process) every value of a page's head (forum.seo.PageMeta, its language's locale and site name)", None,
        "the last 2,048 heads (includes/_meta.html: canonical URL, sharing card), every page's, rendered without its structured data",
        "the key: the template is given those values only; a setting change empties them", "forum/seo.py",
    ),
    Cache(
        "home categories", "home-categories:2[:public]", MINUTE, "the home page's category list with counts, and when the entry ends",
        "the lifetime only: counts may lag a minute", "forum/home_categories.py", "forum.home_categories.HOME_CACHE_SECONDS",
    ),
    Cache(
        "home categories copy", "(in the process) the home categories' key", None, "the entry as this process last read it",
        "kept only until the shared entry ends (the time it carries), so the lag stays at most a minute", "forum/home_categories.py",
    ),
    Cache(
        "search results", "search-results:{format}:{language}:{per page}:{page}:{digest of query and filters}", MINUTE,
        "one page of ranked results as plain data", "the lifetime; results no longer public are dropped when read",
        "forum/search.py", "forum.search.RESULTS_SECONDS",
    ),
    Cache(
        "search page", "page:{format}:{language}:search:{per page}:{page}:{digest}", MINUTE,
        "the rendered search page for anonymous visitors", "the lifetime; re-checked that every post shown is still public",
        "forum/search_views.py", "forum.search.RESULTS_SECONDS",
    ),
    Cache(
        "unread notifications", "unread-notifications:{member}", HOUR, "the bell's number",
        "forum.caching.forget in every notification service (notify, notify_many, open, clear all, the fan-out)",
        "forum/notifications.py",
    ),
    Cache(
        "reading state", "topic-reading:{topic}:{member}", HOUR, "a member's watch level and reading position in a topic",
        "forum.caching.forget when the member's watch or position changes (forum/watching.py)", "forum/reading.py",
        "forum.reading.STATE_SECONDS",
    ),
    Cache(
        "watched unread", "watched-unread:{member}", 5 * MINUTE, "a member's unread counts in watched topics, per category",
        "forgotten when they read a topic, change a watch, or a fan-out tells them", "forum/reading.py",
        "forum.reading.UNREAD_SECONDS",
    ),
    Cache(
        "confirmed email", "email-confirmed:{member}", DAY, "that a member confirmed an address (only a yes is cached)",
        "a confirmed address stays confirmed; a no is asked of the database each time; the request's Viewer asks once",
        "forum/viewer.py", "forum.viewer.CONFIRMED_SECONDS",
    ),
    Cache(
        "signed-in member", "auth-user:{member}", 5 * MINUTE, "the member's row for the session's authentication",
        "forgotten when the row is saved or deleted (forum/auth.py signals)", "forum/auth.py", "forum.auth.USER_CACHE_SECONDS",
    ),
    Cache(
        "moderator access", "moderator-access:{member}", MINUTE, "whether a member may review, sign off, and has two-factor",
        "forgotten when their groups, permissions, account or authenticators change (moderation/signals.py)",
        "forum/viewer.py", "forum.viewer.ACCESS_SECONDS",
    ),
    Cache(
        "view mark", "viewed:{topic}:{visitor}", DAY, "that this visitor's view of the topic was counted",
        "the lifetime is the counting window", "forum/viewcount.py", "FORUM_VIEW_WINDOW_SECONDS",
    ),
    Cache(
        "buffered views (strict alias)", "views-buffer:{topic}, views-buffer-topics", None,
        "views counted in Redis, not yet in the database (Redis only)",
        "moved to the database by flush_view_counts every minute and when a buffer fills", "forum/viewcount.py",
    ),
    Cache(
        "queue version", "moderation-queue-version", 7 * DAY, "a number that every cached queue page, count and lane carries",
        "moderation.cache_keys.queue_changed → forum.caching.version_bump, called by every service that changes a review "
        "item, a flag, a care alert, a solution state or a note on a member", "moderation/cache_keys.py", "forum.caching.versions.VERSION_SECONDS",
    ),
    Cache(
        "queue page data", "moderation-queue-page:{format}:{queue version}:{filters}:{page}", 30,
        "one page of the queue as plain data, with the counts", "the queue version", "moderation/selectors.py",
        "moderation.selectors.QUEUE_PAGE_SECONDS",
    ),
    Cache(
        "shared queue page", "(per filters and page) the rendered queue page", MINUTE,
        "the queue page, shared by moderators, with holes for the account links and their own posts' labels",
        "the queue version, and at most the minute to which it shows waiting times", "moderation/views.py",
        "moderation.views.SHARED_QUEUE_PAGE_SECONDS",
    ),
    Cache(
        "queue item fragment", "queue-item-html:4:{item}:{language}:{context_digest of the row's context}", HOUR,
        "one queue row's HTML, shared by moderators (a hole for their own posts' label); the queue's filter and bulk "
        "controls likewise (queue-controls-html)",
        "the key: the row is rendered from plain data alone (moderation.fragments.queue_item_context, with the waiting "
        "time to the precision shown) and the key is its digest", "moderation/fragments.py",
        "moderation.fragments.FRAGMENT_SECONDS",
    ),
    Cache(
        "care lane", "moderation-care-lane:{queue version}", MINUTE, "the open crisis alerts, one row per topic",
        "the queue version", "moderation/care.py", "moderation.care.CARE_LANE_SECONDS",
    ),
    Cache(
        "health rules", "(in the process) the compiled Rules", None, "the policy's rules built from the admins' terms and domains",
        "a version row in the database, read per assessment and bumped in the transaction that changes a rule",
        "moderation/rules.py",
    ),
    Cache(
        "privacy notice version", "(in the process)", 30, "the version of the privacy notice members must consent to",
        "forgotten when a notice is published (privacy.services), in every process within the lifetime", "privacy/notices.py",
        "privacy.notices.NOTICE_MEMO_SECONDS",
    ),
)


def _lifetime(seconds):
    if seconds is None:
        return "—"
    for unit, name in ((DAY, "d"), (HOUR, "h"), (MINUTE, "min")):
        if seconds >= unit and seconds % unit == 0:
            return f"{seconds // unit} {name}"
    return f"{seconds} s"


def register_markdown():
    """The register as the Markdown table docs/ARCHITECTURE.md shows."""
    rows = ["| cache | key | lifetime | holds | kept fresh by | home |", "|---|---|---|---|---|---|"]
    rows += [
        f"| {c.name} | `{c.key}` | {_lifetime(c.lifetime)} | {c.holds} | {c.fresh} | `{c.home}` |" for c in REGISTER
    ]
    return "\n".join(rows) + "\n"
