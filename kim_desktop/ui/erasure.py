"""Erasure as the program offers it: the office admin erases after typing a confirmation
word; a case manager requests it with a reason, and the admin grants or declines the request
(with a reason) from the start page."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from kim_desktop.core.models import ErasureRequest
from kim_desktop.core.services import Change
from kim_desktop.core.services.erasure_requests import decline_erasure, request_erasure
from kim_desktop.ui.context import Context
from kim_desktop.ui.drafts import reopener
from kim_desktop.ui.qt import QInputDialog, QLineEdit, QMessageBox, QWidget, translate
from kim_desktop.ui.widgets.rows import RecordForm


def confirmed_erasure(parent: QWidget, what: str) -> bool:
    """Asks for the word LÖSCHEN before ``what`` (a sentence saying who) is erased: it
    cannot be undone."""
    word = translate("data_protection", "LÖSCHEN")
    text, ok = QInputDialog.getText(
        parent,
        translate("data_protection", "Person löschen"),
        translate(
            "data_protection",
            "{what} Alle Daten werden endgültig gelöscht, auch auf den anderen Rechnern "
            "des Büros. Das lässt sich nicht rückgängig machen.\n\nZur Bestätigung bitte "
            "{word} eingeben:",
        ).format(what=what, word=word),
        QLineEdit.EchoMode.Normal,
    )
    if not ok:
        return False
    if text.strip() != word:
        QMessageBox.information(
            parent, translate("data_protection", "Person löschen"),
            translate("data_protection", "Nicht gelöscht: Die Bestätigung stimmte nicht."),
        )
        return False
    return True


class RequestErasureDialog(RecordForm):
    """A case manager asks the office admin to erase the person; the reason is required."""

    draft_form = "erasure_request"

    def __init__(self, context: Context, client_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("erasure", "Löschung beantragen"), context, parent)
        self.confirmation = translate(
            "erasure", "Löschung beantragt. Die Büroleitung entscheidet darüber.")
        self.name_save(translate("erasure", "&Beantragen"))
        self.client_id = client_id
        self.rows = self.add_fields("erasure_request", ["reason"])
        self.reason = self.rows["reason"]

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_id}

    def submit(self) -> None:
        client_id, reason = self.client_id, self.rows.value("reason")

        def work(session: Session) -> Change:
            return request_erasure(session, client_id=client_id, reason=reason)

        self.save_with(self.context, work)


class DeclineErasureDialog(RecordForm):
    """The office admin turns a request down; the reason shows in the person's file.
    ``client_id``, the person asked about, lets the person's erasure take the draft along."""

    draft_form = "erasure_decline"

    def __init__(self, context: Context, request_id: str,
                 parent: QWidget | None = None, *, client_id: str = "") -> None:
        super().__init__(translate("erasure", "Löschantrag ablehnen"), context, parent)
        self.confirmation = translate("erasure", "Löschantrag abgelehnt.")
        self.name_save(translate("erasure", "&Ablehnen"))
        self.request_id, self.client_id = request_id, client_id
        self.rows = self.add_fields("erasure_request", ["decline_reason"])
        self.reason = self.rows["decline_reason"]

    def draft_subject(self) -> dict[str, str]:
        return {"record_id": self.request_id, "client_id": self.client_id}

    def submit(self) -> None:
        request_id, reason = self.request_id, self.rows.value("decline_reason")

        def work(session: Session) -> Change:
            return decline_erasure(session, request_id=request_id, reason=reason)

        self.save_with(self.context, work)


@reopener(DeclineErasureDialog.draft_form)
def reopen(window: Any, subject: dict[str, str], show: Any) -> None:
    """The refusal opens over the window while its request still waits for a decision."""
    request_id = subject.get("record_id", "")

    def read(session: Session) -> ErasureRequest | None:
        found = session.get(ErasureRequest, request_id)
        waiting = found is not None and found.deleted_at is None and found.state == "open"
        return found if waiting else None

    def opened(request: ErasureRequest | None) -> None:
        if request is not None:
            show(DeclineErasureDialog(window.context, request.id, window,
                                      client_id=request.client_id))

    window.context.read(read, opened)
