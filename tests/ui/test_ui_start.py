"""Start-up: the first-run wizard on an empty database, and the sign-in."""
from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import type_text

from models.accounts import authenticate
from models.settings import load_settings
from ui.app import AppController


def test_wizard_on_an_empty_database_sets_up_the_agency_and_admin(db_path, qtbot, idle, printed):
    from models.db import close_database

    controller = AppController(str(db_path))
    controller.start()
    wizard = controller.wizard
    qtbot.addWidget(wizard)
    assert wizard is not None and controller.sign_in is None
    assert wizard.currentPage() is wizard.machine and wizard.machine.form.local.isChecked()
    wizard.next()  # this machine works on its own (the default)
    page = wizard.agency
    qtbot.keyClicks(page.agency_code, "000.00.24.h12")
    type_text(qtbot, page.governing_body, "UBND XÃ TAM ĐẢO")
    wizard.next()
    assert wizard.currentPage() is page  # the place is missing: stay, say why
    assert "địa danh" in page.errors.message("place")
    type_text(qtbot, page.place, "Tam Đảo")
    wizard.next()
    assert wizard.currentPage() is wizard.hours
    wizard.next()
    admin = wizard.admin
    type_text(qtbot, admin.full_name, "Phạm Văn Quản")
    qtbot.keyClicks(admin.password, "matkhau123")
    qtbot.keyClicks(admin.confirm, "matkhau123")
    with qtbot.waitSignal(controller.window_shown, timeout=15000):
        qtbot.keyClick(admin.confirm, Qt.Key_Return)
    idle()
    qtbot.addWidget(controller.window)
    settings = load_settings()
    assert settings.agency_code == "000.00.24.H12" and settings.place == "Tam Đảo"
    assert authenticate("admin", "matkhau123").roles == ("officer", "leader", "admin")
    assert controller.window.windowTitle() == "MotCua – UBND XÃ TAM ĐẢO – 000.00.24.H12"
    idle()
    close_database()


def test_sign_in_refuses_a_wrong_password_then_lets_the_officer_in(db_path, qtbot, idle, printed):
    from models.db import close_database
    from models.session import open_counter, setup_agency

    open_counter(str(db_path))
    setup_agency(agency_code="000.00.24.H12", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo",
                 admin_password="matkhau123")
    controller = AppController(str(db_path))
    controller.start()
    dialog = controller.sign_in
    qtbot.addWidget(dialog)
    assert dialog.username.text() == "admin"
    qtbot.keyClicks(dialog.password, "sai-mat-khau")
    qtbot.keyClick(dialog.password, Qt.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.errors.message("password")))
    assert dialog.errors.message("password") == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert controller.window is None and dialog.isVisible()
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "matkhau123")
    with qtbot.waitSignal(controller.window_shown, timeout=15000):
        qtbot.keyClick(dialog.password, Qt.Key_Return)
    qtbot.addWidget(controller.window)
    assert controller.window.officer.username == "admin"
    idle()
    close_database()


def test_a_counter_set_up_on_the_command_line_is_finished_in_the_wizard(db_path, qtbot, idle, printed):
    """`setup` on the command line leaves an admin without a password: the app must not
    lock the officer out, but ask for that password with the stored agency filled in."""
    from models.db import close_database
    from models.session import open_counter, setup_agency

    open_counter(str(db_path))
    setup_agency(agency_code="H12.22.01", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
    controller = AppController(str(db_path))
    controller.start()
    wizard = controller.wizard
    qtbot.addWidget(wizard)
    assert controller.sign_in is None
    assert wizard.agency.agency_code.text() == "H12.22.01"
    assert wizard.agency.place.text() == "Tam Đảo"
    wizard.next()
    wizard.next()
    wizard.next()
    admin = wizard.admin
    assert admin.username.text() == "admin"
    type_text(qtbot, admin.full_name, "Phạm Văn Quản")
    qtbot.keyClicks(admin.password, "matkhau123")
    qtbot.keyClicks(admin.confirm, "matkhau123")
    with qtbot.waitSignal(controller.window_shown, timeout=15000):
        qtbot.keyClick(admin.confirm, Qt.Key_Return)
    idle()
    qtbot.addWidget(controller.window)
    assert authenticate("admin", "matkhau123").full_name == "Phạm Văn Quản"
    assert load_settings().agency_code == "H12.22.01"
    idle()
    close_database()
