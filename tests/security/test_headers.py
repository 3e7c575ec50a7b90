"""Headers and deployment settings: a CSP without inline script, secure cookies and HSTS in production, `check --deploy`."""

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings

from tests.security import xss

BASE_DIR = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "security-suite-" + "k" * 50,
    "DJANGO_ALLOWED_HOSTS": "forum.example.org",
}


def production(tmp_path, code):
    """Run Python with a production-like environment, outside this test process's settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "EMAIL_"))}
    env.update(
        PRODUCTION_ENV, DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}", DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
    )
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    """One production-like process for the deployment checks (a Django start-up is most of their time):
    `check --deploy`, then collectstatic (with debug off whitenoise serves the hashed files it writes,
    as in a deployment), then a request over HTTPS and one over plain HTTP."""
    result = production(tmp_path_factory.mktemp("deploy"), code="""
        import io
        import json
        import django
        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.core.management.base import SystemCheckError
        from django.test import Client
        check = io.StringIO()
        try:
            call_command("check", deploy=True, fail_level="WARNING", stdout=check, stderr=check)
            check_passed = True
        except SystemCheckError as error:
            check.write(str(error))
            check_passed = False
        call_command("collectstatic", interactive=False, verbosity=0)
        client = Client()
        secure = client.get("/accounts/login/", secure=True, HTTP_HOST="forum.example.org")
        plain = client.get("/accounts/login/", HTTP_HOST="forum.example.org")
        print(json.dumps({
            "check_passed": check_passed,
            "check_output": check.getvalue(),
            "status": secure.status_code,
            "hsts": secure.headers.get("Strict-Transport-Security", ""),
            "csp": secure.headers.get("Content-Security-Policy", ""),
            "csrf_cookie_secure": bool(secure.cookies["csrftoken"]["secure"]),
            "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
            "session_cookie_httponly": settings.SESSION_COOKIE_HTTPONLY,
            "plain_status": plain.status_code,
            "plain_location": plain.get("Location", ""),
        }))
    """)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_is_clean_with_production_settings(deployment):
    assert deployment["check_passed"], deployment["check_output"]
    assert "no issues" in deployment["check_output"]


def test_production_sends_hsts_secure_cookies_and_redirects_to_https(deployment):
    facts = deployment
    assert facts["status"] == 200
    assert "max-age=31536000" in facts["hsts"] and "includeSubDomains" in facts["hsts"]
    assert facts["csrf_cookie_secure"] and facts["session_cookie_secure"] and facts["session_cookie_httponly"]
    assert facts["plain_status"] == 301 and facts["plain_location"].startswith("https://forum.example.org/")
    assert "script-src 'self'" in facts["csp"]


@pytest.mark.django_db
def test_every_page_sends_a_csp_without_inline_script(client, topic):
    for url in ("/", topic.get_absolute_url(), "/search/?q=x", "/accounts/login/"):
        policy = client.get(url).headers["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
        assert directives["script-src"] == "'self'", url
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
        assert directives["base-uri"] == "'self'"


def template_files():
    return sorted(path for path in (BASE_DIR / "templates").rglob("*.html"))


# A JSON-LD data block (type="application/ld+json") is data, never executed.
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc\s*=)(?![^>]*\btype=\"application/ld\+json\")[^>]*>", re.IGNORECASE)
_EVENT_HANDLER = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-z]+)\s*=", re.IGNORECASE)
_JS_URL = re.compile(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


@pytest.mark.parametrize("path", template_files(), ids=lambda p: str(p.relative_to(BASE_DIR / "templates")))
def test_no_template_has_inline_script_or_event_handlers(path):
    source = path.read_text(encoding="utf-8")
    assert not _INLINE_SCRIPT.search(source), "inline <script> without src"
    assert not _EVENT_HANDLER.search(source), "inline event handler"
    assert not _JS_URL.search(source), "javascript: URL"


@pytest.mark.django_db
def test_rendered_pages_have_no_inline_script_either(client, member, moderator, topic, answer_factory, no_rate_limits):
    """Also what packages render into our pages: markdownx's widget, allauth's forms, the MFA pages."""
    answer_factory()
    pages = ["/", topic.get_absolute_url(), "/search/?q=vraag", "/accounts/login/", "/accounts/signup/",
             "/accounts/password/reset/", topic.category.get_absolute_url()]
    member_pages = ["/new/", "/settings/", "/notifications/", f"/p/{topic.posts.get(is_question=True).pk}/edit/"]
    for url in pages:
        assert xss.script_findings(client.get(url).content.decode(), allowed_script_prefix=settings.STATIC_URL) == [], url
    client.force_login(topic.author)
    for url in member_pages + ["/accounts/2fa/", "/accounts/2fa/totp/activate/"]:
        response = client.get(url, follow=True)
        assert xss.script_findings(response.content.decode(), allowed_script_prefix=settings.STATIC_URL) == [], url
    client.force_login(moderator)
    for url in ("/moderation/", "/moderation/solutions/"):
        assert xss.script_findings(client.get(url).content.decode(), allowed_script_prefix=settings.STATIC_URL) == [], url


@pytest.mark.django_db
def test_the_policy_built_once_per_process_is_django_csps_own_and_follows_a_setting_change(client, settings):
    from csp.utils import build_policy

    assert client.get("/").headers["Content-Security-Policy"] == build_policy()
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'self'"], "img-src": ["'self'", "https://example.org"]}}
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "img-src 'self' https://example.org" in policy and policy == build_policy()


def test_a_response_that_changes_its_policy_still_gets_django_csps_own_header(rf):
    from django.http import HttpResponse

    from forum.middleware import ContentSecurityPolicyMiddleware

    response = HttpResponse("x")
    response._csp_update = {"img-src": ["https://example.org"]}
    policy = ContentSecurityPolicyMiddleware(lambda request: response)(rf.get("/"))["Content-Security-Policy"]
    assert "https://example.org" in policy and "script-src 'self'" in policy
