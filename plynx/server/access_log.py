"""An access log that never writes a token: aiohttp's default logs the whole request line, and
websockets carry their token in the query (``/ws/events?token=…``).

Use it where the server is run: ``web.AppRunner(app, access_log_class=AccessLogger)`` or
``web.run_app(app, access_log_class=AccessLogger)``.
"""

from __future__ import annotations

import re

from aiohttp.abc import AbstractAccessLogger
from aiohttp.web_request import BaseRequest
from aiohttp.web_response import StreamResponse

__all__ = ["AccessLogger", "redact_query"]

_SECRET_PARAM = re.compile(r"(?i)((?:^|[?&])(?:token|access_token|secret)=)[^&]*")


def redact_query(path_qs: str) -> str:
    """``path_qs`` with the values of token-like query parameters replaced by ``***``."""
    return _SECRET_PARAM.sub(r"\1***", path_qs)


class AccessLogger(AbstractAccessLogger):
    """One line per request: client, method, path (secrets redacted), status, size, time."""

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        """Write the line for one finished request."""
        self.logger.info(
            '%s "%s %s" %d %d %.3fs',
            request.remote,
            request.method,
            redact_query(request.path_qs),
            response.status,
            response.body_length,
            time,
        )
