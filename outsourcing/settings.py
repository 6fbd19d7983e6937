"""CareerFit settings: one file, every difference between machines is an environment value."""

import ipaddress
import os
import subprocess
from datetime import timedelta
from pathlib import Path

import dj_database_url
import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

# The environment, read through django-environ. Flags keep their fail-safe spelling
# below (DEBUG only for exactly "1", HTTPS off only for exactly "0"): environ's bool()
# reads "" as false, which would turn HTTPS off for an empty DJANGO_HTTPS. Secrets are
# read as they are (os.environ): environ reads a value starting with "$" as the name of
# another variable, and Django's own generated keys may start with "$".
env = environ.Env()


def env_int(name: str, default: int | None) -> int | None:
    """A whole number of zero or more (unset or empty: `default`); anything else stops
    start-up, naming the variable."""
    try:
        value = env.int(name, default=None)
    except ValueError:
        value = -1
    if value is not None and value < 0:
        raise ImproperlyConfigured(
            f"{name} must be a whole number of 0 or more, not {env.str(name)!r}"
        )
    return default if value is None else value


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """Comma-separated values, each stripped; empty items dropped."""
    items = env.list(name, cast=str.strip, default=default or [])
    return [item for item in items if item]


# Seconds a database connection is kept between requests (0: one per request).
CONN_MAX_AGE = env_int("DJANGO_CONN_MAX_AGE", 60)
SQLITE_DEFAULT = "sqlite:///db.sqlite3"


def database_config(url: str) -> dict:
    """Django's settings for DATABASE_URL (dj-database-url), with our SQLite and
    PostgreSQL options; sqlite:///name is relative to the project."""
    url = url or SQLITE_DEFAULT
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        url = f"sqlite:///{BASE_DIR / url.removeprefix('sqlite:///')}"
    try:
        config = dj_database_url.parse(
            url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True
        )
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL: {error}") from error
    engine = config["ENGINE"].rsplit(".", 1)[-1]
    if engine not in ("sqlite3", "postgresql"):
        raise ImproperlyConfigured(
            f"DATABASE_URL: CareerFit runs on SQLite or PostgreSQL, not {engine} "
            "(use sqlite:///file or postgres://user@host:5432/name)"
        )
    if engine == "sqlite3":
        if not str(config["NAME"]).strip("/"):
            raise ImproperlyConfigured("DATABASE_URL: a sqlite URL needs a file name")
        # Tests get a file beside it, not Django's shared in-memory database: that one
        # fails concurrent writes at once ("table is locked") where a file waits.
        config["TEST"] = {"NAME": f"{config['NAME']}.test"}
        # One writer at a time, readers never blocked (WAL); writers take the lock at
        # BEGIN (IMMEDIATE) and wait for it instead of failing with "database is
        # locked" half-way through a transaction.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
            ),
            **config.get("OPTIONS", {}),
        }
    else:
        # psycopg prepares a statement on the server after 5 uses unless told not to;
        # a migration that changes a column such a statement returns then fails every
        # page until the connections end. Off unless DJANGO_DB_PREPARE_THRESHOLD is set.
        config["OPTIONS"] = {
            "prepare_threshold": env_int("DJANGO_DB_PREPARE_THRESHOLD", None),
            **config.get("OPTIONS", {}),
        }
        # The test run creates and drops this one database, under a name that says so.
        config["TEST"] = {"NAME": f"careerfit_test_{config['NAME']}"}
    return config


def release_from_git() -> str:
    """The checked-out git revision, or "unreleased" outside a git checkout."""
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unreleased"


# Django's own rule for a weak key (security.W009), checked here as well because Django
# only warns, and only under `check --deploy`, which no gunicorn start runs: a weak key
# must stop production from starting (tests/test_production.py).
def weak_secret_key(key: str) -> bool:
    """Django's own deploy-check rule: 50+ characters, 5+ distinct, no insecure prefix."""
    return len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure-")


DEBUG = env.str("DJANGO_DEBUG", default="") == "1"

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] * DEBUG)

# Without DEBUG this is production: refuse to start rather than run insecurely.
if not DEBUG:
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value, e.g. the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`, "
            "or set DJANGO_DEBUG=1 for local development."
        )
    if weak_secret_key(SECRET_KEY):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is too weak: use at least 50 random characters "
            "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(50))'`)."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS is empty: list the host names this site answers to, "
            "comma-separated (e.g. careerfit.example,www.careerfit.example)."
        )
elif not SECRET_KEY:
    SECRET_KEY = "django-insecure-local-development-only"

INSTALLED_APPS = [
    # Before the admin, as django-modeltranslation asks: catalogue text per language.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Django's widget templates, for FORM_RENDERER below.
    "django.forms",
    "django_htmx",
    "template_partials",
    "csp",
    "axes",
    "import_export",
    "careers",
]
# Bulk import of listings (careers/listings/admin/importing.py): for those who may add one.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
# The file between preview and confirm: in the shared "imports" cache (CACHES below),
# not in this box's /tmp, where another box's confirm found nothing (a 500) and every
# preview stayed for ever.
IMPORT_EXPORT_TMP_STORAGE_CLASS = "careers.listings.admin.importing.PreviewStorage"

MIDDLEWARE = [
    # Outermost, so that everything below it (pages and static files) leaves compressed:
    # our users pay for mobile data.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Static files are answered here, before sessions or CSRF do any work for them.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL (/hi/...); a bare address follows the browser's.
    "django.middleware.locale.LocaleMiddleware",
    # Refuses what no page can use (a NUL, an unreadable form, an impossible date
    # filter) with a 400 before anything reads it (careers/web/middleware.py). After the
    # language is set, so the 400 is in the address's language (the two above read
    # cookies, headers and the path, never the body); before CSRF, which reads the body.
    "careers.web.middleware.refuse_unusable_input",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into our 429 page.
    "axes.middleware.AxesMiddleware",
]

# django-axes counts failed logins first, so a locked-out address never reaches the password
# check; then Django's own backend (without the demo login unless DEBUG).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "careers.web.backends.AccountBackend",
]

# `make bench` serves its bare "hello" ceiling beside the site through its own URLconf.
ROOT_URLCONF = env.str("DJANGO_ROOT_URLCONF", default="outsourcing.urls")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Forms render with the templates above, so that templates/django/forms/field.html, ours,
# is the one `{{ field.as_field_group }}` uses on every page.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "outsourcing.wsgi.application"

DATABASES = {"default": database_config(env.str("DATABASE_URL", default=""))}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# Each name in its own language, as the switcher shows it. Django ships no Filipino
# locale; ours in locale/ is the one it uses.
LANGUAGES = [("en", "English"), ("hi", "हिन्दी"), ("fil", "Filipino")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The catalogue's text (careers/translation.py) in each language, English where a
# translation is missing; pages mark such text (careers.templatetags, `in_language`).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "UTC"
# Our own corrections to a language's date and time formats (careers/formats/).
FORMAT_MODULE_PATH = ["careers.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
# Without DEBUG, static files are served from STATIC_ROOT (run `collectstatic`) with hashed
# names, pre-compressed, and cached for a year; with DEBUG, straight from the source folders.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# We store no uploads; naming the place keeps test servers from serving the project folder.
MEDIA_URL = "media/"
MEDIA_ROOT = BASE_DIR / "media"

WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# `loaddata catalogue` finds fixtures/catalogue.json from any working directory.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# What was deployed: part of the key of every rendered page or fragment, so a deploy
# never serves pages rendered by the previous release (naming its static files).
# DJANGO_RELEASE, else the git revision.
RELEASE = env.str("DJANGO_RELEASE", default="") or release_from_git()

# Three caches. "default" holds rate-limit counts and the generation that names
# the current catalogue and listings (careers/web/caching.py): with REDIS_URL it is shared by
# every worker and server, of every release, so limits hold across them and an edit
# shows everywhere at once. "pages" holds rendered pages, fragments and the catalogue,
# under that generation: always in the process itself, as a hit then costs no round trip
# (a public page served from Redis cost about a fifth of the hello ceiling more). Redis
# errors are ignored (django-redis' IGNORE_EXCEPTIONS): a cache outage lets requests
# past the rate limits (RATELIMIT_FAIL_OPEN below) rather than answering 500. "imports"
# (below) keeps a bulk import's file between preview and confirm.
REDIS_URL = env.str("REDIS_URL", default="")


def redis_cache(url: str) -> dict:
    """The default cache on the Redis at `url`, failing fast while it does not answer."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            # Redis answers within a millisecond; one that has not within 0.25 s is
            # down, and is then left alone for a while (careers/web/caching.py), so a hung
            # Redis costs a request at most one timeout.
            "REDIS_CLIENT_CLASS": "careers.web.caching.FailFastRedis",
            "SOCKET_CONNECT_TIMEOUT": 0.25,
            "SOCKET_TIMEOUT": 0.25,
        },
    }


CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "default",
    },
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}
if REDIS_URL:
    CACHES["default"] = redis_cache(REDIS_URL)
# Sessions (the admin's only: candidates have none) stay in the database, never in Redis:
# a logout while Redis was unreachable deleted the database row but not Redis' copy
# (cached_db), and the session worked again once Redis answered. An admin request pays
# one indexed query for it.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Only rendered pages are kept per release. What the default cache holds means the same
# to every release, so during a rolling deploy both count one rate limit and read one
# generation (an edit shows on both); a release that changes what a value there means
# gives it a new key.
CACHES["default"]["KEY_PREFIX"] = "careerfit-default"
CACHES["pages"]["KEY_PREFIX"] = f"careerfit-pages-{RELEASE}"
# A third, "imports", keeps a bulk import's file from its preview to its confirm
# (careers/listings/admin/importing.py), which another worker or box may answer. It is a
# table in the database, the one store certain to be shared: without REDIS_URL each
# worker has its own "default", and Redis may drop keys or be unreachable (its errors
# are ignored) where a lost file is a failed import. Not under RELEASE either, so a
# deploy between preview and confirm loses nothing. Its table is made by a migration
# (careers 0022), so `make run` and a deploy need no extra command. A file (256 KB at
# most) is kept an hour: unreadable after, and its row deleted when read, by the daily
# `purge_stale`, or when the table passes MAX_ENTRIES. That culling also deletes a third
# of the files still in their hour (and their confirms fail), so MAX_ENTRIES is far above
# real use (a recruiter previews a few files an hour; it was 100, which a busy hour could
# pass) and only bounds the table, at 500 MB, should something send previews in a loop.
CACHES["imports"] = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "careers_import_preview",
    "TIMEOUT": 60 * 60,
    "KEY_PREFIX": "careerfit-imports",
    "OPTIONS": {"MAX_ENTRIES": 2000},
}

# Our forms are small: a body over 64 KB or with over 200 fields is refused with a 400
# before any view runs. An uploaded file is not counted here (Django reads it apart): the
# bulk import's own limit (MAX_FILE_KB) and nginx's body cap just above it bound that.
DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "careers.web.errors.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Our own proxies (nginx, a load balancer), as addresses or networks: only a request from
# one of them has its X-Forwarded-For read (careers/web/clients.py), and gunicorn believes
# X-Forwarded-Proto only from these (outsourcing/gunicorn.conf.py). Rate limits and login
# lock-outs count by the address found; anyone else's forwarded headers are ignored.
TRUSTED_PROXIES = []
for _proxy in env_list("DJANGO_TRUSTED_PROXIES"):
    try:
        TRUSTED_PROXIES.append(ipaddress.ip_network(_proxy, strict=False))
    except ValueError as error:
        raise ImproperlyConfigured(f"DJANGO_TRUSTED_PROXIES: {error}") from error

# Production is served over HTTPS: redirect plain HTTP, secure cookies, and HSTS, unless
# DJANGO_HTTPS=0 says this server is reached over plain HTTP (tests, the benchmark).
HTTPS = env.str("DJANGO_HTTPS", default="0" if DEBUG else "1") != "0"
if HTTPS:
    SECURE_SSL_REDIRECT = True
    # Load balancers check health over plain HTTP inside the private network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Email (the reminders of `remind_expiring`): printed to the console unless an SMTP server
# is given, so `make run` sends nothing anywhere.
EMAIL_HOST = env.str("DJANGO_EMAIL_HOST", default="")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
EMAIL_HOST_USER = env.str("DJANGO_EMAIL_USER", default="")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env.str("DJANGO_EMAIL_TLS", default="1") != "0"
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env.str(
    "DJANGO_EMAIL_FROM", default="CareerFit <no-reply@careerfit.example>"
)
# Where links in emails point (no request to build them from).
SITE_URL = env.str(
    "DJANGO_SITE_URL", default="http://127.0.0.1:8000" if DEBUG or not HTTPS else ""
).rstrip("/")

# Only our own files run: scripts from our origin (and the per-response nonce they carry),
# no inline code, no eval, no plugins, nothing may frame us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [NONE],
    }
}

# Rate limits (django-ratelimit) count in the default cache by client address. DJANGO_RATE_LIMITS=0
# turns them off, for the load benchmark only: it sends thousands of requests from one address.
RATELIMIT_ENABLE = env.str("DJANGO_RATE_LIMITS", default="1") != "0"
RATELIMIT_FAIL_OPEN = True
RATELIMIT_IP_META_KEY = "careers.web.clients.client_ip"
# A view over its limit raises Ratelimited; the middleware answers with our 429 page.
RATELIMIT_VIEW = "careers.web.ratelimits.too_many_requests"

# Admin logins (django-axes): 5 failures for one username from one address lock that
# username out of logging in from there for 15 minutes (colleagues behind the same
# address go on); a successful login clears the count. Attempts are kept in the
# database, so every worker and server agrees without a shared cache. What was typed
# as the username is kept only as a keyed hash (a password typed there is not stored),
# and each address also has a ceiling of login attempts an hour (careers/admin).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "careers.web.logins.login_username"
# The form's fields axes copies into its records: the typed username masked too.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "careers.web.clients.client_ip"
AXES_LOCKOUT_CALLABLE = "careers.web.logins.locked_out"
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Tokens in URLs open a candidate's answers: they never reach a log line.
    "filters": {"redact_tokens": {"()": "careers.web.logs.RedactTokens"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_tokens"]},
        "null": {"class": "logging.NullHandler"},
    },
    "root": {
        "handlers": ["console"],
        "level": env.str("DJANGO_LOG_LEVEL", default="INFO"),
    },
    "loggers": {
        # Security events, one JSON object a line (careers/web/logs.py), for log shippers.
        "careers.security": {"level": "INFO"},
        # Their "Not Found: /s/<token>/" lines, redacted before any handler sees them.
        "django.request": {"filters": ["redact_tokens"]},
        "django.server": {"filters": ["redact_tokens"]},
        # Scanners send unknown Host headers all day; each is already one line of our
        # security log ("bad_request"), not also an ERROR with a traceback.
        "django.security.DisallowedHost": {"handlers": ["null"], "propagate": False},
    },
}
