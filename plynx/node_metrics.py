"""``plynx.log_metric``: how a Python node reports a metric.

It appends one JSON line to the file named by ``$PLYNX_METRICS`` (set by the worker for every
node), which the worker streams to the server. Any program can do the same by writing such
lines itself. Importing this module costs nothing beyond the standard library.
"""

from __future__ import annotations

import json
import math
import os

__all__ = ["log_metric"]


def log_metric(name: str, value: float, step: int | None = None) -> None:
    """Report ``value`` for the metric ``name`` (at ``step``, if given). Raises ``ValueError``
    for a value that is not a finite number and ``RuntimeError`` outside a PLynx node."""
    path = os.environ.get("PLYNX_METRICS")
    if not path:
        raise RuntimeError(
            "plynx.log_metric works inside a node run by a PLynx worker ($PLYNX_METRICS is unset)"
        )
    try:  # numpy scalars and the like convert
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not math.isfinite(number):
        raise ValueError(f"metric {name!r}: value {value!r} is not a finite number")
    point: dict[str, object] = {"name": name, "value": number}
    if step is not None:
        point["step"] = int(step)
    with open(path, "a", encoding="utf-8") as file:
        file.write(json.dumps(point) + "\n")
