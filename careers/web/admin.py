"""The admin site's login (rate-limited) and the choice widgets every subject's admin uses."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db.models import Model
from django.http import HttpRequest

from careers.web.ratelimits import check_rate

# Logins one address may try in an hour, whatever the usernames: django-axes locks a
# username out from an address after 5 failures, so without this one address could try
# 4 passwords on every account. An office of recruiters behind one address logs in far
# less often.
LOGIN_ADDRESS_RATE = "30/h"


class AdminLoginForm(AdminAuthenticationForm):
    """The admin's login form, also refusing usernames longer than any account can have,
    and an address past its hourly ceiling of logins (a 429 that says how long to wait).

    Django sets the field's max_length after building it, so the length went unchecked: a
    400-character name reached django-axes' login-attempt table and overflowed its column
    on PostgreSQL (a 500 instead of "Please enter a correct username and password").
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))

    def clean(self) -> dict:
        if self.request is not None:
            check_rate(self.request, "admin-login-address", "ip", LOGIN_ADDRESS_RATE)
        return super().clean()


def usable_key(model: type[Model], field_name: str | None, value: object) -> bool:
    """Whether `value` can be looked up as `model`'s key: of its type and in its range.

    Django's autocomplete widgets look the posted ids up again to show the form with its
    errors, and an id such as "<script>" gave a 500 instead of "Select a valid choice".
    """
    field = model._meta.pk if field_name is None else model._meta.get_field(field_name)
    try:
        field.run_validators(field.to_python(value))
    except ValidationError:
        return False
    return True


class _PostedIdsChecked:
    """Autocomplete widgets that show a form posted back with unusable ids, without a 500."""

    def optgroups(self, name: str, value: list, attr: dict | None = None) -> list:
        model = self.field.remote_field.model
        to_field = getattr(self.field.remote_field, "field_name", None)
        usable = [item for item in value if usable_key(model, to_field, item)]
        return super().optgroups(name, usable, attr)


class CheckedAutocompleteSelect(_PostedIdsChecked, AutocompleteSelect):
    pass


class CheckedAutocompleteSelectMultiple(_PostedIdsChecked, AutocompleteSelectMultiple):
    pass


class CheckedChoicesMixin:
    """Autocomplete fields whose widgets survive a form posted back with unusable ids.

    (Date filters no date can have are refused for every change list, django-axes'
    included, by careers.web.middleware.refuse_unusable_input.)
    """

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            widget = CheckedAutocompleteSelect(db_field, self.admin_site)
            kwargs.setdefault("widget", widget)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            widget = CheckedAutocompleteSelectMultiple(db_field, self.admin_site)
            kwargs.setdefault("widget", widget)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


admin.site.login_form = AdminLoginForm
