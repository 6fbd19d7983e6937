"""Making a share link: which roles it shows and when it stops working, and the
#share section around the form."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from careers.assessments.models import SHAREABLE_ROLES
from careers.assessments.wording import say, shared_verdict
from careers.choices import (
    ShareExpiry,
)
from careers.models import Assessment
from careers.sharing.models import plain_text

# A shared page shows up to five roles (the card, the first four).
SHARED_ROLES_MAX = 5


class ShareForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Which roles should the link show?"),
        widget=forms.CheckboxSelectMultiple,
        help_text=format_lazy(
            _("Up to {count}. Your answers are never shown."), count=SHARED_ROLES_MAX
        ),
        error_messages={"required": _("Tick at least one role for the link to show.")},
    )
    expiry = forms.ChoiceField(
        label=_("The link stops working after"),
        choices=ShareExpiry.choices,
        initial=ShareExpiry.MONTH,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose when the link stops working.")},
    )

    def __init__(self, *args, result=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        offered = result.top_roles(SHAREABLE_ROLES) if result else []
        self.fields["roles"].choices = [
            (item["role"], f"{say(item['title'])} ({shared_verdict(item).lower()})")
            for item in offered
        ]
        self.fields["roles"].initial = [item["role"] for item in offered[:3]]
        # Where every role clashes with what the person said they cannot do, there is
        # no role to tick: the link shares the summary alone rather than a dead end.
        self.fields["roles"].required = bool(offered)
        self.fields["roles"].error_messages["invalid_choice"] = _(
            "Choose roles from the list shown."
        )

    def clean_roles(self) -> list[str]:
        roles = self.cleaned_data["roles"]
        if len(roles) > SHARED_ROLES_MAX:
            raise forms.ValidationError(
                _("Tick at most %(count)d roles: a short list reads best.")
                % {"count": SHARED_ROLES_MAX}
            )
        return roles


def share_context(
    request: HttpRequest,
    assessment: Assessment,
    form: ShareForm | None = None,
    *,
    offer_form: bool = True,
    new_share: int | None = None,
) -> dict:
    """What the #share section shows: the links (the one just made, `new_share`,
    headed as new), and the form to make one (unless `offer_form` is False and there is
    no `form` to show again)."""
    if form is None and offer_form:
        form = ShareForm(result=assessment.result)
    return {
        "share_form": form,
        "shares": [
            {
                "share": share,
                "url": (url := request.build_absolute_uri(share.get_absolute_url())),
                "text": plain_text(share.snapshot, url),
            }
            for share in assessment.result.shares.defer("card")
        ],
        "share_create_url": reverse("careers:share_create", args=[assessment.token]),
        "new_share": new_share,
    }
