"""What is shown in public: the notice board's rows and the kiosk's view mask the person."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from models import workflow
from models.errors import NotFoundError, ValidationError
from models.intake import receive
from models.kiosk import kiosk_exit, kiosk_lookup, scanned_code
from models.masking import mask_name, scrub_numbers
from models.notice_board import notice_rows
from models.report_period import Period
from models.tables import AuditLog
from tests.factories import XAC_NHAN_HON_NHAN, request


@pytest.mark.parametrize(("name", "kind", "masked"), [
    ("Nguyễn Thị Hằng", 1, "Nguyễn T. H."),
    ("Lê Văn", 1, "Lê V."),
    ("Âu Dương Ngọc Ánh", 1, "Âu D. N. Á."),
    ("Hằng", 1, "H."),
    ("Công ty TNHH Minh Phát", 2, "Công ty TNHH Minh Phát"),
])
def test_names_are_masked(name, kind, masked):
    assert mask_name(name, kind) == masked


def test_long_numbers_are_scrubbed_from_free_text():
    text = "Gọi 0912 345 678 hoặc CCCD 001190012345 để xác minh; hồ sơ 3 bản"
    assert scrub_numbers(text) == "Gọi … hoặc CCCD … để xác minh; hồ sơ 3 bản"


def test_notice_rows_carry_the_apology_and_new_appointment(officer, monkeypatch):
    received = datetime(2026, 11, 2, 9, 0)
    late = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=received), officer, now=received).code
    waiting = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=received, name="Trần Văn Đức",
                              id_number="001190054321"), officer, now=received).code
    due = datetime(2026, 11, 5, 9, 0)
    workflow.extend(late, officer, new_due=datetime(2026, 11, 10, 16, 0),
                    reason="Chờ xác minh, liên hệ 0912345678", at=datetime(2026, 11, 4, 8, 0),
                    now=datetime(2026, 11, 4, 8, 0))
    # Which dossiers are late, and against which appointment, is the report's rule
    # (models.reports.late_dossiers); the notice adds the new appointment and the masking.
    import models.notice_board
    from models.reports import ReportDossier

    def judged(code: str, name: str) -> ReportDossier:
        return ReportDossier(code=code, procedure_code=XAC_NHAN_HON_NHAN, procedure_name="Xác nhận TTHN",
                             field="Hộ tịch", applicant_name=name, channel=1, status=2, received_at=received,
                             due_at=due, closed_at=None, checked_at=datetime(2026, 11, 9, 9, 0),
                             checked_on=date(2026, 11, 9), stage="in_progress", late=True, late_from=None,
                             days_late=4, working_days_late=2)
    monkeypatch.setattr(models.notice_board, "late_dossiers", lambda period, officer, now=None: [
        judged(late, "Nguyễn Thị Hằng"), judged(waiting, "Trần Văn Đức")])
    rows = {r.code: r for r in notice_rows(Period.month(2026, 11), officer=officer, now=datetime(2026, 11, 9, 9, 0))}
    assert rows[late].applicant == "Nguyễn T. H." and rows[waiting].applicant == "Trần V. Đ."
    assert rows[late].new_due_at == datetime(2026, 11, 10, 16, 0)
    assert rows[late].reason == "Chờ xác minh, liên hệ …"
    assert rows[waiting].new_due_at is None and rows[waiting].reason == ""
    assert rows[waiting].state == "Đang giải quyết, quá hạn 2 ngày làm việc"


def test_notice_rows_come_from_the_reports_late_list(officer):
    received = datetime(2026, 11, 2, 9, 0)
    code = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=received), officer, now=received).code
    rows = notice_rows(Period.month(2026, 11), officer=officer, now=datetime(2026, 11, 20, 9, 0))
    assert [(r.code, r.applicant) for r in rows] == [(code, "Nguyễn T. H.")]


def test_kiosk_shows_status_missing_papers_and_masked_name(officer):
    at = datetime(2026, 11, 16, 9, 0)
    code = receive(request(procedure=XAC_NHAN_HON_NHAN, received_at=at), officer, now=at).code
    workflow.request_supplement(code, officer, missing=["Bản sao Giấy khai sinh"], reason="Thiếu giấy tờ",
                                at=datetime(2026, 11, 16, 9, 30), now=datetime(2026, 11, 16, 9, 30))
    view = kiosk_lookup(f"https://dichvucong.example.vn/tra-cuu?ma={code}", now=datetime(2026, 11, 16, 10, 0))
    assert view.code == code and view.status_text == "Cần bổ sung giấy tờ"
    assert view.missing == ("Bản sao Giấy khai sinh",)
    assert view.applicant == "Nguyễn T. H."
    shown = str(view.to_dict())
    for secret in ("001190012345", "0912345678", "Thôn Đồng Bông", "Nguyễn Thị Hằng"):
        assert secret not in shown
    assert "Bộ phận Tiếp nhận và Trả kết quả" in view.collect_at or "Trung tâm" in view.collect_at


def test_kiosk_reads_a_typed_code_and_says_when_there_is_none(officer):
    assert scanned_code(" h12.22.01-261116-0001 ") == "H12.22.01-261116-0001"
    with pytest.raises(ValidationError):
        kiosk_lookup("xin chào")
    with pytest.raises(NotFoundError, match="Không tìm thấy hồ sơ"):
        kiosk_lookup("000.00.24.H12-261116-9999")


def test_leaving_the_kiosk_needs_an_officers_password(counter):
    from models.accounts import add_officer
    from models.session import acting_officer

    add_officer("can.bo", "Lê Văn Tâm", "officer", "mat-khau-123", by=acting_officer())
    with pytest.raises(ValidationError):
        kiosk_exit("can.bo", "sai-mat-khau")
    assert kiosk_exit("can.bo", "mat-khau-123").username == "can.bo"
    assert AuditLog.select().where(AuditLog.action == "kiosk.exit").count() == 1
