import os

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "shop",
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB", "shop"),
        "HOST": os.environ.get("POSTGRES_HOST", "localhost"),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
