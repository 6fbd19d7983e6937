"""Create the "Recruiters" and "Catalogue editors" groups with their permissions."""

from django.db import migrations

from careers.migrations._grants import grant_permissions

CATALOGUE_MODELS = [
    "jobcategory",
    "role",
    "requirement",
    "roleoccupation",
    "qualification",
    "skill",
]

GROUP_PERMISSIONS = {
    # Recruiters manage their own listings (ownership is enforced in the admin) and may
    # look at the catalogue, never change it.
    "Recruiters": [
        *(f"{action}_joblisting" for action in ("add", "change", "delete", "view")),
        *(f"view_{model}" for model in [*CATALOGUE_MODELS, "occupation"]),
    ],
    # Editors maintain the catalogue; O*NET occupations are source data, view only.
    "Catalogue editors": [
        *(
            f"{action}_{model}"
            for model in CATALOGUE_MODELS
            for action in ("add", "change", "delete", "view")
        ),
        "view_occupation",
    ],
}


def create_groups(apps, schema_editor):
    grant_permissions(apps, GROUP_PERMISSIONS, replace=True)


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=GROUP_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
