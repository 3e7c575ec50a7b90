from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from privacy.notices import current_notice_version
from privacy.services import consent_give


def _consent_fields(form):
    """The two separate, unticked, required consents (GDPR art. 7 and 9(2)(a)), labelled in the active language."""
    form.fields["accept_privacy"] = forms.BooleanField(
        required=True,
        label=format_html(
            gettext("I have read the {link_start}privacy notice{link_end} and agree to it."),
            link_start=format_html('<a href="{}" target="_blank" rel="noopener">', reverse("privacy:notice")),
            link_end=format_html("</a>"),
        ),
        help_text=format_html(
            gettext("Please read the {link_start}house rules{link_end} too."),
            link_start=format_html('<a href="{}" target="_blank" rel="noopener">', reverse("privacy:house_rules")),
            link_end=format_html("</a>"),
        ),
        error_messages={"required": _("You can only join if you agree to the privacy notice.")},
    )
    form.fields["accept_health_data"] = forms.BooleanField(
        required=True,
        label=gettext(
            "I agree that the forum processes the information about my health that I choose to share here."
        ),
        help_text=gettext("You can withdraw this at any time by closing your account."),
        error_messages={"required": _("You can only join if you agree to this: what you write here is about health.")},
    )


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form with the two consents; the view's success stores them (privacy.services.consent_give)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _consent_fields(self)

    def save(self, request):
        user = super().save(request)
        if current_notice_version() is not None:  # none published yet: the gate asks once there is one
            consent_give(
                actor=user, privacy_notice=self.cleaned_data["accept_privacy"],
                health_data=self.cleaned_data["accept_health_data"],
            )
        return user


class ConsentForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _consent_fields(self)


class CloseAccountForm(forms.Form):
    remove_text = forms.BooleanField(
        required=False, label=_("Also remove the text of all my posts"),
        help_text=_("Each of your posts then shows “removed at the member's request”; nobody, not even a moderator, can read it any more."),
    )
    confirm = forms.BooleanField(
        required=True, label=_("I understand that closing my account cannot be undone."),
        error_messages={"required": _("Tick the box to confirm that you want to close your account.")},
    )
