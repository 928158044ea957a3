"""The aiohttp server: REST API under ``/api/v1``, the ``/ws/events`` and ``/ws/worker``
websockets, authentication and static files. Build it with
:func:`plynx.server.app.create_app`."""
