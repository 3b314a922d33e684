"""Language and locale: the Vietnamese translation is loaded by default (English is the source)."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTranslator

from models.paths import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
QM_FILE = TRANSLATIONS / "motcua_vi.qm"
VIETNAMESE = QLocale(QLocale.Vietnamese, QLocale.Vietnam)
DATE_FORMAT = "dd/MM/yyyy"
DATETIME_FORMAT = "HH:mm dd/MM/yyyy"

_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication) -> list[QTranslator]:
    """Our strings (motcua_vi.qm) and, when Qt ships them, Qt's own (qtbase_vi.qm)."""
    QLocale.setDefault(VIETNAMESE)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    for name, folder in (("qtbase_vi", qt_dir), ("motcua_vi", str(TRANSLATIONS))):
        translator = QTranslator(app)
        if Path(folder, name + ".qm").exists() and translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return list(_installed)


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return VIETNAMESE.toString(QDate(value.year, value.month, value.day), DATE_FORMAT)


def fmt_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return VIETNAMESE.toString(QDateTime(value), DATETIME_FORMAT)


def fmt_number(value: int) -> str:
    return VIETNAMESE.toString(int(value))


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)
