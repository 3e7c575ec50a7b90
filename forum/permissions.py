"""Who may do what in the forum. `can_*` answers for templates; `check_*` raises with a reason.

Each takes the request's Viewer (forum.viewer; a member, such as a service's actor, works too). The
topic page's buttons come from PostRights (forum.selectors.prepare_posts), which asks what a rule needs
of the viewer once per page; the `can_*` functions are its methods for one post, so a button and the
`check_*` of the view behind it ask the same rule."""

from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from forum.viewer import as_viewer
from moderation.permissions import can_move_solution, check_not_silenced, has_two_factor, is_silenced, shows_moderator_tools
from moderation.permissions import can_review as is_moderator  # one home for the rule


def can_post(user):
    viewer = as_viewer(user)
    return viewer.is_authenticated and viewer.is_active and not is_silenced(viewer) and viewer.confirmed_email


def check_post(user):
    if not user.is_authenticated:
        raise PermissionDenied(_("Log in to take part."))
    check_not_silenced(user)
    if not can_post(user):
        raise PermissionDenied(_("Confirm your email address before you post. Check your inbox for the link."))


def can_see_topic(user, topic):
    if topic.category.members_only and not user.is_authenticated:
        return False
    if topic.is_deleted or topic.hidden_at is not None:
        return shows_moderator_tools(user)
    if topic.is_public:
        return True
    return user.is_authenticated and (user.pk == topic.author_id or shows_moderator_tools(user))


def check_see_topic(user, topic):
    if topic.category.members_only and not user.is_authenticated:
        raise PermissionDenied(_("This topic is for members only. Log in to read it."))
    if not can_see_topic(user, topic):
        raise PermissionDenied(_("This topic is not available."))


class PostRights:
    """The rules for the buttons a viewer gets on posts; the can_* functions below are these, for one post.
    What a rule asks of the viewer (or the topic) alone is asked once per PostRights, so the topic page asks
    it once for all its posts instead of for each (forum.selectors.prepare_posts; bench/README.md, "Session
    of 2026-12-06")."""

    def __init__(self, user, topic=None):
        self.user, self.topic = user, topic

    @cached_property
    def _pk(self):
        return self.user.pk

    @cached_property
    def _member(self):
        return self.user.is_authenticated

    @cached_property
    def _poster(self):
        return can_post(self.user)

    @cached_property
    def _moderator(self):
        return is_moderator(self.user)

    @cached_property
    def _deletes_any(self):
        return self._moderator and has_two_factor(self.user)

    @cached_property
    def _proposes(self):
        return can_move_solution(self.user, self.topic, "propose")

    def may_edit(self, post):
        return self._poster and post.author_id == self._pk and not post.is_deleted and post.withdrawn_at is None

    def may_delete(self, post):
        """Authors delete their own posts; deleting another's is a moderator action, which needs two-factor authentication."""
        return not post.is_deleted and (self._deletes_any or (self._poster and post.author_id == self._pk))

    def may_see_revisions(self, post):
        return self._member and (post.author_id == self._pk or self._moderator)

    def may_see_history(self, post):
        """The post's "History" link: an edited post, for its author and moderators."""
        return bool(post.edited_at) and self.may_see_revisions(post)

    def may_flag(self, post):
        return self._poster and post.is_visible and post.author_id != self._pk

    def may_moderate(self, post):
        """A moderator's edit of a member's post and measures against its author: not on their own posts,
        nor on a closed account's."""
        return self._moderator and post.author_id != self._pk and post.author.closed_at is None

    def may_propose(self, post):
        """"This solved it" on a published answer, where the solution table lets this viewer propose."""
        return not post.is_question and post.is_visible and self._proposes


def can_edit_post(user, post):
    return PostRights(user).may_edit(post)


def check_edit_post(user, post):
    check_post(user)
    if post.author_id != user.pk:
        raise PermissionDenied(_("You can only edit your own posts."))
    if post.is_deleted:
        raise PermissionDenied(_("This post was deleted."))
    if post.withdrawn_at is not None:
        raise PermissionDenied(_("You withdrew this question; it cannot be edited any more."))


def can_delete_post(user, post):
    return PostRights(user).may_delete(post)


def check_delete_post(user, post):
    if not can_delete_post(user, post):
        raise PermissionDenied(_("You may not delete this post."))


def can_withdraw_question(user, post):
    """The starter may withdraw their question (its text goes, the answers stay)."""
    return post.is_question and post.withdrawn_at is None and can_edit_post(user, post)


def check_withdraw_question(user, post):
    if not can_withdraw_question(user, post):
        raise PermissionDenied(_("Only the starter can withdraw this question."))


def can_hide_topic(user, topic):
    """Hiding a whole topic with a reason is a moderator power (permission and two-factor)."""
    return is_moderator(user)


def check_hide_topic(user, topic):
    if not can_hide_topic(user, topic):
        raise PermissionDenied(_("Only moderators can hide a topic."))


def can_see_revisions(user, post):
    return PostRights(user).may_see_revisions(post)


def check_see_revisions(user, post):
    if not can_see_revisions(user, post):
        raise PermissionDenied(_("Only the author and moderators can see earlier versions."))


def check_interact(user, post):
    """Voting, reacting and flagging: confirmed members, on published posts."""
    check_post(user)
    if not post.is_visible:
        raise PermissionDenied(_("This post is not published."))


def check_vote(user, post):
    check_interact(user, post)
    if post.author_id == user.pk:
        raise PermissionDenied(_("You cannot vote on your own post."))
