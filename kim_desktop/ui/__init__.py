"""The Qt screens of KIM Desktop. Every Qt import goes through :mod:`kim_desktop.ui.qt`."""
