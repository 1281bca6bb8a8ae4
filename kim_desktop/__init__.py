"""KIM Desktop: the case managers' program of the Kommunales Integrationsmanagement."""

from kim_protocol import __version__

__all__ = ["__version__"]
