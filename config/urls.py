from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.static import serve

from forum import markdownx_views
from forum.sitemaps import SITEMAPS, robots_txt

# The admin's own login form would skip allauth's two-factor step: send it to allauth's login.
admin.site.login = secure_admin_login(admin.site.login)

handler500 = "forum.errors.server_error"

urlpatterns = [
    # The forum's pages first: most requests are theirs, and each address tried before is an exception raised
    # and caught (the list page's URL resolving 17 -> 8 us). No other address is one of theirs (tests/test_urls.py).
    path("", include("forum.urls")),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("markdownx/markdownify/", markdownx_views.markdown_preview, name="markdownx_markdownify"),
    path("markdownx/upload/", markdownx_views.image_upload, name="markdownx_upload"),
    path("moderation/", include("moderation.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("", include("privacy.urls")),
]

if settings.DEBUG:
    urlpatterns.append(path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}))
