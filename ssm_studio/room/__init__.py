"""The workshop room: several laptops editing one project over the room's own network.

Built on the Yjs engine (pycrdt, pycrdt-websocket; versions pinned in pyproject.toml: both
are beta), and kept behind this package so the rest of the product never meets it:
``mapping`` is the one mapping between the model and Y types, ``host`` and ``client`` the two
ends of a room over websockets. Qt-free; the app drives it through a thin adapter.
"""
