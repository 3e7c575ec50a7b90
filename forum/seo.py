"""What search engines and chat apps read in a page's <head>: canonical URL, sharing cards, QAPage data.

Everything here is built from published posts only: a held, rejected, deleted or members-only
post never reaches a card, a description or the structured data, whoever the page is rendered for.
"""

import functools
import json
import re
from dataclasses import dataclass
from html import unescape

import nh3
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from forum.listings import category_url, escape_text, topic_url
from forum.models import Visibility

DESCRIPTION_CHARS = 200
# OpenGraph wants a territory: the forum's Dutch is the Netherlands', its English British.
OG_LOCALES = {"nl": "nl_NL", "en": "en_GB"}
DEFAULT_IMAGE = "img/og-default.png"
_SPACE = re.compile(r"\s+")
# "</" inside a <script> would end it early; a member's text can contain one.
_SCRIPT_UNSAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # json.dumps's, made once


def plain_text(html, limit=None):
    """The text a reader sees in stored (sanitised) post HTML, on one line; cut at a word when `limit` is given."""
    # nh3 (the sanitiser's own parser) with no tags allowed: a quarter of the time of Django's
    # strip_tags, whose pure-Python HTMLParser was a tenth of a cache-missed topic page (11 posts).
    return shortened(_SPACE.sub(" ", unescape(nh3.clean(html or "", tags=set()))).strip(), limit)


def post_text(post, limit=None):
    """plain_text of a post's HTML, from the post fragment's entry when the topic page has it (forum.fragments)."""
    text = getattr(post, "text", None)
    return plain_text(post.body_html, limit) if text is None else shortened(text, limit)


def shortened(text, limit=None):
    if limit is None or len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,.;:") + "…"


def is_published(post):
    return post is not None and post.visibility == Visibility.PUBLISHED and not post.is_deleted


def topic_is_public(topic):
    category = topic.category
    return topic.is_public and not topic.is_deleted and not category.members_only


@dataclass
class PageMeta:
    """The head of one page: its canonical URL, and the sharing card (empty for pages that are not public)."""

    canonical_url: str
    title: str = ""
    description: str = ""
    og_type: str = "website"
    image_url: str = ""
    json_ld: str = ""  # script-safe JSON: a topic page's QAPage data (qa_page)

    @property
    def locale(self):
        return OG_LOCALES.get((get_language() or "nl")[:2], "nl_NL")

    @property
    def site_name(self):
        return gettext("Health forum")

    @property
    def head_html(self):
        """includes/_meta.html for this head: the same for every request that has these values, so kept per process
        by them (`_kept_head`). A topic page's QAPage data, 30,000 characters that change with each vote, is not
        among them: base.html places `json_ld` after it."""
        return _kept_head((self.canonical_url, self.title, self.description, self.og_type, self.image_url, self.locale, self.site_name))


HEAD_TEMPLATE = "includes/_meta.html"
HEADS_KEPT = 2048  # a few MB: every list page and a few hundred topics' pages


def _head(canonical_url, title, description, og_type, image_url, locale, site_name):
    """What includes/_meta.html shows, as escaped HTML in a dict: the template engine looks a dict's key up at its
    first try (an attribute of a dataclass only after a failed key lookup), and escaped values it takes as they
    are; thirteen attribute lookups and escapes were half of the include's time."""
    return {
        "canonical_url": escape_text(canonical_url), "title": escape_text(title), "description": escape_text(description or title),
        "site_name": escape_text(site_name), "og_type": escape_text(og_type), "image_url": escape_text(image_url),
        "locale": escape_text(locale), "alternate_locales": [escape_text(other) for other in OG_LOCALES.values() if other != locale],
    }


@functools.lru_cache(maxsize=HEADS_KEPT)
def _kept_head(values):
    """includes/_meta.html rendered from a head's values (PageMeta's, structured data aside), kept by them: the
    template is given what `_head` makes of them and nothing else. Rendering its seventeen values was a third of
    base.html's time on a list page (bench/README.md, "Session of 2026-12-04"), and escaping them on every
    request a quarter of what was left of a category page's head ("Session of 2026-12-07")."""
    return render_to_string(HEAD_TEMPLATE, {"head": _head(*values)})


@functools.cache
def _default_image():
    """static(DEFAULT_IMAGE), looked up in the static files' manifest once per process, not for every page."""
    return static(DEFAULT_IMAGE)


@receiver(setting_changed)
def _forget_default_image(setting, **kwargs):
    if setting in ("STATIC_URL", "STORAGES"):
        _default_image.cache_clear()


@receiver(setting_changed)
def forget_heads(**kwargs):
    """A setting (templates) can change what a head renders as without changing its values; a test that
    empties the cache empties these too (tests/conftest.py)."""
    _kept_head.cache_clear()


def absolute(request, path):
    return request.build_absolute_uri(path)


def home_meta(request):
    return PageMeta(
        canonical_url=absolute(request, "/"),
        title=gettext("Health forum"),
        description=gettext("A moderated community where members ask and answer health questions; health claims need a reliable source."),
        image_url=absolute(request, _default_image()),
    )


def category_meta(request, category, page_number=1):
    path = category_url(category) + (f"?page={page_number}" if page_number > 1 else "")
    if category.members_only:
        return PageMeta(canonical_url=absolute(request, path))
    return PageMeta(
        canonical_url=absolute(request, path),
        title=category.name,
        description=_category_description(category.description),
        image_url=absolute(request, _default_image()),
    )


@functools.lru_cache(maxsize=64)
def _category_description(html):
    """plain_text of a category's description for its page's head, kept by the text: nh3 parsing it on every list page
    was a fifth of the page head's time (bench/README.md, "Session of 2026-12-07")."""
    return plain_text(html, DESCRIPTION_CHARS)


def topic_meta(request, data):
    """Canonical URL (page 2 and later are their own page), card and QAPage JSON-LD of a topic page."""
    topic = data.topic
    page_number = data.page.number if data.page is not None else 1
    path = topic_url(topic) + (f"?page={page_number}" if page_number > 1 else "")
    meta = PageMeta(canonical_url=absolute(request, path))
    if not topic_is_public(topic) or not is_published(data.question):
        return meta
    meta.title = topic.title
    meta.description = post_text(data.question, DESCRIPTION_CHARS)
    meta.og_type = "article"
    meta.image_url = absolute(request, _default_image())
    meta.json_ld = mark_safe(qa_page(request, topic, data.question, [a for a in data.answers if is_published(a)]))
    return meta


def script_json(value):
    """`value` as compact JSON that is safe inside <script>."""
    text = _JSON.encode(value)
    for unsafe, escaped in _SCRIPT_UNSAFE:  # str.replace, not str.translate: 30 times faster on a page's 30,000 characters
        text = text.replace(unsafe, escaped)
    return text


def qa_answer(text, created_at, score, pk, author_name):
    """A schema.org Answer of the QAPage data as script-safe JSON, in two pieces that the page's address goes between
    (its url is that address and `#post-<pk>`). Every value is in the post's fragment view, so it is made with the
    fragment and kept in its entry (forum.fragments): encoding the page's 30 answers for each cache-missed page was
    nearly all of the JSON-LD's time (bench/README.md, "Session of 2026-12-07")."""
    answer = {"@type": "Answer", "text": text, "dateCreated": created_at.isoformat(), "upvoteCount": score}
    author = {"@type": "Person", "name": author_name}
    return f'{script_json(answer)[:-1]},"url":"', f'#post-{pk}","author":{script_json(author)}}}'


def qa_page(request, topic, question, answers):
    """schema.org QAPage as Google documents it, as script-safe JSON, each answer from its fragment's pieces (qa_answer).
    `acceptedAnswer` only once a moderator signed off: a starter's proposal is no trust signal, so until then every
    answer is a `suggestedAnswer`. The author is shown as readers see them (Post.author_name): "Anonymous member"
    for an anonymous starter, a closed account's pseudonym."""
    signed_off = topic.is_solved and topic.accepted_answer_id is not None
    accepted = [a for a in answers if signed_off and a.pk == topic.accepted_answer_id]
    page_url = absolute(request, topic_url(topic))  # once: reversing it per answer was a third of this
    in_string = script_json(page_url)[1:-1]  # the address as it reads inside a JSON string

    def answer_json(answer):
        before, after = answer.qa_answer
        return f"{before}{in_string}{after}"

    entity = script_json({
        "@type": "Question",
        "name": topic.title,
        "text": post_text(question) or topic.title,
        "answerCount": topic.answer_count,
        "upvoteCount": question.score,
        "dateCreated": question.created_at.isoformat(),
        "author": {"@type": "Person", "name": question.author_name},
        "url": page_url,
    })[:-1]
    if accepted:
        entity += f',"acceptedAnswer":{answer_json(accepted[0])}'
    suggested = [answer_json(a) for a in answers if not accepted or a.pk != accepted[0].pk]
    if suggested:
        entity += f',"suggestedAnswer":[{",".join(suggested)}]'
    return f'{{"@context":"https://schema.org","@type":"QAPage","mainEntity":{entity}}}}}'
