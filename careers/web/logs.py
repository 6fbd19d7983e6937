"""The security log: its events, and private tokens kept out of every log line."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from django.http import (
    HttpRequest,
)

from careers.web.clients import client_ip

log = logging.getLogger("careers.security")


# A token in a URL: an assessment's (quiz, results) or a share's. Anyone who reads it in a
# log could open that person's answers, so no log line keeps one.
# What a quiz or share token looks like (new_token(): URL-safe base64): URLs, the quiz
# cookie and the log filter all use this one pattern.
TOKEN_PATTERN = "[A-Za-z0-9_-]{16,64}"


TOKEN_IN_PATH = re.compile(rf"/(quiz|results|s)/{TOKEN_PATTERN}")


def redact(text: str) -> str:
    return TOKEN_IN_PATH.sub(r"/\1/<token>", text)


class RedactTokens(logging.Filter):
    """Logging filter: Django's request log ("Not Found: /s/<token>/") loses the token."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True


def security_event(event: str, request: HttpRequest, **details: Any) -> None:
    """Log one security event as a JSON line: what happened, from where, on which route.

    The route is the URL pattern ("s/<token:share_token>/"), never the path, and no request
    data is logged, so no token, answer or password reaches the log.
    """
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    record = {
        "event": event,
        "ip": client_ip(request),
        "method": request.method,
        "route": match.route if match else None,
        "user": user.get_username() if user and user.is_authenticated else None,
        **details,
    }
    log.warning(json.dumps(record, sort_keys=True, default=str))
