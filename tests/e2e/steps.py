"""What a person does in the browser, shared by the browser tests: log in, move by keyboard, check with axe."""

import re
import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.utils import translation
from playwright.sync_api import expect

from tests.conftest import PASSWORD, TOTP_SECRET, has_totp

SERIOUS = ("serious", "critical")


def totp_code(secret=TOTP_SECRET):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in(page, username, *, password=PASSWORD, totp_secret=None):
    """Log in through allauth's form, with the authenticator code when the account has two-factor set up."""
    page.goto("/accounts/login/")
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("main form.auth-form button[type=submit]").click()
    if totp_secret:
        expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
        page.locator("#id_code").fill(totp_code(totp_secret))
        page.locator("main form.auth-form button[type=submit]:not([form])").click()
    expect(page.locator(f".header-nav a[href='/u/{username}/']")).to_be_visible()


def log_in_moderator(page, moderator):
    log_in(page, moderator.username, totp_secret=TOTP_SECRET)


def log_in_as(page, user):
    if has_totp(user):
        log_in_moderator(page, user)
    else:
        log_in(page, user.username)


def pages_by_viewer(pages):
    """Group (name, path, viewer) pages by who looks, so each viewer logs in once."""
    grouped = {}
    for name, path, viewer in pages:
        grouped.setdefault(viewer, []).append((name, path))
    return grouped.items()


def answer_on(page, post):
    return page.locator(f"#post-{post.pk}")


def tab_to(page, target, *, limit=120):
    """Press Tab until the target has the focus, as a keyboard user would; fail if it never gets it."""
    element = target.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("element => document.activeElement === element", element):
            return
    raise AssertionError(f"{target} cannot be reached with Tab within {limit} presses")


def assert_same_document(page):
    """The page was not reloaded since mark_document(): the change happened in place."""
    assert page.evaluate("() => window.__e2eSameDocument === true"), "the page was reloaded"


def mark_document(page):
    page.evaluate("() => { window.__e2eSameDocument = true; }")


def solved_marker():
    """The title prefix of a signed-off topic in the Dutch interface ("[Opgelost]" once translated)."""
    with translation.override("nl"):
        return f"[{translation.gettext('Solved')}]"


def _needs_a_person(rule, node):
    """axe leaves icon-only controls (▲ ▼ 🔔) to a person: their contrast and names were checked by hand."""
    if rule == "label-content-name-mismatch":
        return True
    keys = {(check.get("data") or {}).get("messageKey") for check in node["any"] if isinstance(check.get("data"), dict)}
    return rule == "color-contrast" and bool(keys & {"nonBmp", "shortTextContent"})


def axe_violations(page, axe_js):
    """Serious and critical axe-core findings on the page as it is now, one readable line each.

    Besides violations, checks that axe could not finish ("incomplete") count too, since most of
    them are real (a broken aria-describedby, a duplicate id); only the icon-only cases are left out.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_js))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations', 'incomplete']})")
    lines = []
    for status in ("violations", "incomplete"):
        for rule in result[status]:
            nodes = [node for node in rule["nodes"] if node.get("impact", rule["impact"]) in SERIOUS]
            if status == "incomplete":
                nodes = [node for node in nodes if not _needs_a_person(rule["id"], node)]
            if nodes:
                targets = ", ".join(" ".join(map(str, node["target"])) for node in nodes[:5])
                lines.append(f"{rule['id']} ({rule['impact']}, {status}): {rule['help']} — {targets}")
    return lines
