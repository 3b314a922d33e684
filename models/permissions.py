"""Who may do what at the counter (DOMAIN §9): one table, checked inside the services.

Every service that changes something calls ``require(officer, action)`` with the acting
account, whatever called it (the GUI, the command line, a test). ``require`` reads the
account's row again — an account disabled while a GUI session is open is refused at its next
action — and refuses with one message, "Tài khoản … (vai trò …) không được …", written to the
audit log (in its own transaction: see models.db.write_transaction).

Screens use ``can`` to hide or disable what the signed-in roles may not do; that is only a
courtesy, the services are the check.

A person may hold several roles; the account ``setup`` creates holds all three, so a commune
where one person does everything still works.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable

from .errors import PermissionDenied, ValidationError

OFFICER, LEADER, ADMIN = "officer", "leader", "admin"
# Display order and the Vietnamese names of the roles.
ROLES = {OFFICER: "Cán bộ một cửa", LEADER: "Lãnh đạo", ADMIN: "Quản trị"}

_O, _L, _A = frozenset({OFFICER}), frozenset({LEADER}), frozenset({ADMIN})
_ANYONE = _O | _L | _A

# action → (the roles that may do it, what it is: "Tài khoản … không được <what>.")
PERMISSIONS: dict[str, tuple[frozenset[str], str]] = {
    # Cán bộ một cửa: receives, guides, forwards, the first supplement request, results,
    # returns; an extension before the due moment, naming the leader who signs the apology.
    "dossier.receive": (_O, "tiếp nhận hồ sơ"),
    "dossier.forward": (_O, "chuyển hồ sơ xử lý"),
    "dossier.supplement": (_O, "yêu cầu bổ sung, hoàn thiện hồ sơ"),
    "dossier.resume": (_O, "nhận hồ sơ bổ sung, tiếp tục xử lý"),
    "dossier.request_payment": (_O, "yêu cầu thực hiện nghĩa vụ tài chính"),
    "dossier.paid": (_O, "ghi nhận đã thực hiện nghĩa vụ tài chính"),
    "dossier.finish": (_O, "ghi nhận hồ sơ đã xử lý xong"),
    "dossier.return": (_O, "trả kết quả"),
    "dossier.refuse": (_O, "từ chối tiếp nhận hồ sơ"),
    "dossier.withdraw": (_O, "ghi nhận công dân rút hồ sơ"),
    "dossier.extend": (_O | _L, "hẹn lại ngày trả kết quả"),
    "dossier.accept": (_O, "tiếp nhận hồ sơ nộp trực tuyến"),
    "fee.record_payment": (_O, "ghi nhận thu phí, lệ phí"),
    "satisfaction.rate": (_O | _L, "ghi nhận đánh giá mức độ hài lòng"),
    "attachment.add": (_O | _L, "đính kèm, thay bản điện tử (số hóa) của hồ sơ"),
    # Lãnh đạo: signs apologies and new appointments, the exceptions and the late records.
    "dossier.extend_late": (_L, "hẹn lại ngày trả kết quả sau khi hồ sơ đã quá hạn"),
    "dossier.sign_apology": (_L, "ký phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết"),
    "dossier.supplement_again": (_L, "yêu cầu bổ sung hồ sơ lần thứ hai"),
    "dossier.stop": (_L, "dừng xử lý hồ sơ"),
    "dossier.backdate": (_L, "ghi một bước xử lý vào thời điểm đã qua"),
    "report.read": (_L | _A, "xem báo cáo"),
    "audit.read": (_L | _A, "xem nhật ký thao tác"),
    # Quản trị: accounts, agency settings, catalog, calendar, keys.
    "officer.add": (_A, "thêm tài khoản cán bộ"),
    "officer.update": (_A, "sửa tài khoản cán bộ"),
    "officer.passwd": (_A, "đặt mật khẩu cho tài khoản khác"),
    "officer.unlock": (_A, "mở khóa đăng nhập"),
    "settings.update": (_A, "sửa thông tin cơ quan"),
    "catalog.import": (_A, "nhập, sửa danh mục thủ tục"),
    "calendar.update": (_A, "sửa lịch ngày nghỉ, ngày làm việc"),
    "sync.keys": (_A, "quản lý khóa đồng bộ"),
        "backup.settings": (_A, "sửa cài đặt sao lưu"),
    "attachment.settings": (_A, "sửa cài đặt số hóa"),
    "server.configure": (_A, "đổi kết nối máy chủ hoặc số quầy của máy này"),
    "server.migrate": (_A, "chuyển dữ liệu lên máy chủ"),
    "backup.restore": (_A, "khôi phục dữ liệu từ bản sao lưu"),
    # Everyone signed in.
    "officer.own_password": (_ANYONE, "đổi mật khẩu của mình"),
    "form.print": (_ANYONE, "in phiếu của hồ sơ"),
    "sync.export": (_ANYONE, "xuất tệp đồng bộ"),
    "sync.ack": (_ANYONE, "nhập tệp xác nhận của tỉnh"),
    # The province's signed packages (catalog, calendar, online dossiers): the signature is
    # the check, whoever plugs in the stick.
    "package.apply": (_ANYONE, "nhập gói dữ liệu của tỉnh"),
}


def parse_roles(value: str | Iterable[str]) -> tuple[str, ...]:
    """ "officer,leader" (or a list) → the roles in ROLES order; ValidationError if unknown."""
    items = value.split(",") if isinstance(value, str) else list(value)
    wanted = {str(item).strip().lower() for item in items if str(item).strip()}
    unknown = wanted - set(ROLES)
    if unknown or not wanted:
        raise ValidationError({"role": "Vai trò là một hoặc nhiều trong officer (cán bộ một cửa), "
                                       "leader (lãnh đạo), admin (quản trị), cách nhau bởi dấu phẩy"
                                       + (f"; không có vai trò “{', '.join(sorted(unknown))}”." if unknown
                                          else ".")})
    return tuple(role for role in ROLES if role in wanted)


def roles_of(officer) -> tuple[str, ...]:
    """The roles an Officer row (or OfficerInfo) holds."""
    roles = getattr(officer, "roles", "")
    if isinstance(roles, str):
        roles = roles.split(",")
    return tuple(role for role in ROLES if role in set(roles))


def role_names(roles: Iterable[str]) -> str:
    """ "Cán bộ một cửa, Lãnh đạo" (lower case inside a sentence)."""
    return ", ".join(ROLES[r].lower() for r in roles if r in ROLES) or "không có vai trò"


def can(officer, action: str) -> bool:
    """Whether these roles may do ``action`` (for screens: no database read, no audit)."""
    allowed, _ = PERMISSIONS[action]
    return officer is not None and bool(set(roles_of(officer)) & allowed)


def require(officer, action: str, *, entity: str = "", entity_id: str = ""):
    """The acting account's current row if it may do ``action``; else PermissionDenied.

    The row is read again: an account disabled (or whose roles changed) since it signed in is
    judged as it is now.
    """
    from .tables import Officer

    allowed, what = PERMISSIONS[action]
    row = Officer.get_or_none(Officer.id == officer.id) if officer is not None else None
    if row is None:
        raise PermissionDenied(f"Cần đăng nhập bằng tài khoản được phép {what}.")
    if not row.active:
        message = f"Tài khoản {row.username} đã ngừng sử dụng, không được {what}."
    elif set(roles_of(row)) & allowed:
        return row
    else:
        message = f"Tài khoản {row.username} (vai trò {role_names(roles_of(row))}) không được {what}."
    raise _refusal(message, row, action, entity, entity_id)


def _refusal(message: str, row, action: str, entity: str, entity_id: str) -> PermissionDenied:
    """The exception, audited now — or, inside a transaction, when that transaction ends."""
    from .audit import audit
    from .db import write_transaction
    from .tables import database

    def record() -> None:
        try:
            with write_transaction():
                audit(action, row, entity, entity_id, {"refused": message})
        except Exception:  # noqa: BLE001 - a database opened read-only (a look on read-only media)
            logging.getLogger(__name__).warning("refusal not audited (read-only database): %s", message)

    refusal = PermissionDenied(message, record)
    if not database.obj.in_transaction():
        refusal.record()
    return refusal


__all__ = ["ADMIN", "LEADER", "OFFICER", "PERMISSIONS", "ROLES", "can", "parse_roles", "require",
           "role_names", "roles_of"]
