"""Agency settings (cài đặt cơ quan): who the counter is, where, and its office hours."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace

from .audit import audit
from .calendar import OfficeHours
from .codes import validate_agency_code
from .db import write_transaction
from .errors import NotConfiguredError, ValidationError
from .limits import REGISTER_VOLUME_MAX, SETTING_TEXT_MAX
from .permissions import require
from .tables import Officer, Setting
from .text import checked_text, clean


@dataclass(frozen=True)
class AgencySettings:
    agency_code: str = ""
    governing_body: str = ""  # đơn vị chủ quản, e.g. "UBND XÃ TAM ĐẢO"
    unit_name: str = "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"  # or the centre's name
    place: str = ""  # for the date line: "Tam Đảo, ngày …"
    office_hours: str = "07:00-11:30,13:30-17:00"
    receipt_copies: int = 2
    head_title: str = "GIÁM ĐỐC"  # signs the apology form
    head_name: str = ""
    default_officer: str = ""
    page_size: str = "A4"
    printer: str = ""
    lookup_url: str = ""
    register_volume: str = ""
    contact_phone: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.agency_code)

    @property
    def hours(self) -> OfficeHours:
        return OfficeHours.parse(self.office_hours)


_FIELDS = {f.name: f for f in fields(AgencySettings)}
_LABELS = {"governing_body": "Tên đơn vị chủ quản", "unit_name": "Tên bộ phận", "place": "Địa danh",
           "head_title": "Chức danh thủ trưởng", "head_name": "Họ tên thủ trưởng",
           "default_officer": "Cán bộ mặc định", "printer": "Máy in", "lookup_url": "Địa chỉ tra cứu",
           "register_volume": "Quyển sổ theo dõi", "contact_phone": "Điện thoại liên hệ"}


def load_settings() -> AgencySettings:
    values = {row.key: json.loads(row.value) for row in Setting.select() if row.key in _FIELDS}
    return AgencySettings(**values)


def require_settings() -> AgencySettings:
    settings = load_settings()
    if not settings.configured:
        raise NotConfiguredError(
            "Chưa thiết lập thông tin cơ quan. Hãy chạy lệnh setup (hoặc trình hướng dẫn lần đầu)."
        )
    return settings


def validate_settings(settings: AgencySettings) -> AgencySettings:
    errors: dict[str, str] = {}
    try:
        agency_code = validate_agency_code(settings.agency_code)
    except ValidationError as exc:
        errors.update(exc.errors)
        agency_code = settings.agency_code
    try:
        hours = OfficeHours.parse(settings.office_hours)
    except ValueError:
        errors["office_hours"] = (
            "Giờ làm việc không hợp lệ; ví dụ đúng: 07:00-11:30,13:30-17:00 "
            "(các buổi theo thứ tự, không chồng nhau)."
        )
        hours = None
    if not isinstance(settings.receipt_copies, int) or not 1 <= settings.receipt_copies <= 5:
        errors["receipt_copies"] = "Số liên giấy tiếp nhận phải từ 1 đến 5."
    if settings.page_size not in ("A4", "A5"):
        errors["page_size"] = "Khổ giấy chỉ có thể là A4 hoặc A5."
    if not clean(settings.governing_body):
        errors["governing_body"] = "Chưa nhập tên đơn vị chủ quản (ví dụ: UBND XÃ TAM ĐẢO)."
    if not clean(settings.place):
        errors["place"] = "Chưa nhập địa danh ghi ở dòng ngày tháng (ví dụ: Tam Đảo)."
    for name, value in asdict(settings).items():
        if isinstance(value, str) and name not in errors:
            limit = REGISTER_VOLUME_MAX if name == "register_volume" else SETTING_TEXT_MAX
            try:
                checked_text(value, name, _LABELS.get(name, name), limit)
            except ValidationError as exc:
                errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    cleaned = {k: clean(v) if isinstance(v, str) else v for k, v in asdict(settings).items()}
    cleaned.update(agency_code=agency_code, office_hours=hours.format(),
                   receipt_copies=int(settings.receipt_copies))
    return AgencySettings(**cleaned)


def save_settings(settings: AgencySettings, *, by: Officer | None) -> AgencySettings:
    """Validate and store every field (admin; or anyone while no account can sign in yet, as in
    the first-run setup); returns what was stored."""
    from .accounts import anyone_can_sign_in

    actor = require(by, "settings.update", entity="settings") if by is not None or anyone_can_sign_in() \
        else None
    settings = validate_settings(settings)
    before = load_settings()
    with write_transaction():
        for key, value in asdict(settings).items():
            Setting.insert(key=key, value=json.dumps(value, ensure_ascii=False)).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: json.dumps(value, ensure_ascii=False)}
            ).execute()
        changed = {k: v for k, v in asdict(settings).items() if getattr(before, k) != v}
        if changed:
            audit("settings.update", actor, "settings", "", changed)
    return settings


def update_settings(*, by: Officer | None, **changes) -> AgencySettings:
    """Change some fields of the stored settings (the rest stays)."""
    unknown = set(changes) - set(_FIELDS)
    if unknown:
        raise ValueError(f"unknown settings: {sorted(unknown)}")
    return save_settings(replace(load_settings(), **changes), by=by)
