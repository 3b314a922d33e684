"""Fixtures for the printing tests: sample data for every form and a PDF probe."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from print_probe import PdfProbe, register_rows

from printing import (
    ApologyData,
    ControlSheetData,
    ControlStep,
    DocumentLine,
    FormSettings,
    Person,
    ReceiptData,
    RefusalData,
    RegisterData,
    StopNoticeData,
    SupplementData,
)

# --- sample data -------------------------------------------------------------

RECEIVED = datetime(2026, 2, 13, 9, 30)
DUE = datetime(2026, 2, 20, 15, 0)


@pytest.fixture
def settings() -> FormSettings:
    return FormSettings(
        governing_body="UBND XÃ TAM ĐẢO",
        unit_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
        place="Tam Đảo",
        agency_code="H12.22.01",
        head_title="GIÁM ĐỐC",
        head_name="Nguyễn Văn Bình",
        lookup_url="https://dichvucong.example.gov.vn/tra-cuu?ma={code}",
        contact_name="Trần Thị Hoa",
        contact_phone="0211 3824 567",
    )


@pytest.fixture
def applicant() -> Person:
    return Person(
        name="Nguyễn Thị Hằng",
        id_number="026185001234",
        address="Thôn Đồng Bùa, xã Tam Đảo, tỉnh Phú Thọ",
        phone="0912 345 678",
        email="hang.nt@example.vn",
    )


@pytest.fixture
def receipt(applicant: Person) -> ReceiptData:
    return ReceiptData(
        code="H12.22.01-260213-0042",
        receiving_unit="Trung tâm Phục vụ hành chính công xã Tam Đảo",
        applicant=applicant,
        authorised_person=None,
        procedure_name="Đăng ký khai sinh",
        documents=(
            DocumentLine("Tờ khai đăng ký khai sinh theo mẫu", 1, 0),
            DocumentLine("Giấy chứng sinh", 1, 2),
            DocumentLine("Căn cước của người đi đăng ký", 0, 1),
        ),
        sets=1,
        time_limit_text="05 ngày làm việc",
        received_at=RECEIVED,
        due_at=DUE,
        result_delivery="Trung tâm Phục vụ hành chính công xã Tam Đảo",
        register_volume="03",
        register_number="127",
        officer_name="Lê Văn Tâm",
        number="42/TTPVHCC",
    )


@pytest.fixture
def supplement(applicant: Person) -> SupplementData:
    return SupplementData(
        code="H12.22.01-260213-0042",
        applicant=applicant,
        procedure_name="Đăng ký khai sinh",
        missing_items=("Bản sao Giấy chứng nhận kết hôn của cha, mẹ", "Văn bản ủy quyền có chứng thực"),
        reason="Hồ sơ chưa đủ thành phần theo quy định.",
        guide_name="Lê Văn Tâm",
        issued_at=datetime(2026, 2, 13, 10, 0),
    )


@pytest.fixture
def refusal(applicant: Person) -> RefusalData:
    return RefusalData(
        code="H12.22.01-260213-0043",
        receiving_unit="Trung tâm Phục vụ hành chính công xã Tam Đảo",
        applicant=applicant,
        procedure_name="Cấp giấy phép xây dựng nhà ở riêng lẻ",
        reason="Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã.",
        officer_name="Lê Văn Tâm",
        issued_at=datetime(2026, 3, 5, 8, 15),
    )


@pytest.fixture
def apology(applicant: Person) -> ApologyData:
    return ApologyData(
        code="H12.22.01-260213-0042",
        agency_name="Ủy ban nhân dân xã Tam Đảo",
        applicant=applicant,
        procedure_name="Đăng ký khai sinh",
        received_at=RECEIVED,
        old_due_at=DUE,
        reason="Cần xác minh thông tin cư trú của người mẹ.",
        new_due_at=datetime(2026, 3, 5, 9, 0),
        issued_at=datetime(2026, 2, 20, 8, 0),
    )


@pytest.fixture
def control(applicant: Person) -> ControlSheetData:
    return ControlSheetData(
        code="H12.22.01-260213-0042",
        resolving_unit="Công chức tư pháp, hộ tịch",
        coordinating_unit="Công an xã Tam Đảo",
        received_at=RECEIVED,
        due_at=DUE,
        steps=(
            ControlStep(
                "Bộ phận TN&TKQ",
                "Công chức tư pháp, hộ tịch",
                datetime(2026, 2, 13, 10, 0),
                "Đúng hạn",
                "",
                "Lê Văn Tâm",
                "Phạm Thị Lan",
            ),
            ControlStep(
                "Công chức tư pháp, hộ tịch",
                "Lãnh đạo UBND xã",
                datetime(2026, 2, 16, 14, 5),
                "Trước hạn",
                "Trình ký",
                "Phạm Thị Lan",
                "Nguyễn Văn Bình",
            ),
            ControlStep(
                "Lãnh đạo UBND xã",
                "Bộ phận TN&TKQ",
                datetime(2026, 2, 23, 8, 0),
                "Quá hạn",
                "Chờ xác minh",
                "Nguyễn Văn Bình",
                "Lê Văn Tâm",
            ),
        ),
        issued_at=RECEIVED,
    )


@pytest.fixture
def stop(applicant: Person) -> StopNoticeData:
    return StopNoticeData(
        code="H12.22.01-260213-0042",
        applicant=applicant,
        procedure_name="Đăng ký khai sinh",
        received_at=RECEIVED,
        reason="Công dân có đơn đề nghị rút hồ sơ.",
        officer_name="Lê Văn Tâm",
        issued_at=datetime(2026, 2, 16, 8, 0),
    )


@pytest.fixture
def register() -> RegisterData:
    return RegisterData(
        rows=register_rows(12),
        date_from=date(2026, 2, 1),
        date_to=date(2026, 2, 28),
        issued_at=datetime(2026, 3, 1, 17, 0),
        volume="02",
    )


@pytest.fixture
def probe(tmp_path: Path) -> PdfProbe:
    return PdfProbe(tmp_path)
