"""PLynx plugin: the ``notebook`` node kind and the ``notebook`` resource type."""

#: The PLynx plugin API range this plugin is written for (see plynx.api).
PLYNX_API = ">=1.0,<2"
