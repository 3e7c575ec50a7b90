"""The framework floor: the app's settings, one URL, one view that returns pre-built bytes.

Served exactly like the app (`gunicorn bench.floor_wsgi -w 2 ...`, same environment), so the
difference between this and the real topic page is what the forum's own code costs.

- BENCH_FLOOR_FILE: the bytes to return (bench saves the measured topic page there);
  without it, BENCH_FLOOR_BYTES (default 60,000) bytes of filler.
- BENCH_FLOOR_MIDDLEWARE: "same" (default) keeps settings.MIDDLEWARE, as the app runs (the
  project's own floor); "django" is the middleware `django-admin startproject` writes (the plain
  Django floor); "none" is the bare framework (URL routing, request and response objects only).
"""

import os
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402
from django.conf import settings  # noqa: E402

django.setup(set_prefix=False)

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def _page():
    source = os.environ.get("BENCH_FLOOR_FILE")
    if source:
        return Path(source).read_bytes()
    size = int(os.environ.get("BENCH_FLOOR_BYTES", "60000"))
    line = b"<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>\n"
    return (line * (size // len(line) + 1))[:size]


PAGE = _page()


def floor(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("floor/", floor)]

settings.ROOT_URLCONF = __name__
# What `django-admin startproject` puts in settings.py (Django 5.2).
STARTPROJECT_MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
variant = os.environ.get("BENCH_FLOOR_MIDDLEWARE", "same")
if variant == "none":
    settings.MIDDLEWARE = []
elif variant == "django":
    settings.MIDDLEWARE = STARTPROJECT_MIDDLEWARE

application = WSGIHandler()
