"""Uploaded images belong to whoever uploaded them: recorded, removable by them alone, exported and
handled at account close as docs/PRIVACY.md says."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forum import services
from forum.models import Upload
from forum.uploads import UploadRefused, check_image, upload_remove, upload_save
from privacy import services as privacy
from privacy.exporting import export_zip

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png(colour=(200, 80, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, format="PNG")
    image = SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")
    check_image(image)
    return image


def stored(upload, media_root):
    return (media_root / upload.file).exists()


def test_an_upload_records_its_uploader_and_is_stored(member, media_root):
    upload = upload_save(actor=member, image=png())
    assert upload.uploader == member and upload.content_type == "image/png" and upload.size > 0
    assert upload.file.startswith("uploads/") and stored(upload, media_root)


def test_the_uploader_removes_an_image_no_post_uses(member, media_root, django_capture_on_commit_callbacks):
    upload = upload_save(actor=member, image=png())
    with django_capture_on_commit_callbacks(execute=True):
        upload_remove(actor=member, upload=upload)
    upload.refresh_from_db()
    assert upload.removed_at is not None and not stored(upload, media_root)


def test_nobody_else_can_remove_a_members_image(member, user_factory, moderator, media_root):
    upload = upload_save(actor=member, image=png())
    for other in (user_factory(), moderator):
        with pytest.raises(UploadRefused):
            upload_remove(actor=other, upload=upload)
    upload.refresh_from_db()
    assert upload.removed_at is None and stored(upload, media_root)


def test_an_image_shown_in_a_post_stays_until_the_post_no_longer_uses_it(member, topic, media_root,
                                                                        django_capture_on_commit_callbacks):
    upload = upload_save(actor=member, image=png())
    answer = services.answer_post(actor=member, topic=topic, body=f"Zo zag het eruit: ![]({upload.url})")
    with pytest.raises(UploadRefused, match="Bewerk eerst het bericht"):
        upload_remove(actor=member, upload=upload)
    assert stored(upload, media_root)
    services.post_edit(actor=member, post=answer, body="Toch maar zonder foto.")
    with django_capture_on_commit_callbacks(execute=True):
        upload_remove(actor=member, upload=upload)
    assert not stored(upload, media_root)


def test_the_export_holds_the_members_images_and_lists_them(member, user_factory, media_root):
    mine = upload_save(actor=member, image=png())
    upload_save(actor=user_factory(), image=png((10, 10, 10)))
    archive = zipfile.ZipFile(io.BytesIO(export_zip(member)))
    data = json.loads(archive.read("data.json"))
    (listed,) = data["uploads"]
    assert listed["url"] == mine.url and listed["removed_at"] is None
    assert archive.read(listed["file"]) == (media_root / mine.file).read_bytes()
    assert [name for name in archive.namelist() if name.startswith("images/")] == [listed["file"]]


def test_closing_removes_the_images_no_post_uses_and_keeps_those_in_posts(member, topic, media_root,
                                                                          django_capture_on_commit_callbacks):
    unused, shown = upload_save(actor=member, image=png()), upload_save(actor=member, image=png((0, 90, 0)))
    services.answer_post(actor=member, topic=topic, body=f"Mijn uitslag: ![]({shown.url})")
    with django_capture_on_commit_callbacks(execute=True):
        privacy.account_close(actor=member, member=member)
    assert not stored(unused, media_root) and stored(shown, media_root)
    assert Upload.objects.get(pk=shown.pk).removed_at is None


def test_closing_with_the_text_removed_removes_every_image(member, topic, media_root, django_capture_on_commit_callbacks):
    shown = upload_save(actor=member, image=png())
    services.answer_post(actor=member, topic=topic, body=f"Mijn uitslag: ![]({shown.url})")
    with django_capture_on_commit_callbacks(execute=True):
        privacy.account_close(actor=member, member=member, remove_text=True)
    assert not stored(shown, media_root) and Upload.objects.get(pk=shown.pk).removed_at is not None
