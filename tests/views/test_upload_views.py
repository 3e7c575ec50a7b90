"""A member's own uploaded images: the upload records who sent it, the list shows only their own, and
another member's image can be neither removed nor claimed."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from forum.models import Upload

pytestmark = pytest.mark.django_db
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def post_image(client, **extra):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 80, 40)).save(buffer, format="PNG")
    image = SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")
    return client.post("/markdownx/upload/", {"image": image, **extra}, **XHR)


def test_an_upload_is_recorded_as_the_logged_in_members_whatever_the_form_says(client, member, user_factory):
    other = user_factory()
    client.force_login(member)
    response = post_image(client, uploader=other.pk, user=other.pk)
    assert response.status_code == 200
    upload = Upload.objects.get()
    assert upload.uploader == member and response.json()["image_code"] == f"![]({upload.url})"


def test_the_settings_page_lists_only_the_members_own_images(client, member, user_factory):
    other = user_factory()
    client.force_login(other)
    post_image(client)
    theirs = Upload.objects.get()
    client.force_login(member)
    post_image(client)
    mine = Upload.objects.exclude(pk=theirs.pk).get()
    page = client.get("/settings/images/").content.decode()
    assert mine.url in page and theirs.url not in page and "Mijn geüploade afbeeldingen" in page
    assert "/settings/images/" in client.get("/settings/").content.decode()


def test_a_member_removes_their_own_image_and_is_told(client, member, media_root, django_capture_on_commit_callbacks):
    client.force_login(member)
    post_image(client)
    upload = Upload.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/settings/images/{upload.pk}/remove/", follow=True)
    assert "De afbeelding is van het forum verwijderd." in response.content.decode()
    assert not (media_root / upload.file).exists()


def test_another_members_image_cannot_be_removed_it_answers_404(client, member, user_factory, media_root):
    owner = user_factory()
    client.force_login(owner)
    post_image(client)
    upload = Upload.objects.get()
    client.force_login(member)
    assert client.post(f"/settings/images/{upload.pk}/remove/").status_code == 404
    upload.refresh_from_db()
    assert upload.removed_at is None and (media_root / upload.file).exists()


def test_removing_needs_a_post_with_csrf_and_a_login(member, media_root):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)
    post_image(browser)  # the markdownx widget sends its token; without one the upload is refused too
    assert not Upload.objects.exists()
    client = Client()
    client.force_login(member)
    post_image(client)
    upload = Upload.objects.get()
    assert browser.post(f"/settings/images/{upload.pk}/remove/").status_code == 403
    assert client.get(f"/settings/images/{upload.pk}/remove/").status_code == 405
    assert Client().post(f"/settings/images/{upload.pk}/remove/").status_code == 302  # to the login page
    assert Upload.objects.get().removed_at is None


def test_an_image_still_in_a_post_is_kept_with_a_dutch_message(client, member, topic):
    from forum import services

    client.force_login(member)
    post_image(client)
    upload = Upload.objects.get()
    services.answer_post(actor=member, topic=topic, body=f"Kijk: ![]({upload.url})")
    response = client.post(f"/settings/images/{upload.pk}/remove/", follow=True)
    assert "Deze afbeelding staat in een bericht." in response.content.decode()
    assert Upload.objects.get().removed_at is None
