"""Failed logins recorded before django-axes kept a hash of the username typed
(careers.security.login_username) kept the text itself, passwords typed into the username
box among them: forget them. A lock-out under way (15 minutes at most) goes with them."""

from django.db import migrations


def forget(apps, schema_editor):
    apps.get_model("axes", "AccessAttempt").objects.all().delete()
    apps.get_model("axes", "AccessFailureLog").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0022_import_preview_table"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(forget, migrations.RunPython.noop)]
