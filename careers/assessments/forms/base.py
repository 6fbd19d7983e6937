"""What every questionnaire step's form shares."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

NOT_APPLICABLE = ""
OTHER_FIELD = "other"
# Our words, not Django's "Select a valid choice. x is not one of the available choices."
# (only a changed or stale form sends such a value).
INVALID_CHOICE = _("Choose one of the options shown.")


class StepForm(forms.Form):
    """A questionnaire step: errors are announced and the first one gets the focus."""

    def __init__(self, *args, profile: dict[str, Any] | None = None, **kwargs) -> None:
        """`profile`: the answers so far, which the choices of a step may depend on."""
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField):
                field.error_messages["invalid_choice"] = INVALID_CHOICE

    def full_clean(self) -> None:
        super().full_clean()
        if self.is_bound and self.errors:
            first = next((name for name in self.fields if name in self.errors), None)
            if first:
                self.fields[first].widget.attrs["autofocus"] = True

    # (legend, field names) for fields shown together; None: one group, no legend.
    fieldsets: list[tuple[str, list[str]]] | None = None

    def groups(self) -> list[tuple[str | None, list[forms.BoundField], bool]]:
        """(legend, fields, collapsed) for each group of fields."""
        if self.fieldsets is None:
            return [(None, list(self), False)]
        return [
            (legend, [self[name] for name in names], False)
            for legend, names in self.fieldsets
        ]

    def to_profile(self) -> dict[str, Any]:
        raise NotImplementedError
