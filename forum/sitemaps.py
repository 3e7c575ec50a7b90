"""What crawlers are told: the sitemap of public topics and categories, and robots.txt."""

from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from forum import selectors

# Pages with nothing for a search engine, or private to one member or the moderators.
ROBOTS_DISALLOWED = ("/search/", "/accounts/", "/account/", "/moderation/", "/markdownx/", "/settings/", "/notifications/", "/admin/", "/new/")


class TopicSitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return selectors.public_topics().only("pk", "title", "last_activity_at").order_by("-last_activity_at", "-pk")

    def lastmod(self, topic):
        return topic.last_activity_at


class CategorySitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return selectors.public_categories()


SITEMAPS = {"topics": TopicSitemap, "categories": CategorySitemap}


@require_GET
@cache_page(60 * 60)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED), "", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
