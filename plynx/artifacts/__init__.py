"""Artifact storage: content-addressed bytes (local directory or fsspec URL), node logs and
previews."""

from __future__ import annotations

from plynx.artifacts.base import CHUNK_SIZE, ArtifactStore, check_sha256

__all__ = ["CHUNK_SIZE", "ArtifactStore", "check_sha256", "open_artifact_store"]


def open_artifact_store(url: str) -> ArtifactStore:
    """The artifact store for ``url``: a plain path or ``file://`` for a local directory, any
    other fsspec URL (``s3://bucket/prefix``) for remote storage."""
    if "://" not in url or url.startswith("file://"):
        from plynx.artifacts.local import LocalArtifactStore

        return LocalArtifactStore(url.removeprefix("file://"))
    from plynx.artifacts.remote import FsspecArtifactStore

    return FsspecArtifactStore(url)
