"""The portal's one settings module.

Every value that differs between a laptop and a clinic's server comes from an environment variable
(listed with its default in README.md and .env.example). The defaults make `make run` work; with
DEBUG off the module refuses to load without the secrets a real deployment must provide.
"""

import os
from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    normalised = value.strip().lower()
    if normalised in {"1", "true", "yes", "on"}:
        return True
    if normalised in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false, yes/no, on/off), got {value!r}.")


def env_str(name: str, default: str = "") -> str:
    """The variable's value; a blank one (as an env file's `NAME=` line gives) means unset."""
    value = os.environ.get(name, "").strip()
    return value or default


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}.") from None


def env_float(name: str, default: float) -> float:
    value = env_str(name)
    if not value:
        return default
    try:
        return float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, got {value!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


# The WSGI/ASGI entry points default DEBUG to off (see portal/wsgi.py), so a server never runs in
# debug mode by accident; manage.py and the test suite default to the local, debug-friendly mode.
DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

if DEBUG:
    SECRET_KEY = SECRET_KEY or "local-development-only-not-secret"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    missing = [
        name for name, value in (("SECRET_KEY", SECRET_KEY), ("ALLOWED_HOSTS", ALLOWED_HOSTS)) if not value
    ]
    if missing:
        raise ImproperlyConfigured(
            f"Production mode (DEBUG off) needs {' and '.join(missing)} set in the environment. "
            "Set DEBUG=1 only for local development. See README.md, 'Settings'."
        )
    if len(SECRET_KEY) < 32:
        raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters long in production.")

# Old keys still accepted while a new SECRET_KEY is rolled out: sessions, password-reset links and
# reading-pack codes made under them keep working until the old key is removed from this list.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The portal's own apps, each depending only on the ones above it (docs/architecture.md). They come
# first so that their templates override the CMS's and the admin's.
INSTALLED_APPS = [
    "portal",
    "page_cache",
    "clinic",
    "education",
    "feedback",
    "governance",
    "reading_packs",
    "site_search",
    "page_metadata",
    "staff_access",
    "frontend_cache",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles: runserver then serves static files through whitenoise, as production
    # does, instead of Django's development handler (which answers /static/../x with a 500).
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "cms",
    "menus",
    "treebeard",
    "sekizai",
    "djangocms_versioning",
    "djangocms_text",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "dbbackup",
    "django_tasks",
    "django_tasks_db",
]

# No LanguageCookieMiddleware: the language comes from the address alone, and anonymous readers get
# no cookie.
# Order matters:
# - The header middlewares sit at the top and add their headers on the way out, so every response
#   gets them, including one produced by a page cache or a refusal further down the stack.
# - OTPMiddleware and StaffTwoFactorMiddleware come straight after authentication and before the CMS
#   middlewares, so no CMS path (toolbar, edit and structure mode, plugin and wizard URLs under
#   /admin/cms/) runs for a signed-in user who has not passed the second factor.
# - AxesMiddleware is last, as django-axes asks, to turn a lockout into the lockout page.
MIDDLEWARE = [
    # First: answers /healthz without the database-dependent layers below (portal/health.py).
    "portal.health.HealthCheckMiddleware",
    # On the way out, after everything below: whatever is not marked public becomes private.
    "page_cache.middleware.PrivateUnlessPublicMiddleware",
    # On the way out, after compression: a HEAD keeps the GET's headers and loses its body.
    "page_cache.compression.HeadWithoutBodyMiddleware",
    # Whatever the page cache and whitenoise did not compress (page_cache/compression.py).
    "page_cache.compression.CompressRestMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "toolkit.security_headers.SecurityHeadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "toolkit.security_headers.BadRequestGuardMiddleware",
    # Around whitenoise: each content coding of a static file gets an ETag of its own.
    "page_cache.compression.StaticFileETagMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below every middleware that adds response headers (security headers, CSP), so those run on
    # cached pages exactly as on fresh ones; above everything that needs the session or the database.
    "page_cache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Below the session middleware, so it tidies the view's Vary before "Cookie" is added to it.
    "toolkit.security_headers.WellFormedVaryMiddleware",
    # The language comes from the path alone (no cookie, no Accept-Language): see WellFormedVary.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "staff_access.middleware.StaffTwoFactorMiddleware",
    # After the two-factor check, before the CMS middlewares: a staff account without a role never
    # gets the toolbar.
    "staff_access.middleware.StaffWithoutRoleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.middleware.user.CurrentUserMiddleware",
    "cms.middleware.page.CurrentPageMiddleware",
    "cms.middleware.toolbar.ToolbarMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sekizai.context_processors.sekizai",
                "cms.context_processors.cms_settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer must not hold a worker: fail fast, show the 503 page, recover.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int("DATABASE_CONNECT_TIMEOUT", 3)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite for a web server: readers never wait for a writer (WAL), a writer waits its turn instead
    # of failing at once (busy timeout), and a transaction takes the write lock when it begins
    # (IMMEDIATE), so two writers never deadlock half-way through and one of them fail.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": env_int("DATABASE_BUSY_TIMEOUT", 20),
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # Shared by every worker and machine, so a publish is seen everywhere at once.
    CACHES = {
        "default": {
            # Redis holds nothing that cannot be rebuilt: while it is unreachable this backend answers
            # "miss" and drops writes (page_cache/resilient_redis.py), so pages render from the database.
            "BACKEND": "page_cache.resilient_redis.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that hangs must not hang every page and /healthz with it.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    # Per-process: fine for the single-process dev server, wrong for several workers (docs/operations.md).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Lets several sites (or test runs) share one Redis without seeing each other's keys.
CACHES["default"]["KEY_PREFIX"] = env_str("CACHE_KEY_PREFIX")

# --- Page cache (page_cache/) --------------------------------------------------------------------------
# How often, at most, a worker asks the shared cache whether anything was published: the longest a
# worker other than the publishing one can show the old page.
PAGE_CACHE_CHECK_INTERVAL = env_float("PAGE_CACHE_CHECK_INTERVAL", 0.2)
# Rendered pages each worker keeps in memory (least recently used first out).
PAGE_CACHE_MAX_ENTRIES = 2000

# --- HTTP caches in front of the site (page_cache/responses.py, frontend_cache/, docs/http-caching.md) --
# Every change patients would notice purges each cache listed here, after commit.
FRONTEND_CACHES = {
    "varnish": {"urls": env_list("PORTAL_VARNISH_URLS")},
    "cloudflare": {
        "zone_id": env_str("PORTAL_CLOUDFLARE_ZONE_ID"),
        "api_token": env_str("PORTAL_CLOUDFLARE_API_TOKEN"),
        "api_url": env_str("PORTAL_CLOUDFLARE_API_URL", "https://api.cloudflare.com"),
    },
    "cloudfront": {
        "distribution_id": env_str("PORTAL_CLOUDFRONT_DISTRIBUTION_ID"),
        "access_key_id": env_str("PORTAL_CLOUDFRONT_ACCESS_KEY_ID"),
        "secret_access_key": env_str("PORTAL_CLOUDFRONT_SECRET_ACCESS_KEY"),
        "api_url": env_str("PORTAL_CLOUDFRONT_API_URL", "https://cloudfront.amazonaws.com"),
    },
}
_PURGED = bool(
    FRONTEND_CACHES["varnish"]["urls"]
    or FRONTEND_CACHES["cloudflare"]["zone_id"]
    or FRONTEND_CACHES["cloudfront"]["distribution_id"]
)
# How long a shared cache may keep a patient page. Only safe when that cache is purged on every
# change, so the default is a day when a frontend cache is configured and 0 (re-check every time)
# otherwise. Browsers always re-check.
PORTAL_SHARED_CACHE_SECONDS = env_int("PORTAL_SHARED_CACHE_SECONDS", 86400 if _PURGED else 0)
# How long a shared cache may go on serving a page while the site behind it answers errors.
PORTAL_STALE_IF_ERROR_SECONDS = env_int("PORTAL_STALE_IF_ERROR_SECONDS", 86400)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 15}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English pages keep their unprefixed addresses; every other language lives under /<code>/. A third
# language is one more entry here and in CMS_LANGUAGES, a locale/<code>/ file and its pages
# (docs/languages.md).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates in the admin as everywhere else in the portal: "2 December 2026", not "Dec. 2, 2026".
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

SITE_ID = 1

# --- Reading packs (reading_packs/, docs/reading-packs.md) ------------------------------------------
# Days a reading record is kept after its code expires; `manage.py purge_reading_records` (daily
# from cron) deletes older ones.
PORTAL_READING_RECORD_DAYS = env_int("PORTAL_READING_RECORD_DAYS", 90)
# The address patients and staff use, without a trailing slash. It names the Sites framework's site
# (the CMS toolbar, absolute links) and starts every link in an email (portal/handlers.py keeps the
# site in step after each migrate).
# Default in production: https:// and the first ALLOWED_HOSTS name.
PORTAL_BASE_URL = (
    env_str("PORTAL_BASE_URL")
    or ("http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0].lstrip('.')}")
).rstrip("/")
if not PORTAL_BASE_URL.startswith(("https://", "http://")) or "/" in PORTAL_BASE_URL.split("://", 1)[1]:
    raise ImproperlyConfigured(
        "PORTAL_BASE_URL must be a scheme and host only, like https://guide.clinic.example; "
        f"got {PORTAL_BASE_URL!r}."
    )

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # django-dbbackup writes database and media backups here (docs/operations.md).
    "dbbackup": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": Path(env_str("BACKUP_DIR") or BASE_DIR / "backups")},
    },
    # Hashed, compressed files in production; plain storage locally and in tests, where
    # collectstatic has not run and the manifest would be missing.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# No email on a failed backup: cron's own mail, or the exit status, tells the operator.
DBBACKUP_SEND_EMAIL = False
# Restores a SQLite backup into the open database instead of over its file (see the module).
DBBACKUP_CONNECTOR_MAPPING = {"django.db.backends.sqlite3": "toolkit.sqlite_backup.SqliteOnlineConnector"}
WHITENOISE_MAX_AGE = 3600
# Locally, serve files straight from static/ without collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# --- django CMS ---------------------------------------------------------------------------------
CMS_TEMPLATES = [
    ("education/pages/guide.html", "Guide page"),
    (
        "education/pages/guide_with_crisis_signpost.html",
        "Guide page with crisis signpost (risks, after-care)",
    ),
    ("education/pages/home.html", "Home page"),
    # The guide pathway: pages whose lists are drawn from the page tree.
    ("education/pages/checklist.html", "Checklist page (links every step of the guide)"),
    ("education/pages/glossary.html", "Glossary page (lists every term on published pages)"),
    ("education/pages/crisis.html", "Get help now page (lists the crisis numbers of the clinic's country)"),
]
CMS_PERMISSION = False
CMS_CACHE_DURATIONS = {"content": 300, "menus": 3600, "permissions": 3600}
CMS_PAGE_CACHE = True
CMS_PLACEHOLDER_CACHE = True
CMS_PLUGIN_CACHE = True
CMS_LANGUAGES = {
    SITE_ID: [{"code": code, "name": name, "public": True, "fallbacks": []} for code, name in LANGUAGES],
    # A page not yet translated is a 404 in that language, never the English text under /es/.
    "default": {"fallbacks": [], "redirect_on_fallback": False, "public": True, "hide_untranslated": True},
}
X_FRAME_OPTIONS = "SAMEORIGIN"
DJANGOCMS_VERSIONING_ALLOW_DELETING_VERSIONS = False

SILENCED_SYSTEM_CHECKS = [
    # treebeard's MP_Node warns that django CMS's TreeNode has no explicit ordering; CMS orders
    # its own queries by path, so this is harmless (known django CMS issue).
    "treebeard.E001",
    # X_FRAME_OPTIONS stays SAMEORIGIN (not DENY): the CMS opens its editors and admin pages in
    # frames of the site itself (sideframe and modal dialogs). Other sites still cannot frame it.
    "security.W019",
    # HSTS preload is opt-in (SECURE_HSTS_PRELOAD=1): the preload list is a commitment that every
    # subdomain of the clinic's domain serves HTTPS for years, which only the clinic can make.
    "security.W021",
]

# --- Sessions, cookies and security ---------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)

# --- Email and background work (docs/deployment.md) -------------------------------------------------
# One address says how mail leaves: smtp+tls://user:password@smtp.example.org:587 (STARTTLS),
# smtps://user:password@smtp.example.org:465 (TLS from the start), smtp://relay.internal:25.
# Locally mail is printed on the terminal. A user name or password with @, : or / in it is written
# percent-encoded (%40, %3A, %2F).
EMAIL_URL = env_str("EMAIL_URL", "" if not DEBUG else "consolemail://")
# Mail that is only printed or kept puts every invitation and password-reset link in a log or a
# file, where whoever reads it can take over the account: production refuses it unless the operator
# says, with this, that they mean it (a test server whose log only they can read).
PORTAL_EMAIL_TO_LOG = env_bool("PORTAL_EMAIL_TO_LOG", False)
_MAIL_THAT_IS_NOT_SENT = ("consolemail", "filemail", "memorymail", "dummymail")
if not EMAIL_URL:
    raise ImproperlyConfigured(
        "Production mode (DEBUG off) needs EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.org:587: "
        "staff invitations, password resets and review reminders are sent by email."
    )
if not DEBUG and EMAIL_URL.split(":", 1)[0] in _MAIL_THAT_IS_NOT_SENT and not PORTAL_EMAIL_TO_LOG:
    raise ImproperlyConfigured(
        f"EMAIL_URL={EMAIL_URL.split(':', 1)[0]}:// would print or keep mail instead of sending it, and "
        "put every sign-in link where logs are read. Set EMAIL_URL to your SMTP server, or "
        "PORTAL_EMAIL_TO_LOG=1 if that is really what you want."
    )
try:
    _mail = environ.Env.email_url_config(EMAIL_URL)
except Exception as error:  # django-environ raises bare exceptions for unknown schemes
    scheme = EMAIL_URL.split(":")[0]
    raise ImproperlyConfigured(f"EMAIL_URL could not be read ({error}); got a {scheme}:// URL.") from None
if EMAIL_URL.startswith("smtps://"):
    # django-environ reads smtps as STARTTLS; on port 465 it means TLS from the first byte.
    _mail.update(EMAIL_USE_TLS=False, EMAIL_USE_SSL=True)
# Every message goes through the task queue (toolkit/queued_email.py): the request that sends it
# never waits for the mail server, and a message the server refuses is retried, not lost.
EMAIL_BACKEND = "toolkit.queued_email.QueuedEmailBackend"
PORTAL_EMAIL_DELIVERY_BACKEND = _mail["EMAIL_BACKEND"]
EMAIL_HOST = _mail.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = _mail.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _mail.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _mail.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = bool(_mail.get("EMAIL_USE_TLS"))
EMAIL_USE_SSL = bool(_mail.get("EMAIL_USE_SSL"))
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
# Seconds before each new attempt at a message the mail server did not take; then it is given up
# and shown as failed (an invitation can be sent again from the admin).
PORTAL_EMAIL_RETRY_SECONDS = [int(value) for value in env_list("PORTAL_EMAIL_RETRY_SECONDS", "60,300,1800")]
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "portal@localhost")
# Sender of error reports to ADMINS.
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Who is emailed a server error (500) in production: "Name <address>, other@clinic.example".
ADMINS = [getaddresses([entry])[0] for entry in env_list("ADMINS")]

# Background work (django-tasks, its database backend): emails and frontend-cache purges are
# stored in the database and run by `manage.py db_worker`, so a web worker that restarts loses
# none. Locally they run at once, inside the request, so `make run` needs no worker.
PORTAL_TASKS_RUN_IMMEDIATELY = env_bool("PORTAL_TASKS_RUN_IMMEDIATELY", DEBUG)
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if PORTAL_TASKS_RUN_IMMEDIATELY
        else "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# Any case ("warning" as well as "WARNING"); a wrong value stops the start with a message naming it.
LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR or CRITICAL (any case); "
        f"got {os.environ.get('LOG_LEVEL')!r}."
    )
# Every handler takes reading-pack codes and query strings out of what it writes
# (toolkit/log_privacy.py): Django logs "Not Found: <path>" and runserver every request.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "patient_data": {"()": "toolkit.log_privacy.PatientDataFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["patient_data"]},
        # Server errors in production, to ADMINS, through the same task queue as every email.
        "mail_admins": {
            "class": "toolkit.log_privacy.PrivateAdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "patient_data"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console", "mail_admins"], "level": LOG_LEVEL, "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # One structured line per security event (toolkit/security_log.py); kept at INFO whatever
        # the root level, so an audit trail never depends on LOG_LEVEL.
        "portal.security": {"level": "INFO"},
        # django-axes repeats every sign-in at INFO; the security log above already records them.
        "axes": {"level": "WARNING"},
        # Each task's start and end at INFO would name every email sent; failures still show.
        "django_tasks": {"level": "WARNING"},
    },
}

LOGIN_URL = "admin:login"

# --- Staff security: two-factor login, lockout, sessions, headers, security log ---------
# django-axes counts failed logins through authenticate(), so it covers every login form.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's model backend, refusing the local demo accounts whenever DEBUG is off.
    "staff_access.demo_accounts.NoDemoAccountsInProduction",
]
# 5 failures for one username from one address lock that pair for 15 minutes. Keyed on the pair,
# so nobody can lock a colleague out from another address; the lock ends by itself.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "staff_access/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
# Behind N reverse proxies, the client's address is the Nth address from the right of
# X-Forwarded-For; with no proxy (the default) it is the connection's address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "staff_access.network.client_ip"
AXES_USERNAME_CALLABLE = "staff_access.network.login_username"

# Staff sessions last at most 12 hours, end at logout (Django flushes the session) and when the
# browser closes. Patients never get a session.
SESSION_COOKIE_AGE = 12 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Administrators remove a colleague's lost authenticator; they never see its secret (django-otp's
# admin would show the key and QR code of anyone's device, and answers 500 for an unknown one).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Ketamine therapy patient guide")
# The local demo accounts of `make run` may skip the second factor, and only in debug mode.
TWO_FACTOR_EXEMPT_DEMO_ACCOUNTS = DEBUG
# The fresh install's fictional phone number is shown only in the local demo; a production site
# offers patients the contact link instead until an administrator sets the real number.
SHOW_PLACEHOLDER_PHONE = DEBUG

# Content-Security-Policy (django-csp). Patients get the strict policy below on every page. Staff
# (paths under /admin/, and any page a signed-in staff member views, where the CMS draws its
# toolbar) get STAFF_CONTENT_SECURITY_POLICY, which relaxes only what the CMS needs:
# - style-src 'unsafe-inline': the toolbar, structure board and text editor set inline styles;
# - script-src 'unsafe-eval': the toolbar's keyboard-shortcut help compiles a template at run time;
# - img-src/font-src data:: the admin and editor icons are inline data: images and fonts.
_PATIENT_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _PATIENT_CSP}
STAFF_PATH_PREFIXES = ("/admin/",)
STAFF_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_PATIENT_CSP,
        "script-src": ["'self'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'"],
    }
}
# Browser features the site never uses are switched off for every page and any frame in it.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), usb=(), "
    "xr-spatial-tracking=()"
)
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# --- Clinical governance --------------------------------------------------------------------------
# Four eyes: nobody publishes a draft they changed themselves. A clinic with a single clinician may
# switch this on; every other publishing rule (reviewer role, a current review record) still holds.
PORTAL_ALLOW_SELF_REVIEW = env_bool("PORTAL_ALLOW_SELF_REVIEW", False)

# --- Staff accounts: invitations, password resets, access review ---------------------------------
# How long an invitation link works; after that the administrator sends a new one.
PORTAL_INVITATION_HOURS = env_int("PORTAL_INVITATION_HOURS", 72)
# An account with no sign-in for this many days is flagged in the access review.
PORTAL_STALE_ACCOUNT_DAYS = env_int("PORTAL_STALE_ACCOUNT_DAYS", 90)
# A staff password-reset link works for one hour, and once (it stops working when the password changes).
PASSWORD_RESET_TIMEOUT = 3600
# Forgotten-password requests: at most this many per address, and per client address, per hour.
PORTAL_PASSWORD_RESET_LIMIT = env_int("PORTAL_PASSWORD_RESET_LIMIT", 5)
