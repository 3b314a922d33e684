"""Every form read back: its fields, in Vietnamese with diacritics intact,
dates in the administrative wording, fonts embedded and text on the page."""

from __future__ import annotations

import dataclasses

import pytest
from print_probe import flat

from printing import FORM_RENDERERS, FormSettings

HEADER = (
    "UBND XÃ TAM ĐẢO",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
)

EXPECTED: dict[str, tuple[str, ...]] = {
    "receipt": (
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "Số: 42/TTPVHCC",
        "Tam Đảo, ngày 13 tháng 02 năm 2026",
        "Mã hồ sơ: H12.22.01-260213-0042",
        "Trung tâm Phục vụ hành chính công xã Tam Đảo",
        "Tiếp nhận hồ sơ của Ông (Bà)/Tổ chức: Nguyễn Thị Hằng",
        "Số định danh cá nhân/tổ chức: 026185001234",
        "Địa chỉ: Thôn Đồng Bùa, xã Tam Đảo, tỉnh Phú Thọ",
        "Số điện thoại: 0912 345 678",
        "Email: hang.nt@example.vn",
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
        "Thành phần hồ sơ nộp gồm:",
        "1. Tờ khai đăng ký khai sinh theo mẫu (01 bản chính)",
        "2. Giấy chứng sinh (01 bản chính, 02 bản sao)",
        "3. Căn cước của người đi đăng ký (01 bản sao)",
        "Số lượng hồ sơ: 01 (bộ)",
        "Thời gian giải quyết hồ sơ theo quy định là: 05 ngày làm việc",
        "Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 13 tháng 02 năm 2026",
        "Thời gian trả kết quả giải quyết hồ sơ: 15 giờ 00 phút, ngày 20 tháng 02 năm 2026",
        "Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công xã Tam Đảo",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 03, Số thứ tự: 127",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký và ghi rõ họ tên)",
        "Lê Văn Tâm",
    ),
    "supplement": (
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "Số: …………/PBS-TTPVHCC (BPTNTKQ)",
        "Tam Đảo, ngày 13 tháng 02 năm 2026",
        "Hồ sơ của: Nguyễn Thị Hằng",
        "Mã hồ sơ: H12.22.01-260213-0042",
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
        "Địa chỉ: Thôn Đồng Bùa, xã Tam Đảo, tỉnh Phú Thọ",
        "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:",
        "1. Bản sao Giấy chứng nhận kết hôn của cha, mẹ",
        "2. Văn bản ủy quyền có chứng thực",
        "Lý do: Hồ sơ chưa đủ thành phần theo quy định.",
        "Ông/Bà liên hệ với Trần Thị Hoa, số điện thoại 0211 3824 567 để được hướng dẫn./.",
        "NGƯỜI HƯỚNG DẪN",
        "Lê Văn Tâm",
    ),
    "refusal": (
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "Số: …………/PTC-TTPVHCC (BPTNTKQ)",
        "Tam Đảo, ngày 05 tháng 3 năm 2026",
        "Tiếp nhận hồ sơ của: Nguyễn Thị Hằng",
        "Số định danh cá nhân/tổ chức: 026185001234",
        "Mã hồ sơ (nếu có): H12.22.01-260213-0043",
        "Nội dung yêu cầu giải quyết: Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Qua xem xét, Trung tâm Phục vụ hành chính công xã Tam Đảo thông báo không tiếp nhận, "
        "giải quyết hồ sơ này với lý do cụ thể như sau:",
        "Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã.",
        "Xin thông báo cho Ông/Bà được biết và thực hiện./.",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Lê Văn Tâm",
    ),
    "apology": (
        "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
        "Số: …………/PXL",
        "Tam Đảo, ngày 20 tháng 02 năm 2026",
        "Kính gửi: Nguyễn Thị Hằng",
        "Ngày 13 tháng 02 năm 2026, Ủy ban nhân dân xã Tam Đảo tiếp nhận giải quyết hồ sơ đề nghị "
        "giải quyết thủ tục hành chính Đăng ký khai sinh của Ông/Bà/Tổ chức Nguyễn Thị Hằng; "
        "số định danh: 026185001234; mã số hồ sơ: H12.22.01-260213-0042.",
        "Thời gian hẹn trả kết quả giải quyết hồ sơ: 15 giờ 00 phút, ngày 20 tháng 02 năm 2026.",
        "Tuy nhiên đến nay, Ủy ban nhân dân xã Tam Đảo chưa trả kết quả giải quyết hồ sơ",
        "Lý do: Cần xác minh thông tin cư trú của người mẹ.",
        "xin trân trọng gửi lời xin lỗi đến Ông (Bà)/Tổ chức",
        "sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà/Tổ chức vào 09 giờ 00 phút, ngày 05 tháng 3 năm 2026.",
        "Mong nhận được sự thông cảm của Ông/Bà/Tổ chức vì sự chậm trễ này./.",
        "GIÁM ĐỐC",
        "Nguyễn Văn Bình",
    ),
    "control": (
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        "Số: …………/PKS-TTPVHCC (BPTNTKQ)",
        "Mã số hồ sơ: H12.22.01-260213-0042",
        "Cơ quan (bộ phận) giải quyết hồ sơ: Công chức tư pháp, hộ tịch",
        "Cơ quan phối hợp giải quyết hồ sơ: Công an xã Tam Đảo",
        "Ngày nhận: 09 giờ 30 phút, ngày 13 tháng 02 năm 2026",
        "Hẹn trả kết quả vào 15 giờ 00 phút, ngày 20 tháng 02 năm 2026",
        "Tên đơn vị",
        "Thời gian giao nhận",
        "Ghi chú",
        "1. Giao: Bộ phận TN&TKQ",
        "2. Nhận: Lãnh đạo UBND xã",
        "10 giờ 00 phút, ngày 13/02/2026",
        "14 giờ 05 phút, ngày 16/02/2026",
        "Đúng hạn",
        "Trước hạn",
        "Quá hạn",
        "Trình ký",
        "Người giao",
        "Người nhận",
        "Phạm Thị Lan",
        "Kết quả giải quyết hồ sơ do bên nhận nhập thông tin/ghi khi nhận bàn giao hồ sơ.",
    ),
    "stop": (
        "THÔNG BÁO",
        "Về việc dừng giải quyết hồ sơ",
        "Số: …………/TB-TTPVHCC (BPTNTKQ)",
        "Tam Đảo, ngày 16 tháng 02 năm 2026",
        "Kính gửi: Nguyễn Thị Hằng",
        "Mã hồ sơ: H12.22.01-260213-0042",
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
        "Ngày 13 tháng 02 năm 2026, Trung tâm Phục vụ hành chính công xã Tam Đảo đã tiếp nhận hồ sơ "
        "mã số H12.22.01-260213-0042 của Ông/Bà/Tổ chức.",
        "Theo đề nghị của Ông/Bà/Tổ chức, Trung tâm Phục vụ hành chính công xã Tam Đảo thông báo "
        "dừng giải quyết hồ sơ nêu trên.",
        "Lý do: Công dân có đơn đề nghị rút hồ sơ.",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
    ),
    "register": (
        "SỔ THEO DÕI HỒ SƠ",
        "Số: …………/STD-TTPVHCC (BPTNTKQ)",
        "Tam Đảo, ngày 01 tháng 3 năm 2026",
        "Từ ngày 01 tháng 02 năm 2026 đến ngày 28 tháng 02 năm 2026 – Quyển số: 02",
        "Tổng số: 12 hồ sơ",
        "Trần Văn Đức 12",
        "Bưu chính công ích",
        "Trang 1/",
    ),
}


def test_every_form_has_a_renderer() -> None:
    assert set(FORM_RENDERERS) == {
        "receipt",
        "supplement",
        "refusal",
        "apology",
        "control",
        "stop",
        "register",
    }


@pytest.mark.parametrize("form", sorted(EXPECTED))
def test_form_fields_read_back(
    form: str, request: pytest.FixtureRequest, settings: FormSettings, probe
) -> None:
    data = request.getfixturevalue(form)
    pdf = FORM_RENDERERS[form](data, settings)
    assert pdf.startswith(b"%PDF-")
    text = probe.text(pdf)
    for expected in HEADER + EXPECTED[form]:
        assert flat(expected) in text, f"{form}: missing {expected!r}"


@pytest.mark.parametrize("form", sorted(EXPECTED))
def test_form_layout(form: str, request: pytest.FixtureRequest, settings: FormSettings, probe) -> None:
    pdf = FORM_RENDERERS[form](request.getfixturevalue(form), settings)
    probe.check_layout(pdf)
    assert all("LiberationSerif" in name for name in probe.check_fonts_embedded(pdf))


@pytest.mark.parametrize("form", sorted(set(EXPECTED) - {"register"}))
def test_form_on_a5(form: str, request: pytest.FixtureRequest, settings: FormSettings, probe) -> None:
    a5 = dataclasses.replace(settings, page_size="A5")
    pdf = FORM_RENDERERS[form](request.getfixturevalue(form), a5)
    pages = probe.words(pdf)
    assert {(round(p.width), round(p.height)) for p in pages} == {(420, 595)}
    probe.check_layout(pdf)
    text = probe.text(pdf)
    for expected in EXPECTED[form][:1] + HEADER:
        assert flat(expected) in text


@pytest.mark.parametrize("form", sorted(EXPECTED))
def test_same_data_gives_same_bytes(
    form: str, request: pytest.FixtureRequest, settings: FormSettings
) -> None:
    """Layout reads no clock: rendering is a pure function of its inputs."""
    data = request.getfixturevalue(form)
    assert FORM_RENDERERS[form](data, settings) == FORM_RENDERERS[form](data, settings)


def test_unknown_page_size_is_refused(receipt, settings: FormSettings) -> None:
    with pytest.raises(ValueError, match="Khổ giấy"):
        FORM_RENDERERS["receipt"](receipt, dataclasses.replace(settings, page_size="Letter"))


# The "Số:" line of each form, blank, exactly as the 2025 templates print it (BM.01–BM.06; the
# stop notice follows the same pattern).
NUMBER_LINES = {
    "receipt": "Số: …………/-TTPVHCC (BPTNTKQ)",
    "supplement": "Số: …………/PBS-TTPVHCC (BPTNTKQ)",
    "refusal": "Số: …………/PTC-TTPVHCC (BPTNTKQ)",
    "apology": "Số: …………/PXL",
    "control": "Số: …………/PKS-TTPVHCC (BPTNTKQ)",
    "register": "Số: …………/STD-TTPVHCC (BPTNTKQ)",
    "stop": "Số: …………/TB-TTPVHCC (BPTNTKQ)",
}


@pytest.mark.parametrize("form", sorted(NUMBER_LINES))
def test_number_line_as_the_template_writes_it(form: str, request: pytest.FixtureRequest,
                                               settings: FormSettings, probe) -> None:
    data = dataclasses.replace(request.getfixturevalue(form), number="")
    text = probe.text(FORM_RENDERERS[form](data, settings))
    assert flat(f"{NUMBER_LINES[form]} Tam Đảo, ngày") in text
