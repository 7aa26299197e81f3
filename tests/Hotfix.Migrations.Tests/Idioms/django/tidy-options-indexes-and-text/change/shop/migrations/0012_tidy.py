from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("shop", "0011_order_status"),
    ]

    operations = [
        migrations.AlterUniqueTogether(
            name="orderline",
            unique_together=set(),
        ),
        migrations.RemoveIndex(
            model_name="order",
            name="shop_order_created_idx",
        ),
        migrations.RemoveConstraint(
            model_name="order",
            name="total_positive",
        ),
        migrations.AlterModelOptions(
            name="order",
            options={"ordering": ["-created"]},
        ),
        migrations.RenameField(
            model_name="order",
            old_name="qty",
            new_name="quantity",
        ),
        migrations.AlterField(
            model_name="order",
            name="note",
            field=models.TextField(blank=True, null=True),
        ),
    ]
