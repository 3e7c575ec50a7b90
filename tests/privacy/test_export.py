"""Export my data: a ZIP with everything, at once when small, in the background with a signed, expiring link when large."""

import io
import json
import re
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

from forum import services as forum_services
from forum.models import Notification, NotificationKind
from moderation.models import FlagReason
from moderation.services import flag_create
from privacy import services
from privacy.app_settings import privacy_settings
from privacy.models import DataExport
from privacy.views import EXPORT_SALT, download_token


def _zip(content):
    archive = zipfile.ZipFile(io.BytesIO(content))
    return json.loads(archive.read("data.json")), archive.read("posts.html").decode()


def test_small_export_downloads_at_once_with_posts_revisions_votes_reactions_flags_and_consents(client, user_factory, topic, answer_factory):
    member = user_factory()
    services.consent_give(actor=member, privacy_notice=True, health_data=True)
    answer = answer_factory(author=member, body="Eerste versie van mijn antwoord.")
    forum_services.post_edit(actor=member, post=answer, body="Tweede versie van mijn antwoord.")
    forum_services.vote_cast(actor=member, post=topic.posts.get(is_question=True), value=1)
    forum_services.reaction_toggle(actor=member, post=topic.posts.get(is_question=True), kind="hug")
    other = answer_factory()
    flag_create(actor=member, post=other, reason=FlagReason.SPAM, text="Reclame")
    client.force_login(member)
    response = client.post("/account/export/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    data, html = _zip(response.content)
    assert data["account"]["username"] == member.username and data["account"]["email"] == member.email
    assert data["consents"][0]["notice_version"] == 1 and data["consents"][0]["health_data"] is True
    (post,) = data["posts"]
    assert post["body"] == "Tweede versie van mijn antwoord."
    assert [r["body"] for r in post["revisions"]] == ["Eerste versie van mijn antwoord."]
    assert data["votes"][0]["value"] == 1 and data["reactions"][0]["kind"] == "hug"
    assert data["flags"][0]["text"] == "Reclame"
    assert data["settings"]["email_on_answer"] is True
    assert "password" not in json.dumps(data["account"])
    assert "Tweede versie van mijn antwoord." in html


def test_large_export_is_built_in_the_background_and_the_member_gets_a_signed_link(
    client, settings, tmp_path, member, answer_factory, django_capture_on_commit_callbacks
):
    settings.PRIVACY_EXPORT_INLINE_MAX_ITEMS = 0
    settings.PRIVACY_EXPORT_ROOT = tmp_path / "exports"
    answer_factory(author=member)
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/account/export/")
    assert response.status_code == 302
    export = DataExport.objects.get(user=member)
    assert export.status == DataExport.Status.READY and export.expires_at > timezone.now() + timedelta(days=6)
    path = privacy_settings.EXPORT_ROOT / export.file_name
    assert path.exists() and not str(path).startswith(str(settings.MEDIA_ROOT))
    assert Notification.objects.filter(recipient=member, kind=NotificationKind.EXPORT_READY).exists()
    page = client.get("/account/export/").content.decode()
    # The link is signed with a timestamp, so the page's link is read from the page, not rebuilt here.
    found = re.search(r'href="(/account/export/([^"/]+)/)"', page)
    assert found and signing.TimestampSigner(salt=EXPORT_SALT).unsign(found.group(2)) == str(export.pk)
    download = client.get(found.group(1))
    assert download.status_code == 200
    data, _ = _zip(b"".join(download.streaming_content))
    assert data["account"]["username"] == member.username


def test_an_export_link_works_for_its_member_only_and_not_after_it_expires(client, settings, tmp_path, user_factory, member):
    settings.PRIVACY_EXPORT_ROOT = tmp_path
    export = DataExport.objects.create(user=member)
    services.export_build(export.pk)
    export.refresh_from_db()
    url = f"/account/export/{download_token(export)}/"
    client.force_login(user_factory())
    assert client.get(url).status_code == 404
    client.force_login(member)
    assert client.get("/account/export/forged-token/").status_code == 404
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == "/account/export/"


def test_export_needs_a_login(client, db):
    response = client.get("/account/export/")
    assert response.status_code == 302 and response["Location"].startswith(settings.LOGIN_URL) or "/accounts/login/" in response["Location"]
