"""Resource types as plugins see them: a name, what it may feed, file extensions, a dashboard
icon and colour, and an optional server-side preview.

A resource type is a :class:`ResourceTypeSpec` subclass (or instance) registered under the
entry-point group ``plynx.resources``; the built-in types are registered the same way::

    [project.entry-points."plynx.resources"]
    notebook = "plynx_notebook.resource:NotebookType"

A preview is *structured data*, never HTML: :meth:`ResourceTypeSpec.preview` gets the head of
the artifact and returns one of the :data:`PluginPreview` shapes, which the server validates
before the dashboard shows it as text.
"""

from __future__ import annotations

import base64
import binascii
import logging
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, TypeAdapter, field_validator

logger = logging.getLogger(__name__)

__all__ = [
    "BUILTIN_TYPES",
    "ImagePreview",
    "JsonPreview",
    "ListPreview",
    "PluginPreview",
    "ResourceTypeInfo",
    "ResourceTypeSpec",
    "TablePreview",
    "TextPreview",
]

_MAX_IMAGE_BYTES = 2 * 1024 * 1024


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: A short caption shown above the item (``In [3]``, ``stdout``).
    label: str | None = Field(default=None, max_length=200)
    truncated: bool = False


class TextPreview(_Shape):
    """Plain text, shown as text (never interpreted as markup)."""

    kind: Literal["text"] = "text"
    text: str


class TablePreview(_Shape):
    """A table of strings."""

    kind: Literal["table"] = "table"
    columns: list[str]
    rows: list[list[str]]


class JsonPreview(_Shape):
    """A JSON value, shown as a tree."""

    kind: Literal["json"] = "json"
    value: JsonValue


class ImagePreview(_Shape):
    """A raster image carried inline as base64 (svg is refused: it can carry script)."""

    kind: Literal["image"] = "image"
    mime: Literal["image/png", "image/jpeg", "image/gif", "image/webp"]
    data: str

    @field_validator("data")
    @classmethod
    def _base64(cls, value: str) -> str:
        if len(value) > _MAX_IMAGE_BYTES * 4 // 3 + 4:
            raise ValueError(f"an inline image is at most {_MAX_IMAGE_BYTES} bytes")
        try:
            base64.b64decode(value, validate=True)
        except binascii.Error as exc:
            raise ValueError(f"image data is not base64: {exc}") from None
        return value


_Item = Annotated[
    TextPreview | TablePreview | JsonPreview | ImagePreview, Field(discriminator="kind")
]


class ListPreview(_Shape):
    """A sequence of previews (a notebook's cells and their outputs)."""

    kind: Literal["list"] = "list"
    items: list[_Item] = Field(max_length=1000)


#: What a plugin's preview may return.
PluginPreview = TextPreview | TablePreview | JsonPreview | ImagePreview | ListPreview
_PREVIEW_ADAPTER: TypeAdapter[PluginPreview] = TypeAdapter(
    Annotated[PluginPreview, Field(discriminator="kind")]
)


class ResourceTypeInfo(BaseModel):
    """How the API and dashboard describe a resource type (``GET /api/v1/resource-types``).
    ``error`` is set, and nothing else is usable, when its plugin failed to load."""

    name: str
    feeds: list[str]
    extensions: list[str]
    icon: str
    color: str
    has_preview: bool
    plugin: str
    error: str | None = None


class ResourceTypeSpec:
    """A resource type. Subclass it, set the class attributes and, optionally, implement
    :meth:`preview`. The entry-point name is the type's name."""

    #: Set by the loader from the entry point.
    name: ClassVar[str] = ""
    #: The PLynx API range this type is written for, e.g. ``">=1.0,<2"``.
    plynx_api: ClassVar[str | None] = None
    #: Types an output of this type may also feed (built-in names: file, text, json...).
    feeds: ClassVar[frozenset[str]] = frozenset({"file"})
    #: File extensions (without the dot) that suggest this type for an upload.
    extensions: ClassVar[tuple[str, ...]] = ()
    #: A short glyph (one or two characters, emoji allowed) and a CSS colour for the dashboard.
    icon: ClassVar[str] = "▫"
    color: ClassVar[str] = "#8c8c8c"
    #: How much of the artifact :meth:`preview` gets.
    preview_max_bytes: ClassVar[int] = 256 * 1024

    @classmethod
    def has_preview(cls) -> bool:
        """Whether this type previews itself (else the server shows it as a file)."""
        return cls.preview is not ResourceTypeSpec.preview

    @classmethod
    def preview(cls, head: bytes, size: int, truncated: bool) -> PluginPreview | None:
        """A structured preview of an artifact of this type from its first bytes ``head``
        (``truncated`` when the artifact goes on; ``size`` is its whole size). Runs in a
        thread on the server; return ``None`` to fall back to the generic preview."""
        return None

    @classmethod
    def safe_preview(cls, head: bytes, size: int, truncated: bool) -> dict[str, Any] | None:
        """:meth:`preview`, checked against the allowed shapes, as JSON-ready data; ``None``
        (the generic preview is shown) when the plugin fails or returns something else."""
        try:
            shown = cls.preview(head, size, truncated)
            if shown is None:
                return None
            checked = _PREVIEW_ADAPTER.validate_python(shown)
        except Exception:
            logger.warning("the preview of resource type %r failed", cls.name, exc_info=True)
            return None
        return checked.model_dump(mode="json", exclude_none=True)

    @classmethod
    def info(cls, plugin: str) -> ResourceTypeInfo:
        """The description of this type for the API."""
        return ResourceTypeInfo(
            name=cls.name,
            feeds=sorted(cls.feeds),
            extensions=list(cls.extensions),
            icon=cls.icon,
            color=cls.color,
            has_preview=cls.has_preview(),
            plugin=plugin,
        )


def _builtin(
    name: str, feeds: set[str], extensions: tuple[str, ...], icon: str, color: str
) -> type[ResourceTypeSpec]:
    attrs: dict[str, Any] = {
        "plynx_api": None,
        "feeds": frozenset(feeds),
        "extensions": extensions,
        "icon": icon,
        "color": color,
        "__doc__": f"The built-in {name} type (previewed by plynx.artifacts.preview).",
    }
    return type(f"{name.title()}Type", (ResourceTypeSpec,), attrs)


# The built-in types; their previews are plynx.artifacts.preview's own.
FileType = _builtin("file", set(), (), "📄", "#8c8c8c")
DirectoryType = _builtin("directory", set(), (), "📁", "#d4a72c")
TextType = _builtin("text", {"file"}, ("txt", "log", "md"), "T", "#5b8def")
CsvType = _builtin("csv", {"file", "text"}, ("csv",), "▦", "#2f9e44")
TsvType = _builtin("tsv", {"file", "text"}, ("tsv",), "▦", "#2b8a3e")
JsonType = _builtin("json", {"file", "text"}, ("json",), "{}", "#ae3ec9")
ImageType = _builtin(
    "image", {"file"}, ("png", "jpg", "jpeg", "gif", "webp", "svg"), "🖼", "#f08c00"
)
PdfType = _builtin("pdf", {"file"}, ("pdf",), "📕", "#e03131")
ExecutableType = _builtin("executable", {"file"}, (), "⚙", "#495057")

BUILTIN_TYPES: dict[str, type[ResourceTypeSpec]] = {
    "file": FileType,
    "directory": DirectoryType,
    "text": TextType,
    "csv": CsvType,
    "tsv": TsvType,
    "json": JsonType,
    "image": ImageType,
    "pdf": PdfType,
    "executable": ExecutableType,
}
