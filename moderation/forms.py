from django import forms
from django.utils.translation import gettext_lazy as _

from forum.models import Category
from moderation.labels import claim_type_choices
from moderation.models import CannedReason, CannedReasonKind, FlagReason, HoldReason


class CannedSelect(forms.Select):
    """Each option carries its text (in the page's language) for static/js/canned.js to copy into the text field."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-text"] = instance.text()
        return option


def canned_field(*kinds, target):
    """An optional choice of canned reasons; the form fills the empty text field with it (works without JS)."""
    return forms.ModelChoiceField(
        queryset=CannedReason.objects.filter(is_active=True, kind__in=kinds), required=False, label=_("Canned reason"),
        empty_label=_("Type my own"), widget=CannedSelect(attrs={"data-canned-for": target}),
        help_text=_("Choosing one fills the text below, which you can still change."),
    )


def fill_from_canned(cleaned, field):
    """The text typed wins; an empty text takes the chosen canned reason's."""
    canned = cleaned.get("canned")
    if canned is not None and not (cleaned.get(field) or "").strip():
        cleaned[field] = canned.text()


class QueueFilterForm(forms.Form):
    reason = forms.ChoiceField(choices=[("", _("All reasons")), *HoldReason.choices], required=False, label=_("Reason"))
    category = forms.ModelChoiceField(queryset=Category.objects.all(), required=False, label=_("Category"), empty_label=_("All categories"))
    lane = forms.ChoiceField(
        choices=lambda: [("", _("All claim types")), *claim_type_choices()], required=False, label=_("Claim type")
    )

    def __init__(self, *args, categories, **kwargs):
        """`categories`: (pk, name) pairs to offer, from moderation.selectors.category_choices.

        Only a chosen category is looked up in the database, to validate it.
        """
        super().__init__(*args, **kwargs)
        field = self.fields["category"]
        field.choices = [("", field.empty_label), *categories]


class DecisionForm(forms.Form):
    # The post revision the page showed: a decision applies to that text only (services refuse another).
    revision = forms.IntegerField(min_value=1, widget=forms.HiddenInput, error_messages={
        "required": _("Reload the page: the decision must name the version of the post you read.")})
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Reject")), ("dismiss", _("Dismiss flags")), ("undo", _("Undo"))],
        label=_("Decision"),
    )
    canned = canned_field(CannedReasonKind.REJECT, CannedReasonKind.PUBLIC_NOTE, target="id_note")
    note = forms.CharField(
        required=False, max_length=500, label=_("Note"),
        help_text=_("Approving: an optional public note shown on the post. Rejecting: the reason the author sees."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        fill_from_canned(cleaned, "note")
        if cleaned.get("decision") == "reject" and not cleaned.get("note", "").strip():
            self.add_error("note", _("Give the author a reason for the rejection."))
        return cleaned


class BulkForm(forms.Form):
    items = forms.TypedMultipleChoiceField(coerce=int, label=_("Items"), error_messages={"required": _("Select at least one item.")})
    decision = forms.ChoiceField(choices=[("approve", _("Approve selected")), ("reject", _("Reject selected"))], label=_("Decision"))
    canned = canned_field(CannedReasonKind.REJECT, target="bulk-reason")
    reason = forms.CharField(required=False, max_length=500, label=_("Reason for rejecting"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any id may be submitted; the services refuse items that are not pending.
        self.fields["items"].valid_value = lambda value: True

    def clean(self):
        cleaned = super().clean()
        fill_from_canned(cleaned, "reason")
        if cleaned.get("decision") == "reject" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the authors a reason for the rejection."))
        return cleaned


class FlagForm(forms.Form):
    reason = forms.ChoiceField(choices=FlagReason.choices, label=_("Reason"))
    text = forms.CharField(required=False, max_length=500, label=_("Explanation"))


class ReasonForm(forms.Form):
    reason = forms.CharField(required=False, max_length=500, label=_("Reason"))
    override_reason = forms.CharField(required=False, max_length=500, label=_("Override reason"))


class SignOffForm(forms.Form):
    revision = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        choices=[("sign_off", _("Sign off")), ("decline", _("Decline")), ("reopen", _("Reopen")), ("decline_reopen", _("Keep solved"))],
        label=_("Decision"),
    )
    canned = canned_field(CannedReasonKind.DECLINE_SOLUTION, target="id_reason")
    reason = forms.CharField(
        required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2}), label=_("Reason"),
        help_text=_("Needed to decline and to reopen."),
    )
    override_reason = forms.CharField(
        required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2}), label=_("Override of the health-source rule"),
        help_text=_("Only to sign off an answer without a qualifying source in a health category: why it may be accepted anyway."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "decline":
            fill_from_canned(cleaned, "reason")
        if cleaned.get("decision") == "sign_off" and cleaned.get("revision") is None:
            raise forms.ValidationError(_("Reload the page: the decision must name the version of the answer you read."))
        return cleaned


class SanctionForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[("warning", _("Warn")), ("silence", _("Silence until")), ("suspension", _("Suspend until"))], label=_("Measure")
    )
    until = forms.DateTimeField(
        required=False, label=_("Until"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Needed to silence or suspend."),
    )
    reason = forms.CharField(max_length=1000, label=_("Reason (the member reads it)"), widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": _("Give a reason; the member reads it.")})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") in ("silence", "suspension") and not cleaned.get("until"):
            self.add_error("until", _("Choose an end date in the future."))
        return cleaned


class LiftForm(forms.Form):
    reason = forms.CharField(max_length=1000, label=_("Reason for lifting"),
                             error_messages={"required": _("Give a reason; the member reads it.")})
