"""allauth, fitted to the forum: login rate limits that strangers cannot turn into a lock-out,
and sign-up names that cannot impersonate a member or the staff."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.stagekit import clear_login
from allauth.core.internal.ratelimit import get_ip
from django import forms

from forum.middleware import suspended_response
from forum.usernames import validate_not_confusable
from moderation.permissions import is_suspended


class ForumAccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials):
        """Failed logins count per account *and address* (with `key` in ACCOUNT_RATE_LIMITS), beside the
        per-address limit: a stranger's failures from elsewhere never stop the owner logging in."""
        return f"{super()._get_login_attempts_cache_key(request, **credentials)}:{get_ip(request)}"

    def pre_login(self, request, user, **kwargs):
        """A suspended member cannot log in by any of allauth's ways; the page says why and until when."""
        if is_suspended(user):
            clear_login(request)
            return suspended_response(request, user)
        return super().pre_login(request, user, **kwargs)

    def clean_username(self, username, shallow=False):
        username = super().clean_username(username, shallow=shallow)
        if not shallow:
            try:
                validate_not_confusable(username)
            except forms.ValidationError as error:
                raise forms.ValidationError(error.messages) from None
        return username
