"""The table of the "imports" cache (settings.CACHES): a bulk import's file between its
preview and its confirm. Made here, as `createcachetable` would, so that `migrate` is
all a new box or a deploy runs."""

from django.core.management import call_command
from django.db import migrations

TABLE = "careers_import_preview"


def create_table(apps, schema_editor):
    call_command(
        "createcachetable",
        TABLE,
        database=schema_editor.connection.alias,
        verbosity=0,
    )


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("careers", "0021_answers_dropped_results_kept")]

    operations = [migrations.RunPython(create_table, drop_table)]
