"""Which privacy notice and house rules are current.

The consent gate (privacy.middleware) asks on every request of a logged-in member which notice
version is current. That answer is kept in each process for NOTICE_MEMO_SECONDS, so the gate
costs no query or cache round trip; a newly published version reaches every process within
that time (and at once in the process that published it).
"""

import threading
import time

from django.utils import timezone

from privacy.models import DocumentKind, LegalDocument

NOTICE_MEMO_SECONDS = 30
_memo = {}
_memo_lock = threading.Lock()


def current_document(kind):
    """The highest published version of this kind, or None."""
    return (
        LegalDocument.objects.filter(kind=kind, published_at__lte=timezone.now()).order_by("-version").first()
    )


def current_notice_version():
    """The version of the privacy notice members must have consented to, or None when none is published."""
    now = time.monotonic()
    entry = _memo.get("version")
    if entry is not None and entry[1] > now:
        return entry[0]
    document = current_document(DocumentKind.PRIVACY)
    version = document.version if document is not None else None
    upcoming = (
        LegalDocument.objects.filter(kind=DocumentKind.PRIVACY, published_at__gt=timezone.now())
        .order_by("published_at").values_list("published_at", flat=True).first()
    )
    seconds = NOTICE_MEMO_SECONDS
    if upcoming is not None:  # a version scheduled to take effect sooner: look again then
        seconds = min(seconds, max(0.0, (upcoming - timezone.now()).total_seconds()))
    with _memo_lock:
        _memo["version"] = (version, now + seconds)
    return version


def forget_notice_version():
    with _memo_lock:
        _memo.pop("version", None)
