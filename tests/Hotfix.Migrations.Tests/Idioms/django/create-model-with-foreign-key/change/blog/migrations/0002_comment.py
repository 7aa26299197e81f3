import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("blog", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="Comment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("body", models.TextField()),
                ("post", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="blog.post")),
                ("reply_to", models.ForeignKey(db_index=False, null=True, on_delete=django.db.models.deletion.CASCADE, to="blog.comment")),
            ],
        ),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(fields=["reply_to", "id"], name="blog_comment_reply_idx"),
        ),
    ]
