"""The topic page's buttons come from the same `can_*` rules its views check (forum.viewer, forum.permissions):
for every viewer, a link the page shows opens, and a link it leaves out is refused."""

import re

import pytest
from django.utils import timezone

from forum import services
from forum.models import Post
from tests.conftest import PLAIN_ANSWER

pytestmark = pytest.mark.django_db

LINKS = {"edit": "/p/{}/edit/", "history": "/p/{}/revisions/", "delete": "/p/{}/delete/"}


@pytest.fixture
def scene(user_factory, moderator_factory, topic_factory, no_rate_limits):
    starter = user_factory("starter")
    topic = topic_factory(author=starter)
    helper = user_factory("helper")
    answer = services.answer_post(actor=helper, topic=topic, body=PLAIN_ANSWER)
    services.post_edit(actor=helper, post=answer, body=PLAIN_ANSWER + " Aangevuld.")
    question = services.post_edit(actor=starter, post=Post.objects.get(topic=topic, is_question=True), body="Ik zoek tips, graag.")
    viewers = {
        "anonymous": None, "member": user_factory("reader"), "unconfirmed member": user_factory("new", confirmed=False),
        "starter": starter, "helper": helper,
        "moderator": moderator_factory("mod"), "moderator without two-factor": moderator_factory("half", totp=False),
    }
    return topic, answer, question, viewers


def shown_links(html, post_id):
    article = html.split(f'id="post-{post_id}"', 1)[1].split("</article>", 1)[0]
    return {name for name, url in LINKS.items() if re.search(re.escape(url.format(post_id)) + '"', article)}


@pytest.mark.parametrize(
    "who", ["anonymous", "member", "unconfirmed member", "starter", "helper", "moderator", "moderator without two-factor"]
)
def test_every_post_link_shown_opens_and_every_link_left_out_is_refused(client, scene, who):
    topic, answer, question, viewers = scene
    if viewers[who] is not None:
        client.force_login(viewers[who])
    html = client.get(topic.get_absolute_url()).content.decode()
    for post in (question, answer):
        shown = shown_links(html, post.pk)
        for name, url in LINKS.items():
            status = client.get(url.format(post.pk)).status_code
            assert (status == 200) == (name in shown), (who, post.pk, name, status)


def test_a_withdrawn_question_can_still_be_deleted_by_its_starter_and_the_page_says_so(client, scene):
    topic, _, question, viewers = scene
    Post.objects.filter(pk=question.pk).update(withdrawn_at=timezone.now())
    client.force_login(viewers["starter"])
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "delete" in shown_links(html, question.pk)
    assert client.get(LINKS["delete"].format(question.pk)).status_code == 200
