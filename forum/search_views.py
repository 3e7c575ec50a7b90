"""The search page and the similar-questions lookup of the new-topic form."""

import dataclasses
import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from forum import pagecache, selectors
from forum import search as search_engine  # the view below is called search
from forum.app_settings import forum_settings
from forum.search_query import normalise_query
from forum.validators import clean_text


def search(request):
    """Results come from forum.search.search_page, cached for a minute per query, filters, page and language.

    Anonymous visitors share the whole rendered page for as long, as long as every post on it
    is still public (one query); otherwise it is rendered again without the posts taken away.
    """
    query = normalise_query(clean_text(request.GET.get("q", "")))  # without control characters, as posts are
    filters = dataclasses.replace(search_engine.SearchFilters.from_params(request.GET), members=request.user.is_authenticated)
    page_number = request.GET.get("page", "1")
    key = pagecache.anonymous_page_key(
        request, "search", forum_settings.SEARCH_RESULTS_PER_PAGE, page_number if page_number.isdigit() and len(page_number) < 6 else "1",
        hashlib.sha256(f"{query}\n{filters.key}".encode()).hexdigest(),
    )
    stored = cache.get(key) if key else None
    if stored is not None:
        parts, shown = stored
        if len(search_engine.still_public_post_ids(shown)) == len(shown):
            return pagecache.respond(request, parts)
    outcome = search_engine.search_page(query, page_number, filters) if query else None
    html = render_to_string("forum/search.html", {
        "query": query, "filters": filters, "outcome": outcome, "page": outcome.page if outcome else None,
        "categories": selectors.public_categories(), "csrf_token": pagecache.CSRF_PLACEHOLDER,
        "extra_query": urlencode({"q": query, "category": filters.category, "solved": "1" if filters.solved else "", "since": filters.since}),
    }, request=request)
    parts = pagecache.split_into_parts(html)
    if key:
        shown = [(result.post_id, result.topic_id) for result in outcome.page.object_list] if outcome else []
        cache.set(key, (parts, shown), search_engine.RESULTS_SECONDS)
    return pagecache.respond(request, parts)


@require_GET
def similar_topics(request):
    """JSON for the new-topic form: public topics like the title being typed (forum/static/js/similar.js)."""
    title = normalise_query(clean_text(request.GET.get("title", "")))
    topics = search_engine.similar_topics(title) if len(title) >= 4 else []
    return JsonResponse({"topics": [
        {"title": topic.title, "url": topic.get_absolute_url(), "answers": topic.answer_count, "solved": topic.is_solved}
        for topic in topics
    ]})
