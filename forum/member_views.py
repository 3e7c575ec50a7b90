"""A member's own pages and settings: notifications (and the post address their mails link to), mail
unsubscribe, watching and muting, the profile, preferences and language."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_supported_language_variant, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from forum import httpcache, permissions, selectors, services, uploads, watching
from forum.forms import PreferencesForm
from forum.mail import UNSUBSCRIBE_TOPICS, unsubscribe_read
from forum.mentions import suggest_members
from forum.models import Category, Notification, Post, Topic, Upload, WatchLevel
from forum.notifications import notification_open, notifications_clear_all


@never_cache
@login_required
def notification_list(request):
    page = selectors.notifications_for(request.user, request.GET.get("page"))
    return render(request, "forum/notifications.html", {"page": page})


@login_required
@require_POST
def notification_go(request, pk):
    notification = get_object_or_404(Notification.objects.select_related("topic", "post"), pk=pk, recipient=request.user)
    notification_open(recipient=request.user, notification=notification)
    if notification.post_id:
        return post_permalink(request, notification.post_id)
    return redirect(notification.topic or "forum:notifications")


def post_permalink(request, pk):
    """A post's lasting address (mail links use it): the topic page that shows it, at its anchor."""
    post = get_object_or_404(Post.objects.select_related("topic").defer("body", "body_html", "search_vector"), pk=pk)
    permissions.check_see_topic(request.viewer, post.topic)
    if not selectors.topic_shows_post(post, request.viewer):
        return redirect(post.topic)
    page = selectors.post_page_number(post)
    query = f"?page={page}" if page > 1 else ""
    return redirect(f"{post.topic.get_absolute_url()}{query}#post-{post.pk}")


@csrf_exempt  # RFC 8058: mail providers POST here without our cookies; the signed token is the authority
def unsubscribe(request, token):
    """One click on a mail's unsubscribe link: GET asks to confirm, POST turns that kind of mail off."""
    found = unsubscribe_read(token)
    member = get_user_model().objects.filter(pk=found[0], is_active=True).first() if found else None
    if member is None:
        return render(request, "forum/unsubscribe.html", {"invalid": True}, status=404)
    preference = found[1]
    context = {"member": member, "topic": UNSUBSCRIBE_TOPICS[preference], "token": token}
    if request.method == "POST":
        services.user_update_preferences(actor=member, **{preference: False})
        return render(request, "forum/unsubscribe.html", {**context, "done": True})
    return render(request, "forum/unsubscribe.html", context)


@login_required
@require_POST
def notification_clear_all(request):
    notifications_clear_all(recipient=request.user)
    messages.success(request, _("All notifications are cleared."))
    return redirect("forum:notifications")


@login_required
@require_POST
def topic_watch(request, pk):
    topic = get_object_or_404(Topic, pk=pk)
    permissions.check_see_topic(request.viewer, topic)
    level = request.POST.get("level", "")
    if level not in WatchLevel.values:
        return HttpResponseBadRequest(_("Unknown notification level."))
    watching.watch_set(actor=request.user, topic=topic, level=level)
    messages.success(request, str(WATCH_MESSAGES[level]))
    return redirect(topic)


WATCH_MESSAGES = {
    WatchLevel.WATCHING: gettext_lazy("You are watching this topic: you get a notification for every new answer."),
    WatchLevel.NORMAL: gettext_lazy("You get notifications from this topic only when someone mentions or quotes you."),
    WatchLevel.MUTED: gettext_lazy("This topic is muted: you get no notifications from it."),
}


@login_required
@require_POST
def category_watch(request, slug):
    category = get_object_or_404(Category, slug=slug)
    watch = request.POST.get("watch") == "1"
    watching.category_watch_set(actor=request.user, category=category, watching=watch)
    if watch:
        messages.success(request, _("You are watching this category: you get a notification for every new topic."))
    else:
        messages.success(request, _("You no longer watch this category."))
    return redirect(category)


@login_required
@require_POST
def member_mute(request, username):
    member = get_object_or_404(get_user_model(), username=username, is_active=True)
    mute = request.POST.get("mute") == "1"
    watching.member_mute_set(actor=request.user, member=member, muted=mute)
    if mute:
        messages.success(request, _("You will not be notified of what %(name)s writes.") % {"name": member.username})
    else:
        messages.success(request, _("You will be notified of what %(name)s writes again.") % {"name": member.username})
    return redirect(member)


@login_required
def member_suggest(request):
    """The editor's @ autocomplete: active members whose name starts with ?q=."""
    return JsonResponse({"members": suggest_members(request.GET.get("q", ""))})


def profile(request, username):
    if "\x00" in username:  # PostgreSQL cannot compare text with NUL in it
        raise Http404
    member = get_object_or_404(get_user_model(), username=username, is_active=True)
    viewer = request.user
    muted = viewer.is_authenticated and viewer.pk != member.pk and watching.has_muted(viewer, member)
    return render(request, "forum/profile.html", {"member": member, "muted": muted, **selectors.member_profile(member, request.viewer)})


@login_required
def preferences(request):
    fields = list(PreferencesForm.base_fields)
    form = PreferencesForm(
        request.POST or None,
        initial={name: getattr(request.user, name) for name in fields},
        moderator=permissions.is_moderator(request.viewer),
    )
    if request.method == "POST" and form.is_valid():
        services.user_update_preferences(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Your preferences are saved."))
        return redirect("forum:preferences")
    return render(request, "forum/preferences.html", {"form": form})


@login_required
def upload_list(request):
    """The member's own uploaded images, each with a button to remove it."""
    images = Upload.objects.filter(uploader=request.user, removed_at__isnull=True)
    return render(request, "forum/uploads.html", {"uploads": images})


@login_required
@require_POST
def upload_remove(request, pk):
    """Only the uploader finds their image here: anyone else's answers 404, as if it did not exist."""
    upload = get_object_or_404(Upload, pk=pk, uploader=request.user)
    try:
        uploads.upload_remove(actor=request.user, upload=upload)
    except uploads.UploadRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The image is removed from the forum."))
    return redirect("forum:uploads")


@csrf_exempt  # checked below: a visitor's shared page carries no token (forum.httpcache)
@require_POST
def language_switch(request):
    """Django's set_language, and for members the choice is saved in their profile too.

    Only the forum's own LANGUAGES count: Django has catalogues for many more. A member's
    request needs the CSRF token, as every POST does. A visitor who is not logged in changes
    nothing but their own language cookie, from pages every visitor shares and that carry
    no token: for them the browser's Sec-Fetch-Site or Origin header must show the form was
    on one of the forum's pages (a token, when one is sent, works too).
    """
    if request.user.is_authenticated or not httpcache.same_origin(request):
        refused = CsrfViewMiddleware(_no_response).process_view(request, None, (), {})
        if refused is not None:
            return refused
    try:
        language = get_supported_language_variant(request.POST.get("language", ""))
    except LookupError:
        language = None
    if request.user.is_authenticated and language:
        services.user_set_language(actor=request.user, language=language)
    return set_language(request)


def _no_response(request):
    """CsrfViewMiddleware needs a get_response; language_switch only asks it to check a request."""
    return None
