"""Per-user window state (QSettings): geometry, last tab, last username — not agency data,
which lives in the database (models.settings)."""
from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "MotCua"
APPLICATION = "MotCua"


def qsettings() -> QSettings:
    """INI format everywhere so the file is readable and tests can point it at a temp folder."""
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANISATION, APPLICATION)
