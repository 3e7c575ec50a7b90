from django import forms
from django.utils.translation import gettext_lazy as _
from markdownx.fields import MarkdownxFormField

from forum.app_settings import forum_settings
from forum.mentions import validate_mention_count
from forum.models import Category, ReactionKind
from forum.validators import clean_text, validate_markdown, validate_title
from moderation.forms import canned_field, fill_from_canned
from moderation.models import CannedReasonKind


class MarkdownField(MarkdownxFormField):
    """A Markdown textarea with live preview, cleaned and size-checked."""

    def __init__(self, **kwargs):
        kwargs.setdefault("validators", [validate_markdown, validate_mention_count])
        super().__init__(**kwargs)

    def to_python(self, value):
        return clean_text(super().to_python(value) or "")


class TitleField(forms.CharField):
    """One line of plain text; control characters go before the length limits are checked."""

    def __init__(self, **kwargs):
        kwargs.setdefault("validators", [validate_title])
        super().__init__(label=_("Title"), max_length=forum_settings.TITLE_MAX_LENGTH, min_length=8, **kwargs)

    def to_python(self, value):
        return clean_text(super().to_python(value)).strip()


class TopicForm(forms.Form):
    category = forms.ModelChoiceField(queryset=Category.objects.all(), label=_("Category"), empty_label=None)
    title = TitleField()
    body = MarkdownField(label=_("Your question"), help_text=_("Markdown is supported. Link your sources for health claims."))
    anonymous = forms.BooleanField(
        required=False, label=_("Ask anonymously"),
        help_text=_("Health categories only. Others see “Anonymous member” instead of your name; moderators can still see who asked."),
    )

    def clean(self):
        cleaned = super().clean()
        category = cleaned.get("category")
        if cleaned.get("anonymous") and category is not None and not category.is_health:
            self.add_error("anonymous", _("You can ask anonymously only in a health category."))
        return cleaned


class TopicEditForm(forms.Form):
    title = TitleField()
    body = MarkdownField(label=_("Your question"))


class AnswerForm(forms.Form):
    body = MarkdownField(
        label=_("Your answer"),
        help_text=_("Health claims need a link to a reliable source (for example PubMed, Thuisarts or RIVM)."),
    )


class VoteForm(forms.Form):
    value = forms.TypedChoiceField(choices=[("1", "+1"), ("-1", "-1"), ("0", "0")], coerce=int)


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=ReactionKind.choices)


class PreferencesForm(forms.Form):
    hide_activity = forms.BooleanField(
        required=False, label=_("Hide my activity from others"),
        help_text=_("Your profile then lists no topics or answers; only you and the moderators see them."),
    )
    show_health_activity = forms.BooleanField(
        required=False, label=_("Show my topics in health categories on my profile to visitors who are not logged in"),
    )
    email_on_answer = forms.BooleanField(required=False, label=_("Email me about new answers on my topics"))
    email_on_reaction = forms.BooleanField(required=False, label=_("Email me about votes and reactions"))
    email_on_moderation = forms.BooleanField(required=False, label=_("Email me about moderation decisions"))
    email_on_watched = forms.BooleanField(required=False, label=_("Email me about new posts in topics and categories I watch"))
    email_on_mention = forms.BooleanField(required=False, label=_("Email me when someone mentions or quotes me"))
    digest_frequency = forms.ChoiceField(
        required=False, label=_("Mail about watched topics and categories"),
        choices=[("immediate", _("At once")), ("daily", _("A daily digest")), ("weekly", _("A weekly digest"))],
    )
    watch_participated = forms.BooleanField(required=False, label=_("Watch topics I start or answer"))
    email_queue_digest = forms.BooleanField(
        required=False, label=_("Email me a digest of queue items that have waited too long (moderators)")
    )

    def clean_digest_frequency(self):
        return self.cleaned_data["digest_frequency"] or "immediate"

    def __init__(self, *args, moderator=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not moderator:
            del self.fields["email_queue_digest"]


class ModeratorEditForm(forms.Form):
    """A moderator's edit of a member's post (forum.moderator_views), with a typed or canned reason."""

    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 12}), max_length=20000)
    canned = canned_field(CannedReasonKind.MODERATOR_EDIT, target="id_reason")
    reason = forms.CharField(label=_("Reason (the author sees it)"), max_length=500, required=False)

    def clean(self):
        cleaned = super().clean()
        fill_from_canned(cleaned, "reason")
        if not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Give the author a reason for your edit."))
        return cleaned
