"""Warnings, silences and suspensions: each needs a reason, is audited, tells the member, and a silence
is refused on every write path by the services themselves."""

from datetime import timedelta

import pytest
from django.utils import timezone

from forum import services
from forum.models import Notification, NotificationKind
from moderation import sanctions, solutions
from moderation import services as moderation
from moderation.models import AuditAction, AuditEntry, FlagReason, SanctionKind
from moderation.permissions import MemberSilenced

pytestmark = pytest.mark.django_db


def soon(days=3):
    return timezone.now() + timedelta(days=days)


def silence(member, moderator):
    sanctions.member_silence(actor=moderator, member=member, reason="Gevaarlijk advies herhaald.", until=soon())
    member.refresh_from_db()
    return member


@pytest.fixture
def silenced(user_factory, moderator):
    return silence(user_factory("stil"), moderator)


WRITE_PATHS = {
    "topic create": lambda m, t, a: services.topic_create(actor=m, category=t.category, title="Een nieuwe vraag hier", body="Tekst."),
    "answer": lambda m, t, a: services.answer_post(actor=m, topic=t, body="Nog een antwoord."),
    "edit": lambda m, t, a: services.post_edit(actor=m, post=a, body="Anders gezegd."),
    "vote": lambda m, t, a: services.vote_cast(actor=m, post=t.posts.get(is_question=True), value=1),
    "react": lambda m, t, a: services.reaction_toggle(actor=m, post=t.posts.get(is_question=True), kind="thanks"),
    "flag": lambda m, t, a: moderation.flag_create(actor=m, post=t.posts.get(is_question=True), reason=FlagReason.SPAM),
    "propose solution": lambda m, t, a: solutions.solution_propose(actor=m, topic=t, answer=a),
    "withdraw solution": lambda m, t, a: solutions.solution_withdraw(actor=m, topic=t),
    "request reopen": lambda m, t, a: solutions.solution_request_reopen(actor=m, topic=t, reason="Er is nieuw onderzoek."),
}


@pytest.mark.parametrize("path", WRITE_PATHS)
def test_a_silenced_member_is_refused_on_every_write_path(path, moderator, topic_factory, answer_factory, user_factory):
    member = user_factory("stil")
    topic = topic_factory()
    answer = answer_factory(author=member, topic=topic)
    silence(member, moderator)
    silenced = member
    with pytest.raises(MemberSilenced, match="stilgezet"):
        WRITE_PATHS[path](silenced, topic, answer)


@pytest.mark.parametrize("path", ["answer", "vote", "edit"])
def test_the_same_paths_work_again_once_the_silence_is_lifted(path, user_factory, moderator, topic_factory, answer_factory):
    topic = topic_factory()
    answer = answer_factory(author=user_factory("stil"), topic=topic)
    silenced = silence(answer.author, moderator)
    with pytest.raises(MemberSilenced):
        WRITE_PATHS[path](silenced, topic, answer)
    sanctions.sanction_lift(actor=moderator, sanction=silenced.sanctions.get(), reason="Afgesproken met het lid.")
    silenced.refresh_from_db()
    WRITE_PATHS[path](silenced, topic, answer)


def test_a_silence_ends_by_itself_at_its_date(silenced, topic):
    silenced.silenced_until = timezone.now() - timedelta(seconds=1)
    services.answer_post(actor=silenced, topic=topic, body="Weer terug.")


def test_a_warning_is_recorded_audited_and_told_to_the_member_in_their_language(user_factory, moderator):
    member = user_factory("nina", preferred_language="en")
    sanction = sanctions.member_warn(actor=moderator, member=member, reason="Geen telefoonnummers plaatsen.")
    assert sanction.kind == SanctionKind.WARNING and sanction.until is None
    entry = AuditEntry.objects.get(action=AuditAction.MEMBER_WARNED)
    assert entry.actor == moderator and entry.object_repr == "nina" and entry.reason == "Geen telefoonnummers plaatsen."
    note = Notification.objects.get(recipient=member, kind=NotificationKind.MEMBER_WARNED)
    assert note.reason == "Geen telefoonnummers plaatsen."
    member.refresh_from_db()
    assert member.silenced_until is None and member.suspended_until is None


@pytest.mark.parametrize("service", [sanctions.member_warn, sanctions.member_silence, sanctions.member_suspend])
def test_every_measure_needs_a_reason(service, member, moderator):
    kwargs = {} if service is sanctions.member_warn else {"until": soon()}
    with pytest.raises(sanctions.SanctionError):
        service(actor=moderator, member=member, reason="  ", **kwargs)
    assert not member.sanctions.exists() and not AuditEntry.objects.exists()


@pytest.mark.parametrize("service", [sanctions.member_silence, sanctions.member_suspend])
def test_a_silence_or_suspension_needs_an_end_in_the_future(service, member, moderator):
    with pytest.raises(sanctions.SanctionError):
        service(actor=moderator, member=member, reason="Reden.", until=timezone.now() - timedelta(hours=1))


def test_a_moderator_cannot_sanction_themselves(moderator):
    with pytest.raises(sanctions.SanctionError):
        sanctions.member_warn(actor=moderator, member=moderator, reason="Oeps.")


def test_suspension_is_written_on_the_member_and_lifting_is_audited_and_told(member, moderator):
    sanction = sanctions.member_suspend(actor=moderator, member=member, reason="Spam.", until=soon(7))
    member.refresh_from_db()
    assert member.suspended_until == sanction.until
    assert Notification.objects.filter(recipient=member, kind=NotificationKind.MEMBER_SUSPENDED).exists()
    sanctions.sanction_lift(actor=moderator, sanction=sanction, reason="Vergissing.")
    member.refresh_from_db()
    sanction.refresh_from_db()
    assert member.suspended_until is None and sanction.lifted_by == moderator
    assert AuditEntry.objects.filter(action=AuditAction.MEMBER_SUSPENDED).count() == 1
    assert AuditEntry.objects.get(action=AuditAction.SANCTION_LIFTED).reason == "Vergissing."
    assert Notification.objects.filter(recipient=member, kind=NotificationKind.SANCTION_LIFTED).exists()
    with pytest.raises(sanctions.SanctionError):
        sanctions.sanction_lift(actor=moderator, sanction=sanction, reason="Nog eens.")


def test_lifting_one_silence_keeps_a_longer_one_in_force(member, moderator):
    short = sanctions.member_silence(actor=moderator, member=member, reason="Eén.", until=soon(1))
    long = sanctions.member_silence(actor=moderator, member=member, reason="Twee.", until=soon(10))
    sanctions.sanction_lift(actor=moderator, sanction=short, reason="Opgelost.")
    member.refresh_from_db()
    assert member.silenced_until == long.until
