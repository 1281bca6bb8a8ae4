"""A referral prepared from the pre-check: to the Ausländerbehörde for §§ 25a/25b AufenthG, to
the Einbürgerungsbehörde for § 10 StAG. The purpose names the rule, its version and the met
and missing conditions (no personal data beyond them) and stays editable before saving."""

from __future__ import annotations

import datetime as dt

from kim_desktop.core import services
from kim_desktop.core.precheck import PrecheckReport, RuleResult
from kim_desktop.ui.context import Context
from kim_desktop.ui.qt import QLabel, QWidget, translate
from kim_desktop.ui.widgets import add_row, text_edit
from kim_desktop.ui.widgets.rows import RecordForm
from kim_protocol.catalogs import Catalogs

# Agency category (partner_agencies catalog) -> the rules it decides on.
AGENCY_RULES = {
    "auslaenderbehoerde": ("aufenthg_25a", "aufenthg_25b"),
    "einbuergerungsbehoerde": ("stag_10",),
}
# The field of action of such a referral, when the catalog has it.
FIELD_OF_ACTION = "residence"
# The purpose is written for a German authority: German whatever the interface language.
STATUS_TEXT = {"met": "erfüllt", "not_met": "nicht erfüllt", "unknown": "offen (Angabe fehlt)"}


def agency_for(catalogs: Catalogs, category: str) -> str | None:
    """The first agency of ``category`` in the catalog (an office may list its own)."""
    for entry in catalogs.partner_agencies:
        if entry.get("category") == category:
            return entry.code
    return None


def best_result(report: PrecheckReport, category: str) -> RuleResult:
    """Of the agency's rules, the most promising: met first, then the earliest date."""
    results = [report.result(rule) for rule in AGENCY_RULES[category]]
    order = {"met": 0, "unknown": 1, "not_met": 2}
    return min(results, key=lambda r: (order.get(r.status, 3),
                                       r.eligible_from or dt.date.max))


def version_date(version: str | None) -> str:
    """A rule version as the state of the law it checks: "Stand 31.12.2022"."""
    _, _, valid_from = (version or "").rpartition("/")
    try:
        return f"Rechtsstand {dt.date.fromisoformat(valid_from):%d.%m.%Y}"
    except ValueError:
        return f"Regelstand {version or '–'}"


def purpose_text(result: RuleResult, as_of: dt.date) -> str:
    lines = [
        f"Vorprüfung {result.title}, {version_date(result.rule_version)}, "
        f"Stand {as_of:%d.%m.%Y} (keine Rechtsentscheidung).",
        f"Ergebnis: {STATUS_TEXT.get(result.status, result.status)}"
        + (f", voraussichtlich ab {result.eligible_from:%d.%m.%Y}."
           if result.eligible_from else "."),
    ]
    met = [c.title for c in result.conditions if c.status == "met"]
    missing = [f"{c.title} ({STATUS_TEXT.get(c.status, c.status)})"
               for c in result.conditions if c.status != "met"]
    if met:
        lines.append("Erfüllt: " + "; ".join(met) + ".")
    if missing:
        lines.append("Fehlt oder offen: " + "; ".join(missing) + ".")
    return "\n".join(lines)


class PrecheckReferralDialog(RecordForm):
    """Shows the prefilled referral for confirmation; saving plans it for today."""

    draft_form = "precheck_referral"

    def __init__(self, context: Context, client_id: str, agency_code: str, purpose: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("precheck", "Vermittlung vorbereiten"), context, parent)
        self.client_id, self.agency_code = client_id, agency_code
        self.agency = QLabel(context.label("partner_agencies", agency_code))
        self.form.addRow(translate("precheck", "Stelle:"), self.agency)
        self.planned = QLabel(translate("precheck", "heute"))
        self.form.addRow(translate("precheck", "Geplant am:"), self.planned)
        self.purpose = text_edit(8)
        self.purpose.setPlainText(purpose)
        add_row(self.form, translate("precheck", "&Anliegen:"), self.purpose)
        self.also_track([self.purpose])

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_id, "agency_code": self.agency_code}

    def submit(self) -> None:
        purpose = self.purpose.toPlainText()
        field = FIELD_OF_ACTION if self.context.catalogs.fields_of_action.get(
            FIELD_OF_ACTION) else None
        self.save_with(self.context, lambda s: services.plan_referral(
            s, client_id=self.client_id, agency_code=self.agency_code,
            planned_on=dt.date.today(), purpose=purpose, field_of_action_code=field,
        ))
