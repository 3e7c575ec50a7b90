"""Writing the append-only audit log. Services call `audit` inside their transaction."""

from moderation.models import AuditEntry


def audit(*, actor, action, post=None, topic=None, reason="", status_before="", status_after="", subject_repr=""):
    if topic is None and post is not None:
        topic = post.topic
    subject = post if post is not None else topic
    return AuditEntry.objects.create(
        actor=actor if (actor is not None and actor.is_authenticated) else None,
        action=action,
        post=post,
        topic=topic,
        object_repr=(str(subject) if subject is not None else subject_repr)[:200],
        reason=reason,
        status_before=status_before,
        status_after=status_after,
    )
