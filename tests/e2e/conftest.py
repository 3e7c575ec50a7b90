"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

They need PostgreSQL, /usr/bin/chromium, the playwright package and (for the accessibility
checks) axe-core from npm; without them they skip, unless E2E_REQUIRED is set (CI sets it), in
which case a missing tool fails the run instead of hiding the browser suite.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM would refuse to run beside it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
# Chromium and the server must agree on the address: "localhost" may resolve to ::1 first.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium's own connections are refused here and it stalls.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE_JS = Path(os.environ.get("AXE_CORE_JS", ROOT / ".e2e-node" / "node_modules" / "axe-core" / "axe.min.js"))
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}
E2E_DIR = Path(__file__).resolve().parent


def _missing_tool():
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -r requirements-dev.txt)"
    return None


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    ours = [item for item in items if E2E_DIR in Path(str(item.path)).parents]
    if not ours:
        return
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        reason = "browser tests run on PostgreSQL only (set DATABASE_URL)"
    else:
        reason = _missing_tool()
        if reason and os.environ.get("E2E_REQUIRED"):
            raise pytest.UsageError(f"E2E_REQUIRED is set but {reason}")
    if reason:
        for item in ours:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def browser():
    """Playwright and Chromium for one test (a launch takes about a second).

    While Playwright's sync API is up, it marks its event loop as running in this thread, and
    Django then gives this thread other database connections than the one the test database was
    set up with. Stopping it at the end of each test hands pytest-django's flush and the
    serialized rollback of the migrations' rows (the Moderators group, the default rules) back
    their own connection, for the next browser test and for every test after this suite.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
        connections.close_all()


@pytest.fixture(autouse=True)
def _e2e_settings(settings, no_rate_limits):
    # A TOTP code typed at the end of its 30-second step is still accepted: no flaky log-ins.
    settings.MFA_TOTP_TOLERANCE = 1


@pytest.fixture
def open_page(browser, live_server):
    """Open a page in a fresh browser context (its own cookies), Dutch by default, like a new visitor.

    JavaScript errors on any page fail the test.
    """
    from playwright.sync_api import expect

    expect.set_options(timeout=10_000)
    contexts, errors = [], []

    def make(*, viewport=DESKTOP, color_scheme="light", bypass_csp=False, locale="nl-NL"):
        context = browser.new_context(
            base_url=live_server.url, viewport=viewport, color_scheme=color_scheme, bypass_csp=bypass_csp, locale=locale,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        return page

    yield make
    for context in contexts:
        context.close()
    assert not errors, "JavaScript errors:\n" + "\n".join(errors)


@pytest.fixture
def axe_js():
    if not AXE_JS.exists():
        message = f"axe-core is not installed at {AXE_JS} (npm install --no-save --prefix .e2e-node axe-core@4)"
        if os.environ.get("E2E_REQUIRED"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE_JS


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS



@pytest.fixture
def main_pages(user_factory, moderator, health_category, topic_factory, answer_factory):
    """A small forum with something on every main page, and those pages as (name, path, who looks).

    "who" is None for a visitor, else the member or moderator who is logged in to see it.
    """
    from forum import services
    from moderation.models import ReviewItem
    from tests.conftest import CLAIM_WITH_PUBMED, CLAIM_WITHOUT_SOURCE

    starter, writer, reader = user_factory("lotte"), user_factory("joost"), user_factory("fatima")
    topic = topic_factory(author=starter, category=health_category, title="Hoe houd ik energie over na een werkdag?")
    helpful = answer_factory(topic=topic, author=reader)
    answer_factory(topic=topic, author=writer, body=CLAIM_WITH_PUBMED)
    held = answer_factory(topic=topic, author=writer, body=CLAIM_WITHOUT_SOURCE)
    services.vote_cast(actor=starter, post=helpful, value=1)
    services.reaction_toggle(actor=starter, post=helpful, kind="heart")
    item = ReviewItem.objects.get(post=held)
    return [
        ("home", "/", None),
        ("category", health_category.get_absolute_url(), None),
        ("topic", topic.get_absolute_url(), None),
        ("topic-with-answer-form", topic.get_absolute_url(), starter),
        ("answer-edit-form", f"/p/{held.pk}/edit/", writer),
        ("ask-question", f"/c/{health_category.slug}/new/", starter),
        ("notifications", "/notifications/", starter),
        ("queue", "/moderation/", moderator),
        ("queue-item", f"/moderation/item/{item.pk}/", moderator),
        ("log-in", "/accounts/login/", None),
        ("sign-up", "/accounts/signup/", None),
    ]

