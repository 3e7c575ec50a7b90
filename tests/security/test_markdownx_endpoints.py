"""django-markdownx's own endpoints: the live preview and image upload."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forum.models import Post
from tests.security import xss

pytestmark = pytest.mark.django_db
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
SVG_WITH_ONLOAD = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><rect width="9" height="9"/></svg>'


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()]


def image_bytes(image_format, size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(buffer, format=image_format)
    return buffer.getvalue()


def upload(client, name, content, content_type):
    return client.post("/markdownx/upload/", {"image": SimpleUploadedFile(name, content, content_type=content_type)}, **XHR)


def test_anonymous_preview_and_upload_are_refused_and_store_nothing(client, media_root):
    preview = client.post("/markdownx/markdownify/", {"content": "**hoi**"})
    image = upload(client, "a.png", image_bytes("PNG"), "image/png")
    for response in (preview, image):
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert stored_files(media_root) == []


def test_unconfirmed_member_cannot_preview_or_upload(client, user_factory, media_root):
    client.force_login(user_factory(confirmed=False))
    assert client.post("/markdownx/markdownify/", {"content": "**hoi**"}).status_code == 403
    assert upload(client, "a.png", image_bytes("PNG"), "image/png").status_code == 403
    assert stored_files(media_root) == []


def test_get_is_not_allowed(client, member):
    client.force_login(member)
    assert client.get("/markdownx/markdownify/").status_code == 405
    assert client.get("/markdownx/upload/").status_code == 405


@pytest.mark.parametrize("image_format,content_type", [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")])
def test_members_upload_jpeg_png_and_webp(client, member, media_root, image_format, content_type):
    client.force_login(member)
    response = upload(client, f"foto.{image_format.lower()}", image_bytes(image_format), content_type)
    assert response.status_code == 200, response.content
    assert response.json()["image_code"].startswith("![](/media/uploads/")
    assert len(stored_files(media_root)) == 1


@pytest.mark.parametrize(
    "name,content_type",
    [("x.svg", "image/svg+xml"), ("x.png", "image/png"), ("x.jpg", "image/jpeg")],
)
def test_an_svg_with_onload_is_refused_whatever_it_claims_to_be(client, member, media_root, name, content_type):
    client.force_login(member)
    response = upload(client, name, SVG_WITH_ONLOAD, content_type)
    assert response.status_code == 400
    assert "JPEG, PNG" in response.json()["image_code"]
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    "content",
    [b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", b"<html><script>alert(1)</script></html>", b"%PDF-1.4\n", b"\x89PNG\r\n\x1a\n broken"],
)
def test_other_files_are_refused(client, member, media_root, content):
    client.force_login(member)
    assert upload(client, "x.png", content, "image/png").status_code == 400
    assert stored_files(media_root) == []


def test_a_6_mb_image_is_refused(client, member, media_root):
    side = 1450  # random pixels do not compress: about 6.3 MB as PNG
    noise = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    buffer = io.BytesIO()
    noise.save(buffer, format="PNG", compress_level=0)
    assert buffer.tell() > 6 * 1000 * 1000
    client.force_login(member)
    response = upload(client, "big.png", buffer.getvalue(), "image/png")
    assert response.status_code == 400
    assert "5 MB" in response.json()["image_code"]
    assert stored_files(media_root) == []


def test_the_upload_rate_limit_refuses_with_429(client, member, media_root, settings):
    settings.FORUM_RATE_LIMITS = {"upload": (2, 3600)}
    client.force_login(member)
    codes = [upload(client, "a.png", image_bytes("PNG"), "image/png").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert len(stored_files(media_root)) == 2


def test_the_preview_rate_limit_refuses_with_429(client, member, settings):
    settings.FORUM_RATE_LIMITS = {"markdown_preview": (3, 60)}
    client.force_login(member)
    codes = [client.post("/markdownx/markdownify/", {"content": "hoi"}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


@pytest.mark.parametrize(
    "text",
    [
        "Hallo\r\nwereld\r\n\r\n**vet**",
        "    vier spaties vooraan\nen dan tekst",
        "tekst met \x07 bel en \x1b escape \x0c",
        "[link](https://www.thuisarts.nl/) en ![foto](/media/uploads/a.png)",
        "# Kop\n\n> citaat\n\n- lijst\n\n| a | b |\n|---|---|\n| 1 | 2 |",
        *xss.MARKDOWN_TRICKS[:30],
    ],
)
def test_the_preview_shows_exactly_what_is_stored(client, member, topic, no_rate_limits, text):
    client.force_login(member)
    preview = client.post("/markdownx/markdownify/", {"content": text})
    client.post(f"/t/{topic.pk}/answer/", {"body": text})
    stored = Post.objects.filter(author=member).latest("pk")
    assert preview.status_code == 200
    assert preview.content.decode() == stored.body_html


def test_the_preview_refuses_deep_nesting_with_a_message_instead_of_rendering(client, member):
    client.force_login(member)
    response = client.post("/markdownx/markdownify/", {"content": "[a" * 10000})
    assert response.status_code == 400
    assert "too deeply" in response.content.decode()
    assert xss.script_findings(response.content.decode()) == []
