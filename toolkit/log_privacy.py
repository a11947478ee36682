"""Logs that keep the privacy promise: no reading-pack code, no search words, no patient's address.

A reading pack's address holds its code (/p/KX7P-2M9Q/), and a query string holds what a patient
typed (a code at /p/?code=..., words at /search/?q=...). Both are taken out of every log line the
portal writes, Django's included ("Not Found: /p/..."), by PatientDataFilter on the log handlers
(portal/settings.py, LOGGING). gunicorn's access log, off unless GUNICORN_ACCESS_LOG is set, is
written by PrivateAccessLogger: the path without the code or the query, and no client address,
referrer or browser. Staff sign-in events (the security log) keep the address on purpose: the
security log needs it, and it never names a patient.

Error reports to ADMINS (PrivateAdminEmailHandler) carry the message and the traceback only:
Django's own report adds the request's headers (the patient's address and browser), its address
and every frame's local variables (a typed code, a question), which no email should hold.
"""

import logging
import re

from django.core import mail
from django.utils.log import AdminEmailHandler
from gunicorn.glogging import Logger as GunicornLogger

# /p/<code>/..., /es/p/<code>/... (any language prefix), as written in a path or a full address.
_PACK_CODE = re.compile(r"(/(?:[a-z]{2}(?:-[a-z]{2})?/)?p/)(?!\[code\])[^/\s?#\"']+", re.IGNORECASE)
# A query string after a path or an address: everything from "?" to the next space or quote.
_QUERY = re.compile(r"(?<=[\w/.%-])\?[^\s\"']*")

# In a path on its own (Django logs request.path decoded, so a typed code may hold spaces).
_PACK_CODE_IN_PATH = re.compile(r"^(/(?:[a-z]{2}(?:-[a-z]{2})?/)?p/)[^/]+", re.IGNORECASE)

CODE = "[code]"
QUERY = "?[query]"


def redact(text: str) -> str:
    """`text` with reading-pack codes and query strings replaced by placeholders."""
    return _QUERY.sub(QUERY, _PACK_CODE.sub(rf"\g<1>{CODE}", text))


def redact_path(path: str) -> str:
    """A request path without its pack code and query string, whatever characters they hold."""
    path, question_mark, _query = path.partition("?")
    return _PACK_CODE_IN_PATH.sub(rf"\g<1>{CODE}", path) + (QUERY if question_mark else "")


class PatientDataFilter(logging.Filter):
    """Rewrites each record's message without pack codes or query strings (never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(_is_path(arg) for arg in record.args):
            # "Not Found: %s" and the like: the path argument whole, spaces and all.
            record.args = tuple(redact_path(arg) if _is_path(arg) else arg for arg in record.args)
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


def _is_path(value) -> bool:
    return isinstance(value, str) and value.startswith("/")


class PrivateAccessLogger(GunicornLogger):
    """gunicorn's access log with only what operations need: when, what (redacted), status, size, time."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = redact_path(environ.get("PATH_INFO", ""))
        atoms.update(
            {
                "h": "-",
                "r": f"{environ.get('REQUEST_METHOD', '-')} {path} {environ.get('SERVER_PROTOCOL', '-')}",
                "U": path,
                "q": "",
                "f": "-",
                "a": "-",
                "u": "-",
            }
        )
        return atoms


class PrivateAdminEmailHandler(AdminEmailHandler):
    """Emails ADMINS what failed and where in the code, without the request or local variables."""

    def emit(self, record: logging.LogRecord) -> None:
        subject = redact(f"{record.levelname}: {record.getMessage()}")[:200].replace("\n", " ")
        trace = logging.Formatter().formatException(record.exc_info) if record.exc_info else ""
        body = redact(f"{record.getMessage()}\n\n{trace}")
        mail.mail_admins(subject, body, fail_silently=True)
