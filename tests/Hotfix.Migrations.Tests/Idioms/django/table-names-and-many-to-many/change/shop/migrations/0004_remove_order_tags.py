from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("shop", "0003_order_referrer_idx"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="order",
            name="tags",
        ),
        migrations.RemoveField(
            model_name="order",
            name="note",
        ),
        migrations.AlterField(
            model_name="invoice",
            name="number",
            field=models.CharField(max_length=64),
        ),
    ]
