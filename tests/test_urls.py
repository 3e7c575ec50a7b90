"""config/urls.py: each named address resolves to its own view, whatever order the patterns are tried in."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RoutePattern

SAMPLES = {"IntConverter": 7, "SlugConverter": "een-vraag", "StringConverter": "anneke", "PathConverter": "a/b.png"}


def named_routes(resolver=None, namespace=""):
    """(name, converters) of every named path() (re_path()s, Django's admin and allauth's own, have no converters to fill)."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from named_routes(entry, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
        elif isinstance(entry, URLPattern) and entry.name and isinstance(entry.pattern, RoutePattern):
            yield f"{namespace}{entry.name}", entry.pattern.converters


ROUTES = dict(named_routes())


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_a_named_address_resolves_to_its_own_view(name):
    url = reverse(name, kwargs={key: SAMPLES[type(converter).__name__] for key, converter in ROUTES[name].items()})
    assert resolve(url).view_name == name, url
