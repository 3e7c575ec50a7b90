"""Words people see for the policy's English values (claim types), in the active language.

The policy package keeps plain English values as data; only what is shown is translated here.
"""

from django.utils.translation import gettext_lazy as _

from moderation.policy import ClaimType

CLAIM_TYPE_LABELS = {
    "treatment": _("treatment"),
    "dose": _("dose"),
    "risk": _("risk"),
    "statistic": _("statistic"),
    "experience": _("experience"),
}


def claim_type_choices():
    """(value, label) pairs for a form, in the policy's order."""
    return [(claim.value, CLAIM_TYPE_LABELS.get(claim.value, claim.value)) for claim in ClaimType]

# Why a link did not count as a source (moderation.policy.model.REFUSAL_REASONS), told to its author.
REFUSAL_LABELS = {
    "lookalike": _("the address imitates a known source but is a different website"),
    "home_page": _("it is the site's home page; link the page with the information itself"),
    "search_page": _("it is a search page; link the article or page you found"),
    "not_document": _("it is not a page with information (contact, login or similar)"),
    "not_listed": _("the website is not a health authority or scientific journal"),
    "preprint": _("it is a preprint or repository, not a peer-reviewed publication"),
    "blocked": _("link shorteners, shops and known misinformation sites never count"),
    "scheme": _("it is not a link to a web page"),
}
