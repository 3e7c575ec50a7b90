"""Settings for the forum: one module, every value that varies read from the environment.

The README lists each environment variable; config/env.py turns bad values into
clear errors that name the variable.
"""

import os
from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from config import env

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env.env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env.secret_key(DEBUG, key_file=BASE_DIR / ".secret_key")
ALLOWED_HOSTS = env.env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "markdownx",
    "django_tasks",
    "django_tasks_db",
    "forum",
    "moderation",
    "privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "forum.middleware.ContentSecurityPolicyMiddleware",  # django-csp's, the header built once per process
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A visitor's cached topic page, before the middleware it does not need (forum/topic_hits.py).
    "forum.topic_hits.AnonymousTopicHitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "forum.middleware.ViewerMiddleware",
    "forum.middleware.MemberLocaleMiddleware",
    "forum.middleware.SuspensionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "forum.middleware.AdminTwoFactorMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After the member is known, before any view (and so before the page caches in the views).
    "privacy.middleware.ConsentGateMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # No i18n processor: the templates that show the language read it with {% get_current_language %}.
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "forum.context_processors.header",
            ],
        },
    },
]

DATABASES = {"default": env.database_config(base_dir=BASE_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = env.cache_config()
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "forum.User"
AUTHENTICATION_BACKENDS = [  # Django's and allauth's, reading the logged-in member from the cache (forum/auth.py)
    "forum.auth.CachedModelBackend",
    "forum.auth.CachedAllauthBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "forum:home"

# django-allauth: log in by username or email, mandatory confirmation, rate limits on
# (they live in the shared cache above, so they hold across workers).
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_FORMS = {"signup": "privacy.forms.SignupForm"}  # the two consents (privacy/)
ACCOUNT_USERNAME_VALIDATORS = "forum.usernames.username_validators"
ACCOUNT_ADAPTER = "forum.account_adapter.ForumAccountAdapter"
# The login_failed key is the account *and* the address (forum.account_adapter): nobody can lock
# another member out by failing their password. A member can always sign in with an emailed code;
# moderators and admins still give their second factor after it (allauth's MFA stage).
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "5/m/ip",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Forum] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Forum"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

globals().update(env.email_config())
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "forum@localhost")
FORUM_BASE_URL = os.environ.get("FORUM_BASE_URL", "http://127.0.0.1:8000")

TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if env.env_bool("FORUM_TASKS_IMMEDIATE", False)
        else "django_tasks_db.DatabaseBackend"
    }
}

# django-markdownx: the preview uses our sanitising renderer, so it shows exactly what is stored.
MARKDOWNX_MARKDOWNIFY_FUNCTION = "forum.markdown.render_markdown"
MARKDOWNX_UPLOAD_MAX_SIZE = 5 * 1024 * 1024
MARKDOWNX_UPLOAD_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp"]
MARKDOWNX_MEDIA_PATH = "uploads/"
MARKDOWNX_IMAGE_MAX_SIZE = {"size": (1600, 1600), "quality": 85}

# A CSP without inline script: every script is a static file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env.env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# The forum's own settings and their defaults live in forum/app_settings.py and
# moderation/app_settings.py; any of them can be overridden here.
