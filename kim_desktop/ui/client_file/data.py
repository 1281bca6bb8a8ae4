"""Everything a client file shows, read in one go on the database thread.

The records come back detached (sessions use ``expire_on_commit=False`` and records have no
lazy relationships), so the UI reads their attributes without touching the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import (
    Attachment,
    AuditEvent,
    Case,
    CasePhaseChange,
    Client,
    Consent,
    Consultation,
    ErasureRequest,
    FollowUp,
    Goal,
    HouseholdMember,
    Measure,
    NeedsAssessment,
    Referral,
    ResidenceStatusPeriod,
    StructuralGap,
)
from kim_desktop.core.services.erasure_requests import latest_erasure_request
from kim_desktop.sync.status import blob_failures


@dataclass
class ClientFileData:
    client: Client
    cases: list[Case] = field(default_factory=list)
    #: The phase history of all the client's cases, newest first.
    phase_changes: list[CasePhaseChange] = field(default_factory=list)
    periods: list[ResidenceStatusPeriod] = field(default_factory=list)
    household: list[HouseholdMember] = field(default_factory=list)
    consents: list[Consent] = field(default_factory=list)
    needs: list[NeedsAssessment] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    #: Ids of attachments whose content the sync is still fetching ("wird geladen").
    loading: set[str] = field(default_factory=set)
    #: Of those, the ones whose content did not arrive at the last sync: id → why, in words.
    not_arriving: dict[str, str] = field(default_factory=dict)
    gaps: list[StructuralGap] = field(default_factory=list)
    history: list[AuditEvent] = field(default_factory=list)
    #: The person's latest erasure request, waiting or declined.
    erasure_request: ErasureRequest | None = None

    @property
    def open_case(self) -> Case | None:
        return next((c for c in self.cases if c.is_open), None)

    @property
    def latest_case(self) -> Case | None:
        return self.cases[0] if self.cases else None

    def consent_on(self, day: dt.date) -> Consent | None:
        """The consent to data processing valid on ``day``, if any."""
        for consent in self.consents:
            if consent.kind == "data_processing" and consent.is_valid_on(day):
                return consent
        return None


def _live(model: Any) -> Any:
    return model.deleted_at.is_(None)


def load_client_file(session: Session, client_id: str) -> ClientFileData:
    """Reads everything the file shows (the caller logs the viewing)."""
    client = session.get(Client, client_id)
    if client is None or client.deleted_at is not None:
        raise DomainError("erased" if client is not None and client.is_erased else "not_found",
                          kind="client")
    def rows(statement: Any) -> list[Any]:
        return list(session.scalars(statement))

    cases = rows(select(Case).where(Case.client_id == client_id, _live(Case))
                 .order_by(Case.opened_on.desc()))
    case_ids = [c.id for c in cases]
    goals = rows(select(Goal).where(Goal.case_id.in_(case_ids), _live(Goal))
                 .order_by(Goal.agreed_on.desc()))
    data = ClientFileData(
        client=client,
        cases=cases,
        phase_changes=rows(select(CasePhaseChange)
                           .where(CasePhaseChange.case_id.in_(case_ids), _live(CasePhaseChange))
                           .order_by(CasePhaseChange.changed_on.desc(),
                                     CasePhaseChange.created_at.desc())),
        periods=rows(select(ResidenceStatusPeriod)
                     .where(ResidenceStatusPeriod.client_id == client_id,
                            _live(ResidenceStatusPeriod))
                     .order_by(ResidenceStatusPeriod.valid_from.desc())),
        household=rows(select(HouseholdMember)
                       .where(HouseholdMember.client_id == client_id, _live(HouseholdMember))
                       .order_by(HouseholdMember.created_at)),
        consents=rows(select(Consent).where(Consent.client_id == client_id, _live(Consent))
                      .order_by(Consent.granted_on.desc())),
        needs=rows(select(NeedsAssessment)
                   .where(NeedsAssessment.case_id.in_(case_ids), _live(NeedsAssessment))
                   .order_by(NeedsAssessment.assessed_on.desc(),
                             NeedsAssessment.created_at.desc())),
        goals=goals,
        measures=rows(select(Measure)
                      .where(Measure.goal_id.in_([g.id for g in goals]), _live(Measure))),
        consultations=rows(select(Consultation)
                           .where(Consultation.client_id == client_id, _live(Consultation))
                           .order_by(Consultation.held_at.desc())),
        referrals=rows(select(Referral).where(Referral.client_id == client_id, _live(Referral))
                       .order_by(Referral.planned_on.desc())),
        follow_ups=rows(select(FollowUp).where(FollowUp.client_id == client_id, _live(FollowUp))
                        .order_by(FollowUp.due_on)),
        attachments=rows(select(Attachment).options(defer(Attachment.content))
                         .where(Attachment.client_id == client_id, _live(Attachment))
                         .order_by(Attachment.created_at.desc())),
        # record_kind first: the audit index is (record_kind, record_id)
        history=rows(select(AuditEvent)
                     .where(AuditEvent.record_kind == "client", AuditEvent.record_id == client_id)
                     .order_by(AuditEvent.at.desc()).limit(200)),
    )
    data.erasure_request = latest_erasure_request(session, client_id)
    data.loading = set(session.scalars(
        select(Attachment.id).where(Attachment.client_id == client_id, _live(Attachment),
                                    Attachment.content.is_(None))))
    data.not_arriving = blob_failures(session, data.loading) if data.loading else {}
    if case_ids:
        all_gaps = rows(select(StructuralGap).where(_live(StructuralGap)))
        data.gaps = [g for g in all_gaps if set(g.case_ids or []) & set(case_ids)]
    return data

