"""The one set of limits on what a counter accepts (độ dài, số lượng tối đa).

Intake, workflow, catalog and account validation read their limits here, and every limit is at
most what the day-file schema (resources/schemas/sync-day-v1.schema.json) allows for the field
the value ends up in: what the province would refuse is refused at the counter, next to the
field, instead of being set aside by the export. ``SCHEMA_FIELDS`` states which limit guards
which schema field; tests/models/test_limits.py checks each against the schema file.
"""
from __future__ import annotations

# -- text (characters, after NFC and trimming) -------------------------------------------------
NAME_MAX = 150  # a person's or an organisation's name
ADDRESS_MAX = 300
EMAIL_MAX = 254  # RFC 5321
TEXT_MAX = 4000  # the schema's free-text fields ($defs/text)
NOTES_MAX = 2000  # intake notes (GhiChu)
AUTHORISATION_MAX = 1000  # the authorised person's paper (GiayUyQuyen)
# A workflow note or reason becomes NoiDungXuLy = "<action name>: <note>", at most TEXT_MAX:
# the longest action name is 36 characters, so 2,000 leaves room to spare.
ACTION_NOTE_MAX = 2000
UNIT_MAX = 200  # the processing unit a dossier is forwarded to
DOCUMENT_NAME_MAX = 500  # a paper's name (TenTepDinhKem)
PROCEDURE_CODE_MAX = 40
CATALOG_CODE_MAX = 64  # a field's, a paper's or a result's code (MaLinhVuc, MaThanhPhanHoSo, MaGiayToKetQua)
RESULTS_MAX = 10  # results (kết quả) listed for one procedure
OFFICER_TITLE_MAX = 200  # chức danh (ChucDanh)
PROCEDURE_NAME_MAX = 500
FIELD_NAME_MAX = 500  # lĩnh vực
CATALOG_TEXT_MAX = 2000  # fee note, source, note of a procedure (never sent to the province)
OFFICER_NAME_MAX = 200
REGISTER_VOLUME_MAX = 64  # QuyenSo
SETTING_TEXT_MAX = 200  # agency names, place, titles, printer, lookup address
HOLIDAY_REASON_MAX = 500

# -- counts and numbers ------------------------------------------------------------------------
MAX_DOCUMENTS = 100  # papers in one dossier (TaiLieuNop maxItems)
COPIES_MAX = 99  # originals or copies of one paper
SETS_MIN, SETS_MAX = 1, 99  # SoBoHoSo
FEE_MAX = 1_000_000_000_000  # đồng; far above any fee, far below a 64-bit integer
DURATION_MAX = 365  # a procedure's time limit (days or hours)
MISSING_ITEMS_MAX = 30  # papers asked for in one supplement request
MISSING_ITEM_MAX = 500
WORKING_DAYS_MAX = 365  # due-date --working-days
LIST_LIMIT_MAX = 1000  # rows one list or search command prints
INT32_MAX = 2**31 - 1  # integer columns (revision, PhienBan) on PostgreSQL

# (schema definition, field path, the limit that guards it). The limit must not exceed the
# schema's maxLength / maxItems / maximum for that field.
SCHEMA_FIELDS: tuple[tuple[str, str, int], ...] = (
    ("HoSo", "ChuHoSo", NAME_MAX),
    ("HoSo", "DiaChiChuHoSo", ADDRESS_MAX),
    ("HoSo", "Email", EMAIL_MAX),
    ("HoSo", "GhiChu", NOTES_MAX),
    ("HoSo", "NguoiUyQuyen.HoTen", NAME_MAX),
    ("HoSo", "NguoiUyQuyen.DiaChi", ADDRESS_MAX),
    ("HoSo", "NguoiUyQuyen.Email", EMAIL_MAX),
    ("HoSo", "NguoiUyQuyen.GiayUyQuyen", AUTHORISATION_MAX),
    ("HoSo", "MaTTHC", PROCEDURE_CODE_MAX),
    ("HoSo", "TenTTHC", PROCEDURE_NAME_MAX),
    ("HoSo", "TrichYeuHoSo", PROCEDURE_NAME_MAX),
    ("HoSo", "TenLinhVuc", FIELD_NAME_MAX),
    ("HoSo", "MaLinhVuc", CATALOG_CODE_MAX),
    ("HoSo", "TaiLieuNop[].MaThanhPhanHoSo", CATALOG_CODE_MAX),
    ("HoSo", "DanhSachGiayToKetQua[].MaGiayToKetQua", CATALOG_CODE_MAX),
    ("HoSo", "DonViXuLy", UNIT_MAX),
    ("HoSo", "ThongTinTra", NAME_MAX),
    ("HoSo", "CanBoTiepNhan", OFFICER_NAME_MAX),
    ("HoSo", "QuyenSo", REGISTER_VOLUME_MAX),
    ("HoSo", "SoBoHoSo", SETS_MAX),
    ("HoSo", "TaiLieuNop", MAX_DOCUMENTS),
    ("HoSo", "TaiLieuNop[].TenTepDinhKem", DOCUMENT_NAME_MAX),
    ("HoSo", "DanhSachHoSoBoSung[].NoiDungBoSung", TEXT_MAX),
    ("HoSo", "DanhSachHoSoBoSung[].DanhSachNoiDungBoSung[]", MISSING_ITEM_MAX),
    ("HoSo", "DanhSachHoSoBoSung[].LyDo", ACTION_NOTE_MAX),
    ("HoSo", "DanhSachHoSoBoSung[].NguoiYeuCauBoSung", OFFICER_NAME_MAX),
    ("HoSo", "DanhSachGiaHan[].LyDo", ACTION_NOTE_MAX),
    ("HoSo", "DanhSachGiaHan[].NguoiGiaHan", OFFICER_NAME_MAX),
    ("HoSo", "PhienBan", INT32_MAX),
    ("TienDo", "NguoiXuLy", OFFICER_NAME_MAX),
    ("TienDo", "ChucDanh", OFFICER_TITLE_MAX),
    ("TienDo", "PhongBanXuLy", UNIT_MAX),
    ("TienDo", "GhiChu", ACTION_NOTE_MAX),
    ("manifest", "revision", INT32_MAX),
)
