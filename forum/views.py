"""Forum pages. Each view: fetch (selector) → check_* → form → service → message → redirect or render."""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum import context_processors, home_categories, httpcache, listings, pagecache, permissions, reading, selectors, seo, services, topic_hits, topic_lists
from forum.forms import AnswerForm, TopicEditForm, TopicForm
from forum.models import Category, Post, Topic
from forum.ratelimit import RateLimitExceeded
from forum.viewcount import view_mark_key, view_recorded, visitor_key
from forum.viewer import Viewer


@httpcache.shared_when_anonymous
def home(request):
    unread = reading.unread_by_category(request.user) if request.user.is_authenticated else {}
    categories = home_categories.categories_overview_cached(members=request.user.is_authenticated)
    return render(request, "forum/home.html", {"cards": listings.category_cards(categories, unread), "meta": seo.home_meta(request)})


@httpcache.shared_when_anonymous
def category_detail(request, slug):
    filter_name = request.GET.get("filter", "all")
    if filter_name not in topic_lists.TOPIC_FILTERS:
        filter_name = "all"
    member = request.user.is_authenticated
    try:
        category, page = topic_lists.category_page(slug, filter_name, request.GET.get("page"), lag_ok=not member)
    except Category.DoesNotExist:
        raise Http404 from None
    if category.members_only and not member:
        return redirect_to_login(request.get_full_path())
    unread = reading.unread_in_watched_topics(request.user, topic_ids=[t.pk for t in page]) if member else {}
    return render(
        request, "forum/category.html",
        {
            "category": category, "page": page, "rows": listings.topic_rows(page.object_list, unread), "filter": filter_name,
            "filters": topic_lists.TOPIC_FILTERS, "meta": seo.category_meta(request, category, page.number),
            "watches_category": member and reading.watches_category(request.user, category),
        },
    )


def topic_detail(request, pk, slug):
    viewer = request.viewer
    member = viewer.is_authenticated
    slot, stored, counted, found = _page_lookup(request, pk, slug)
    viewer.seed(found)
    moderator = viewer.is_moderator
    if stored is not None and (not member or _may_share_member_page(viewer, moderator)):
        response = _member_page(request, slot, stored, found=found, topic_id=pk) if member else topic_hits.anonymous_page_response(request, slot, stored)
        if response is not None:
            if counted:
                view_recorded(pk)
            return httpcache.finish(request, response, shareable=False) if member else response
    try:
        topic = selectors.topic_for_page(pk)
    except Topic.DoesNotExist:
        raise Http404 from None
    if (topic.is_deleted or topic.hidden_at is not None) and not moderator:
        # Gone for everyone but moderators (who see the moderator view below), in the site's language.
        return render(request, "410.html", {"message": _("This topic was removed.")}, status=410)
    permissions.check_see_topic(viewer, topic)
    if counted:
        view_recorded(pk)
        topic.view_count += 1  # counted after the row was read (or buffered): show this visit too
    if slug != topic.slug:
        return _canonical_redirect(request, topic)
    order = "newest" if request.GET.get("order") == "newest" else "best"
    page_number = pagecache.page_parameter(request)
    # The starter always gets a page of their own (_member_page): building the shared one would be wasted.
    shareable = topic.is_public and not topic.is_deleted and viewer.pk != topic.author_id
    if slot is not None and _may_share_member_page(viewer, moderator) and shareable:
        data = selectors.topic_page(topic, Viewer.shared_member(), order=order, page_number=page_number)
        shell, context, posts = _render_member_shell(request, data)
        pagecache.store(slot, shell, context=context, posts=posts)
        response = _member_page(request, slot, shell, (context, posts), topic_id=pk, lookup_found=found)
        if response is not None:
            return httpcache.finish(request, response, shareable=False)
    data = selectors.topic_page(topic, viewer, order=order, page_number=page_number)
    parts = _render_topic_parts(request, data, AnswerForm())
    if slot is not None and not member:
        pagecache.store(slot, parts)
        return topic_hits.anonymous_page_response(request, slot, parts)
    return httpcache.finish(request, pagecache.respond(request, parts, _member_topic_values(request, pk, slot, found)), shareable=False)


def _page_lookup(request, pk, slug):
    """The page cache lookup (which also marks the view), or the one forum.topic_hits already made and missed."""
    handed_over = getattr(request, "anonymous_topic_lookup", None)
    if handed_over is not None and not request.user.is_authenticated:
        slot, counted, found = handed_over
        return slot, None, counted, found
    slot = pagecache.topic_page_slot(request, pk, slug)
    view_mark = view_mark_key(topic_id=pk, visitor=_visitor(request), user_agent=request.headers.get("user-agent", ""))
    member_keys = ([*request.viewer.cache_keys(), *reading.reading_state_keys(request.user, pk)]
                   if request.user.is_authenticated else ())
    return (slot, *pagecache.lookup(slot, view_mark, member_keys))


def topic_short_url(request, pk):
    """/t/<id>/ (and any old address of a topic) moves permanently to /t/<id>/<slug>/."""
    topic = get_object_or_404(Topic.objects.select_related("category"), pk=pk)
    permissions.check_see_topic(request.viewer, topic)
    return _canonical_redirect(request, topic)


def _canonical_redirect(request, topic):
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(topic.get_absolute_url() + (f"?{query}" if query else ""))


def _render_topic(request, data, answer_form, *, status=200):
    parts = _render_topic_parts(request, data, answer_form)
    return pagecache.respond(request, parts, _member_topic_values(request, data.topic.pk, None, {}), status=status)


def _member_topic_values(request, topic_id, slot, found):
    """The member's own part of a topic page (watch control, answers new since their last visit): never shared."""
    if not request.user.is_authenticated:
        return {}
    state = reading.reading_state(request.user, topic_id, slot.version if slot is not None else None, found)
    return {reading.MEMBER_TOPIC_HOLE: reading.member_topic_parts(request, topic_id, state)}


def _render_topic_html(request, data, answer_form, **extra):
    """Rendered with a CSRF placeholder: the post fragments and cached pages are shared, each visitor gets their token.
    Each post is a hole (forum.fragments): its parts go in with the page's (_render_topic_parts, the member shell)."""
    return render_to_string("forum/topic.html", {**_topic_context(request, data, answer_form), **extra}, request=request)


def _render_topic_parts(request, data, answer_form):
    """The whole page as forum.pagecache parts, the posts' parts in their holes."""
    posts = {pagecache.post_hole_name(post.pk): post.parts for post in [data.question, *data.answers]}
    return pagecache.splice(pagecache.split_into_parts(_render_topic_html(request, data, answer_form)), posts)


def _visitor(request):
    return visitor_key(
        user_id=request.user.pk if request.user.is_authenticated else None,
        session_key=request.session.session_key,
        ip=request.META.get("REMOTE_ADDR", ""),
    )


def _topic_context(request, data, answer_form):
    topic = data.topic
    return {
        "data": data,
        "topic": topic,
        "category_url": listings.category_url(topic.category),
        "order": data.order,  # "best" or "newest": the order switch is a constant part per order
        "stats": listings.topic_stats(data.topic, data.post_count, data.participant_count),
        "answer_form": answer_form,
        "can_post": permissions.can_post(data.viewer),
        "can_hide_topic": permissions.can_hide_topic(data.viewer, data.topic),
        "solution": data.solution_moves,
        "share": listings.share_links(request.build_absolute_uri(listings.topic_url(topic)), topic.title),
        "meta": seo.topic_meta(request, data),
        "csrf_token": pagecache.CSRF_PLACEHOLDER,
        "member_topic_hole": pagecache.hole(reading.MEMBER_TOPIC_HOLE) if request.user.is_authenticated else "",
        # Each answer's hole as a {% for %} over them placed it: the loop was a tenth of the page's template.
        "answers_html": mark_safe("".join(f"\n  {answer.html}\n" for answer in data.answers)),
        "login_prompt": "" if request.user.is_authenticated else listings.login_prompt(request.path),
    }


def _may_share_member_page(viewer, moderator):
    """Moderators see held posts and their tools, and members who may not post yet see other buttons:
    both get a page of their own. (Further exceptions, which need the page's data: _member_page.)"""
    return not moderator and permissions.can_post(viewer)


def _render_member_shell(request, data):
    """The page a member who did nothing on it sees, with holes for the account links and each post."""
    posts = [data.question, *data.answers]
    post_parts = {post.pk: post.parts for post in posts}
    html = _render_topic_html(request, data, AnswerForm(), account_nav_hole=pagecache.hole(pagecache.ACCOUNT_NAV_HOLE))
    shell = pagecache.MemberShell(
        parts=pagecache.split_into_parts(html),
        post_parts=post_parts,
        post_authors={post.pk: post.author_id for post in posts},
        topic_author_id=data.topic.author_id,
        authors_with_unpublished_posts=data.authors_with_unpublished_posts,
    )
    for post in posts:
        del post.reaction_buttons  # lazy labels are slow to unpickle; prepare_posts makes them again
        del post.text, post.qa_answer, post.parts  # the QAPage data and the post's parts are in the shell already
    # What re-rendering one member's posts needs, fetched only for the posts they touched.
    return shell, {"topic": data.topic, "reactions": data.reactions}, posts


def _member_page(request, slot, shell, rendered=None, found=None, *, topic_id, lookup_found=None):
    """The shared member page with this member's parts filled in, or None if they need a page of their own."""
    viewer = request.viewer
    if viewer.pk == shell.topic_author_id or viewer.pk in shell.authors_with_unpublished_posts:
        return None
    mine = pagecache.stored_member_parts(slot, found) if found is not None else None
    changed = mine is None
    if mine is None:
        posts = _member_post_parts(slot, shell, viewer, rendered)
        if posts is None:
            return None
        mine = pagecache.MemberParts(posts=posts)
    header = context_processors.header(request)
    nav_inputs = (request.user.username, header["unread_notifications"], header["shows_moderation_link"], header["language_next"])
    if mine.nav_inputs != nav_inputs:
        mine.nav_inputs, mine.nav = nav_inputs, pagecache.account_nav_parts(request, header)
        changed = True
    if changed:
        pagecache.store_member_parts(slot, mine)
    values = {pagecache.post_hole_name(pk): parts for pk, parts in shell.post_parts.items()}
    values.update(mine.posts)
    values[pagecache.ACCOUNT_NAV_HOLE] = mine.nav
    values.update(_member_topic_values(request, topic_id, slot, found if found is not None else (lookup_found or {})))
    return pagecache.respond(request, shell.parts, values)


def _member_post_parts(slot, shell, viewer, rendered):
    """{hole: parts} for the posts this member wrote, voted on or reacted to ({} if none), or None if
    the posts needed to render them have left the cache."""
    my_votes, my_reactions = selectors.viewer_marks(viewer, list(shell.post_authors))
    own = {pk for pk, author_id in shell.post_authors.items() if author_id == viewer.pk}
    personal = own | my_votes.keys() | my_reactions.keys()
    if not personal:
        return {}
    found = rendered or pagecache.stored_posts(slot, personal)
    if found is None:
        return None
    context, posts = found
    mine = [post for post in posts if post.pk in personal]
    selectors.prepare_posts(mine, context["topic"], viewer, context["reactions"], my_votes, my_reactions)
    return {pagecache.post_hole_name(post.pk): post.parts for post in mine}


@login_required
def topic_create(request, slug=None):
    permissions.check_post(request.viewer)
    initial = {"category": get_object_or_404(Category, slug=slug)} if slug else {}
    form = TopicForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            topic = services.topic_create(actor=request.user, **form.cleaned_data)
        except RateLimitExceeded as error:
            form.add_error(None, str(error))
            return render(request, "forum/topic_form.html", {"form": form}, status=429)
        if not topic.is_public:
            messages.warning(request, _("Your question is waiting for a moderator; see the note on the page."))
        crisis_notice(request, Post.objects.filter(topic=topic, is_question=True, crisis=True).exists())
        return draft_done(request, redirect(topic), "topic-new")
    return render(request, "forum/topic_form.html", {"form": form})


def crisis_notice(request, crisis):
    """The author of a post about suicide or self-harm sees the help line at once (includes/_crisis_help.html)."""
    if crisis:
        messages.info(request, _("You are not alone. Help is there, day and night."), extra_tags="crisis")


DRAFT_DONE_COOKIE = "forum_draft_done"


def draft_done(request, response, draft):
    """Tell static/js/forum.js that the draft kept in the browser for this form was saved."""
    response.set_cookie(DRAFT_DONE_COOKIE, draft, max_age=5 * 60, samesite="Lax", secure=request.is_secure())
    return response


@login_required
def answer_create(request, pk):
    topic = get_object_or_404(Topic.objects.select_related("category", "author"), pk=pk)
    if request.method != "POST":
        # The page a refused answer came back on has this address: reloading it or switching language goes to the topic.
        return redirect(topic.get_absolute_url() + "#answer")
    permissions.check_see_topic(request.viewer, topic)
    permissions.check_post(request.viewer)
    form = AnswerForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            answer = services.answer_post(actor=request.user, topic=topic, body=form.cleaned_data["body"])
        except RateLimitExceeded as error:
            form.add_error(None, str(error))  # beside the form, which the page opens at (#answer)
            status = 429
        else:
            if answer.is_visible:
                messages.success(request, _("Your answer is published."))
            else:
                messages.warning(request, _("Your answer is waiting for a moderator; see the note on your answer."))
            crisis_notice(request, answer.crisis)
            return draft_done(request, redirect(answer.get_absolute_url()), f"answer-{topic.pk}")
    # Re-show the topic with the form and what was typed, and the reason it was refused.
    data = selectors.topic_page(topic, request.viewer)
    return _render_topic(request, data, form, status=status)


@login_required
def post_edit(request, pk):
    post = get_object_or_404(Post.objects.select_related("topic"), pk=pk)
    permissions.check_edit_post(request.viewer, post)
    form_class = TopicEditForm if post.is_question else AnswerForm
    initial = {"body": post.body, "title": post.topic.title}
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.post_edit(actor=request.user, post=post, **form.cleaned_data)
        except RateLimitExceeded as error:
            messages.error(request, str(error))
            return render(request, "forum/post_edit.html", {"form": form, "post": post}, status=429)
        if post.is_visible:
            messages.success(request, _("Your changes are saved and published."))
        else:
            messages.warning(request, _("Your changes are saved; the post waits for a moderator."))
        crisis_notice(request, post.crisis)
        return redirect(post.get_absolute_url())
    return render(request, "forum/post_edit.html", {"form": form, "post": post})


@login_required
def post_delete(request, pk):
    """GET asks for confirmation (and for a question others answered, offers to withdraw it); POST deletes."""
    post = get_object_or_404(Post.objects.select_related("topic", "author"), pk=pk)
    permissions.check_delete_post(request.viewer, post)
    held_by_others = post.is_question and services.others_answered(post)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            services.post_delete(actor=request.user, post=post)
        except services.PostError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The post is deleted. Moderators can still see it."))
            return redirect("forum:home" if post.is_question else post.topic)
    context = {"post": post, "can_delete": not held_by_others,
               "can_withdraw": held_by_others and permissions.can_withdraw_question(request.viewer, post)}
    return render(request, "forum/post_delete.html", context, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def question_withdraw(request, pk):
    post = get_object_or_404(Post.objects.select_related("topic"), pk=pk)
    permissions.check_withdraw_question(request.viewer, post)
    if request.POST.get("confirm") != "yes":
        return redirect("forum:post_delete", pk=post.pk)
    try:
        services.question_withdraw(actor=request.user, post=post)
    except services.PostError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your question is withdrawn: its text is gone, the answers stay."))
    return redirect(post.topic)


@login_required
def post_revisions(request, pk):
    post = get_object_or_404(Post.objects.select_related("topic", "author"), pk=pk)
    permissions.check_see_revisions(request.viewer, post)
    revisions = post.revisions.select_related("edited_by")
    return render(request, "forum/revisions.html", {"post": post, "revisions": revisions})
