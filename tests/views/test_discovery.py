"""What search engines and chat apps see: sitemap, robots.txt, feeds, sharing cards and QAPage data.

Held, rejected and deleted posts must never reach any of them.
"""

import json
import re
from xml.etree import ElementTree

import pytest

from forum import services
from moderation import solutions
from tests.conftest import CLAIM_WITHOUT_SOURCE

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def held_topic(topic_factory, health_category, user_factory):
    topic = topic_factory(author=user_factory(), category=health_category, title="Geheime vraag over zink", body=CLAIM_WITHOUT_SOURCE)
    topic.refresh_from_db()
    assert not topic.is_public
    return topic


def json_ld(html):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in found]


def meta(html, name):
    match = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def test_sitemap_lists_public_topics_and_categories_with_lastmod(client, topic, held_topic, category):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    urls = {u.find(f"{SITEMAP}loc").text: u.find(f"{SITEMAP}lastmod") for u in root.iter(f"{SITEMAP}url")}
    assert any(loc.endswith(topic.get_absolute_url()) for loc in urls)
    assert any(loc.endswith(category.get_absolute_url()) for loc in urls)
    assert not any(loc.endswith(held_topic.get_absolute_url()) for loc in urls)
    topic_entry = next(value for loc, value in urls.items() if loc.endswith(topic.get_absolute_url()))
    assert topic_entry is not None and topic_entry.text.startswith(str(topic.last_activity_at.year))


def test_sitemap_leaves_out_a_deleted_topic(client, topic, user_factory):
    services.post_delete(actor=topic.author, post=topic.posts.get(is_question=True))
    assert topic.get_absolute_url() not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_keeps_crawlers_out_of_private_pages_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    for path in ("/search/", "/accounts/", "/moderation/", "/markdownx/"):
        assert f"Disallow: {path}" in text
    assert re.search(r"^Sitemap: http://testserver/sitemap\.xml$", text, re.M)


def test_latest_feed_is_atom_with_published_topics_only(client, topic, held_topic):
    response = client.get("/feeds/latest/")
    assert response.status_code == 200 and "atom" in response["Content-Type"]
    root = ElementTree.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert topic.title in titles
    assert held_topic.title not in titles
    assert b"Geheime vraag" not in response.content and b"73%" not in response.content


def test_category_feed_has_only_that_categorys_topics(client, topic, topic_factory, category_factory):
    other = topic_factory(category=category_factory("Slaap"), title="Wie slaapt er ook slecht in de zomer?")
    response = client.get(f"/c/{other.category.slug}/feed/")
    assert response.status_code == 200
    assert other.title.encode() in response.content and topic.title.encode() not in response.content
    assert client.get("/c/bestaat-niet/feed/").status_code == 404


def test_topic_page_has_a_sharing_card_from_the_question(client, topic):
    html = client.get(topic.get_absolute_url()).content.decode()
    assert meta(html, "og:title") == topic.title
    assert meta(html, "og:description") == "Ik zoek praktische tips."
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:locale") == "nl_NL"
    assert meta(html, "og:site_name")
    assert meta(html, "og:image").startswith("http://testserver/") and meta(html, "og:image").endswith(".png")
    assert meta(html, "twitter:card") == "summary_large_image"
    assert f'<link rel="canonical" href="http://testserver{topic.get_absolute_url()}">' in html


def test_card_description_is_plain_text_never_markdown_or_html(client, topic_factory):
    topic = topic_factory(body="**Vet** en een [link](https://example.org) & <em>meer</em>")
    description = meta(client.get(topic.get_absolute_url()).content.decode(), "og:description")
    assert description == "Vet en een link &amp; meer"


def test_english_readers_get_the_english_locale(client, topic):
    html = client.get(topic.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert meta(html, "og:locale") == "en_GB"


def test_home_and_category_pages_have_cards_and_canonical_urls(client, category):
    home = client.get("/").content.decode()
    assert meta(home, "og:type") == "website" and '<link rel="canonical" href="http://testserver/">' in home
    page = client.get(category.get_absolute_url() + "?filter=solved").content.decode()
    assert meta(page, "og:title") == category.name
    assert f'<link rel="canonical" href="http://testserver{category.get_absolute_url()}">' in page


def test_every_page_has_a_canonical_url_without_its_query_string(client):
    html = client.get("/search/?q=slaap").content.decode()
    assert '<link rel="canonical" href="http://testserver/search/">' in html


def test_topic_page_two_is_its_own_canonical_page(client, topic, answer_factory, settings):
    settings.FORUM_ANSWERS_PER_PAGE = 2
    for _ in range(3):
        answer_factory(topic=topic)
    html = client.get(topic.get_absolute_url() + "?page=2&order=newest").content.decode()
    assert f'<link rel="canonical" href="http://testserver{topic.get_absolute_url()}?page=2">' in html


def test_qapage_json_ld_has_the_question_and_published_answers_as_suggested(client, topic, answer_factory, user_factory):
    answer = answer_factory(topic=topic, body="Plan elke dag één rustmoment, dat hielp mij.")
    held = services.answer_post(actor=user_factory(), topic=topic, body=CLAIM_WITHOUT_SOURCE)
    held.refresh_from_db()
    assert held.visibility != "published"
    blocks = json_ld(client.get(topic.get_absolute_url()).content.decode())
    assert len(blocks) == 1
    data = blocks[0]
    assert data["@context"] == "https://schema.org" and data["@type"] == "QAPage"
    question = data["mainEntity"]
    assert question["@type"] == "Question" and question["name"] == topic.title
    assert question["text"] == "Ik zoek praktische tips."
    assert question["answerCount"] == 1
    assert question["author"] == {"@type": "Person", "name": topic.author.username}
    assert "acceptedAnswer" not in question
    [suggested] = question["suggestedAnswer"]
    assert suggested["@type"] == "Answer" and suggested["text"] == "Plan elke dag één rustmoment, dat hielp mij."
    assert suggested["upvoteCount"] == 0 and suggested["url"].endswith(f"#post-{answer.pk}")
    assert {"dateCreated", "author"} <= suggested.keys()
    assert "73%" not in json.dumps(data)


def test_qapage_text_follows_an_edit_when_the_posts_come_from_the_fragment_cache(client, topic, answer_factory, memory_cache):
    answer = answer_factory(topic=topic, body="Plan elke dag één rustmoment, dat hielp mij.")
    client.get(topic.get_absolute_url())  # the post fragments (with their text) are cached now
    [first] = json_ld(client.get(topic.get_absolute_url() + "?page=7").content.decode())  # the page cache missed
    assert first["mainEntity"]["suggestedAnswer"][0]["text"] == "Plan elke dag één rustmoment, dat hielp mij."
    services.post_edit(actor=answer.author, post=answer, body="Plan elke dag **twee** rustmomenten, dat hielp mij.")
    [edited] = json_ld(client.get(topic.get_absolute_url() + "?page=8").content.decode())
    assert edited["mainEntity"]["suggestedAnswer"][0]["text"] == "Plan elke dag twee rustmomenten, dat hielp mij."


def test_accepted_answer_appears_only_after_a_moderators_sign_off(client, topic, answer_factory, moderator):
    answer = answer_factory(topic=topic, body="Plan elke dag één rustmoment.")
    solutions.solution_propose(actor=topic.author, topic=topic, answer=answer)
    [proposed] = json_ld(client.get(topic.get_absolute_url()).content.decode())
    assert "acceptedAnswer" not in proposed["mainEntity"]
    solutions.solution_sign_off(actor=moderator, topic=topic)
    [signed] = json_ld(client.get(topic.get_absolute_url()).content.decode())
    assert signed["mainEntity"]["acceptedAnswer"]["text"] == "Plan elke dag één rustmoment."
    assert "suggestedAnswer" not in signed["mainEntity"]


def test_json_ld_cannot_be_closed_by_a_members_text(client, topic_factory):
    topic = topic_factory(body="Test `</script><script>alert(1)</script>` einde")
    html = client.get(topic.get_absolute_url()).content.decode()
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert "<" not in block
    assert json.loads(block)["mainEntity"]["text"].startswith("Test </script>")


def test_json_ld_from_the_answers_fragments_is_json_dumps_compact_form_with_script_escapes(client, topic, answer_factory):
    # Each answer's JSON is made with its fragment (forum.seo.qa_answer) and the page puts its address between the
    # pieces: the block must read as json.dumps of the whole would write it, whatever the answers hold.
    answer_factory(topic=topic, body='Zie `</script>` & "aanhalingstekens" \\ en 😀 a > b')
    answer_factory(topic=topic, body="Gewoon een antwoord.")
    client.get(topic.get_absolute_url())  # the fragments are made
    html = client.get(topic.get_absolute_url() + "?page=3").content.decode()  # a new page from the kept fragments
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block)
    expected = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    assert block == expected.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    texts = [answer["text"] for answer in data["mainEntity"]["suggestedAnswer"]]
    assert 'Zie </script> & "aanhalingstekens" \\ en 😀 a > b' in texts
    assert all(answer["url"].startswith("http://testserver/t/") for answer in data["mainEntity"]["suggestedAnswer"])


def test_held_question_gets_no_card_and_no_structured_data(client, held_topic):
    client.force_login(held_topic.author)
    html = client.get(held_topic.get_absolute_url()).content.decode()
    assert meta(html, "og:description") is None and not json_ld(html)
    assert "<link rel=\"canonical\"" in html


def test_topic_addresses_carry_the_title_as_a_slug(topic_factory):
    topic = topic_factory(title="Café & burn-out: wat nu?")
    assert topic.get_absolute_url() == f"/t/{topic.pk}/cafe-burn-out-wat-nu/"


def test_the_old_address_and_a_wrong_slug_move_permanently_to_the_canonical_one(client, topic):
    canonical = topic.get_absolute_url()
    for old in (f"/t/{topic.pk}/", f"/t/{topic.pk}/een-oude-titel/"):
        response = client.get(old + "?page=2&order=newest")
        assert response.status_code == 301 and response["Location"] == canonical + "?page=2&order=newest"
    assert client.get(canonical).status_code == 200


def test_a_cached_page_is_never_served_under_a_wrong_slug(client, topic, memory_cache):
    assert client.get(topic.get_absolute_url()).status_code == 200  # now cached
    assert client.get(f"/t/{topic.pk}/iets-anders/").status_code == 301


def test_a_renamed_topic_moves_and_its_old_address_follows(client, topic):
    old = topic.get_absolute_url()
    services.post_edit(actor=topic.author, post=topic.posts.get(is_question=True), body="Ik zoek praktische tips.", title="Een nieuwe titel")
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == f"/t/{topic.pk}/een-nieuwe-titel/"


def test_the_short_address_of_a_held_topic_reveals_nothing(client, held_topic):
    response = client.get(f"/t/{held_topic.pk}/")
    assert response.status_code in (403, 404, 410) and "zink" not in response.get("Location", "")


def test_a_title_that_is_also_a_topic_subpath_still_gets_its_own_page(client, topic_factory):
    topic = topic_factory(title="Answer")
    assert topic.get_absolute_url() == f"/t/{topic.pk}/answer-topic/"
    assert client.get(topic.get_absolute_url()).status_code == 200
