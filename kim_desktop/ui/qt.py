"""The one module through which the UI imports Qt (as Anki's ``aqt.qt``)."""

from PySide6.QtCore import *  # noqa: F403
from PySide6.QtGui import *  # noqa: F403
from PySide6.QtWidgets import *  # noqa: F403
