"""Search over titles, questions and answers, with highlighting and pagination."""

import pytest

from forum import services
from forum.search import attach_excerpts, search_posts

pytestmark = pytest.mark.django_db


def test_finds_titles_questions_and_answers_but_not_held_posts(member, category, topic_factory):
    topic = topic_factory(title="Slapen na een drukke werkdag", body="Ik lig uren wakker.")
    services.answer_post(actor=member, topic=topic, body="Een vaste avondwandeling helpt mij om te ontspannen.")
    services.answer_post(actor=member, topic=topic, body="Melatonine geneest slapeloosheid bij 90% van de mensen.")
    assert search_posts("slapen")[1] >= 1
    assert search_posts("avondwandeling")[1] == 1
    assert search_posts("melatonine")[1] == 0


def test_results_highlight_the_words_and_escape_member_html(member, topic):
    services.answer_post(actor=member, topic=topic, body="<b>vet</b> en een wandeling in het bos")
    posts = list(search_posts("wandeling")[0])
    attach_excerpts(posts, "wandeling")
    html = posts[0].excerpt
    assert "<mark>wandeling</mark>" in html
    assert "<b>" not in html


def test_search_page_paginates(client, settings, member, topic, no_rate_limits):
    settings.FORUM_SEARCH_RESULTS_PER_PAGE = 2
    for n in range(5):
        services.answer_post(actor=member, topic=topic, body=f"Fietsen is fijn, tip nummer {n}.")
    first = client.get("/search/", {"q": "fietsen"})
    assert first.status_code == 200
    assert len(first.context["page"].object_list) == 2
    assert first.context["page"].paginator.count == 5
    assert client.get("/search/", {"q": "fietsen", "page": 3}).context["page"].number == 3


def test_only_the_most_recent_matches_are_ranked_and_counted(settings, member, topic, no_rate_limits, monkeypatch):
    import forum.search

    monkeypatch.setattr(forum.search, "MAX_RANKED_RESULTS", 3)
    for n in range(5):
        services.answer_post(actor=member, topic=topic, body=f"Zwemmen helpt mij ontspannen, dag {n}.")
    posts, total = search_posts("zwemmen")
    assert total == 3
    assert sorted(p.body[-6:] for p in posts) == ["dag 2.", "dag 3.", "dag 4."]
