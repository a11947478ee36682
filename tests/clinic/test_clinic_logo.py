"""Administrators may add a clinic logo; only a small, real PNG, JPEG or WebP image is accepted."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from clinic.models import ProviderCallToAction
from tests.support.factories import call_to_action_form, call_to_action_url, make_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def image_bytes(image_format: str, size=(120, 40), noise: bool = False) -> bytes:
    image = Image.new("RGB", size, "#005a78")
    if noise:  # random pixels do not compress, so the file is large
        image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    image.save(buffer, image_format)
    return buffer.getvalue()


def upload(administrator_client, name: str, content: bytes, content_type: str):
    logo = SimpleUploadedFile(name, content, content_type=content_type)
    return administrator_client.post(call_to_action_url(), {**call_to_action_form(), "logo": logo})


@pytest.mark.parametrize(
    ("name", "content", "content_type", "message"),
    [
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
            "image/svg+xml",
            "This file is not a PNG, JPEG or WebP image.",
        ),
        (
            "logo.jpg",
            b"<html><script>alert(1)</script></html>",
            "image/jpeg",
            "This file is not a PNG, JPEG or WebP image.",
        ),
        ("logo.png", image_bytes("GIF"), "image/png", "Upload it as a PNG, JPEG or WebP image instead."),
        ("logo.png", image_bytes("PNG", (300, 300), noise=True), "image/png", "must be 20 KB or smaller"),
        ("logo.png", image_bytes("PNG", (1600, 100)), "image/png", "it can be at most 800 x 400"),
    ],
    ids=["svg-with-script", "html-renamed-jpg", "gif-renamed-png", "too-heavy", "too-wide"],
)
def test_a_logo_that_is_not_a_small_png_jpeg_or_webp_is_refused(
    administrator_client, name, content, content_type, message, media_root
):
    response = upload(administrator_client, name, content, content_type)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProviderCallToAction.objects.get(site_id=1).logo
    assert not any(media_root.rglob("*.*"))


@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "WEBP"])
def test_a_small_logo_is_shown_beside_the_clinic_name_on_every_page(
    administrator_client, client, image_format, django_capture_on_commit_callbacks
):
    page = make_page("About")
    extension = {"JPEG": "jpg"}.get(image_format, image_format.lower())
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(administrator_client, f"logo.{extension}", image_bytes(image_format), "image/png")
    assert response.status_code == 302
    logo = ProviderCallToAction.objects.get(site_id=1).logo
    html = client.get(page.get_absolute_url()).content.decode()
    assert f'<img class="site-logo" src="{logo.url}" alt="" width="120" height="40">' in html
    assert "<span>Riverside Ketamine Clinic</span></a>" in html
