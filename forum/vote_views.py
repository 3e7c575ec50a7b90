"""Votes and reactions on a post: a fetch from the page gets JSON, a plain form post a redirect back to the post."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum import permissions, services
from forum.forms import ReactionForm, VoteForm
from forum.http import back_to, wants_json
from forum.models import Post
from forum.ratelimit import RateLimitExceeded


def _interaction_response(request, post, payload, error=None, status=200):
    if wants_json(request):
        if error:
            return JsonResponse({"error": error}, status=status)
        return JsonResponse(payload)
    if error:
        messages.error(request, error)
    return redirect(back_to(request, post.get_absolute_url()).split("#")[0] + f"#post-{post.pk}")


@require_POST
def vote(request, pk):
    post = get_object_or_404(Post, pk=pk)
    if not request.user.is_authenticated:
        return _login_needed(request, post)
    form = VoteForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Invalid vote."))
    try:
        permissions.check_vote(request.viewer, post)
        score = services.vote_cast(actor=request.user, post=post, value=form.cleaned_data["value"])
    except PermissionDenied as error:
        return _interaction_response(request, post, {}, str(error), status=403)
    except RateLimitExceeded as error:
        return _interaction_response(request, post, {}, str(error), status=429)
    return _interaction_response(request, post, {"score": score, "vote": form.cleaned_data["value"]})


@require_POST
def react(request, pk):
    post = get_object_or_404(Post, pk=pk)
    if not request.user.is_authenticated:
        return _login_needed(request, post)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Unknown reaction."))
    try:
        permissions.check_interact(request.viewer, post)
        added, count = services.reaction_toggle(actor=request.user, post=post, kind=form.cleaned_data["kind"])
    except PermissionDenied as error:
        return _interaction_response(request, post, {}, str(error), status=403)
    except RateLimitExceeded as error:
        return _interaction_response(request, post, {}, str(error), status=429)
    return _interaction_response(request, post, {"kind": form.cleaned_data["kind"], "added": added, "count": count})


def _login_needed(request, post):
    if wants_json(request):
        return JsonResponse({"error": _("Log in to vote or react.")}, status=401)
    messages.info(request, _("Log in to vote or react."))
    return redirect(f"/accounts/login/?next={post.topic.get_absolute_url()}")
