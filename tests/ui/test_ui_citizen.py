"""The citizen's side in the desktop app: the fee at intake, the payment in the dossier window,
the rating (a dialog, or the second screen), the kiosk, the report tab and the settings."""
from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFormLayout
from ui_helpers import pdf_text, type_text

from models.citizen_settings import load_citizen_settings, update_citizen_settings
from models.dossiers import get_dossier
from models.fee_service import get_fee
from models.intake import IntakeRequest, receive
from models.satisfaction import ratings_of
from models.search import search


def _citizen(qtbot, screen, procedure_words: str) -> None:
    qtbot.keyClicks(screen.id_number, "001190012345")
    qtbot.keyClick(screen.id_number, Qt.Key_Tab)
    type_text(qtbot, screen.name, "Nguyễn Thị Hằng")
    qtbot.keyClicks(screen.phone, "0912345678")
    qtbot.keyClicks(screen.procedure.lineEdit(), procedure_words)
    qtbot.keyClick(screen.procedure.lineEdit(), Qt.Key_Return)


def test_the_fee_is_shown_live_at_intake_and_saved_with_the_dossier(window, qtbot, idle, printed):
    update_citizen_settings(window.officer, vietqr_bank="970415", vietqr_account="0011001932418",
                            vietqr_name="UBND XA TAM DAO", ask_rating="off")
    screen = window.intake
    qtbot.waitUntil(lambda: screen.procedure.count() > 0)
    _citizen(qtbot, screen, "chung thuc ban sao tu ban chinh giay to")
    assert screen.procedure.currentData() == "2.000815"
    fee = screen.fee
    assert fee.pages.isVisible() and fee.copies.isVisible()
    assert "số trang" in fee.amount.text()  # nothing to compute yet
    fee.pages.setFocus()
    fee.pages.selectAll()  # as Tab into the field does
    qtbot.keyClicks(fee.pages, "5")
    fee.copies.selectAll()
    qtbot.keyClicks(fee.copies, "3")
    assert fee.amount.text().startswith("21.000 đồng")
    with qtbot.waitSignal(screen.receipt_shown, timeout=15000) as shown:
        qtbot.keyClick(screen.name, Qt.Key_F9)
    idle()
    code = search("nguyen thi hang")[0].code
    stored = get_fee(code)
    assert (stored.amount, stored.basis) == (21_000, {"pages": 5, "copies": 3, "exempt_reason": ""})
    text = pdf_text(shown.args[0])
    assert "21.000 đồng" in text and "VietQR" in text
    assert fee.pages.value() == 0 and fee.copies.value() == 1  # cleared for the next citizen


def test_an_exemption_needs_its_reason(window, qtbot, idle):
    screen = window.intake
    qtbot.waitUntil(lambda: screen.procedure.count() > 0)
    _citizen(qtbot, screen, "chung thuc giao dich lien quan")
    fee = screen.fee
    assert not fee.pages.isVisible() and fee.amount.text().startswith("50.000 đồng")
    fee.exempt.setChecked(True)
    assert "lý do" in fee.amount.text().lower()
    assert fee.reason.count() == 1  # the catalog's usual exemption is offered
    fee.reason.setCurrentIndex(0)
    assert fee.amount.text().startswith("Miễn")
    assert fee.basis().exempt_reason.startswith("Hợp đồng thế chấp")


@pytest.fixture
def fee_dossier(officer):
    now = datetime.now().replace(microsecond=0)
    return receive(IntakeRequest.from_dict({
        "procedure": "2.000635", "received_at": now.isoformat(),
        "applicant": {"name": "Trần Văn Đức", "id_number": "001190054321"}, "fee_basis": {"copies": 2}}),
        officer, now=now)


def test_payment_recorded_from_the_dossier_window(window, qtbot, idle, fee_dossier):
    update_citizen_settings(window.officer, vietqr_bank="970415", vietqr_account="0011001932418",
                            vietqr_name="UBND XA TAM DAO")
    dialog = window.open_dossier(fee_dossier.code)
    idle()
    panel = dialog.fee_panel
    dialog.tabs.setCurrentWidget(panel)
    assert "16.000 đồng – chưa thu" in panel.form.itemAt(0, QFormLayout.FieldRole).widget().text()
    assert panel.qr.isVisibleTo(dialog) and not panel.qr.pixmap().isNull()
    assert panel.cash.isVisibleTo(dialog)
    with qtbot.waitSignal(panel.changed, timeout=15000):
        panel.record("cash", confirm=False)
    idle()
    fee = get_fee(fee_dossier.code)
    assert fee.paid and fee.method == "cash"
    assert not panel.cash.isVisibleTo(dialog) and not panel.qr.isVisibleTo(dialog)


def test_the_citizen_rates_in_a_dialog_when_there_is_one_screen(window, qtbot, idle, fee_dossier):
    assert len(QGuiApplication.screens()) == 1
    display = window.citizen
    assert display.window is None
    display.after_intake(get_dossier(fee_dossier.code))
    idle()
    dialog = display.dialog
    assert dialog is not None and dialog.isVisible()
    page = dialog.page
    assert page.code.text() == fee_dossier.code and "16.000 đồng" in page.details.text()
    assert [b.text() for b in page.form.buttons] == ["Rất hài lòng", "Hài lòng", "Không hài lòng"]
    type_text(qtbot, page.form.comment, "Cán bộ hướng dẫn tận tình")
    with qtbot.waitSignal(display.rated, timeout=15000):
        qtbot.mouseClick(page.form.buttons[1], Qt.LeftButton)
    idle()
    [rating] = ratings_of(fee_dossier.code)
    assert (rating.stage, rating.level_name, rating.comment) == ("intake", "Hài lòng", "Cán bộ hướng dẫn tận tình")
    assert page.status.text() == "Cảm ơn ông/bà!"


def test_a_second_screen_gets_the_citizen_window(counter, officer, qtbot, idle, fee_dossier):
    from ui.citizen_display import CitizenDisplay

    primary = QGuiApplication.primaryScreen()
    display = CitizenDisplay(officer, None, screens=lambda: [primary, primary], agency="UBND XÃ TAM ĐẢO")
    qtbot.addWidget(display.window)
    try:
        assert display.window.isVisible()
        display.call_next()
        display.call_next()
        assert display.window.calling.text() == "Mời công dân số 2"
        display.after_intake(get_dossier(fee_dossier.code))
        idle()
        assert display.window.stack.currentWidget() is display.window.page
        assert display.window.page.code.text() == fee_dossier.code
        with qtbot.waitSignal(display.rated, timeout=15000):
            qtbot.mouseClick(display.window.page.form.buttons[0], Qt.LeftButton)
        idle()
        assert ratings_of(fee_dossier.code)[0].level == 1
        display.go_idle()
        assert display.window.stack.currentIndex() == 0
    finally:
        display.close()


def test_kiosk_shows_the_status_and_cannot_be_left_without_a_password(counter, officer, qtbot, idle):
    from models.accounts import set_password
    from ui.kiosk_window import KioskWindow

    now = datetime.now().replace(microsecond=0)
    code = receive(IntakeRequest.from_dict({
        "procedure": "1.004873", "received_at": now.isoformat(),
        "applicant": {"name": "Nguyễn Thị Hằng", "id_number": "001190012345", "phone": "0912345678",
                      "address": "Thôn Đồng Bông"}}), officer, now=now).code
    set_password("admin", "mat-khau-thu-nghiem", by=officer)
    kiosk = KioskWindow(idle_ms=300)
    qtbot.addWidget(kiosk)
    kiosk.showFullScreen()
    qtbot.waitExposed(kiosk)
    with qtbot.waitSignal(kiosk.looked_up, timeout=15000):
        qtbot.keyClicks(kiosk.scan, code)  # a USB scanner types the code and Enter
        qtbot.keyClick(kiosk.scan, Qt.Key_Return)
    shown = " ".join(kiosk.fields.itemAt(i).widget().text() for i in range(kiosk.fields.count()))
    assert kiosk.message.text() == "Đã tiếp nhận, đang giải quyết"
    assert code in shown and "Nguyễn T. H." in shown
    labels = [kiosk.fields.itemAt(i, QFormLayout.LabelRole).widget().text() for i in range(kiosk.fields.rowCount())]
    assert "Hẹn trả kết quả" in labels and "Nhận kết quả tại" in labels
    for secret in ("001190012345", "0912345678", "Thôn Đồng Bông", "Nguyễn Thị Hằng"):
        assert secret not in shown
    # Back to the welcome page after the idle time.
    qtbot.waitUntil(lambda: not kiosk.result.isVisible(), timeout=5000)
    # No way out: closing and Esc are refused.
    kiosk.close()
    qtbot.keyClick(kiosk, Qt.Key_Escape)
    assert kiosk.isVisible()
    unlock = kiosk.ask_unlock()
    unlock.username.setText("admin")
    unlock.password.setText("sai-mat-khau")
    unlock.check()
    idle()
    assert "không đúng" in unlock.error.text() and kiosk.isVisible()
    unlock.password.setText("mat-khau-thu-nghiem")
    with qtbot.waitSignal(kiosk.left, timeout=15000):
        unlock.check()
    idle()
    assert not kiosk.isVisible()


def test_kiosk_opens_from_the_menu(window, qtbot, idle):
    action = window.findChild(type(window.menuBar().actions()[0]), "open_kiosk")
    action.trigger()
    kiosk = window.citizen_kiosk
    qtbot.waitExposed(kiosk)
    assert kiosk.isVisible() and kiosk.isFullScreen()
    kiosk._unlocked = True  # as an officer's password does
    kiosk.close()


def test_report_tab_shows_satisfaction_fees_and_prints_the_notice(window, qtbot, idle, fee_dossier, officer):
    from models.fee_service import record_payment
    from models.satisfaction import rate

    record_payment(fee_dossier.code, officer, method="transfer")
    rate(fee_dossier.code, officer, level=1, comment="Tốt")
    window.show_tab(4)  # Báo cáo
    reports = window.reports
    idle()
    panel = reports.citizen_panel
    qtbot.waitUntil(lambda: panel.figures is not None, timeout=15000)
    assert "100,00 %" in panel.satisfied.text()
    assert panel.levels.item(0, 1).text() == "1" and panel.comments.item(0, 3).text() == "Tốt"
    assert panel.payments.item(0, 1).text() == fee_dossier.code and "16.000" in panel.fee_summary.text()
    panel.show_notice()
    idle()
    assert panel.preview.isVisible() and panel.preview.page_count() >= 1
    assert "DANH SÁCH HỒ SƠ GIẢI QUYẾT QUÁ HẠN" in pdf_text(panel.preview.pdf)


def test_settings_tab_saves_the_account_and_the_scale(window, qtbot, idle):
    window.show_tab(6)
    panel = window.settings.citizen
    idle()
    panel.bank.setText("970415")
    panel.account.setText("0011001932418")
    type_text(qtbot, panel.account_name, "UBND xã Tam Đảo")
    panel.levels.setPlainText("Rất hài lòng\nHài lòng\nBình thường\nKhông hài lòng")
    panel.save()
    idle()
    stored = load_citizen_settings()
    assert stored.vietqr_account == "0011001932418" and len(stored.satisfaction_levels) == 4
    panel.bank.setText("12")
    panel.save()
    idle()
    assert "6 chữ số" in panel.errors.message("vietqr_bank")
    assert load_citizen_settings().vietqr_bank == "970415"


def test_the_procedure_dialog_keeps_and_edits_the_fee_rule(counter, officer, qtbot, idle, monkeypatch):
    from models import catalog
    from ui.fee_rule_dialog import FeeRuleDialog
    from ui.procedure_dialog import ProcedureDialog

    dialog = ProcedureDialog(catalog.get_procedure("2.000815"), officer)
    qtbot.addWidget(dialog)
    assert "tối đa 200.000 đồng/bản" in dialog.fee_rule.text()
    assert dialog.entry()["fee_rule"]["cap_per_copy"] == 200_000  # saving keeps the rule
    editor = FeeRuleDialog(dialog.entry()["fee_rule"])
    qtbot.addWidget(editor)
    editor.tiers.setPlainText("1-2: 3000\n3-: 1500")
    editor.submit()
    assert editor.result() and editor.rule["tiers"][0]["per_page"] == 3000
    editor = FeeRuleDialog(None)
    qtbot.addWidget(editor)
    editor.basis.setCurrentIndex(editor.basis.findData("page"))
    editor.tiers.setPlainText("1-2: 3000")  # the last tier must be open
    editor.submit()
    assert "bậc cuối cùng" in editor.errors.general.text()
