from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):

    dependencies = [
        ("shop", "0001_invoice"),
    ]

    operations = [
        migrations.AddField(
            model_name="order",
            name="referrer",
            field=models.ForeignKey(db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="shop.customer"),
        ),
    ]
