"""The ``plynx`` command line: one module per command (group).

``main()`` is the console script; :func:`plynx.cli.embedded.embedded_plynx` starts a server
with local workers for ``plynx local``, ``plynx run``, tests and the benchmark."""
