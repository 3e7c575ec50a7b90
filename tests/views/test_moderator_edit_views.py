"""The moderator's edit page: who may use it, and who sees the notice on the post."""

import pytest

from forum.models import Post

pytestmark = pytest.mark.django_db

ORIGINAL = "Bel me gerust op 0612345678. Rust helpt mij het meest."


@pytest.fixture
def answer(answer_factory, user_factory):
    return answer_factory(author=user_factory("schrijver"), body=ORIGINAL)


def test_members_and_moderators_without_two_factor_cannot_edit_others_posts(client, member, moderator_factory, answer):
    client.force_login(member)
    assert client.post(f"/moderation/post/{answer.pk}/edit/", {"body": "Weg.", "reason": "Test."}).status_code == 403
    client.force_login(moderator_factory(totp=False))
    response = client.post(f"/moderation/post/{answer.pk}/edit/", {"body": "Weg.", "reason": "Test."})
    assert response.status_code == 302 and "/accounts/2fa/totp/activate" in response["Location"]
    answer.refresh_from_db()
    assert answer.body == ORIGINAL


def test_a_refused_edit_without_reason_keeps_what_was_typed(client, moderator, answer):
    client.force_login(moderator)
    response = client.post(f"/moderation/post/{answer.pk}/edit/", {"body": "Mijn ingekorte tekst.", "reason": ""})
    assert response.status_code == 400 and "Mijn ingekorte tekst." in response.content.decode()
    answer.refresh_from_db()
    assert answer.body == ORIGINAL


def test_the_author_sees_edited_by_a_moderator_with_the_reason_and_others_do_not(client, moderator, answer, member):
    client.force_login(moderator)
    response = client.post(f"/moderation/post/{answer.pk}/edit/", {"body": "Rust helpt mij het meest.", "reason": "Geen telefoonnummers."})
    assert response.status_code == 302
    topic_url = Post.objects.get(pk=answer.pk).topic.get_absolute_url()
    client.force_login(member)
    other = client.get(topic_url).content.decode()
    assert "0612345678" not in other and "Geen telefoonnummers." not in other
    client.force_login(answer.author)
    own = client.get(topic_url).content.decode()
    assert "Bewerkt door een moderator." in own and "Geen telefoonnummers." in own
    history = client.get(f"/p/{answer.pk}/revisions/").content.decode()
    assert "0612345678" in history


def test_a_moderator_edit_can_take_a_canned_reason_the_author_reads(client, moderator, answer):
    from moderation.models import CannedReason, CannedReasonKind

    phone = CannedReason.objects.create(kind=CannedReasonKind.MODERATOR_EDIT, title="Telefoonnummer",
                                        text_nl="We halen telefoonnummers weg om je te beschermen.",
                                        text_en="We remove phone numbers to protect you.")
    client.force_login(moderator)
    page = client.get(f"/moderation/post/{answer.pk}/edit/").content.decode()
    assert 'data-text="We halen telefoonnummers weg om je te beschermen."' in page and "canned.js" in page
    response = client.post(f"/moderation/post/{answer.pk}/edit/",
                           {"body": "Rust helpt mij het meest.", "reason": "", "canned": phone.pk})
    assert response.status_code == 302
    answer.refresh_from_db()
    phone.refresh_from_db()
    assert answer.moderator_edit_reason == "We halen telefoonnummers weg om je te beschermen." and phone.use_count == 1
