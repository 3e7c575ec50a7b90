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
        if not language:
            return
        try:
            language = translation.get_supported_language_variant(language)
        except LookupError:  # not one of settings.LANGUAGES, although Django may have a catalogue for it
            return
        translation.activate(language)
        request.LANGUAGE_CODE = language


