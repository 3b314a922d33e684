"""Settings of the citizen's side of the counter: the agency's bank account for VietQR, the
80 mm slip, the satisfaction scale.

Kept in the agency's ``setting`` table under their own keys (models.settings reads only its
own), so they need no migration and travel with the database like the agency settings.
Changing them is the admin's act ("settings.update").
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace

from .audit import audit
from .db import write_transaction
from .errors import ValidationError
from .permissions import require
from .tables import Officer, Setting
from .text import clean
from .vietqr import BankAccount, validate_account

PREFIX = "citizen."
# The scale most provinces use at their counters' rating devices, best first.
DEFAULT_LEVELS = ("Rất hài lòng", "Hài lòng", "Không hài lòng")
RATING_MOMENTS = {"both": "Sau tiếp nhận và sau trả kết quả", "return": "Chỉ sau trả kết quả",
                  "off": "Không tự hỏi (cán bộ mở từ hồ sơ)"}
SLIP_MODES = {"off": "Không in phiếu 80 mm", "instead": "In phiếu 80 mm thay giấy tiếp nhận A4",
              "also": "In phiếu 80 mm kèm giấy tiếp nhận A4"}
MAX_LEVELS = 7


@dataclass(frozen=True)
class CitizenSettings:
    vietqr_bank: str = ""  # the bank's 6-digit BIN
    vietqr_account: str = ""
    vietqr_name: str = ""
    slip_mode: str = "off"  # off | instead | also (at intake)
    slip_printer: str = ""  # the roll printer; "" = the forms' printer
    satisfaction_levels: tuple[str, ...] = DEFAULT_LEVELS
    satisfied_levels: int = 2  # the first N levels count as satisfied
    ask_rating: str = "both"  # when the app asks the citizen by itself: both | return | off

    @property
    def bank_account(self) -> BankAccount:
        return BankAccount(self.vietqr_bank, self.vietqr_account, self.vietqr_name)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["satisfaction_levels"] = list(self.satisfaction_levels)
        return data


_FIELDS = {f.name for f in fields(CitizenSettings)}


def load_citizen_settings() -> CitizenSettings:
    values = {}
    for row in Setting.select().where(Setting.key.startswith(PREFIX)):
        name = row.key[len(PREFIX):]
        if name in _FIELDS:
            values[name] = json.loads(row.value)
    if "satisfaction_levels" in values:
        values["satisfaction_levels"] = tuple(values["satisfaction_levels"])
    return CitizenSettings(**values)


def _check(settings: CitizenSettings) -> CitizenSettings:
    errors: dict[str, str] = {}
    if settings.vietqr_bank or settings.vietqr_account or settings.vietqr_name:
        try:
            account = validate_account(settings.vietqr_bank, settings.vietqr_account, settings.vietqr_name)
            settings = replace(settings, vietqr_bank=account.bank_bin, vietqr_account=account.number,
                               vietqr_name=account.name)
        except ValidationError as exc:
            errors.update(exc.errors)
    if settings.slip_mode not in SLIP_MODES:
        errors["slip_mode"] = "Chế độ in phiếu 80 mm phải là off, instead hoặc also."
    if settings.ask_rating not in RATING_MOMENTS:
        errors["ask_rating"] = "Thời điểm hỏi đánh giá phải là both, return hoặc off."
    levels = tuple(clean(level) for level in settings.satisfaction_levels if clean(level))
    if not 2 <= len(levels) <= MAX_LEVELS or len(set(levels)) != len(levels):
        errors["satisfaction_levels"] = (f"Thang đánh giá cần từ 2 đến {MAX_LEVELS} mức, tên các mức "
                                         "không trùng nhau.")
    elif not 1 <= int(settings.satisfied_levels) < len(levels):
        errors["satisfied_levels"] = ("Số mức được tính là hài lòng (các mức đầu thang) phải từ 1 đến "
                                      f"{len(levels) - 1}.")
    if errors:
        raise ValidationError(errors)
    return replace(settings, satisfaction_levels=levels, satisfied_levels=int(settings.satisfied_levels),
                   slip_printer=clean(settings.slip_printer))


def check_citizen_settings(**changes) -> CitizenSettings:
    """The settings these changes would give, checked, without storing anything."""
    if "satisfaction_levels" in changes:
        changes["satisfaction_levels"] = tuple(changes["satisfaction_levels"])
    return _check(replace(load_citizen_settings(), **changes))


def update_citizen_settings(by: Officer, **changes) -> CitizenSettings:
    """Change some settings (action "settings.update", admin); all are checked before any is
    stored. ``vietqr_bank=""`` with the account and name empty removes the account."""
    unknown = set(changes) - _FIELDS
    if unknown:
        raise ValueError(f"unknown settings: {sorted(unknown)}")
    by = require(by, "settings.update", entity="settings")
    if "satisfaction_levels" in changes:
        changes["satisfaction_levels"] = tuple(changes["satisfaction_levels"])
    settings = _check(replace(load_citizen_settings(), **changes))
    with write_transaction():
        for name, value in settings.to_dict().items():
            text = json.dumps(value, ensure_ascii=False)
            Setting.insert(key=PREFIX + name, value=text).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: text}).execute()
        audit("settings.update", by, "settings", "citizen", {k: changes[k] for k in sorted(changes)})
    return settings


__all__ = ["DEFAULT_LEVELS", "RATING_MOMENTS", "SLIP_MODES", "CitizenSettings", "check_citizen_settings",
           "load_citizen_settings", "update_citizen_settings"]
