"""The vault's errors. ``str(error)`` is a German message a user can act on.

They live apart from :mod:`kim_desktop.core.vault` so that small modules (the recovery key)
can raise them without importing the storage stack. No message ever contains a password, a
key or personal data.
"""

from __future__ import annotations


class VaultError(Exception):
    """Base of every vault error; the message is German and safe to show."""


class WrongPassword(VaultError):
    """The user name or password did not fit. ``retry_after``: seconds until the next try."""

    def __init__(self, message: str, *, retry_after: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class AttemptDelayed(VaultError):
    """Too many failed attempts lately; the next try is allowed after ``retry_after`` s."""

    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class VaultCorrupt(VaultError):
    """The database or its header is damaged; the user should restore a backup."""


class VaultInUse(VaultError):
    """Another KIM Desktop instance has this data folder open."""


class VaultMissing(VaultError):
    """There is no vault in the data folder yet."""


class VaultExists(VaultError):
    """A vault already exists where a new one was to be created."""


class PasswordPolicyError(VaultError):
    """A new password is too weak."""


class InvalidRecoveryKey(VaultError):
    """A recovery key was mistyped (checksum or format) or does not belong to this vault."""


class VaultLocked(VaultError):
    """The vault was locked; unlock it again before using it."""


class PermissionDenied(VaultError):
    """The signed-in user's role does not allow this."""


class BackupInvalid(VaultError):
    """A backup file is damaged or is not a KIM Desktop backup."""
