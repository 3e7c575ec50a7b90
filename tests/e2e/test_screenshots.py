"""Screenshots of the main pages at desktop and mobile width (and desktop in dark mode) for reviewers.

They are written to test-artifacts/screenshots/ (git-ignored) and kept after the run.
"""

import pytest

pytest.importorskip("playwright.sync_api")

from tests.e2e.conftest import DESKTOP, MOBILE  # noqa: E402
from tests.e2e.steps import log_in_as, pages_by_viewer  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SHOTS = [("desktop", DESKTOP, "light"), ("mobile", MOBILE, "light"), ("desktop-dark", DESKTOP, "dark")]


def test_main_pages_are_captured_at_desktop_and_mobile_width(open_page, main_pages, screenshot_dir):
    too_wide = []
    for viewer, pages in pages_by_viewer(main_pages):
        page = open_page()
        if viewer:
            log_in_as(page, viewer)
        for name, path in pages:
            for label, viewport, scheme in SHOTS:
                page.set_viewport_size(viewport)
                page.emulate_media(color_scheme=scheme)
                page.goto(path)
                page.screenshot(path=screenshot_dir / f"{name}-{label}.png", full_page=True)
                width = page.evaluate("() => document.documentElement.scrollWidth")
                if width > viewport["width"]:
                    too_wide.append(f"{name} at {viewport['width']} px is {width} px wide")
    assert not too_wide, "Pages scroll sideways:\n" + "\n".join(too_wide)
