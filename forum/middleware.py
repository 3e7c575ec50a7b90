from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class MemberLocaleMiddleware(LocaleMiddleware):
    """Django's locale choice (cookie, then Accept-Language, then Dutch), but a member's saved language wins.

    URLs are the same in both languages; only the response language changes.
    """

    def process_request(self, request):
        super().process_request(request)
        user = getattr(request, "user", None)
        language = getattr(user, "preferred_language", "") if user is not None and user.is_authenticated else ""
        if language and translation.check_for_language(language):
            translation.activate(language)
            request.LANGUAGE_CODE = language


