"""The category topic list and the home page's cards: what each row says, and a fixed number of queries."""

import re

import pytest

from forum import services
from forum.models import SolutionState, Topic

pytestmark = pytest.mark.django_db


def _row(html, title):
    rows = re.findall(r'<li class="topic-row">(.*?)</li>', html, re.S)
    return next(row for row in rows if title in row)


def test_category_row_links_the_topic_and_says_who_asked_how_many_answers_views_and_the_best_score(
    client, topic_factory, user_factory, category
):
    starter = user_factory("vraagsteller")
    topic = topic_factory(author=starter, title="Moe na het werk")
    answer = services.answer_post(actor=user_factory(), topic=topic, body="Probeer een vaste bedtijd.")
    services.vote_cast(actor=user_factory(), post=answer, value=1)
    Topic.objects.filter(pk=topic.pk).update(view_count=7, solution_state=SolutionState.SOLVED, accepted_answer=answer)

    row = _row(client.get(category.get_absolute_url()).content.decode(), "Moe na het werk")

    topic.refresh_from_db()
    assert f'href="{topic.get_absolute_url()}"' in row
    assert '<span class="marker solved">[Opgelost]</span>' in row
    assert "door vraagsteller" in row
    assert "1 antwoord<" in row and "beste score 1" in row and "7 keer bekeken" in row
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT[^"]+">[^<]+</time>', row)


def test_category_row_in_english_and_for_an_anonymous_question(client, topic_factory, category):
    topic = topic_factory(title="Slapen met pijn")
    Topic.objects.filter(pk=topic.pk).update(is_anonymous=True, solution_state=SolutionState.PROPOSED)
    client.cookies["django_language"] = "en"

    row = _row(client.get(category.get_absolute_url()).content.decode(), "Slapen met pijn")

    assert "[Solution proposed]" in row and "by Anonymous member" in row and "0 answers" in row
    assert topic.author.username not in row


@pytest.mark.parametrize("topics", [2, 25])
def test_category_page_runs_the_same_queries_for_a_few_topics_or_a_full_page(
    client, topic_factory, category, django_assert_max_num_queries, memory_cache, topics
):
    for n in range(topics):
        topic_factory(title=f"Vraag {n}")
    client.get(category.get_absolute_url())
    with django_assert_max_num_queries(3):  # the category, the count, the page of topics with their starters
        assert client.get(category.get_absolute_url()).status_code == 200


def test_home_card_counts_and_latest_activity(client, topic, category, member):
    services.answer_post(actor=member, topic=topic, body="Een antwoord.")
    html = client.get("/").content.decode()
    card = re.search(r'<li class="category-card">(.*?)</li>', html, re.S).group(1)
    assert f'href="{category.get_absolute_url()}"' in card
    assert re.search(r"1 topic · 1 antwoord · 0 opgelost · laatste activiteit ", card)


def test_a_list_row_names_the_starter_as_the_topic_page_does(client, category, user_factory, topic_factory):
    from django.utils import timezone, translation

    from forum.selectors import TOPIC_LIST_COLUMNS, TopicListItem

    assert [f.replace("author__", "author_") for f in TOPIC_LIST_COLUMNS] == list(TopicListItem.__dataclass_fields__)
    closed = user_factory("vertrokken")
    shown = topic_factory(author=user_factory("anna"), title="Vraag van Anna")
    hidden = topic_factory(author=user_factory("bram"), title="Vraag zonder naam")
    hidden.is_anonymous = True
    hidden.save(update_fields=["is_anonymous"])
    gone = topic_factory(author=closed, title="Vraag van een oud-lid")
    closed.closed_at = timezone.now()
    closed.save(update_fields=["closed_at"])
    html = client.get(category.get_absolute_url()).content.decode()
    with translation.override("nl"):
        names = {topic: str(topic.starter_name) for topic in (shown, hidden, gone)}
    assert names[hidden] != "bram" and "vertrokken" not in names[gone]  # the anonymous starter, the closed account
    for topic, name in names.items():
        assert f'<a href="{topic.get_absolute_url()}">{topic.title}</a>' in html
        assert f'<span class="muted">door {name}</span>' in html
