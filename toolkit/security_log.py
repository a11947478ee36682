"""Security events, each logged as one line of key="value" pairs on the "portal.security" logger.

Events: login_succeeded, login_failed, locked_out, logged_out, second_factor_passed,
second_factor_failed, device_added, device_confirmed, device_disabled, device_removed, recovery_codes_issued,
role_changed, page_published (staff_access/handlers.py logs most of them), publish_refused
(governance/publishing.py), and each app's own staff actions. Values are JSON-quoted, so a
username with spaces or quotes cannot forge another field.
Every app may log here; the event names are listed in docs/operations.md.
"""

import json
import logging

logger = logging.getLogger("portal.security")


def format_event(event: str, **fields) -> str:
    parts = [f"event={event}"]
    for key, value in fields.items():
        if value is None:
            continue
        parts.append(f"{key}={json.dumps(value if isinstance(value, (int, list)) else str(value))}")
    return " ".join(parts)


def log_event(event: str, **fields) -> None:
    logger.info(format_event(event, **fields), extra={"security_event": event})
