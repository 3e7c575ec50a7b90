"""Views count once per visitor per topic per window, bots excluded, atomically: through the topic
page itself, the path every real view takes."""

import pytest
from django.core.cache import cache

from forum.models import Topic
from forum.viewcount import is_bot, view_mark_key, visitor_key

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126"


def views(topic):
    return Topic.objects.get(pk=topic.pk).view_count


def visit(client, topic, address, agent=BROWSER):
    """An anonymous visitor without a session reads the topic page: known by their address."""
    response = client.get(topic.get_absolute_url(), HTTP_USER_AGENT=agent, REMOTE_ADDR=address)
    assert response.status_code == 200


def test_a_visitor_counts_once_per_window(client, topic):
    visit(client, topic, "10.0.0.1")
    visit(client, topic, "10.0.0.1")
    visit(client, topic, "10.0.0.2")
    assert views(topic) == 2


def test_the_window_expiring_counts_the_visitor_again(client, topic):
    visit(client, topic, "10.0.0.1")
    cache.delete(view_mark_key(topic_id=topic.pk, visitor=visitor_key(user_id=None, session_key=None, ip="10.0.0.1"), user_agent=BROWSER))
    visit(client, topic, "10.0.0.1")
    assert views(topic) == 2


@pytest.mark.parametrize("agent", ["Googlebot/2.1", "curl/8.0", "python-requests/2.31", "", "Mozilla/5.0 HeadlessChrome"])
def test_obvious_bots_are_not_counted(client, topic, agent):
    assert is_bot(agent)
    visit(client, topic, "10.0.0.1", agent=agent)
    assert views(topic) == 0


def test_visitor_identity_prefers_member_then_session_then_address():
    assert visitor_key(user_id=7, session_key="abc", ip="1.2.3.4") == "u7"
    assert visitor_key(user_id=None, session_key="abc", ip="1.2.3.4") == "sabc"
    anon = visitor_key(user_id=None, session_key=None, ip="1.2.3.4")
    assert anon != visitor_key(user_id=None, session_key=None, ip="1.2.3.5")


def test_topic_page_visits_count_members_once(client, member, topic):
    client.force_login(member)
    for _ in range(3):
        client.get(topic.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert views(topic) == 1
