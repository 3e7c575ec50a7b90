"""Strings of django-markdownx that our Dutch catalogue has to translate.

markdownx ships its Dutch translation under the language code "du" instead of "nl", so
Django never finds it, and makemessages does not look inside site-packages. Marking the
msgids here puts them in locale/nl/LC_MESSAGES/django.po, and gettext finds them there
for markdownx's own calls. The list is markdownx 4.0's (its locale/de/LC_MESSAGES/django.po);
check it again when markdownx is upgraded. Nothing imports this module.
"""

from django.utils.translation import gettext_noop

MARKDOWNX_STRINGS = [
    # markdownx/exceptions.py: refusals of an image upload, shown under the editor.
    gettext_noop("No files have been uploaded."),
    gettext_noop("File type is not supported."),
    gettext_noop("Please keep file size under %(max)s. Current file size: %(current)s."),
    # markdownx/settings.py: its fallback language names (our LANGUAGES setting replaces them).
    gettext_noop("English"),
    gettext_noop("Polish"),
    gettext_noop("German"),
    gettext_noop("French"),
    gettext_noop("Persian"),
    gettext_noop("Dutch"),
]
