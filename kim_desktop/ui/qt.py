"""The one module through which the UI imports Qt (as Anki's ``aqt.qt``)."""

from PySide6.QtCore import *  # noqa: F403
from PySide6.QtGui import *  # type: ignore[assignment]  # noqa: F403
from PySide6.QtNetwork import QNetworkInformation  # noqa: F401
from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: F401
from PySide6.QtTest import QTest  # noqa: F401
from PySide6.QtWidgets import *  # type: ignore[assignment]  # noqa: F403
from shiboken6 import isValid  # noqa: F401

#: ``translate("context", "German text")``: lupdate finds every call of this name.
translate = QCoreApplication.translate  # noqa: F405
