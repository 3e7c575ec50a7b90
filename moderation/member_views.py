"""A member seen by moderators: their moderator page, warnings, silences and suspensions (from that page
or straight from one of their posts), lifting a measure, and private notes. Every action is a POST
that needs the moderator permission and two-factor authentication (moderator_required)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum.models import Post
from moderation import sanctions, selectors
from moderation.decorators import moderator_required
from moderation.forms import LiftForm, SanctionForm
from moderation.models import MemberSanction


def _member_page(request, member, form=None, status=200):
    context = {**selectors.member_moderation_page(member), "form": form or SanctionForm()}
    return render(request, "moderation/member.html", context, status=status)


@moderator_required
def member_page(request, username):
    """A member's moderator page: the measures taken and the forms to warn, silence or suspend."""
    return _member_page(request, get_object_or_404(get_user_model(), username=username))


SANCTION_SERVICES = {
    "warning": sanctions.member_warn, "silence": sanctions.member_silence, "suspension": sanctions.member_suspend,
}


@moderator_required
@require_POST
def member_sanction(request, username):
    member = get_object_or_404(get_user_model(), username=username)
    form = SanctionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        extra = {} if data["kind"] == "warning" else {"until": data["until"]}
        try:
            SANCTION_SERVICES[data["kind"]](actor=request.user, member=member, reason=data["reason"], **extra)
        except sanctions.SanctionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Done. The member has been told."))
            return redirect("moderation:member", username=member.username)
    return _member_page(request, member, form, status=400)


@moderator_required
def post_measure(request, pk):
    """Warn, silence or suspend a post's author from the post (topic page or queue); the audit row names the post."""
    post = get_object_or_404(Post.objects.select_related("topic", "author"), pk=pk)
    if post.author_id == request.user.pk:
        raise PermissionDenied(_("You cannot take a measure against yourself."))
    form = SanctionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        extra = {} if data["kind"] == "warning" else {"until": data["until"]}
        try:
            SANCTION_SERVICES[data["kind"]](actor=request.user, member=post.author, reason=data["reason"], post=post, **extra)
        except sanctions.SanctionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Done. The member has been told."))
            return redirect(post.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return render(request, "moderation/post_measure.html", {"form": form, "post": post}, status=status)


@moderator_required
@require_POST
def sanction_lift(request, pk):
    sanction = get_object_or_404(MemberSanction.objects.select_related("member"), pk=pk)
    form = LiftForm(request.POST)
    try:
        if not form.is_valid():
            raise sanctions.SanctionError(_("Give a reason; the member reads it."))
        sanctions.sanction_lift(actor=request.user, sanction=sanction, reason=form.cleaned_data["reason"])
    except sanctions.SanctionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The measure is lifted. The member has been told."))
    return redirect("moderation:member", username=sanction.member.username)


@moderator_required
@require_POST
def member_note(request, username):
    member = get_object_or_404(get_user_model(), username=username)
    try:
        sanctions.member_note_add(actor=request.user, member=member, text=request.POST.get("text", ""))
    except sanctions.SanctionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The note is saved. Only moderators see it."))
    return redirect("moderation:member", username=member.username)
