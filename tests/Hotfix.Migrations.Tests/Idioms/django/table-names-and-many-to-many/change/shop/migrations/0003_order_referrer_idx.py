from django.db import migrations


class Migration(migrations.Migration):

    atomic = False

    dependencies = [
        ("shop", "0002_order_referrer"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX CONCURRENTLY shop_order_referrer_id_idx ON shop_order (referrer_id);",
            reverse_sql="DROP INDEX CONCURRENTLY shop_order_referrer_id_idx;",
        ),
    ]
