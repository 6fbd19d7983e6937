"""Granting the admin's groups their permissions from a data migration (the loader skips
modules whose names start with "_", so this is not a migration itself)."""

from django.contrib.auth.management import create_permissions


def grant_permissions(apps, grants: dict[str, list[str]], *, replace: bool = False):
    """Give each group (created if missing) these careers permissions, in addition to
    what it has, or instead of it with `replace`; every codename must exist."""
    # Permissions are normally created after migrate finishes; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in grants.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label="careers", codename__in=codenames
        )
        assert permissions.count() == len(codenames), f"missing permissions for {name}"
        if replace:
            group.permissions.set(permissions)
        else:
            group.permissions.add(*permissions)
