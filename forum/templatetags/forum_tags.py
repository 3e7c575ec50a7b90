from django import template
from django.contrib.auth.models import AnonymousUser
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader_tags import BlockNode
from django.urls import get_script_prefix
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from forum import listings
from forum.models import SolutionState, Visibility
from forum.notifications import describe, excerpt
from moderation.labels import CLAIM_TYPE_LABELS, REFUSAL_LABELS
from moderation.models import ReviewStatus

register = template.Library()

SOURCE_KIND_LABELS = {
    "scholarly": lambda: _("scientific literature"),
    "official": lambda: _("health authority"),
    "other": lambda: _("other website"),
    "blocked": lambda: _("blocked website"),
}


@register.filter
def source_kinds(sources):
    """The distinct kinds of a post's stored sources, as readable words."""
    kinds = []
    for source in sources or ():
        kind = source.get("kind")
        if kind in SOURCE_KIND_LABELS and kind not in kinds:
            kinds.append(kind)
    return ", ".join(SOURCE_KIND_LABELS[kind]() for kind in kinds)


def _value(item):
    return getattr(item, "value", item)


@register.filter
def claim_type_label(claim_type):
    """A claim type ("treatment", or the policy's ClaimType) as a word in the active language."""
    return str(CLAIM_TYPE_LABELS.get(_value(claim_type), _value(claim_type)))


@register.filter
def source_kind_label(kind):
    """A source kind ("scholarly", or the policy's SourceKind) as words in the active language."""
    label = SOURCE_KIND_LABELS.get(_value(kind))
    return label() if label else _value(kind)


@register.filter
def refused_sources(sources):
    """The stored sources (dicts or Source objects) that did not count as a qualifying source."""
    kinds = ("scholarly", "official")
    return [s for s in sources or () if _value(s.get("kind") if isinstance(s, dict) else s.kind) not in kinds]


@register.filter
def refusal_label(reason):
    """Why a link did not count ("home_page", ...), in the active language."""
    label = REFUSAL_LABELS.get(reason)
    return str(label) if label else str(REFUSAL_LABELS["not_listed"])


@register.filter
def status_label(status):
    """A stored visibility, review or solution state ("pending", "solved") as its translated label."""
    for choices in (Visibility, ReviewStatus, SolutionState):
        if status in choices.values:
            return choices(status).label
    return status


@register.filter
def describe_notification(notification):
    return describe(notification)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's address without its query string, except the page number of page 2 and later."""
    request = context.get("request")
    if request is None:
        return ""
    page = request.GET.get("page", "")
    suffix = f"?page={page}" if page.isdigit() and int(page) > 1 else ""
    return request.build_absolute_uri(request.path) + suffix


@register.filter
def notification_excerpt(notification):
    return excerpt(notification)


@register.simple_tag
def pagination(page, extra_query=""):
    """{% pagination page extra_query %}: includes/_pagination.html for a Page (or None), kept by what it shows (forum.listings.pagination)."""
    return listings.pagination(page, extra_query)


@register.filter
def get_count(counts, key):
    """counts[key] or 0: the unread numbers a view passes as a dict."""
    return counts.get(key, 0) if counts else 0


# Bumped when a setting changes (tests override URLs, static storage, languages): every constant part renders again.
_constant_generation = [0]


@receiver(setting_changed)
def _forget_constant_parts(**kwargs):
    _constant_generation[0] += 1


MAX_CONSTANT_VARIANTS = 64  # per part: its named variables must have a handful of values, never a visitor's input


class ConstantNode(template.Node):
    """A part of the page that is the same for everyone with the same language and login state.

    Its body is rendered once per process for each (language, logged in or not) and kept in the
    node (the cached template loader keeps the node for the process). The body is given only
    `LANGUAGE_CODE` and `member` (whether the visitor is logged in): nothing of the request or the
    member can end up in a part that others are served. URLs, static files and translations are
    what belongs here; reversing, looking up and translating them on every page was most of the
    base template's time (bench/README.md, "This session").

    `{% constant filter %}` also renders the body once per value of `filter`, and gives it that too:
    for a variable with a handful of values (the five topic filters). Past MAX_CONSTANT_VARIANTS
    values the body is rendered each time, not kept.

    The language, script prefix and login state are read once per page (looking up the language
    and the prefix, each a context-local variable, was most of a part's time), so a part cannot
    be inside {% language %}: the tag refuses that.
    """

    # {% extends %} walks the whole parent template for its blocks on every page; a part holds none (the tag
    # refuses them), so the walk skips it: base.html's parts were most of that walk (bench/README.md,
    # "Session of 2026-12-04").
    child_nodelists = ()

    def __init__(self, nodelist, names=()):
        self.nodelist = nodelist
        self.names = names
        self.rendered = {}

    def render(self, context):
        key = _page_key(context)
        values = tuple(context.get(name) for name in self.names)
        variant = (*key, *values)
        html = self.rendered.get(variant)
        if html is None:
            own = context.new({"LANGUAGE_CODE": key[1], "member": key[3], **dict(zip(self.names, values, strict=True))})  # nothing else of the page's context
            html = mark_safe(self.nodelist.render(own))
            if len(self.rendered) < MAX_CONSTANT_VARIANTS:
                self.rendered[variant] = html
        return html


def _page_key(context):
    """(setting generation, language, script prefix, logged in, autoescape) of this page, read once per page:
    kept in the outermost template's level of the render context, which lives as long as the page's rendering."""
    levels = context.render_context.dicts
    key = levels[1].get(_page_key) if len(levels) > 1 else None
    if key is None:
        user = context.get("user")
        key = (_constant_generation[0], get_language(), get_script_prefix(), bool(user is not None and user.is_authenticated), context.autoescape)
        if len(levels) > 1:
            levels[1][_page_key] = key
    return key


ACCOUNT_NAV_TEMPLATE = "includes/_account_nav.html"
_NEXT_HOLE = "\x00language-next\x00"  # no translation or URL in the template holds "\x00"
_visitor_navs = {}  # _page_key -> a visitor's account links, before and after the language switch's return address


@register.simple_tag(takes_context=True)
def account_nav(context):
    """{% include "includes/_account_nav.html" %}, which a shared member page also renders alone (forum.pagecache).
    A visitor's links are the same on every page but for the address the language switch goes back to, so they are
    rendered once per process for each page key (_page_key), given that key's language and nothing else of the page,
    with a hole for the address: the include was a fifth of a visitor's base.html (bench/README.md, "Session of 2026-12-07")."""
    template = context.template.engine.get_template(ACCOUNT_NAV_TEMPLATE)
    key = _page_key(context)
    if key[3]:  # a member's: their name, bell and CSRF token
        with context.push():
            return template.render(context)
    parts = _visitor_navs.get(key)
    if parts is None:
        html = template.render(context.new({"LANGUAGE_CODE": key[1], "user": AnonymousUser(), "language_next": _NEXT_HOLE}))
        parts = html.split(_NEXT_HOLE)
        if len(_visitor_navs) >= MAX_CONSTANT_VARIANTS:
            _visitor_navs.clear()
        _visitor_navs[key] = parts
    return mark_safe(escape(context.get("language_next", "")).join(parts))


@register.tag
def constant(parser, token):
    """{% constant [variable ...] %}…{% endconstant %}: see ConstantNode."""
    if any(command == "language" for command, _token in parser.command_stack):
        raise template.TemplateSyntaxError("{% constant %} cannot be inside {% language %}: it reads the page's language once.")
    names = tuple(token.split_contents()[1:])
    nodelist = parser.parse(("endconstant",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        raise template.TemplateSyntaxError("{% constant %} cannot hold a {% block %}: a child template could not fill it.")
    return ConstantNode(nodelist, names)
