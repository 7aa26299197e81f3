from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("blog", "0001_initial"),
    ]

    # The column stays until the running version no longer reads it; a later migration drops it.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="post", name="summary"),
            ],
            database_operations=[],
        ),
    ]
