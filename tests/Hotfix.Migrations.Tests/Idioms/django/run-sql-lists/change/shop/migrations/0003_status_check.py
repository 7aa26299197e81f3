from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("shop", "0002_drop_legacy"),
    ]

    operations = [
        migrations.RunSQL(
            sql=[
                "ALTER TABLE shop_order ADD CONSTRAINT shop_order_status_chk CHECK (status IN ('new', 'paid')) NOT VALID;",
            ],
            reverse_sql=[
                "ALTER TABLE shop_order DROP CONSTRAINT shop_order_status_chk;",
            ],
        ),
        migrations.RunSQL(
            sql=("ALTER TABLE shop_order "
                 "VALIDATE CONSTRAINT shop_order_status_chk;"),
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
