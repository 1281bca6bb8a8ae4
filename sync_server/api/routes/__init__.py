"""One router module per resource; :func:`sync_server.app.create_app` includes every module
here (not starting with ``_``) through its ``router``."""
