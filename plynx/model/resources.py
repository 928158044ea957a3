"""Resource types: what flows along an edge, and which types connect to which."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ResourceType", "connect_problem"]


class ResourceType(StrEnum):
    """The type of a value on an edge. Every value is stored as an artifact (sha256)."""

    FILE = "file"
    DIRECTORY = "directory"
    TEXT = "text"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    IMAGE = "image"
    PDF = "pdf"
    EXECUTABLE = "executable"


# Types an output may feed besides its own. ``file`` accepts any single file; the textual formats
# are text. A directory only feeds a directory: it travels as an archive and is unpacked.
_WIDENS_TO: dict[ResourceType, frozenset[ResourceType]] = {
    ResourceType.FILE: frozenset(),
    ResourceType.DIRECTORY: frozenset(),
    ResourceType.TEXT: frozenset({ResourceType.FILE}),
    ResourceType.CSV: frozenset({ResourceType.FILE, ResourceType.TEXT}),
    ResourceType.TSV: frozenset({ResourceType.FILE, ResourceType.TEXT}),
    ResourceType.JSON: frozenset({ResourceType.FILE, ResourceType.TEXT}),
    ResourceType.IMAGE: frozenset({ResourceType.FILE}),
    ResourceType.PDF: frozenset({ResourceType.FILE}),
    ResourceType.EXECUTABLE: frozenset({ResourceType.FILE}),
}


def connect_problem(src: ResourceType, dst: ResourceType) -> str | None:
    """Say why an output of type ``src`` cannot feed an input of type ``dst``, or ``None`` if it
    can."""
    if src == dst or dst in _WIDENS_TO[src]:
        return None
    accepted = sorted({t.value for t, wider in _WIDENS_TO.items() if dst in wider} | {dst.value})
    return (
        f"a {src.value} output cannot feed a {dst.value} input (it accepts {', '.join(accepted)})"
    )
