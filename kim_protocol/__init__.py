"""What the desktop program and the sync server share, and neither owns.

* :mod:`kim_protocol.wire`: the request and response models of the sync API, the base64 codec
  of binary fields and the associated data of a sealed record;
* :mod:`kim_protocol.payload`: the canonical JSON text of a record payload;
* :mod:`kim_protocol.catalogs`: the catalogs of ``resources/`` and their data classes;
* :mod:`kim_protocol.timestamps`: aware UTC time and its column type;
* :mod:`kim_protocol.server_url`: which sync server addresses a client takes;
* the product's version, below.

It imports neither Qt nor FastAPI, and nothing of ``kim_desktop`` or ``sync_server``
(``tests/test_architecture.py``).
"""

__version__ = "0.1.0"
