"""Every record of case management. Importing this package registers all tables on
:data:`kim_desktop.core.db.Base`, all synced kinds in ``RECORD_KINDS`` and the outbox's flush
hook.

References between records are plain id columns, not database foreign keys: the sync may
apply a child record before its parent arrives, and records are never hard-deleted.
"""

from kim_desktop.core.models.case import (
    PHASE_ORDER,
    Case,
    CasePhaseChange,
    Phase,
    PhaseEvent,
)
from kim_desktop.core.models.client import (
    Client,
    Gender,
    HouseholdMember,
    HouseholdRelation,
    LanguageLevel,
    Qualification,
    ResidenceStatusPeriod,
)
from kim_desktop.core.models.consent import Consent, ConsentKind
from kim_desktop.core.models.contact import (
    REFERRAL_TRANSITIONS,
    Consultation,
    FollowUp,
    Referral,
    ReferralState,
)
from kim_desktop.core.models.records import (
    Attachment,
    AuditEvent,
    ErasureRequest,
    StructuralGap,
)
from kim_desktop.core.models.work import (
    Goal,
    GoalStatus,
    Measure,
    MeasureStatus,
    NeedLevel,
    NeedsAssessment,
    Responsible,
)

__all__ = [
    "PHASE_ORDER",
    "REFERRAL_TRANSITIONS",
    "Attachment",
    "AuditEvent",
    "Case",
    "CasePhaseChange",
    "Client",
    "Consent",
    "ConsentKind",
    "Consultation",
    "ErasureRequest",
    "FollowUp",
    "Gender",
    "Goal",
    "GoalStatus",
    "HouseholdMember",
    "HouseholdRelation",
    "LanguageLevel",
    "Measure",
    "MeasureStatus",
    "NeedLevel",
    "NeedsAssessment",
    "Phase",
    "PhaseEvent",
    "Qualification",
    "Referral",
    "ReferralState",
    "ResidenceStatusPeriod",
    "Responsible",
    "StructuralGap",
]

# The report pseudonyms sync like every record: register their kinds with the rest; and every
# change to a record goes through the outbox's flush hook.
from kim_desktop.core import outbox as _outbox  # noqa: F401
from kim_desktop.core import report_pseudonyms as _report_pseudonyms  # noqa: F401
