"""Once set lz4 compression on two PostgreSQL columns; now changes nothing.

Compression is the server's business: to have PostgreSQL (14+) compress large values with
lz4, set `default_toast_compression = lz4` in postgresql.conf. Databases that ran the old
version of this migration keep lz4 on those columns, which is harmless.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0006_orjson_fields"),
    ]

    operations = []
