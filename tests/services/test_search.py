"""Search over titles, questions and answers: forgiving matching, ranking, plain excerpts, filters.

The table tests run on SQLite here and on PostgreSQL in CI (DATABASE_URL): both engines must
read a query the same way where docs/ARCHITECTURE.md does not say otherwise.
"""

import pytest
from django.db import connection

from forum import services
from forum.models import Post
from forum.search import SearchFilters, result_posts, search_page, search_posts, similar_topics, suggest
from moderation import solutions

pytestmark = pytest.mark.django_db
postgres = connection.vendor == "postgresql"


def found(query, **filters):
    ids, _ = search_posts(query, SearchFilters(**filters))
    return set(ids)


@pytest.fixture
def posts(member, topic_factory, no_rate_limits):
    topic = topic_factory(title="Moe na mijn burn-out", body="Hoe lang duurt herstellen?")
    made = {"question": topic.posts.get(is_question=True)}
    for name, body in {
        "burnout": "Na mijn burnout ben ik rustig gaan opbouwen.",
        "burn out": "Tijdens mijn burn out voelde ik me als een lege batterij.",
        "slaap": "Ik heb veel slaap problemen gehad in die tijd.",
        "compound": "Mijn slaapproblemen werden minder met een vast ritme.",
        "cafe": "In het café om de hoek zit ik vaak even.",
        "markdown": "Een **wandeling** in [het bos](https://example.org/bos) helpt mij.",
    }.items():
        made[name] = services.answer_post(actor=member, topic=topic, body=body)
    return made


@pytest.mark.parametrize("query", ["burnout", "burn-out", "burn out", "Burnout", "BURN-OUT"])
def test_burnout_is_found_however_it_is_written(posts, query):
    assert {posts["burnout"].pk, posts["burn out"].pk, posts["question"].pk} <= found(query)


@pytest.mark.parametrize("query", ["slaapproblemen", "slaap problemen"])
def test_a_compound_and_its_parts_find_each_other(posts, query):
    assert {posts["slaap"].pk, posts["compound"].pk} <= found(query)


def test_accents_do_not_matter(posts):
    assert posts["cafe"].pk in found("cafe")
    assert posts["cafe"].pk in found("café")


def test_splitting_a_word_never_makes_a_stop_word_match_everything(posts):
    # "vanavond" must not be read as "van" + "avond": "van" is in nearly every post.
    assert found("vanavond") == set()


def test_held_posts_are_never_found(member, topic):
    services.answer_post(actor=member, topic=topic, body="Melatonine geneest slapeloosheid bij 90% van de mensen.")
    assert found("melatonine") == set()


def test_a_misspelling_finds_the_word_meant_and_says_so(posts):
    assert found("wandleing") == set()
    assert suggest("wandleing") == "wandeling"
    outcome = search_page("wandleing", 1)
    assert outcome.suggestion == "wandeling" and outcome.searched_for == "wandeling"
    assert [r.post_id for r in outcome.page.object_list] == [posts["markdown"].pk]


def test_no_suggestion_for_words_the_forum_knows_or_from_held_posts(posts, member, topic):
    assert suggest("wandeling") is None
    services.answer_post(actor=member, topic=topic, body="Kurkumapoeder geneest artrose bij 80% van de mensen.")
    assert suggest("kurkumapoedr") is None  # only published words are suggested


def test_excerpts_are_plain_text_with_marks_never_markdown_or_member_html(posts, member, topic):
    [post] = result_posts([posts["markdown"].pk], "wandeling")
    assert "<mark>wandeling</mark>" in post.excerpt
    assert "**" not in post.excerpt and "](" not in post.excerpt and "https://" not in post.excerpt
    html_answer = services.answer_post(actor=member, topic=topic, body="<b>vet</b> en een wandeling in het bos")
    [post] = result_posts([html_answer.pk], "wandeling")
    assert "<b>" not in post.excerpt and "&lt;b&gt;" not in post.excerpt


def test_solved_topics_and_accepted_answers_rank_first(member, moderator, topic_factory, user_factory, no_rate_limits):
    plain = topic_factory(title="Fietsen naar het werk", body="Fietsen lukt niet elke dag.")
    solved = topic_factory(author=user_factory(), title="Fietsen met weinig energie", body="Fietsen lukt niet elke dag.")
    answer = services.answer_post(actor=member, topic=solved, body="Rustig fietsen, korte stukjes.")
    solutions.solution_propose(actor=solved.author, topic=solved, answer=answer)
    solutions.solution_sign_off(actor=moderator, topic=solved)
    ids, _ = search_posts("fietsen")
    first_topics = [Post.objects.get(pk=pk).topic_id for pk in ids[:2]]
    assert ids[0] == answer.pk or first_topics[0] == solved.pk
    assert Post.objects.get(pk=ids[-1]).topic_id == plain.pk


def test_filters_by_category_solved_and_date(posts, category_factory, topic_factory):
    other = topic_factory(category=category_factory("Beweging"), title="Wandeling na het werk", body="Een korte wandeling.")
    assert other.posts.get().pk in found("wandeling", category=other.category.slug)
    assert posts["markdown"].pk not in found("wandeling", category=other.category.slug)
    assert found("wandeling", solved=True) == set()
    Post.objects.filter(pk=posts["markdown"].pk).update(created_at="2020-01-01T00:00:00Z")
    assert posts["markdown"].pk not in found("wandeling", since="week")
    assert posts["markdown"].pk in found("wandeling")


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
    ids, total = search_posts("zwemmen")
    assert total == 3
    assert sorted(Post.objects.get(pk=pk).body[-6:] for pk in ids) == ["dag 2.", "dag 3.", "dag 4."]


def test_query_syntax_is_never_interpreted(posts):
    for query in ["a & | ! ( ) :*", "' OR 1=1 --", '"burnout" NEAR', "<->", "burn-out:*"]:
        search_posts(query)  # no database error, whatever the engine


def test_similar_topics_lists_public_questions_like_the_title(posts, topic_factory, user_factory, health_category):
    from tests.conftest import CLAIM_WITHOUT_SOURCE

    topic_factory(author=user_factory(), category=health_category, title="Burnout en psilocybine", body=CLAIM_WITHOUT_SOURCE)
    titles = [t.title for t in similar_topics("Hoe lang duurt een burnout herstel?")]
    assert titles == ["Moe na mijn burn-out"]


def test_similar_topics_endpoint_answers_json(client, posts):
    data = client.get("/search/similar/", {"title": "burnout moe"}).json()
    assert data["topics"][0]["title"] == "Moe na mijn burn-out"
    assert data["topics"][0]["url"] == posts["question"].topic.get_absolute_url()
    assert client.get("/search/similar/", {"title": "ab"}).json() == {"topics": []}
