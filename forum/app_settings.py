"""The forum's settings, each with its default. Override any of them in config/settings.py."""

from django.conf import settings


def _get(name, default):
    return getattr(settings, name, default)


class ForumSettings:
    @property
    def TOPICS_PER_PAGE(self):
        return _get("FORUM_TOPICS_PER_PAGE", 25)

    @property
    def ANSWERS_PER_PAGE(self):
        return _get("FORUM_ANSWERS_PER_PAGE", 30)

    @property
    def SEARCH_RESULTS_PER_PAGE(self):
        return _get("FORUM_SEARCH_RESULTS_PER_PAGE", 20)

    @property
    def RESERVED_USERNAMES(self):
        """Names (and every name that looks like them) no member may take: the staff's and the forum's."""
        return _get("FORUM_RESERVED_USERNAMES", (
            "moderator", "moderators", "moderatie", "admin", "administrator", "beheerder", "beheer", "staff",
            "forum", "gezondheidsforum", "healthforum", "support",
        ))

    @property
    def TITLE_MAX_LENGTH(self):
        return _get("FORUM_TITLE_MAX_LENGTH", 160)

    @property
    def BODY_MAX_LENGTH(self):
        return _get("FORUM_BODY_MAX_LENGTH", 20000)

    @property
    def MARKDOWN_MAX_NESTING(self):
        return _get("FORUM_MARKDOWN_MAX_NESTING", 12)

    @property
    def VIEW_WINDOW_SECONDS(self):
        """A visitor's view of a topic counts once in this window."""
        return _get("FORUM_VIEW_WINDOW_SECONDS", 24 * 60 * 60)

    @property
    def RATE_LIMITS(self):
        """Per member: (how many, per how many seconds)."""
        limits = {
            "topic": (5, 60 * 60),
            "answer": (20, 60 * 60),
            "edit": (30, 60 * 60),
            "vote": (120, 60 * 60),
            "reaction": (200, 60 * 60),
            "flag": (20, 60 * 60),
            "markdown_preview": (120, 60),
            "upload": (20, 60 * 60),
            "solution": (20, 60 * 60),
            "reopen": (5, 60 * 60),
        }
        limits.update(_get("FORUM_RATE_LIMITS", {}))
        return limits

    @property
    def BOT_USER_AGENT_WORDS(self):
        return _get(
            "FORUM_BOT_USER_AGENT_WORDS",
            ("bot", "crawler", "spider", "slurp", "curl", "wget", "python-requests", "httpclient", "headless", "monitor"),
        )

    @property
    def TOPIC_PAGE_CACHE_SECONDS(self):
        return _get("FORUM_TOPIC_PAGE_CACHE_SECONDS", 30)

    @property
    def PROXY_CACHE_SECONDS(self):
        """How long nginx or a CDN may serve a page shared by anonymous visitors without asking the forum
        again (s-maxage; forum.httpcache): also how long a post a moderator hid may still reach them there."""
        return _get("FORUM_PROXY_CACHE_SECONDS", 2)

    @property
    def BASE_URL(self):
        """Where the forum lives, for the links in mail (no request there to build them from)."""
        return _get("FORUM_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

    @property
    def MENTIONS_PER_POST(self):
        """At most this many members can be @mentioned in one post."""
        return _get("FORUM_MENTIONS_PER_POST", 10)


forum_settings = ForumSettings()
