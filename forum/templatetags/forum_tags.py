from django import template
from django.utils.translation import gettext as _

register = template.Library()

SOURCE_KIND_LABELS = {
    "scholarly": lambda: _("scientific literature"),
    "official": lambda: _("health authority"),
    "other": lambda: _("other website"),
    "blocked": lambda: _("blocked website"),
}


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def contains(collection, item):
    return bool(collection) and item in collection


@register.filter
def source_kinds(sources):
    """The distinct kinds of a post's stored sources, as readable words."""
    kinds = []
    for source in sources or ():
        kind = source.get("kind")
        if kind in SOURCE_KIND_LABELS and kind not in kinds:
            kinds.append(kind)
    return ", ".join(SOURCE_KIND_LABELS[kind]() for kind in kinds)


@register.filter
def describe_notification(notification):
    from forum.notifications import describe

    return describe(notification)
