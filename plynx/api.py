"""The public, versioned plugin API of PLynx.

Everything a plugin needs is imported from here, and only from here: what is in ``__all__``
keeps working for every PLynx that provides the same major :data:`API_VERSION` (the changes are
listed in ``plugins/API_CHANGELOG.md``). A plugin says which versions it is written for with
``plynx_api = ">=1.0,<2"`` on each kind and resource type; PLynx refuses, at load and with a
message naming the plugin, a plugin whose range it does not satisfy.

- :class:`BaseNode` — a node kind (entry-point group ``plynx.nodes``); its :meth:`run` gets a
  :class:`RunContext`.
- :class:`ResourceTypeSpec` — a resource type (group ``plynx.resources``) with an optional
  structured preview (:class:`TextPreview`, :class:`TablePreview`, :class:`JsonPreview`,
  :class:`ImagePreview`, :class:`ListPreview`; never HTML).
- :class:`Parameter` / :class:`ParameterType` — the parameters a kind declares.
- :mod:`plynx.testing` — a pytest plugin that runs a kind for real (embedded server and worker).
"""

from plynx.model import Operation, Parameter, ParameterType
from plynx.nodes.base import BaseNode, KindInfo, RunContext
from plynx.nodes.compat import API_VERSION
from plynx.nodes.resource_types import (
    ImagePreview,
    JsonPreview,
    ListPreview,
    PluginPreview,
    ResourceTypeSpec,
    TablePreview,
    TextPreview,
)

__all__ = [
    "API_VERSION",
    "BaseNode",
    "ImagePreview",
    "JsonPreview",
    "KindInfo",
    "ListPreview",
    "Operation",
    "Parameter",
    "ParameterType",
    "PluginPreview",
    "ResourceTypeSpec",
    "RunContext",
    "TablePreview",
    "TextPreview",
]
