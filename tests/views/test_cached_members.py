"""The logged-in member is read from the shared cache (forum/auth.py): changes to them must still count at once."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _shared_cache(memory_cache):
    """The member cache is off without a real cache."""


def logged_in(member):
    client = Client()
    client.force_login(member)
    assert client.get("/").context["user"] == member  # now in the cache
    return client


def test_a_password_change_ends_the_members_other_sessions(member):
    other_browser = logged_in(member)
    member.set_password("een-heel-nieuw-wachtwoord-42")
    member.save()
    assert other_browser.get("/").context["user"].is_anonymous


def test_a_deactivated_member_is_logged_out_on_their_next_request(member):
    client = logged_in(member)
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert client.get("/").context["user"].is_anonymous


def test_a_new_username_shows_on_the_next_page(member):
    client = logged_in(member)
    member.username = "nieuwe-naam"
    member.save(update_fields=["username"])
    assert "nieuwe-naam" in client.get("/").content.decode()


def test_a_returning_member_costs_no_query_for_who_they_are(member, django_assert_num_queries):
    client = logged_in(member)
    with django_assert_num_queries(0):
        assert client.get("/").context["user"] == member
