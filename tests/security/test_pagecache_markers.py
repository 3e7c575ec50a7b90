"""Issue 14 (8): page-cache holes that member text can never forge.

The cached pages leave holes for the CSRF token, the account links and each member's posts. A
member who types a hole's marker (or the old fixed placeholder) into a post or a title must get
their text shown as typed, never a reader's token or another member's parts.
"""

import re

import pytest

from forum import pagecache, services
from moderation import services as moderation
from moderation.models import ReviewItem

pytestmark = pytest.mark.django_db

OLD_PLACEHOLDER = "csrf-token-placeholder-5f2a9c"
TYPED_MARKERS = [
    OLD_PLACEHOLDER,
    "<!--hole:csrf-->",
    "<!--hole:account-nav-->",
    "\x02hole:csrf\x03",
]
# Even one who learnt the deployment's nonce cannot type the control characters around it.
LEAKED_NONCE_MARKERS = [pagecache.CSRF_PLACEHOLDER, pagecache.hole("account-nav"), pagecache.hole("post:1")]


def tokens_outside_forms(html):
    """Every CSRF token in the page that is not the value of a form's csrfmiddlewaretoken input."""
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
    assert tokens, "the page has forms with a token"
    return [token for token in tokens if html.count(token) != html.count(f'value="{token}"')]


def trap_body(markers):
    body = "Kijk hier: " + " ".join(f"[link {n}](https://evil.example/?t={marker})" for n, marker in enumerate(markers))
    body += "\n\n" + "\n\n".join(f"`{marker}` en {marker}" for marker in markers)
    return body


@pytest.fixture
def trap(user_factory, category):
    author = user_factory()
    body = trap_body(TYPED_MARKERS)
    topic = services.topic_create(actor=author, category=category, title=f"Vraag {OLD_PLACEHOLDER} <!--hole:csrf-->", body=body)
    services.answer_post(actor=user_factory(), topic=topic, body=body)
    return topic


@pytest.mark.parametrize("who", ["anonymous", "member", "member-again"])
def test_markers_typed_in_posts_and_titles_never_become_a_readers_token(client, trap, user_factory, who):
    if who != "anonymous":
        client.force_login(user_factory())
    if who == "member-again":
        client.get(trap.get_absolute_url())  # the second view comes from the shared member page
    response = client.get(trap.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    if who == "anonymous":
        assert "csrfmiddlewaretoken" not in html  # a visitor's page has no form that needs one (forum.httpcache)
    else:
        assert tokens_outside_forms(html) == []
    assert OLD_PLACEHOLDER in html  # shown as the member typed it
    assert pagecache._NONCE not in html and "\x02" not in html and "\x03" not in html


def published(topic, moderator):
    """The nonce comes from SECRET_KEY, so the screen may hold a text full of random-looking markers
    (the detector can take hex digits for figures): a moderator publishes it, as one would."""
    for item in ReviewItem.objects.filter(post__topic=topic, status="pending"):
        moderation.review_approve(actor=moderator, item=item)
    topic.refresh_from_db()
    assert topic.is_public
    return topic


def test_markers_with_a_leaked_nonce_still_cannot_be_typed(client, user_factory, moderator, category):
    body = trap_body(LEAKED_NONCE_MARKERS)
    topic = services.topic_create(actor=user_factory(), category=category, title="Vraag " + LEAKED_NONCE_MARKERS[0], body=body)
    published(topic, moderator)
    logged_in = False
    for viewer in (None, user_factory(), None):  # a visitor, then a member twice (the second from the shared page)
        if viewer is not None:
            client.force_login(viewer)
            logged_in = True
        html = client.get(topic.get_absolute_url()).content.decode()
        assert "\x02" not in html
        assert tokens_outside_forms(html) == [] if logged_in else "csrfmiddlewaretoken" not in html


def test_a_title_with_markers_is_shown_as_typed_in_search_and_category_pages(client, trap):
    for url in (trap.category.get_absolute_url(), "/search/?q=Vraag"):
        html = client.get(url).content.decode()
        assert pagecache._NONCE not in html and "\x02" not in html
        if 'name="csrfmiddlewaretoken"' in html:
            assert tokens_outside_forms(html) == []


def test_control_characters_that_frame_a_marker_never_reach_a_stored_post(trap):
    for post in trap.posts.all():
        assert "\x02" not in post.body and "\x03" not in post.body
    assert "\x02" not in trap.title


def test_the_marker_nonce_is_secret_per_deployment(settings):
    first = pagecache._hole_nonce()
    settings.SECRET_KEY = "another-deployment-" + "x" * 50
    assert pagecache._hole_nonce() != first and len(first) >= 24
