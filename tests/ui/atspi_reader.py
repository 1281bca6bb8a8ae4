"""Reads a running program's windows through AT-SPI, as a screen reader (Orca) does.

Run with the system Python, which has Debian's python3-pyatspi (pyatspi is not on PyPI), in a
process of its own on the program's session bus. One JSON command per line on stdin
(``{"command": ..., "app": ..., "title": ...}``), one JSON line per command on stdout:

* ``windows``: the titles of the application's windows;
* ``controls``: every focusable, showing control of the window whose title starts with
  ``title``, in tree order, as ``{"role", "name", "states", "path", "key"}``;
* ``focused``: the focused control of that window, or null.

A table's or list's cells are not walked: the table is the control a person tabs to.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pyatspi

CONTAINERS = {"table", "tree table", "list", "tree", "list box", "menu bar", "menu"}


def application(name: str) -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == name:
            return app
    return None


def window(app_name: str, title: str) -> Any:
    app = application(app_name)
    for candidate in app or []:
        if candidate is not None and candidate.name.startswith(title):
            return candidate
    return None


def describe(accessible: Any, path: list[int]) -> dict[str, Any]:
    """``path``: the child indexes from the window, which tell two equal buttons apart."""
    states = accessible.getState().getStates()
    return {
        "role": accessible.getRoleName(),
        "name": accessible.name or "",
        "states": sorted(pyatspi.stateToString(state) for state in states),
        "path": path,
        "key": key_binding(accessible),
    }


def key_binding(accessible: Any) -> str:
    """The keys of the control's first action ("Alt+E" for "&Entsperren"), as a screen reader
    announces them; "" for none."""
    try:
        action = accessible.queryAction()
    except NotImplementedError:
        return ""
    return str(action.getKeyBinding(0) or "") if action.nActions else ""


def children(accessible: Any, path: list[int]) -> list[tuple[Any, list[int]]]:
    if accessible.getRoleName() in CONTAINERS:
        return []
    return [(child, [*path, index]) for index, child in enumerate(accessible)
            if child is not None]


def controls(root: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(accessible: Any, path: list[int]) -> None:
        state = accessible.getState()
        if path and not state.contains(pyatspi.STATE_SHOWING):
            return
        if state.contains(pyatspi.STATE_FOCUSABLE):
            found.append(describe(accessible, path))
        for child, child_path in children(accessible, path):
            walk(child, child_path)

    walk(root, [])
    return found


def focused(root: Any) -> dict[str, Any] | None:
    """The control that has the keyboard. Qt marks more than it as focused: a container beside
    the control in it (a button box, a tab widget, a date field's frame), a text field's
    viewport, a tab bar's current tab, and a field Tab has just left in a form. So a focusable
    control goes before anything that is not, a tab counts only while its tab bar or tab
    widget is focused, and of several the last in the window's order wins."""
    hits: list[tuple[bool, dict[str, Any]]] = []

    def walk(accessible: Any, path: list[int], in_focus: bool) -> None:
        state = accessible.getState()
        if path and not state.contains(pyatspi.STATE_SHOWING):
            return
        role = accessible.getRoleName()
        is_focused = state.contains(pyatspi.STATE_FOCUSED) and (role != "page tab" or in_focus)
        if is_focused:
            hits.append((state.contains(pyatspi.STATE_FOCUSABLE), describe(accessible, path)))
        passed_on = is_focused or (in_focus and role == "page tab list")
        for child, child_path in children(accessible, path):
            walk(child, child_path, passed_on)

    walk(root, [], False)
    focusable = [hit for can_focus, hit in hits if can_focus]
    return (focusable or [hit for _, hit in hits] or [None])[-1]


def answer(request: dict[str, str]) -> Any:
    command, app_name, title = request["command"], request["app"], request.get("title", "")
    if command == "windows":
        return [w.name for w in application(app_name) or [] if w is not None]
    root = window(app_name, title)
    if root is None:
        return {"error": f"no window {title!r} of {app_name!r}"}
    if command == "controls":
        return controls(root)
    if command == "focused":
        return focused(root)
    return {"error": f"unknown command {command!r}"}


def main() -> None:
    for line in sys.stdin:
        try:
            result = answer(json.loads(line))
        except Exception as error:  # a window closing under the walk; said, never fatal
            result = {"error": f"{type(error).__name__}: {error}"}
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
