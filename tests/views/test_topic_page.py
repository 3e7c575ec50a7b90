"""The topic page as the seed shows it: stats line, labels, order, markers, and a fixed query count."""

import re
from urllib.parse import quote

import pytest

from forum import services
from forum.models import Topic
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 Chrome/126"}


def stats_line(html):
    return re.sub(r"\s+", " ", re.search(r'<p class="topic-stats-line">(.*?)</p>', html, re.S).group(1))


def test_stats_line_counts_posts_participants_reactions_and_views(client, user_factory, topic_factory):
    starter, a, b = user_factory(), user_factory(), user_factory()
    topic = topic_factory(author=starter)
    first = services.answer_post(actor=a, topic=topic, body="Eerste antwoord.")
    services.answer_post(actor=b, topic=topic, body="Tweede antwoord.")
    services.answer_post(actor=a, topic=topic, body="Nog een van mij.")
    services.answer_post(actor=b, topic=topic, body=CLAIM_WITHOUT_SOURCE)  # held: not counted
    services.reaction_toggle(actor=b, post=first, kind="heart")
    services.reaction_toggle(actor=starter, post=topic.posts.get(is_question=True), kind="like")
    html = client.get(topic.get_absolute_url(), **BROWSER).content.decode()
    line = stats_line(html)
    assert "4 berichten" in line
    assert "3 deelnemers" in line
    assert "2 reacties" in line
    assert "1 keer bekeken" in line
    assert "3 antwoorden" in html


def test_starter_label_and_answer_order_best_then_newest(client, user_factory, topic_factory):
    starter = user_factory("starter")
    topic = topic_factory(author=starter)
    low = services.answer_post(actor=user_factory(), topic=topic, body="Laag gewaardeerd.")
    high = services.answer_post(actor=user_factory(), topic=topic, body="Hoog gewaardeerd.")
    mine = services.answer_post(actor=starter, topic=topic, body="Aanvulling van de starter.")
    services.vote_cast(actor=user_factory(), post=high, value=1)
    services.vote_cast(actor=user_factory(), post=low, value=-1)
    response = client.get(topic.get_absolute_url())
    answers = response.context["data"].answers
    assert [a.pk for a in answers] == [high.pk, mine.pk, low.pk]
    newest = client.get(topic.get_absolute_url(), {"order": "newest"}).context["data"].answers
    assert [a.pk for a in newest] == [mine.pk, high.pk, low.pk]
    html = response.content.decode()
    assert html.count("Topic starter") == 2


def test_held_answer_is_hidden_from_others_and_explained_to_its_author(client, member, user_factory, topic):
    held = services.answer_post(actor=member, topic=topic, body=CLAIM_WITHOUT_SOURCE)
    other = client.get(topic.get_absolute_url()).content.decode()
    assert f"post-{held.pk}" not in other
    client.force_login(member)
    mine = client.get(topic.get_absolute_url()).content.decode()
    assert f"post-{held.pk}" in mine
    assert "Wacht op een moderator" in mine or "Waiting for a moderator" in mine
    assert "<mark>" in mine


def test_health_category_shows_the_doctor_notice(client, health_category, topic_factory):
    topic = topic_factory(category=health_category)
    assert "huisarts" in client.get(topic.get_absolute_url()).content.decode().lower()


def _fill(topic, user_factory, n):
    authors = [user_factory() for _ in range(5)]
    for i in range(n):
        answer = services.answer_post(actor=authors[i % 5], topic=topic, body=f"Antwoord {i} met **opmaak**.")
        if i % 3 == 0:
            services.reaction_toggle(actor=authors[(i + 1) % 5], post=answer, kind="thanks")
            services.vote_cast(actor=authors[(i + 2) % 5], post=answer, value=1)


@pytest.mark.parametrize("answers", [5, 100])
def test_topic_page_query_count_is_fixed_for_anonymous_and_members(
    client, django_assert_max_num_queries, django_assert_num_queries, user_factory, topic, no_rate_limits, memory_cache, answers
):
    _fill(topic, user_factory, answers)
    with django_assert_max_num_queries(4):  # topic, the question with the page's answers, reactions with participants, view count
        assert client.get(topic.get_absolute_url(), **BROWSER).status_code == 200
    with django_assert_num_queries(0):  # the cached anonymous page; this visitor's view is already counted
        assert client.get(topic.get_absolute_url(), **BROWSER).status_code == 200
    viewer = user_factory()
    client.force_login(viewer)
    client.get(topic.get_absolute_url(), **BROWSER)
    with django_assert_max_num_queries(8):
        assert client.get(topic.get_absolute_url(), **BROWSER).status_code == 200


def test_a_page_number_too_long_for_the_cache_key_shows_the_page_its_key_names(client, user_factory, topic, no_rate_limits, memory_cache):
    _fill(topic, user_factory, 35)  # two pages
    last_page = client.get(topic.get_absolute_url() + "?page=2", **BROWSER).content.decode()
    on_last_page = re.findall(r'id="post-([0-9]+)"', last_page)
    client.get(topic.get_absolute_url() + "?page=123456", **BROWSER)
    first_page = client.get(topic.get_absolute_url() + "?page=1", **BROWSER).content.decode()
    assert on_last_page and not any(f'id="post-{pk}"' in first_page for pk in on_last_page[1:])  # [0]: the question


def test_anonymous_page_cache_follows_changes_at_once(client, member, topic, memory_cache):
    assert "Nieuw antwoord" not in client.get(topic.get_absolute_url(), **BROWSER).content.decode()
    services.answer_post(actor=member, topic=topic, body="Nieuw antwoord over rust nemen.")
    assert "Nieuw antwoord" in client.get(topic.get_absolute_url(), **BROWSER).content.decode()


def test_cached_anonymous_page_carries_no_csrf_token_and_its_language_switch_still_works(client, topic, memory_cache):
    from django.test import Client

    client.get(topic.get_absolute_url(), **BROWSER)
    other = Client(enforce_csrf_checks=True)
    response = other.get(topic.get_absolute_url(), **BROWSER)
    assert "csrfmiddlewaretoken" not in response.content.decode() and "csrftoken" not in response.cookies
    switched = other.post("/language/", {"language": "en", "next": "/"}, HTTP_ORIGIN="http://testserver")
    assert switched.status_code == 302 and switched.cookies["django_language"].value == "en"


def test_rejected_answer_form_keeps_what_was_typed(client, member, topic):
    client.force_login(member)
    response = client.post(f"/t/{topic.pk}/answer/", {"body": "[" * 300 + "mijn tekst"})
    assert response.status_code == 400
    assert "mijn tekst" in response.content.decode()


def test_answering_a_solved_topic_shows_a_gentle_notice(client, member, topic):
    Topic.objects.filter(pk=topic.pk).update(solution_state="open")
    client.force_login(member)
    assert "is opgelost" not in client.get(topic.get_absolute_url()).content.decode()


def test_share_links_are_plain_links(client, topic):
    html = client.get(topic.get_absolute_url()).content.decode()
    for target in ("mailto:", "wa.me", "linkedin.com", "x.com/intent", "facebook.com/sharer", "data-copy-link"):
        assert target in html
    assert "<script src=\"http" not in html


def test_share_links_carry_the_address_and_the_title_quoted_as_urlencode_quotes_them(client, topic_factory):
    topic = topic_factory(title='Moe & "op"? <b>ja</b>/nee #1')
    html = client.get(topic.get_absolute_url()).content.decode()
    address = "http://testserver" + topic.get_absolute_url()
    assert f'<a href="mailto:?subject={quote(topic.title)}&amp;body={quote(address)}">' in html
    assert f'href="https://wa.me/?text={quote(topic.title)}%20{quote(address)}"' in html
    assert f'data-copy-link="{address}"' in html


def test_shared_post_fragments_never_show_one_members_state_or_rights_to_another(client, user_factory, topic, memory_cache):
    author, voter, reader = user_factory(), user_factory(), user_factory()
    answer = services.answer_post(actor=author, topic=topic, body="Een antwoord om op te stemmen.")
    for viewer in (author, voter, reader):  # warm the cache in every situation
        client.force_login(viewer)
        client.get(topic.get_absolute_url(), **BROWSER)
    services.vote_cast(actor=voter, post=answer, value=1)
    services.reaction_toggle(actor=voter, post=answer, kind="heart")

    def article(viewer):
        client.force_login(viewer)
        html = client.get(topic.get_absolute_url(), **BROWSER).content.decode()
        return re.search(rf'<article[^>]*id="post-{answer.pk}".*?</article>', html, re.S).group(0)

    mine, theirs, own = article(voter), article(reader), article(author)
    assert 'data-score>1<' in mine and 'data-score>1<' in theirs
    assert 'class="vote-up active"' in mine and 'class="vote-up active"' not in theirs
    assert 'class="reaction active"' in mine and 'class="reaction active"' not in theirs
    assert f"/p/{answer.pk}/edit/" in own and f"/p/{answer.pk}/edit/" not in theirs
    assert "placeholder" not in mine


def test_unknown_query_parameters_share_the_cached_anonymous_page(client, topic, memory_cache, django_assert_num_queries):
    client.get(topic.get_absolute_url(), **BROWSER)
    with django_assert_num_queries(0):
        for junk in ("utm_source=x", "a=1&b=2", "page=1&x=y"):
            assert client.get(f"{topic.get_absolute_url()}?{junk}", **BROWSER).status_code == 200


def test_a_kept_copy_of_a_page_is_not_served_after_the_shared_cache_was_emptied(client, topic, memory_cache):
    """Each process keeps copies of pages it served (forum.pagecache); they must not outlive a Redis restart,
    after which version numbers start again."""
    from django.core.cache import cache

    from forum.cache_keys import topic_version_from_key, topic_version_key

    assert topic.title in client.get(topic.get_absolute_url(), **BROWSER).content.decode()
    Topic.objects.filter(pk=topic.pk).update(title="Een nieuwe titel die de kopie niet kent")
    cache.clear()
    topic_version_from_key(topic_version_key(topic.pk))  # another server's visitor comes first and starts a version
    # The new title moves the page to a new address: the old one redirects there.
    assert "Een nieuwe titel die de kopie niet kent" in client.get(topic.get_absolute_url(), follow=True, **BROWSER).content.decode()
