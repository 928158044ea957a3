"""``plynx run --outputs DIR``: the outputs of a finished run, saved as files.

Each output lands in ``DIR/<node>/<output>`` (a node inside a composite in
``DIR/<composite>/<node>/<output>``); a directory output is unpacked there. Uploaded input
files are not saved again."""

from __future__ import annotations

import asyncio
import re
import shutil
import tempfile
from pathlib import Path

from plynx.artifacts.archive import unpack_archive
from plynx.client import PlynxClient, RunDetail
from plynx.errors import InvalidInput
from plynx.model import FILE_KIND, ResourceType

__all__ = ["save_outputs"]

# node ids and port names are validated by the server; checked again before any path is made
_SAFE_PART = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$")


def _target(dest: Path, node_id: str, output: str, index: int, count: int) -> Path:
    parts = [*node_id.split("/"), output if count == 1 else f"{output}-{index}"]
    if not all(_SAFE_PART.match(part) for part in parts):
        raise InvalidInput(f"cannot save {node_id}.{output}: unexpected characters in its name")
    return dest.joinpath(*parts)


async def save_outputs(client: PlynxClient, detail: RunDetail, dest: Path) -> list[Path]:
    """Download every output of ``detail``'s node runs into ``dest``; return the paths."""
    saved: list[Path] = []
    for nr in detail.node_runs:
        if nr.kind == FILE_KIND:
            continue
        for output, refs in nr.outputs.items():
            for index, ref in enumerate(refs):
                target = _target(dest, nr.node_id, output, index, len(refs))
                target.parent.mkdir(parents=True, exist_ok=True)
                if target.is_dir():
                    shutil.rmtree(target)
                if ref.type == ResourceType.DIRECTORY:
                    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
                        archive = Path(tmp) / "archive.tar"
                        await client.download_to(ref.sha256, archive)
                        await asyncio.to_thread(unpack_archive, archive, target)
                else:
                    await client.download_to(ref.sha256, target)
                saved.append(target)
    return saved
