"""axe-core (npm, locked in ``tests/a11y``; ``./dev test`` installs it) on a Playwright page:
the WCAG 2.1 A and AA rules, and an assertion that names every violation found.

The dashboard's CSP allows no script, so the pages are opened with ``bypass_csp=True`` to let
the script in; nothing else of the page changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parents[2] / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
#: The rule tags of WCAG 2.0 and 2.1, levels A and AA (BITV NRW / EN 301 549).
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_RUN = """async tags => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ")),
  }));
}"""


def violations(page: Any) -> list[dict[str, Any]]:
    """The WCAG 2.1 A/AA violations axe finds on the page as it is now."""
    if not AXE.is_file():
        raise AssertionError(f"axe-core fehlt ({AXE}): ./dev test installiert es, oder "
                             "npm ci --prefix tests/a11y")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(_RUN, WCAG_21_AA)
    return found


def assert_accessible(page: Any) -> None:
    found = violations(page)
    assert not found, f"{page.url}: " + "; ".join(
        f"{v['id']} ({v['impact']}: {v['help']}) at {', '.join(v['nodes'][:5])}" for v in found)
