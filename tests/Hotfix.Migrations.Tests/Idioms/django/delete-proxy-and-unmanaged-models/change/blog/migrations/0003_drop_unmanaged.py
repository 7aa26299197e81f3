from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [("blog", "0002_legacy")]

    operations = [
        migrations.DeleteModel(name="LegacyStats"),
        migrations.DeleteModel(name="FeaturedPost"),
        migrations.DeleteModel(name="Draft"),
    ]
