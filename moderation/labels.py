"""Words people see for the policy's English values (claim types), in the active language.

The policy package keeps plain English values as data; only what is shown is translated here.
"""

from django.utils.translation import gettext_lazy as _

CLAIM_TYPE_LABELS = {
    "treatment": _("treatment"),
    "dose": _("dose"),
    "risk": _("risk"),
    "statistic": _("statistic"),
    "experience": _("experience"),
}


def claim_type_choices():
    """(value, label) pairs for a form, in the policy's order."""
    from moderation.policy import ClaimType

    return [(claim.value, CLAIM_TYPE_LABELS.get(claim.value, claim.value)) for claim in ClaimType]
