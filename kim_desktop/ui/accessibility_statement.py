"""Hilfe → Erklärung zur Barrierefreiheit: the office's statement in the interface
language, read-only text a screen reader and the keyboard can walk through."""

from __future__ import annotations

from html import escape

from kim_desktop.core.accessibility_statement import StatementError, accessibility_statement
from kim_desktop.ui.context import Context
from kim_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLocale,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets import name


class AccessibilityStatementDialog(QDialog):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        language = "en" if QLocale().language() == QLocale.Language.English else "de"
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        try:
            statement = accessibility_statement(context.data_dir, language)
        except StatementError as error:
            title = translate("accessibility", "Erklärung zur Barrierefreiheit")
            self.text.setPlainText(translate(
                "accessibility", "Die Erklärung des Büros kann nicht gelesen werden: {why}")
                .format(why=str(error)))
        else:
            title = statement.title
            warning = f"<p><b>{escape(statement.warning)}</b></p>" if statement.warning else ""
            self.text.setHtml(warning + "".join(
                f"<h3>{escape(heading)}</h3><p>{escape(body)}</p>"
                for heading, body in statement.sections))
        self.setWindowTitle(title)
        name(self.text, title)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(translate("accessibility", "&Schließen"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90,
                    self.fontMetrics().lineSpacing() * 30)
