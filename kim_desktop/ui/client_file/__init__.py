"""The client file (Akte) and its tabs."""

from kim_desktop.ui.client_file.view import ClientFile

__all__ = ["ClientFile"]
