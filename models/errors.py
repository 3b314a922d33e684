"""Errors that carry a message an officer can read (Vietnamese) and, where it applies, the field."""
from __future__ import annotations


class MotCuaError(Exception):
    """Base class: ``str(error)`` is already a Vietnamese sentence for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(MotCuaError):
    """Bad input. ``errors`` maps a field name to its message (several fields may fail at once)."""

    def __init__(self, errors: dict[str, str] | str, field: str | None = None):
        if isinstance(errors, str):
            errors = {field or "": errors}
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))

    @property
    def field(self) -> str | None:
        return next(iter(self.errors), None)


class NotFoundError(MotCuaError):
    """A code, username or procedure that does not exist."""


class TransitionError(MotCuaError):
    """A workflow action that the dossier's status does not allow."""


class NotConfiguredError(MotCuaError):
    """The agency has not been set up yet."""


class PermissionDenied(MotCuaError):
    """The signed-in account may not do this (DOMAIN §9), or may no longer act at all.

    The refusal is written to the audit log in its own transaction: raised inside a writing
    transaction it is written after that transaction has rolled back (models.db), so that the
    rollback does not take the audit row with it.
    """

    def __init__(self, message: str, record=None):
        super().__init__(message)
        self._record = record

    def record(self) -> None:
        """Write the refusal's audit row once (see models.permissions.require)."""
        record, self._record = self._record, None
        if record is not None:
            record()


class SignInError(ValidationError):
    """Sign-in refused: a wrong name or password, a throttled name, or a disabled account."""
