"""KIM Desktop: the case managers' program of the Kommunales Integrationsmanagement."""

__version__ = "0.1.0"
