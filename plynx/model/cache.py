"""The cache key: what exactly produced a node's outputs (DESIGN §4 step 3)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from plynx.model.operation import Operation

__all__ = ["cache_key", "canonical_json"]


def canonical_json(value: Any) -> bytes:
    """JSON with sorted keys and no spaces: equal values give equal bytes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def cache_key(
    operation: Operation,
    kind_version: str,
    params: Mapping[str, Any],
    inputs: Mapping[str, Sequence[str]],
) -> str:
    """sha256 over kind, kind version, code, resolved parameters, the declared outputs and the
    sha256 of every input artifact (in edge order for arrays)."""
    document = {
        "kind": operation.kind,
        "kind_version": kind_version,
        "code": operation.code,
        "params": dict(params),
        "outputs": [[o.name, o.type.value] for o in operation.outputs],
        "inputs": {name: list(shas) for name, shas in inputs.items()},
    }
    return hashlib.sha256(canonical_json(document)).hexdigest()
