"""Privacy controls: hidden activity, health topics off public profiles, members-only categories, anonymous questions."""

import pytest
from django.core.exceptions import ValidationError  # noqa: F401

from forum import services as forum_services
from forum.models import Notification
from forum.notifications import describe
from moderation.models import FlagReason
from moderation.services import flag_create


def test_hidden_activity_shows_only_to_the_member_and_moderators(client, user_factory, moderator, topic_factory):
    member = user_factory("fatima", hide_activity=True)
    topic_factory(author=member, title="Welke stretchoefeningen helpen bij rugpijn?")
    url = "/u/fatima/"
    assert "stretchoefeningen" not in client.get(url).content.decode()
    client.force_login(user_factory())
    assert "stretchoefeningen" not in client.get(url).content.decode()
    client.force_login(member)
    assert "stretchoefeningen" in client.get(url).content.decode()
    client.force_login(moderator)
    assert "stretchoefeningen" in client.get(url).content.decode()


def test_profiles_list_no_health_topics_to_anonymous_visitors_unless_the_member_allows_it(client, user_factory, topic_factory, health_category):
    member = user_factory("joost")
    topic_factory(author=member, category=health_category, title="Hoe ga ik om met paniekaanvallen?")
    topic_factory(author=member, title="Wie weet een goede fietsroute?")
    html = client.get("/u/joost/").content.decode()
    assert "paniekaanvallen" not in html and "fietsroute" in html
    client.force_login(user_factory())
    assert "paniekaanvallen" in client.get("/u/joost/").content.decode()
    client.logout()
    forum_services.user_update_preferences(actor=member, show_health_activity=True)
    assert "paniekaanvallen" in client.get("/u/joost/").content.decode()


def test_members_only_categories_are_hidden_from_anonymous_visitors_and_their_search(client, member, category_factory, topic_factory):
    closed = category_factory("Lotgenoten")
    closed.members_only = True
    closed.save()
    topic = topic_factory(category=closed, title="Lotgenoten met chronische vermoeidheid gezocht", body="Wie herkent dit vermoeidheidsprobleem?")
    assert "Lotgenoten" not in client.get("/").content.decode()
    assert client.get(closed.get_absolute_url()).status_code == 302
    assert client.get(topic.get_absolute_url()).status_code == 403
    assert "chronische" not in client.get("/search/?q=vermoeidheidsprobleem").content.decode()
    client.force_login(member)
    assert "Lotgenoten" in client.get("/").content.decode()
    assert client.get(topic.get_absolute_url()).status_code == 200
    assert "chronische" in client.get("/search/?q=vermoeidheidsprobleem").content.decode()


def test_an_anonymous_question_shows_anoniem_lid_everywhere_but_moderators_see_who(
    client, user_factory, moderator, topic_factory, answer_factory, health_category
):
    starter = user_factory("willem")
    topic = forum_services.topic_create(
        actor=starter, category=health_category, title="Ik schaam me voor mijn eetbui-klachten", body="Herkent iemand eetbuien?",
        anonymous=True,
    )
    answer_factory(author=starter, topic=topic, body="Aanvulling van de vraagsteller over eetbuien.")
    nl = {"accept-language": "nl"}
    for url in (topic.get_absolute_url(), health_category.get_absolute_url(), "/search/?q=eetbuien"):
        html = client.get(url, headers=nl).content.decode()
        assert "willem" not in html and "Anoniem lid" in html, url
    assert "eetbui" not in client.get("/u/willem/").content.decode()
    client.force_login(user_factory())
    html = client.get(topic.get_absolute_url(), headers=nl).content.decode()
    assert "willem" not in html and "Anoniem lid" in html
    flag_page = client.get(f"/moderation/flag/{topic.posts.get(is_question=True).pk}/", headers=nl)
    assert "willem" not in flag_page.content.decode()
    client.force_login(moderator)
    assert "willem" in client.get(topic.get_absolute_url(), headers=nl).content.decode()
    client.force_login(starter)
    assert "Anoniem lid" in client.get(topic.get_absolute_url(), headers=nl).content.decode()


def test_the_anonymous_starter_keeps_the_starters_rights_and_stays_anonymous_in_notifications(
    user_factory, topic_factory, answer_factory, health_category
):
    starter = user_factory("sanne")
    topic = forum_services.topic_create(actor=starter, category=health_category, title="Een vraag die ik liever anoniem stel", body="Tekst.", anonymous=True)
    answerer = user_factory()
    answer = answer_factory(author=answerer, topic=topic)
    forum_services.vote_cast(actor=starter, post=answer, value=1)
    from moderation.solutions import solution_propose

    solution_propose(actor=starter, topic=topic, answer=answer)
    notification = Notification.objects.filter(recipient=answerer).first()
    assert "sanne" not in describe(notification)


def test_asking_anonymously_outside_a_health_category_is_refused_with_a_message(client, member, category):
    client.force_login(member)
    response = client.post("/new/", {"category": category.pk, "title": "Een gewone vraag zonder zorgen", "body": "Tekst", "anonymous": "on"},
                           headers={"accept-language": "nl"})
    assert response.status_code == 200 and "Anoniem vragen kan alleen" in response.content.decode()
    with pytest.raises(ValueError):
        forum_services.topic_create(actor=member, category=category, title="Een gewone vraag", body="Tekst", anonymous=True)


def test_flagging_still_works_on_anonymous_posts(user_factory, health_category):
    topic = forum_services.topic_create(actor=user_factory(), category=health_category, title="Anonieme vraag over medicatie", body="Tekst.", anonymous=True)
    flag_create(actor=user_factory(), post=topic.posts.get(), reason=FlagReason.SPAM)
