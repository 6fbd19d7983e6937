"""Making a share link: which roles it shows and when it stops working."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from careers.assessments.models import SHAREABLE_ROLES
from careers.assessments.wording import say, shared_verdict
from careers.choices import (
    ShareExpiry,
)

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
