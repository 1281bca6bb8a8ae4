"""The KIM sync server: devices, end-to-end encrypted sync and coordinator reports."""

from kim_protocol import __version__

__all__ = ["__version__"]
