"""The coordinators' web dashboard: login, report pages, the structural-gaps board, admin pages.

Server-rendered HTML (Jinja2) with SVG charts; every asset is served from this package, so it
works with no internet at all.
"""
