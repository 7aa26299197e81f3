from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("blog", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="post",
            name="summary",
            field=models.CharField(blank=True, help_text="Shown in feeds", max_length=500),
        ),
    ]
