"""Issue 15: limits on every write, no lost words, error pages, and the small ones (uploads, views, titles, demo)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from PIL import Image

from forum import ratelimit, services
from forum.models import Post, RateLimitWindow, Revision, SolutionState, Topic
from moderation import solutions
from moderation.models import Flag

pytestmark = pytest.mark.django_db
LIMIT_MESSAGE = "You are doing that too often"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def only(settings, action, count=1, seconds=3600):
    settings.FORUM_RATE_LIMITS = {action: (count, seconds)}


# --- 3. Limits on everything that writes -----------------------------------------------------------------------------


def test_over_the_edit_limit_the_form_comes_back_with_the_new_text_and_no_revision_is_made(client, member, topic, settings):
    answer = services.answer_post(actor=member, topic=topic, body="Eerste versie van mijn antwoord.")
    only(settings, "edit")
    client.force_login(member)
    client.post(f"/p/{answer.pk}/edit/", {"body": "Tweede versie van mijn antwoord."})
    response = client.post(f"/p/{answer.pk}/edit/", {"body": "Derde versie, lang getypt en niet te verliezen."})
    html = response.content.decode()
    assert response.status_code == 429
    assert LIMIT_MESSAGE in html and "Derde versie, lang getypt en niet te verliezen." in html
    assert Revision.objects.filter(post=answer).count() == 1
    assert Post.objects.get(pk=answer.pk).body == "Tweede versie van mijn antwoord."


def test_proposing_and_withdrawing_solutions_is_limited(client, member, topic_factory, answer_factory, settings):
    topic = topic_factory(author=member)
    answer = answer_factory(topic=topic)
    only(settings, "solution", 2)
    client.force_login(member)
    client.post(f"/moderation/topic/{topic.pk}/propose/", {"answer": answer.pk})
    client.post(f"/moderation/topic/{topic.pk}/withdraw/")
    response = client.post(f"/moderation/topic/{topic.pk}/propose/", {"answer": answer.pk})
    assert response.status_code == 429 and LIMIT_MESSAGE in response.content.decode()
    assert Topic.objects.get(pk=topic.pk).solution_state == SolutionState.OPEN


def test_over_the_reopen_limit_the_reason_that_was_typed_is_kept(member, topic_factory, answer_factory, moderator, settings, client):
    topic = topic_factory(author=member)
    answer = answer_factory(topic=topic)
    solutions.solution_propose(actor=member, topic=topic, answer=answer)
    solutions.solution_sign_off(actor=moderator, topic=topic)
    only(settings, "reopen", 0)
    client.force_login(member)
    response = client.post(f"/moderation/topic/{topic.pk}/request_reopen/", {"reason": "Het werkt toch niet <b>voor mij</b>."})
    html = response.content.decode()
    assert response.status_code == 429
    assert LIMIT_MESSAGE in html and "Het werkt toch niet &lt;b&gt;voor mij&lt;/b&gt;." in html
    assert f'href="{topic.get_absolute_url()}"' in html  # a way back
    assert Topic.objects.get(pk=topic.pk).solution_state == SolutionState.SOLVED


def test_uploads_and_flags_are_limited_with_a_429(client, member, answer_factory, settings):
    settings.FORUM_RATE_LIMITS = {"upload": (0, 3600), "flag": (0, 3600)}
    client.force_login(member)
    upload = SimpleUploadedFile("a.png", _png(10, 10), content_type="image/png")
    assert client.post("/markdownx/upload/", {"image": upload}).status_code == 429
    response = client.post(f"/moderation/flag/{answer_factory().pk}/", {"reason": "other", "text": "Dit klopt niet."})
    assert response.status_code == 429 and "Dit klopt niet." in response.content.decode()
    assert not Flag.objects.exists()


def test_a_database_window_lasts_its_full_length_from_the_first_action_not_the_clock_hour(member, settings, monkeypatch):
    """Before: windows started on the clock hour (twice the limit fitted across it), and the database cache
    reset each counter's expiry to 5 minutes after the last action (8 topics in 14 minutes against 5 an hour)."""
    only(settings, "topic", 5, 3600)
    now = [3600 * 1000 + 3590.0]  # ten seconds before a clock hour
    monkeypatch.setattr(ratelimit.time, "time", lambda: now[0])
    for _ in range(5):
        ratelimit.consume(member, "topic")
        now[0] += 170  # past the clock hour, and spread over 14 minutes
    with pytest.raises(ratelimit.RateLimitExceeded) as refused:
        ratelimit.consume(member, "topic")
    assert 2700 < refused.value.retry_after < 2800  # the window ends an hour after the first action
    now[0] = 3600 * 1000 + 3590.0 + 3601
    ratelimit.consume(member, "topic")  # a new window
    assert RateLimitWindow.objects.get(bucket=f"rl:topic:{member.pk}").count == 1


def test_emptying_the_cache_neither_lifts_a_limit_nor_restarts_its_count(member, settings, memory_cache):
    """Before: after Redis lost its keys (a restart, a flush) every rate-limit counter restarted from zero."""
    from django.core.cache import cache

    only(settings, "answer", 2)
    ratelimit.consume(member, "answer")
    ratelimit.consume(member, "answer")
    cache.clear()
    with pytest.raises(ratelimit.RateLimitExceeded):
        ratelimit.consume(member, "answer")


# --- 6. No lost words ------------------------------------------------------------------------------------------------


def test_a_refused_answer_opens_at_the_form_with_the_reason_inside_it(client, member, topic, settings):
    only(settings, "answer", 0)
    client.force_login(member)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert f'action="/t/{topic.pk}/answer/#answer"' in page and 'id="answer"' in page
    html = client.post(f"/t/{topic.pk}/answer/", {"body": "Mijn verhaal."}).content.decode()
    form_section = html[html.index('id="answer"'):]
    assert LIMIT_MESSAGE in form_section and "Mijn verhaal." in form_section


def test_the_language_switch_works_from_the_page_a_refused_answer_came_back_on(client, member, topic):
    """Before: the switch sent the browser to /t/N/answer/ with GET: HTTP 405."""
    client.force_login(member)
    refused = client.post(f"/t/{topic.pk}/answer/", {"body": ""}, HTTP_REFERER=f"http://testserver{topic.get_absolute_url()}")
    assert f'name="next" value="http://testserver{topic.get_absolute_url()}"' in refused.content.decode()
    switched = client.post("/language/", {"language": "en", "next": topic.get_absolute_url()})
    assert switched.status_code == 302 and switched["Location"] == topic.get_absolute_url()
    # And the answer address itself, reloaded or switched to, leads to the topic instead of 405.
    response = client.get(f"/t/{topic.pk}/answer/")
    assert response.status_code == 302 and response["Location"] == f"{topic.get_absolute_url()}#answer"


def test_answer_and_topic_forms_keep_a_draft_per_topic_that_is_cleared_only_on_success(client, member, topic, category):
    client.force_login(member)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert f'data-draft="answer-{topic.pk}"' in page and "js/drafts.js" in page
    assert 'data-draft="topic-new"' in client.get("/new/").content.decode()
    refused = client.post(f"/t/{topic.pk}/answer/", {"body": ""})
    assert "forum_draft_done" not in refused.cookies
    saved = client.post(f"/t/{topic.pk}/answer/", {"body": "Een antwoord dat aankomt."})
    assert saved.status_code == 302 and saved.cookies["forum_draft_done"].value == f"answer-{topic.pk}"
    created = client.post("/new/", {"category": category.pk, "title": "Een nieuwe vraag hier", "body": "Tekst."})
    assert created.cookies["forum_draft_done"].value == "topic-new"


def test_a_server_error_on_a_post_answers_in_dutch_with_the_submitted_text(client, member, topic, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "answer_post", broken)
    client.raise_request_exception = False
    client.force_login(member)
    response = client.post(f"/t/{topic.pk}/answer/", {"body": "Mijn lange verhaal <over> slapen."}, HTTP_ACCEPT_LANGUAGE="nl")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging bij ons iets mis" in html and "Wat je hebt getypt" in html
    assert "Mijn lange verhaal &lt;over&gt; slapen." in html
    assert 'href="/"' in html


# --- 8. Error pages --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("status,english,dutch", [
    (400, "This request could not be handled", "Dit verzoek kon niet worden verwerkt"),
    (403, "You may not do this", "Dit mag je niet doen"),
    (404, "Page not found", "Pagina niet gevonden"),
    (410, "This page is gone", "Deze pagina is weg"),
    (429, "Please slow down", "Even rustig aan"),
    (500, "Something went wrong on our side", "Er ging bij ons iets mis"),
])
def test_error_pages_are_in_the_site_s_look_in_dutch_and_english_with_a_way_back(status, english, dutch):
    from django.template.loader import render_to_string
    from django.utils import translation

    for language, heading in (("en", english), ("nl", dutch)):
        with translation.override(language):
            html = render_to_string(f"{status}.html", {})
        assert f"<h1>{heading}</h1>" in html and f'<html lang="{language}">' in html
        assert "css/site.css" in html and 'class="brand" href="/"' in html and 'href="/search/"' in html


def test_a_missing_page_answers_the_forum_s_404(client):
    response = client.get("/t/999999/", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 404 and "Pagina niet gevonden" in response.content.decode()


def test_the_500_page_renders_without_the_database_or_context_processors(settings, django_assert_num_queries):
    import copy

    from forum import errors

    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["context_processors"] = ["tests.security.test_robustness.exploding_context_processor"]
    settings.TEMPLATES = templates
    request = RequestFactory().post("/t/1/answer/", {"body": "Bewaarde tekst", "password": "geheim-wachtwoord"})
    with django_assert_num_queries(0):
        response = errors.server_error(request)
    html = response.content.decode()
    assert response.status_code == 500 and "Bewaarde tekst" in html and "geheim-wachtwoord" not in html


def exploding_context_processor(request):
    raise RuntimeError("a context processor must not run on the 500 page")


# --- 9. The small ones -----------------------------------------------------------------------------------------------


def _png(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_upload_is_stored_with_the_extension_of_its_detected_type_not_its_name(client, member, settings, tmp_path):
    """Before: a PNG named x.html was stored as .html, and the debug server served it as HTML."""
    settings.MEDIA_ROOT = tmp_path
    client.force_login(member)
    upload = SimpleUploadedFile("x.html", _png(40, 30), content_type="text/html")
    response = client.post("/markdownx/upload/", {"image": upload}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200, response.content
    stored = [p.name for p in tmp_path.rglob("*") if p.is_file()]
    assert len(stored) == 1 and stored[0].endswith(".png")


def test_an_image_with_an_extreme_aspect_ratio_answers_400_with_a_message(client, member, settings, tmp_path):
    """Before: HTTP 500 from the resize."""
    settings.MEDIA_ROOT = tmp_path
    client.force_login(member)
    upload = SimpleUploadedFile("strip.png", _png(1, 4000), content_type="image/png")
    response = client.post("/markdownx/upload/", {"image": upload}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 400 and "too long and narrow" in response.json()["image_code"]
    assert not any(tmp_path.rglob("*.png"))


def test_a_view_is_counted_once_per_visitor_per_day_whatever_the_user_agent(client, topic):
    """Before: every new User-Agent string from the same address counted again."""
    for n in range(5):
        client.get(topic.get_absolute_url(), HTTP_USER_AGENT=f"{BROWSER} build/{n}", REMOTE_ADDR="203.0.113.9")
    assert Topic.objects.get(pk=topic.pk).view_count == 1


def test_the_page_title_of_a_solved_topic_is_plain_text(client, member, topic_factory, answer_factory, moderator):
    topic = topic_factory(author=member)
    answer = answer_factory(topic=topic)
    solutions.solution_propose(actor=member, topic=topic, answer=answer)
    solutions.solution_sign_off(actor=moderator, topic=topic)
    html = client.get(topic.get_absolute_url()).content.decode()
    title = html[html.index("<title>"):html.index("</title>")]
    assert "[Solved]" in title and "<span" not in title


def test_seed_demo_refuses_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG is off"):
        call_command("seed_demo")
    assert not Topic.objects.exists()
    call_command("seed_demo", "--force")
    assert Topic.objects.exists()
