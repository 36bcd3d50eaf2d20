"""Settings, all from the environment (see .env.example)."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# The default is for local use only; `tipilot check --deploy` flags it (prefix django-insecure).
SECRET_KEY = env("SECRET_KEY", default="django-insecure-tipilot-local-development-key")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])

VAR_DIR = Path(env("TIPILOT_VAR_DIR", default=str(BASE_DIR / "var")))
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'tipilot.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Official files: read from this mirror folder when set, otherwise downloaded into the cache.
TIPILOT_DATA_MIRROR = env("TIPILOT_DATA_MIRROR", default="")
TIPILOT_CACHE_DIR = env("TIPILOT_CACHE_DIR", default=str(VAR_DIR / "cache"))
# Background map tiles: none by default (offline, no third-party calls). Example:
# TIPILOT_TILE_URL=https://tile.openstreetmap.org/{z}/{x}/{y}.png
TIPILOT_TILE_URL = env("TIPILOT_TILE_URL", default="")
TIPILOT_TILE_ATTRIBUTION = env("TIPILOT_TILE_ATTRIBUTION", default="")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "dsfr",
    "widget_tweaks",  # used by django-dsfr's checkbox and radio snippets
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "rest_framework.authtoken",
    "rules",
    "simple_history",
    "tipilot.core",
    "tipilot.geo",
    "tipilot.territories",
    "tipilot.governance",
    "tipilot.contracts",
    "tipilot.actions",
    "tipilot.calls",
    "tipilot.sites",
    "tipilot.deployments",
    "tipilot.experimentation",
    "tipilot.analytics",
    "tipilot.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

# The audit trail keeps the whole reason of a change (a reopening's or a decision's reason is
# free text written by a person); the library's default column stops at 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Object-level permissions: django-rules predicates in each domain's permissions.py.
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "account"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600
TIPILOT_INVITATION_DAYS = env.int("TIPILOT_INVITATION_DAYS", default=14)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 12 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_SAMESITE = "Lax"

# Email: the console in development and the demo; SMTP by EMAIL_URL (smtp+tls://user:pw@host:587).
vars().update(env.email("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="tipilot <ne-pas-repondre@tipilot.local>")
# Absolute address of the site, for links in emails.
TIPILOT_SITE_URL = env("TIPILOT_SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Uploaded documents, through Django's storage API: a folder here; S3-compatible storage is
# STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", ...} (django-storages).
MEDIA_ROOT = Path(env("TIPILOT_MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
TIPILOT_MAX_UPLOAD_BYTES = env.int("TIPILOT_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = TIPILOT_MAX_UPLOAD_BYTES + 1024 * 1024
# Spreadsheets checked by a dry run wait here (private, never served) until confirmed.
TIPILOT_IMPORT_DIR = Path(env("TIPILOT_IMPORT_DIR", default=str(VAR_DIR / "imports")))

ROOT_URLCONF = "tipilot.urls"
WSGI_APPLICATION = "tipilot.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dsfr.context_processors.site_config",
                "tipilot.web.context_processors.platform",
            ],
        },
    },
]

LANGUAGE_CODE = "fr"
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Front-end packages fetched by `make vendor` (npm pack at pinned versions).
STATICFILES_DIRS = [("vendor", VAR_DIR / "vendor")] if (VAR_DIR / "vendor").is_dir() else []
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # Writes: a token (Authorization: Token …) from /comptes/ or a logged-in session with CSRF.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API ouverte tipilot — Territoires d'industrie",
    "DESCRIPTION": "Géographie de référence et territoires du programme, en lecture libre.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "EpciKindEnum": "tipilot.geo.enums.EpciKind",
        "ChangeKindEnum": "tipilot.territories.enums.ChangeKind",
        "TerritoryStatusEnum": "tipilot.territories.enums.TerritoryStatus",
        "ContractStateEnum": "tipilot.contracts.enums.ContractState",
        "AmendmentStateEnum": "tipilot.contracts.enums.AmendmentState",
        "CalendarStatusEnum": "tipilot.contracts.enums.CalendarStatus",
        "DocumentKindEnum": "tipilot.contracts.enums.DocumentKind",
        "TransitionEnum": "tipilot.contracts.enums.Transition",
        "DecisionKindEnum": "tipilot.governance.enums.DecisionKind",
    },
}


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# Behind HTTPS in production: SECURE_COOKIES=true (also sets HSTS and the HTTPS redirect).
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
if SESSION_COOKIE_SECURE:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
