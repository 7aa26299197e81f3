from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("shop", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            sql=["ALTER TABLE shop_customer DROP COLUMN legacy_code;"],
            reverse_sql=["ALTER TABLE shop_customer ADD COLUMN legacy_code varchar(20) NULL;"],
        ),
        migrations.RunSQL(
            [
                ("UPDATE shop_order SET status = %s WHERE id = %s;", ["paid", 42]),
                "DELETE FROM shop_order;",
            ],
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.RunSQL(
            sql=("DROP TABLE shop_order_tags",),
            reverse_sql=None,
        ),
    ]
