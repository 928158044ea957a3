"""PLynx plugin: the ``sql`` node kind and the ``sqlite`` resource type."""

#: The PLynx plugin API range this plugin is written for (see plynx.api).
PLYNX_API = ">=1.0,<2"
