from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("blog", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="LegacyStats",
            fields=[("id", models.IntegerField(primary_key=True)), ("hits", models.IntegerField())],
            options={"db_table": "legacy_stats", "managed": False},
        ),
        migrations.CreateModel(
            name="Draft",
            fields=[("id", models.BigAutoField(primary_key=True)), ("text", models.TextField())],
        ),
        migrations.CreateModel(
            name="FeaturedPost",
            fields=[],
            options={"proxy": True},
            bases=("blog.post",),
        ),
    ]
