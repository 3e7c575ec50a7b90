"""The moderator queue, flags and solution sign-off. Every action is a POST that checks a permission."""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum import pagecache
from forum.errors import kept_text
from forum.http import wants_json
from forum.models import Post, Topic
from forum.permissions import check_interact
from forum.ratelimit import RateLimitExceeded
from moderation import cache_keys, canned, care, fragments, selectors, services, solutions
from moderation.decorators import moderator_required
from moderation.forms import BulkForm, DecisionForm, FlagForm, QueueFilterForm, ReasonForm, SignOffForm
from moderation.models import CannedReason, ReviewItem
from moderation.permissions import check_sign_off, has_moderator_role, has_two_factor

QUEUE_PAGE_PARAMETERS = ("reason", "category", "lane", "page")
SHARED_QUEUE_PAGE_SECONDS = 60


@moderator_required
def queue(request):
    """The queue page is the same for every moderator but for the header's account links and the
    CSRF token, so it is rendered once and shared with holes for those: until the queue changes
    (its version), and for at most the minute to which it shows how long items have waited."""
    key = _shared_queue_page_key(request)
    stored, version = None, None
    if key:
        found = cache.get_many([cache_keys.QUEUE_VERSION_KEY, key])
        version = found.get(cache_keys.QUEUE_VERSION_KEY) or cache_keys.queue_version()
        stored = found.get(key)
    nav = {pagecache.ACCOUNT_NAV_HOLE: pagecache.account_nav_parts(request)}
    if stored is not None and stored[0] == version:
        return pagecache.respond(request, stored[1], {**nav, **_own_post_labels(request.user, stored[2])})
    categories = selectors.category_choices()
    filters = QueueFilterForm(request.GET or None, categories=categories)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    page, solution_count = selectors.queue_page(cleaned, request.GET.get("page"))
    fragments.render_queue_items(page.object_list)
    html = render_to_string(
        "moderation/queue.html",
        {"page": page, "filters": filters, "tab": "posts", "solution_count": solution_count,
         "care_lane": care.care_lane(),
         **fragments.render_queue_controls(filters, categories),
         "csrf_token": pagecache.CSRF_PLACEHOLDER, "account_nav_hole": pagecache.hole(pagecache.ACCOUNT_NAV_HOLE)},
        request=request,
    )
    parts = pagecache.split_into_parts(html)
    authors = {item.pk: item.author_id for item in page.object_list}
    if key:
        cache.set(key, (version, parts, authors), SHARED_QUEUE_PAGE_SECONDS)
    return pagecache.respond(request, parts, {**nav, **_own_post_labels(request.user, authors)})


@moderator_required
@require_POST
def care_follow_up(request, pk):
    """Mark a topic's crisis alerts followed up: they leave the care lane (audited)."""
    topic = get_object_or_404(Topic, pk=pk)
    try:
        care.care_follow_up(actor=request.user, topic=topic, note=request.POST.get("note", "")[:500])
    except care.CareError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Marked as followed up."))
    return redirect("moderation:queue")


def _own_post_labels(viewer, authors):
    """Fill each item's hole: "needs another moderator" on the viewer's own posts (they cannot decide those)."""
    label = render_to_string("moderation/_needs_another.html").encode()
    return {fragments.own_post_hole_name(pk): label if author_id == viewer.pk else b"" for pk, author_id in authors.items()}


def _shared_queue_page_key(request):
    """None when the page must be rendered for this request alone (a message to show)."""
    if len(messages.get_messages(request)):
        return None
    shown = urlencode([(name, request.GET.get(name, "")[:40]) for name in QUEUE_PAGE_PARAMETERS])
    minute = int(timezone.now().timestamp() // 60)
    return f"moderation-queue-shared:2:{get_language()}:{minute}:{hashlib.sha256(shown.encode()).hexdigest()}"


@moderator_required
def item_detail(request, pk):
    """Shows the item; claiming it is a POST, which the page's script sends on opening (GET changes nothing)."""
    item = get_object_or_404(ReviewItem.objects.select_related("post"), pk=pk)
    return _item_page(request, item, DecisionForm(initial={"revision": item.post.revision}))


def _item_page(request, item, form, *, status=200, seen_revision=None):
    context = selectors.review_item_context(item, request.viewer, seen_revision=seen_revision)
    if form.is_bound:
        # The page shows the current revision, so a decision sent from it again must name that one.
        data = form.data.copy()
        data["revision"] = context["post"].revision
        form = DecisionForm(data)
        form.is_valid()
    top = CannedReason.objects.filter(is_active=True, use_count__gt=0).order_by("-use_count", "title")[:3]
    return render(request, "moderation/item.html", {**context, "form": form, "top_canned": top}, status=status)


def _canned_used(form):
    """Count a canned reason that a decision used, for the decision page's three most used."""
    canned.canned_reason_used(reason=form.cleaned_data.get("canned"))


@moderator_required
@require_POST
def item_claim(request, pk):
    """Claim the item for ten minutes, so other moderators see who is handling it."""
    item = services.review_claim(actor=request.user, item=get_object_or_404(ReviewItem, pk=pk))
    if wants_json(request):
        return JsonResponse({"claimed_by": item.claimed_by.username if item.claimed_by else None})
    return redirect("moderation:item", pk=item.pk)


@moderator_required
@require_POST
def item_decide(request, pk):
    item = get_object_or_404(ReviewItem.objects.select_related("post"), pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _item_page(request, item, form, status=400)
    decision, note, revision = form.cleaned_data["decision"], form.cleaned_data["note"], form.cleaned_data["revision"]
    try:
        if decision == "approve":
            services.review_approve(actor=request.user, item=item, note=note, revision=revision)
            messages.success(request, _("Approved and published."))
        elif decision == "reject":
            services.review_reject(actor=request.user, item=item, reason=note, revision=revision)
            messages.success(request, _("Rejected; the author can revise it."))
        elif decision == "dismiss":
            services.review_dismiss_flags(actor=request.user, item=item, revision=revision)
            messages.success(request, _("Flags dismissed; the post is shown again unless it still needs a source."))
        else:
            services.review_undo(actor=request.user, item=item)
            messages.success(request, _("Decision undone; the item is back in the queue."))
            return redirect("moderation:item", pk=item.pk)
    except services.RevisionChanged as changed:
        messages.error(request, str(changed))
        return _item_page(request, item, form, status=409, seen_revision=changed.seen)
    except services.ModerationError as error:
        messages.error(request, str(error))
        return redirect("moderation:item", pk=item.pk)
    _canned_used(form)
    return redirect("moderation:queue")


@moderator_required
@require_POST
def bulk_decide(request):
    form = BulkForm(request.POST)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, " ".join(error))
        return redirect("moderation:queue")
    items = ReviewItem.objects.filter(pk__in=form.cleaned_data["items"]).order_by("pk")
    # The queue sends the revision it showed of each item's post; one missing counts as changed.
    revisions = {pk: _int(request.POST.get(f"revision-{pk}")) for pk in form.cleaned_data["items"]}
    done, failed = services.review_bulk(
        actor=request.user, items=items, decision=form.cleaned_data["decision"], reason=form.cleaned_data["reason"],
        revisions=revisions,
    )
    if done:
        _canned_used(form)
    messages.success(request, ngettext("%(done)d item decided.", "%(done)d items decided.", done) % {"done": done})
    for failure in failed:
        messages.error(request, failure)
    return redirect("moderation:queue")


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@moderator_required
def solution_queue(request):
    return render(
        request, "moderation/solutions.html",
        {"topics": selectors.solution_queue(), "tab": "solutions", "solution_count": None},
    )


@moderator_required
def solution_review(request, pk):
    topic = get_object_or_404(Topic.objects.select_related("category", "author", "proposed_answer__author"), pk=pk)
    answer = topic.proposed_answer or topic.accepted_answer
    form = SignOffForm(request.POST or None, initial={"revision": answer.revision if answer else None})
    if request.method == "POST" and form.is_valid():
        check_sign_off(request.viewer)
        try:
            messages.success(request, _sign_off_decide(request.user, topic, form))
        except solutions.SolutionRevisionChanged as changed:
            messages.error(request, str(changed))
            data = form.data.copy()
            data["revision"] = changed.current
            context = selectors.solution_context(topic, SignOffForm(data), request.viewer, seen_revision=changed.seen)
            return render(request, "moderation/solution_review.html", context, status=409)
        except solutions.SolutionError as error:
            messages.error(request, str(error))
            return render(request, "moderation/solution_review.html", selectors.solution_context(topic, form, request.viewer), status=400)
        return redirect("moderation:solutions")
    status = 400 if request.method == "POST" else 200
    return render(request, "moderation/solution_review.html", selectors.solution_context(topic, form, request.viewer), status=status)


def _sign_off_decide(actor, topic, form):
    """Carry out the sign-off form's decision; returns the message for the moderator."""
    decision, reason = form.cleaned_data["decision"], form.cleaned_data["reason"]
    if decision == "sign_off":
        solutions.solution_sign_off(
            actor=actor, topic=topic, override_reason=form.cleaned_data["override_reason"], revision=form.cleaned_data["revision"],
        )
        return _("Signed off: the topic is solved.")
    if decision == "decline":
        solutions.solution_decline(actor=actor, topic=topic, reason=reason)
        _canned_used(form)
        return _("Proposal declined; the starter is told why.")
    if decision == "reopen":
        solutions.solution_reopen(actor=actor, topic=topic, reason=reason)
        return _("The topic is open again.")
    solutions.solution_decline_reopen(actor=actor, topic=topic, reason=reason)
    return _("The topic stays solved.")


@login_required
def flag(request, pk):
    """GET shows the flag form for one post; POST files the flag. A refused flag keeps what was typed."""
    post = get_object_or_404(Post.objects.select_related("topic", "author"), pk=pk)
    check_interact(request.viewer, post)
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.flag_create(actor=request.user, post=post, **form.cleaned_data)
        except RateLimitExceeded as error:
            if wants_json(request):
                return JsonResponse({"error": str(error)}, status=429)
            messages.error(request, str(error))
            return render(request, "moderation/flag.html", {"form": form, "post": post}, status=429)
        except services.ModerationError as error:
            messages.error(request, str(error))
            return render(request, "moderation/flag.html", {"form": form, "post": post}, status=400)
        messages.success(request, _("Thank you. A moderator will look at this post."))
        return redirect(post.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return render(request, "moderation/flag.html", {"form": form, "post": post}, status=status)


@login_required
@require_POST
def solution_action(request, pk, action):
    """Member-side solution moves: propose, withdraw, ask to reopen; moderators also reopen or mark solved."""
    topic = get_object_or_404(Topic, pk=pk)
    form = ReasonForm(request.POST)
    form.is_valid()
    if request.user.pk != topic.author_id and has_moderator_role(request.viewer) and not has_two_factor(request.viewer):
        # Acting on someone else's topic is acting as a moderator, which needs two-factor authentication.
        raise PermissionDenied(_("Moderators must set up two-factor authentication before they can act."))
    try:
        messages.success(request, _solution_move(request, topic, action, form.cleaned_data))
    except solutions.SolutionError as error:
        messages.error(request, str(error))
    except RateLimitExceeded as error:
        # The page says when to try again and keeps the reason that was typed.
        return render(request, "429.html", {"message": str(error), "kept_text": kept_text(request), "back_url": topic.get_absolute_url()}, status=429)
    return redirect(topic)


def _solution_move(request, topic, action, data):
    """Carry out one solution move named in the address; returns the message for the member."""
    actor, reason = request.user, data.get("reason", "")
    if action == "propose":
        solutions.solution_propose(actor=actor, topic=topic, answer=_posted_answer(request, topic))
        return _("Thank you. A moderator will sign off on the solution.")
    if action == "withdraw":
        solutions.solution_withdraw(actor=actor, topic=topic)
        return _("The proposal is withdrawn.")
    if action == "request_reopen":
        solutions.solution_request_reopen(actor=actor, topic=topic, reason=reason)
        return _("Your request to reopen is with the moderators.")
    if action not in ("reopen", "mark_solved"):
        raise PermissionDenied(_("Unknown action."))
    check_sign_off(actor)
    if not has_two_factor(actor):
        raise PermissionDenied(_("Moderators must set up two-factor authentication before they can act."))
    if action == "reopen":
        solutions.solution_reopen(actor=actor, topic=topic, reason=reason)
    else:
        solutions.solution_mark_solved(
            actor=actor, topic=topic, answer=_posted_answer(request, topic), reason=reason,
            override_reason=data.get("override_reason", ""),
        )
    return _("Done.")


def _posted_answer(request, topic):
    try:
        answer_id = int(request.POST.get("answer", ""))
    except ValueError:
        raise Http404 from None
    return get_object_or_404(Post, pk=answer_id, topic=topic)
