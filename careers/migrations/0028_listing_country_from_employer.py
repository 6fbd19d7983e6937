# The listing's country and currency follow its employer unless given (rules.settle_market).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0027_step_estimates_per_market"),
    ]

    operations = [
        migrations.AlterField(
            model_name="joblisting",
            name="apply_phone",
            field=models.CharField(
                blank=True,
                help_text="e.g. +91 80 4000 1234, or 0917 123 4567 in the listing's country.",
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="joblisting",
            name="apply_whatsapp",
            field=models.CharField(
                blank=True,
                help_text="As the phone.",
                max_length=20,
                verbose_name="WhatsApp number",
            ),
        ),
        migrations.AlterField(
            model_name="joblisting",
            name="country",
            field=models.CharField(
                blank=True,
                choices=[("IN", "India"), ("PH", "the Philippines")],
                help_text="Where the job is; blank: the employer's country.",
                max_length=2,
            ),
        ),
        migrations.AlterField(
            model_name="joblisting",
            name="salary_currency",
            field=models.CharField(
                blank=True,
                help_text="ISO code; blank: the country's (INR, PHP).",
                max_length=3,
            ),
        ),
    ]
