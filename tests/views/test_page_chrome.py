"""The header and footer parts that are the same for everyone with one language and login state are
rendered once per process ({% constant %}, forum_tags.ConstantNode): each visitor still gets the
parts of their own language and login state, and nothing of another request."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.urls import set_script_prefix
from django.utils import translation

pytestmark = pytest.mark.django_db


def _page(client, language):
    return client.get("/", HTTP_ACCEPT_LANGUAGE=language).content.decode()


@pytest.mark.parametrize("order", [("visitor", "member"), ("member", "visitor")])
def test_header_and_footer_follow_the_language_and_login_state_of_each_request(client, member, order):
    from django.test import Client

    visitor, logged_in = Client(), Client()
    logged_in.force_login(member)
    clients = {"visitor": visitor, "member": logged_in}
    for language in ("nl", "en", "nl"):
        for who in order:
            html = _page(clients[who], language)
            with translation.override(language):
                skip, settings_link, log_in = (translation.gettext(s) for s in ("Skip to content", "Settings", "Log in"))
            assert f'<html lang="{language}">' in html
            assert f'href="#main">{skip}</a>' in html
            assert (f'href="/settings/">{settings_link}</a>' in html) == (who == "member")
            assert (f'href="/accounts/login/">{log_in}</a>' in html) == (who == "visitor")
            assert ('name="member-suggest"' in html) == (who == "member")
            assert (member.username in html) == (who == "member")


def test_a_constant_part_sees_only_the_language_and_whether_the_visitor_is_logged_in(member):
    part = engines["django"].from_string(
        "{% load forum_tags %}{% constant %}[{{ LANGUAGE_CODE }} {{ member }} {{ secret }}{{ user.username }}]{% endconstant %}"
    )
    shown = []
    for language, user in (("nl", AnonymousUser()), ("nl", member), ("en", AnonymousUser()), ("en", member), ("nl", member)):
        with translation.override(language):
            shown.append(part.render({"user": user, "secret": f"secret of {user}"}))
    assert shown == ["[nl False ]", "[nl True ]", "[en False ]", "[en True ]", "[nl True ]"]


def test_a_constant_part_follows_the_address_the_site_is_served_under():
    part = engines["django"].from_string("{% load forum_tags %}{% constant %}{% url 'forum:home' %}{% endconstant %}")
    assert part.render({}) == "/"
    set_script_prefix("/forum/")
    try:
        assert part.render({}) == "/forum/"
    finally:
        set_script_prefix("/")


def test_a_constant_part_with_a_variable_is_kept_per_value_and_sees_only_that_variable(member, monkeypatch):
    from forum.templatetags import forum_tags

    part = engines["django"].from_string(
        "{% load forum_tags %}{% constant filter %}[{{ filter }} {{ LANGUAGE_CODE }} {{ member }} {{ secret }}]{% endconstant %}"
    )
    with translation.override("en"):
        shown = [part.render({"filter": value, "user": member, "secret": "x"}) for value in ("all", "solved", "all")]
    assert shown == ["[all en True ]", "[solved en True ]", "[all en True ]"]
    monkeypatch.setattr(forum_tags, "MAX_CONSTANT_VARIANTS", 2)
    with translation.override("en"):
        assert part.render({"filter": "unanswered", "user": member}) == "[unanswered en True ]"  # not kept, still right


def test_a_constant_part_cannot_be_inside_a_language_block():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        engines["django"].from_string("{% load i18n forum_tags %}{% language 'en' %}{% constant %}x{% endconstant %}{% endlanguage %}")


def test_addresses_carry_no_language_so_the_locale_middleware_skips_that_work(client, member):
    from django.conf import settings
    from django.conf.urls.i18n import is_language_prefix_patterns_used

    assert is_language_prefix_patterns_used(settings.ROOT_URLCONF) == (False, False)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "en" and "Accept-Language" in response["Vary"]
    member.preferred_language = "nl"
    member.save(update_fields=["preferred_language"])
    client.force_login(member)
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "nl"


def test_a_constant_part_cannot_hold_a_block():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        engines["django"].from_string("{% load forum_tags %}{% constant %}{% block title %}x{% endblock %}{% endconstant %}")


def _language_switch(html):
    return re.search(r'<form method="post" action="/language/"(.*?)</form>', html, re.S).group(0)


def test_a_visitors_kept_account_links_go_back_to_each_page_and_after_a_post_to_the_form(client, member, category):
    """A visitor's account links are rendered once per language (forum_tags.account_nav); only the language switch's
    return address is the page's own."""
    for language in ("nl", "en", "nl"):
        for path, shown in (("/", "/"), (category.get_absolute_url() + "?x=<b>&y='", category.get_absolute_url() + "?x=%3Cb%3E&amp;y=&#x27;")):
            form = _language_switch(client.get(path, HTTP_ACCEPT_LANGUAGE=language).content.decode())
            assert f'<input type="hidden" name="next" value="{shown}">' in form and "csrfmiddlewaretoken" not in form
    html = client.post("/accounts/login/", {"login": "nobody", "password": "x"}, HTTP_REFERER="https://forum.example/c/x/?a=<b>").content.decode()
    assert '<input type="hidden" name="next" value="https://forum.example/c/x/?a=&lt;b&gt;">' in _language_switch(html)
    client.force_login(member)
    html = client.get("/?page=<2>").content.decode()
    assert member.username in html and 'name="next" value="/?page=%3C2%3E"' in _language_switch(html)
    assert "csrfmiddlewaretoken" in _language_switch(html)
