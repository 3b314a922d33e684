"""The intake screen driven from the keyboard, as at the counter."""
from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import pdf_text, type_text

from models.dossiers import get_dossier
from models.intake import IntakeRequest, PersonInput, receive
from models.search import count_dossiers, search


def _type_citizen(qtbot, screen) -> None:
    qtbot.keyClicks(screen.id_number, "001190012345")
    qtbot.keyClick(screen.id_number, Qt.Key_Tab)
    type_text(qtbot, screen.name, "Nguyễn Thị Hằng")
    qtbot.keyClicks(screen.birth, "12/05/1990")
    qtbot.keyClicks(screen.phone, "0912 345 678")
    type_text(qtbot, screen.address.detail, "Thôn Đồng Bông")
    qtbot.keyClicks(screen.procedure.lineEdit(), "khai sinh")
    qtbot.keyClick(screen.procedure.lineEdit(), Qt.Key_Return)


def test_whole_intake_by_keyboard_then_f9_saves_prints_and_shows_receipt(window, qtbot, idle, printed):
    screen = window.intake
    qtbot.waitUntil(lambda: screen.procedure.count() > 0)
    _type_citizen(qtbot, screen)
    assert screen.procedure.currentData() == "1.001193"
    idle()
    assert screen.documents.table.rowCount() > 0  # the checklist came from the procedure
    assert screen.due.text()[:2].isdigit()  # the live due date, "HH:mm dd/MM/yyyy"
    with qtbot.waitSignal(screen.receipt_shown, timeout=15000) as shown:
        qtbot.keyClick(screen.name, Qt.Key_F9)
    idle()
    found = search("nguyen thi hang")
    assert len(found) == 1
    dossier = get_dossier(found[0].code)
    assert dossier.applicant_phone == "0912345678"
    assert dossier.procedure_code == "1.001193"
    assert dossier.applicant_address == "Thôn Đồng Bông"
    assert len(dossier.documents) == screen.documents.table.rowCount() or dossier.documents
    text = pdf_text(shown.args[0])
    assert dossier.code in text and "Nguyễn Thị Hằng" in text
    assert screen.printer.preview.isVisible() and screen.printer.preview.page_count() >= 1
    assert [job[:2] for job in printed] == [("receipt", dossier.code)]
    assert dossier.code in pdf_text(printed[0][2])
    assert get_dossier(dossier.code).receipt_printed
    # ready for the next citizen, with the new code shown large
    assert screen.last_code.text() == dossier.code
    assert screen.name.text() == "" and screen.id_number.text() == ""
    assert screen.id_number.hasFocus() or not window.isActiveWindow()


def test_errors_sit_next_to_their_fields_and_nothing_is_saved(window, qtbot, idle):
    screen = window.intake
    qtbot.keyClicks(screen.id_number, "12345")
    qtbot.keyClicks(screen.phone, "12")
    qtbot.keyClick(screen.phone, Qt.Key_F9)
    idle()
    assert "12 chữ số" in screen.errors.message("id_number")
    assert screen.errors.message("name")  # "Họ và tên … không được để trống."
    assert screen.errors.message("phone")
    assert "thủ tục" in screen.errors.message("procedure")
    assert count_dossiers() == 0


def test_chip_id_card_scan_fills_the_applicant_block(window, qtbot, idle):
    screen = window.intake
    qr = "001190012345|012345678|Nguyễn Thị Hằng|12051990|Nữ|Thôn Đồng Bông, Tam Đảo, Vĩnh Phúc|15082021"
    type_text(qtbot, screen.id_number, qr)
    qtbot.keyClick(screen.id_number, Qt.Key_Return)
    idle()
    assert screen.id_number.text() == "001190012345"
    assert screen.name.text() == "Nguyễn Thị Hằng"
    assert screen.birth.text() == "12/05/1990"
    assert screen.sex.currentData() == "Nữ"
    assert screen.address.detail.text() == "Thôn Đồng Bông, Tam Đảo, Vĩnh Phúc"


def test_known_id_number_fills_the_rest(window, officer, qtbot, idle):
    receive(IntakeRequest(procedure="1.001193", applicant=PersonInput(
        name="Trần Văn Bình", id_number="001090054321", phone="0987654321",
        email="binh@example.vn", address="Xóm 2")), officer)
    screen = window.intake
    qtbot.keyClicks(screen.id_number, "001090054321")
    qtbot.keyClick(screen.id_number, Qt.Key_Return)
    qtbot.waitUntil(lambda: screen.name.text() == "Trần Văn Bình")
    assert screen.phone.text() == "0987654321"
    assert screen.email.text() == "binh@example.vn"


def test_province_and_commune_pickers_ignore_accents(window, qtbot, idle):
    picker = window.intake.address
    qtbot.waitUntil(lambda: picker.province.count() == 34)
    qtbot.keyClicks(picker.province.lineEdit(), "phu tho")
    qtbot.keyClick(picker.province.lineEdit(), Qt.Key_Return)
    assert "Phú Thọ" in picker.province.currentText()
    qtbot.keyClicks(picker.commune.lineEdit(), "tam dao")
    qtbot.keyClick(picker.commune.lineEdit(), Qt.Key_Return)
    type_text(qtbot, picker.detail, "Thôn 3")
    assert picker.text() == f"Thôn 3, Xã Tam Đảo, {picker.province.currentText()}"


def test_print_failure_keeps_the_dossier_and_shows_the_receipt(counter, officer, qtbot, idle):
    from models.settings import update_settings
    from ui.main_window import MainWindow

    update_settings(printer="Máy in không tồn tại", by=officer)
    win = MainWindow(officer, "")
    qtbot.addWidget(win)
    win.show()
    screen = win.intake
    qtbot.waitUntil(lambda: screen.procedure.count() > 0)
    _type_citizen(qtbot, screen)
    with qtbot.waitSignal(screen.printer.print_failed, timeout=15000) as failed, \
            qtbot.waitSignal(screen.receipt_shown, timeout=15000):
        qtbot.keyClick(screen.name, Qt.Key_F9)
    idle()
    code = screen.last_code.text()
    assert failed.args[0] == code
    assert "Máy in không tồn tại" in screen.printer.preview.status.text()
    assert screen.printer.preview.page_count() >= 1
    assert get_dossier(code).receipt_printed is False
