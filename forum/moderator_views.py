"""Moderators' changes to forum content: hiding a topic, editing a member's post. The forum owns these
rows, so the views live here and moderation only supplies the door (moderator_required)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum import services
from forum.forms import ModeratorEditForm
from forum.models import Post, Topic
from forum.permissions import check_hide_topic
from forum.ratelimit import RateLimitExceeded
from moderation.canned import canned_reason_used
from moderation.decorators import moderator_required


@moderator_required
@require_POST
def topic_hide(request, pk):
    """Take a whole topic offline with a reason (audited; topic_unhide undoes it)."""
    topic = get_object_or_404(Topic, pk=pk)
    check_hide_topic(request.viewer, topic)
    try:
        services.topic_hide(actor=request.user, topic=topic, reason=request.POST.get("reason", "")[:500])
    except services.PostError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The topic is hidden. You can show it again from its page."))
    return redirect(topic)


@moderator_required
@require_POST
def topic_unhide(request, pk):
    topic = get_object_or_404(Topic, pk=pk)
    check_hide_topic(request.viewer, topic)
    try:
        services.topic_unhide(actor=request.user, topic=topic)
    except services.PostError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The topic is shown again."))
    return redirect(topic)


@moderator_required
def post_moderator_edit(request, pk):
    """A moderator edits a member's post with a reason the author sees; the original stays in the history."""
    post = get_object_or_404(Post.objects.select_related("topic", "author"), pk=pk)
    if post.author_id == request.user.pk:
        raise PermissionDenied(_("Edit your own posts with the ordinary edit button."))
    if post.is_deleted or post.withdrawn_at is not None:
        raise PermissionDenied(_("This post can no longer be edited."))

    form = ModeratorEditForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.post_edit(actor=request.user, post=post, body=form.cleaned_data["body"],
                                     moderator_reason=form.cleaned_data["reason"])
        except (services.PostError, RateLimitExceeded) as error:
            form.add_error(None, str(error))
        else:
            canned_reason_used(reason=form.cleaned_data.get("canned"))
            messages.success(request, _("The post is edited. The author has been told why."))
            return redirect(post.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return render(request, "moderation/post_edit.html", {"form": form, "post": post}, status=status)
