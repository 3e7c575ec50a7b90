"""The shared member topic page (forum.pagecache): one cached page for all members, with each
member's own parts filled in. Every test warms the cache as *another* member first, so what it
checks is what the shared page gives this member, not a page rendered for them alone."""

import re

import pytest

from forum import services
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 Chrome/126"}


@pytest.fixture(autouse=True)
def _shared_cache(memory_cache, no_rate_limits):
    """A real cache (the page cache is off without one) and room to post many answers."""


def page_as(client, member, topic, **params):
    client.force_login(member)
    response = client.get(topic.get_absolute_url(), params, **BROWSER)
    assert response.status_code == 200
    return response.content.decode()


def article(html, post):
    return re.search(rf'<article[^>]*id="post-{post.pk}".*?</article>', html, re.S).group(0)


def header_nav(html):
    return re.search(r'<nav class="header-nav".*?</nav>', html, re.S).group(0)


def test_each_member_sees_their_own_name_votes_reactions_and_posts_on_the_shared_page(client, user_factory, topic):
    warm, voter, writer = user_factory("warmer"), user_factory("stemmer"), user_factory("schrijver")
    voted = services.answer_post(actor=user_factory(), topic=topic, body="Een antwoord om op te stemmen.")
    own = services.answer_post(actor=writer, topic=topic, body="Mijn eigen antwoord.")
    services.vote_cast(actor=voter, post=voted, value=-1)
    services.reaction_toggle(actor=voter, post=voted, kind="thanks")
    page_as(client, warm, topic)

    voter_html = page_as(client, voter, topic)
    assert "stemmer" in header_nav(voter_html) and "warmer" not in header_nav(voter_html)
    assert 'class="vote-down active"' in article(voter_html, voted)
    assert 'class="reaction active"' in article(voter_html, voted)
    assert f"/p/{own.pk}/edit/" not in voter_html

    writer_html = page_as(client, writer, topic)
    assert "schrijver" in header_nav(writer_html) and "stemmer" not in header_nav(writer_html)
    assert f"/p/{own.pk}/edit/" in article(writer_html, own)
    assert "/flag/" not in article(writer_html, own)  # no flagging or voting on one's own post
    assert "active" not in article(writer_html, voted)

    # …and the next member gets the plain shared page again, with nothing of theirs.
    warm_html = page_as(client, warm, topic)
    assert "active" not in article(warm_html, voted)
    assert f"/p/{own.pk}/edit/" not in warm_html


def test_shared_page_follows_a_vote_by_someone_else_at_once(client, user_factory, topic):
    reader, voter = user_factory(), user_factory()
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Antwoord.")
    assert "data-score>0<" in article(page_as(client, reader, topic), answer)
    services.vote_cast(actor=voter, post=answer, value=1)
    assert "data-score>1<" in article(page_as(client, reader, topic), answer)


def test_an_author_still_sees_their_held_answer_when_the_shared_page_is_cached(client, user_factory, topic):
    author = user_factory()
    held = services.answer_post(actor=author, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    assert f"post-{held.pk}" not in page_as(client, user_factory(), topic)
    assert f"post-{held.pk}" in page_as(client, author, topic)


def test_the_topic_starter_can_still_propose_a_solution(client, user_factory, topic):
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Dit hielp mij.")
    assert "solution/propose" not in page_as(client, user_factory(), topic).replace("-", "/")
    starter_html = page_as(client, topic.author, topic)
    assert re.search(rf'name="answer" value="{answer.pk}"', starter_html)


def test_moderators_and_unconfirmed_members_get_their_own_page(client, user_factory, moderator, topic):
    held = services.answer_post(actor=user_factory(), topic=topic, body=CLAIM_WITHOUT_SOURCE)
    page_as(client, user_factory(), topic)
    assert f"post-{held.pk}" in page_as(client, moderator, topic)
    unconfirmed_html = page_as(client, user_factory(confirmed=False), topic)
    assert 'action="/t/' not in unconfirmed_html.split('id="answer"')[1].split("</section>")[0]
    assert "Bevestig je e-mailadres" in unconfirmed_html or "Confirm your email" in unconfirmed_html


def test_every_member_gets_a_working_csrf_token_of_their_own(client, user_factory, topic):
    from django.test import Client

    answer = services.answer_post(actor=user_factory(), topic=topic, body="Antwoord.")
    page_as(client, user_factory(), topic)
    other = Client(enforce_csrf_checks=True)
    voter = user_factory()
    html = page_as(other, voter, topic)
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
    assert len(tokens) == 1 and "placeholder" not in next(iter(tokens))
    response = other.post(f"/p/{answer.pk}/vote/", {"value": 1, "csrfmiddlewaretoken": tokens.pop()})
    assert response.status_code == 302
    assert "data-score>1<" in article(page_as(other, voter, topic), answer)


@pytest.mark.parametrize("answers", [3, 60])
def test_a_returning_member_costs_no_query_whatever_the_number_of_answers(
    client, user_factory, topic, django_assert_max_num_queries, answers
):
    authors = [user_factory() for _ in range(3)]
    posted = [services.answer_post(actor=authors[i % 3], topic=topic, body=f"Antwoord {i}.") for i in range(answers)]
    viewer = user_factory()
    services.vote_cast(actor=viewer, post=posted[0], value=1)
    page_as(client, user_factory(), topic)  # warms the shared page
    client.force_login(viewer)
    client.get(topic.get_absolute_url(), **BROWSER)  # first visit: their rights, votes and reactions looked up
    # The member comes from the cache (forum/auth.py); their parts are kept for this topic version.
    with django_assert_max_num_queries(0):
        html = client.get(topic.get_absolute_url(), **BROWSER).content.decode()
    assert 'class="vote-up active"' in article(html, posted[0])
    services.vote_cast(actor=viewer, post=posted[2], value=1)  # a new topic version: their parts are made again
    html = client.get(topic.get_absolute_url(), **BROWSER).content.decode()
    assert 'class="vote-up active"' in article(html, posted[0]) and 'class="vote-up active"' in article(html, posted[2])


def test_the_bell_counts_a_notification_from_elsewhere_at_once(client, user_factory, topic, topic_factory):
    reader = user_factory()
    elsewhere = services.answer_post(actor=reader, topic=topic_factory(), body="Mijn antwoord ergens anders.")
    assert "data-unread-count" not in header_nav(page_as(client, reader, topic))
    services.vote_cast(actor=user_factory(), post=elsewhere, value=1)  # notifies the reader; this topic is untouched
    assert "data-unread-count>1<" in header_nav(page_as(client, reader, topic))
