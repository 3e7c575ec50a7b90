"""Rate limits and input limits: a clear refusal that keeps what was typed; hostile bytes never crash a page."""

import time

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from forum.app_settings import forum_settings
from forum.markdown import render_markdown
from forum.models import Post, Reaction, Topic, Vote
from forum.validators import clean_text, validate_markdown
from moderation.models import Flag
from moderation.policy import Assessment, assess, default_rules
from tests.security import xss

pytestmark = pytest.mark.django_db
JS = {"HTTP_X_REQUESTED_WITH": "fetch"}
FORM = "application/x-www-form-urlencoded"
LIMIT_MESSAGE = "You are doing that too often"


def only(settings, action, count=1):
    settings.FORUM_RATE_LIMITS = {action: (count, 3600)}


# --- Rate limits -----------------------------------------------------------------------------------------------------


def test_default_rate_limits_are_documented_in_the_readme(settings):
    from pathlib import Path

    readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
    windows = {60: "1 minute", 3600: "1 hour"}
    for action, (count, seconds) in forum_settings.RATE_LIMITS.items():
        assert f"| `{action}` | {count} | {windows[seconds]} |" in readme, action


def test_over_the_topic_limit_the_form_comes_back_with_what_was_typed(client, member, category, settings):
    only(settings, "topic")
    client.force_login(member)
    client.post("/new/", {"category": category.pk, "title": "Mijn eerste vraag hier", "body": "Eerste tekst."})
    typed = {"category": category.pk, "title": "Mijn tweede vraag <b>hier</b>", "body": "Tweede tekst met veel moeite getypt & bewaard."}
    response = client.post("/new/", typed)
    html = response.content.decode()
    assert response.status_code == 429
    assert LIMIT_MESSAGE in html
    assert "Mijn tweede vraag &lt;b&gt;hier&lt;/b&gt;" in html and "Tweede tekst met veel moeite getypt &amp; bewaard." in html
    assert Topic.objects.count() == 1


def test_over_the_answer_limit_the_form_comes_back_with_what_was_typed(client, member, topic, settings):
    only(settings, "answer")
    client.force_login(member)
    client.post(f"/t/{topic.pk}/answer/", {"body": "Mijn eerste antwoord."})
    response = client.post(f"/t/{topic.pk}/answer/", {"body": "Een lang tweede antwoord dat niet verloren mag gaan."})
    html = response.content.decode()
    assert response.status_code == 429
    assert LIMIT_MESSAGE in html and "Een lang tweede antwoord dat niet verloren mag gaan." in html
    assert Post.objects.filter(author=member).count() == 1


def test_over_the_flag_limit_the_form_comes_back_with_the_explanation(client, member, answer_factory, settings):
    only(settings, "flag")
    first, second = answer_factory(), answer_factory()
    client.force_login(member)
    client.post(f"/moderation/flag/{first.pk}/", {"reason": "spam"})
    response = client.post(f"/moderation/flag/{second.pk}/", {"reason": "other", "text": "Dit klopt niet, zie de richtlijn."})
    assert response.status_code == 429
    assert LIMIT_MESSAGE in response.content.decode() and "Dit klopt niet, zie de richtlijn." in response.content.decode()
    assert not Flag.objects.filter(post=second).exists()


@pytest.mark.parametrize(
    "action,url,data,model",
    [
        ("vote", "/p/{pk}/vote/", {"value": "1"}, Vote),
        ("reaction", "/p/{pk}/react/", {"kind": "like"}, Reaction),
        ("flag", "/moderation/flag/{pk}/", {"reason": "spam"}, Flag),
    ],
)
def test_over_the_limit_javascript_gets_429_with_a_message(client, member, answer_factory, settings, action, url, data, model):
    only(settings, action)
    first, second = answer_factory(), answer_factory()
    client.force_login(member)
    assert client.post(url.format(pk=first.pk), data, **JS).status_code in (200, 302)
    response = client.post(url.format(pk=second.pk), data, **JS)
    assert response.status_code == 429
    assert LIMIT_MESSAGE in response.json()["error"]
    assert model.objects.filter(post=second).count() == 0


def test_over_the_limit_without_javascript_the_message_is_shown_after_the_redirect(client, member, answer_factory, settings):
    only(settings, "vote")
    first, second = answer_factory(), answer_factory()
    client.force_login(member)
    client.post(f"/p/{first.pk}/vote/", {"value": "1"})
    response = client.post(f"/p/{second.pk}/vote/", {"value": "1"}, follow=True)
    assert LIMIT_MESSAGE in response.content.decode()


def test_limits_are_per_member(client, user_factory, answer_factory, settings):
    only(settings, "vote")
    answer = answer_factory()
    for member in (user_factory(), user_factory()):
        client.force_login(member)
        assert client.post(f"/p/{answer.pk}/vote/", {"value": "1"}, **JS).status_code == 200
    assert Post.objects.get(pk=answer.pk).score == 2


# --- Input limits ----------------------------------------------------------------------------------------------------


def test_a_title_over_the_limit_is_refused_with_a_message(client, member, category):
    client.force_login(member)
    response = client.post("/new/", {"category": category.pk, "title": "x" * 161, "body": "Tekst."})
    assert response.status_code == 200 and "at most 160 characters" in response.content.decode()
    assert Topic.objects.count() == 0


@pytest.mark.parametrize(
    "body,message",
    [
        ("a" * 20001, "the limit is 20000"),
        ("[" * 5000, "too deeply"),
        ("![" * 5000, "too deeply"),
        ("[x](" * 3000, "too deeply"),
        (">" * 200 + " citaat", "too deeply"),
        ("".join("  " * i + "- punt\n" for i in range(40)), "too deeply"),
    ],
    ids=["too-long", "brackets", "images", "links", "quotes", "lists"],
)
def test_huge_or_deeply_nested_markdown_is_refused_quickly_with_a_message(client, member, topic, body, message):
    client.force_login(member)
    start = time.process_time()
    response = client.post(f"/t/{topic.pk}/answer/", {"body": body})
    elapsed = time.process_time() - start
    assert response.status_code == 400 and message in response.content.decode()
    assert elapsed < 2.0
    assert Post.objects.filter(author=member).count() == 0


def test_a_request_body_over_django_s_limit_is_a_400_not_a_crash(client, member, topic):
    client.force_login(member)
    response = client.post(f"/t/{topic.pk}/answer/", b"body=" + b"a" * (3 * 1024 * 1024), content_type=FORM)
    assert response.status_code == 400


@pytest.mark.parametrize(
    "raw",
    [
        b"body=Hallo%00wereld%00",
        b"body=Hallo\x00wereld",
        b"body=%FF%FE%FDongeldig%C3%28utf8",
        b"body=\xff\xfe\xfd ongeldig \xc3\x28 utf8",
        b"body=%01%02%03%1B%7F%0B%0C bel en escape",
        b"body=%ED%A0%80 losse surrogaat %F4%90%80%80 buiten bereik",
        b"body=%EF%BB%BF bom %E2%80%AE rechts-naar-links %E2%80%8B nulbreedte",
    ],
    ids=["nul-encoded", "nul-raw", "bad-utf8-encoded", "bad-utf8-raw", "controls", "surrogates", "bidi"],
)
def test_raw_bytes_in_an_answer_are_stored_clean_or_refused(client, member, topic, raw):
    client.force_login(member)
    response = client.post(f"/t/{topic.pk}/answer/", raw, content_type=FORM)
    assert response.status_code in (302, 400)
    for post in Post.objects.filter(author=member):
        assert post.body == clean_text(post.body)
        assert "\x00" not in post.body and "\x00" not in post.body_html
        post.body.encode("utf-8")


@pytest.mark.parametrize(
    "raw",
    [b"category=1&title=Vraag%00met%00nul&body=x", b"category=1&title=\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7&body=x",
     b"category=%00&title=Een%20vraag%20hier&body=x", b"category=1&title=%0B%0C%1B%1B%1B%1B%1B%1B%1B%1B&body=x"],
)
def test_raw_bytes_in_a_topic_are_stored_clean_or_refused(client, member, category, raw):
    client.force_login(member)
    response = client.post("/new/", raw.replace(b"category=1", f"category={category.pk}".encode()), content_type=FORM)
    assert response.status_code in (200, 302)
    for topic in Topic.objects.all():
        assert topic.title == clean_text(topic.title).strip() and len(topic.title) >= 1


@pytest.mark.parametrize(
    "url",
    ["/search/?q=%00", "/search/?q=a%00b%FF", "/u/%00/", "/u/a%00b/", "/?page=%00", "/search/?q=x&page=%00",
     "/c/{slug}/?filter=%00&page=%FF", "/t/{topic}/?order=%00&page=-1", "/notifications/?page=%00", "/moderation/?reason=%00&lane=%00&category=%00",
     "/moderation/item/{topic}/?x=%00"],
)
def test_nul_and_invalid_utf8_in_urls_never_crash(client, moderator, topic, url):
    client.raise_request_exception = False
    client.force_login(moderator)
    response = client.get(url.format(slug=topic.category.slug, topic=topic.pk))
    assert response.status_code in (200, 301, 302, 400, 404)


@pytest.mark.parametrize(
    "url,raw",
    [
        ("/moderation/flag/{answer}/", b"reason=other&text=a%00b"),
        ("/moderation/flag/{answer}/", b"reason=%00&text=x"),
        ("/moderation/topic/{topic}/propose/", b"answer=abc"),
        ("/moderation/topic/{topic}/propose/", b"answer=99999999999999999999999999"),
        ("/moderation/topic/{topic}/propose/", b"answer=%00"),
        ("/moderation/topic/{topic}/request_reopen/", b"reason=%00%00"),
        ("/p/{answer}/vote/", b"value=%00"),
        ("/p/{answer}/react/", b"kind=%FF"),
        ("/language/", b"language=%00&next=/%00"),
        ("/settings/", b"email_on_answer=%00"),
        ("/markdownx/markdownify/", b"content=%00%FF"),
        ("/markdownx/markdownify/", b""),
        ("/notifications/clear/", b"\xff\xfe"),
        ("/accounts/login/", b"login=a%00&password=x%00"),
    ],
)
def test_raw_bytes_posted_to_every_form_never_crash(client, member, topic, answer_factory, url, raw):
    client.raise_request_exception = False
    answer = answer_factory()
    client.force_login(topic.author if "propose" in url or "reopen" in url else member)
    response = client.post(url.format(answer=answer.pk, topic=topic.pk), raw, content_type=FORM)
    assert response.status_code < 500


# --- Fuzzing the policy and the renderer -----------------------------------------------------------------------------

RULES = default_rules()
MARKDOWN_ALPHABET = st.sampled_from(list("[]()<>!*_`#>-+=|\\\n\t :/\"'&;.1aZ") + ["http://", "javascript:", "<script>", "&#x", "](", "\n\n", "    "])
ANY_TEXT = st.one_of(
    st.text(alphabet=st.characters(codec=None), max_size=2000),
    st.lists(MARKDOWN_ALPHABET, max_size=1500).map("".join),
    st.sampled_from([text for _, text in xss.sample(xss.corpus(), 300, seed=11)]),
)


@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=ANY_TEXT)
def test_fuzz_assess_never_raises_and_stays_fast(text):
    start = time.process_time()
    result = assess(text, RULES)
    assert time.process_time() - start < 1.0
    assert isinstance(result, Assessment)
    result.to_dict()


@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=ANY_TEXT)
def test_fuzz_render_markdown_never_raises_stays_fast_and_safe(text):
    """What the validators accept renders quickly; what they refuse is refused quickly."""
    from django.core.exceptions import ValidationError

    text = clean_text(text)
    start = time.process_time()
    try:
        validate_markdown(text)
    except ValidationError:
        assert time.process_time() - start < 0.5
        return
    html = render_markdown(text)
    assert time.process_time() - start < 1.0
    assert xss.script_findings(html) == []


def test_the_slowest_accepted_text_renders_in_well_under_a_second():
    """Worst cases within the limits: maximum length at the maximum nesting. Timed in this process's
    CPU time (here and above), so other jobs on a shared machine cannot fail it."""
    depth = forum_settings.MARKDOWN_MAX_NESTING
    cases = {
        "nested-brackets": ("[" * depth + "a" + "]" * depth + " ") * 700,
        "nested-links": ("[" * (depth // 2) + "x](" * (depth // 2) + "y" + ")" * (depth // 2) + " ") * 500,
        "emphasis": "*a_" * 6600,
        "quotes": (">" * depth + " citaat\n") * 1000,
        "table": "|" + "a|" * 5000 + "\n|" + "-|" * 5000,
        "html": "<div>" * 3000,
        "backticks": "`" * 19999,
    }
    for name, text in cases.items():
        text = text[: forum_settings.BODY_MAX_LENGTH]
        validate_markdown(text)
        start = time.process_time()
        render_markdown(text)
        assert time.process_time() - start < 1.0, name


def test_a_username_without_letters_or_digits_is_refused_at_sign_up(client):
    from django.contrib.auth import get_user_model

    for name in (".", "..", "-_-"):
        response = client.post(
            "/accounts/signup/",
            {"email": f"x{len(name)}@example.org", "username": name, "password1": "een-lang-wachtwoord-77", "password2": "een-lang-wachtwoord-77",
             "accept_privacy": "on", "accept_health_data": "on"},
        )
        assert response.status_code == 200, name
        assert not get_user_model().objects.filter(username=name).exists()


def test_an_image_with_too_many_pixels_is_refused(client, member, settings, tmp_path):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("1", (6000, 6000)).save(buffer, format="PNG")
    assert buffer.tell() < 5 * 1024 * 1024
    client.force_login(member)
    upload = SimpleUploadedFile("big.png", buffer.getvalue(), content_type="image/png")
    response = client.post("/markdownx/upload/", {"image": upload}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 400
    assert not any(tmp_path.rglob("*.png"))
