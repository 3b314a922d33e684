"""A counter day with the keyboard alone: every key goes to the widget that has the focus, as on
a real PC — intake of three citizens, the desk (search, Down, Enter, an action, Ctrl+Enter),
a return by scanning, dialogs that are modal, and Alt keys that no two labels share."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)
from ui_helpers import type_text

from models import workflow
from models.dossiers import get_dossier
from models.search import search
from models.statuses import PROCESSING, RETURNED
from ui.mnemonics import mnemonic_of

QR = "001090054321|012345678|Trần Văn Bình|01021990|Nam|Thôn 2, Xã Tam Đảo, Tỉnh Phú Thọ|15082021"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def back_to(qtbot, window: QWidget, closed: QWidget) -> None:
    """After Esc closed a modal window: the offscreen platform has no window manager to give
    the window behind the focus back, as one does on a desktop; do what it would."""
    qtbot.waitUntil(lambda: not closed.isVisible())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def press(qtbot, key, modifier=Qt.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def write(qtbot, text: str) -> None:
    type_text(qtbot, focused(), text)


def alt(qtbot, letter: str) -> None:
    press(qtbot, getattr(Qt, f"Key_{letter.upper()}"), Qt.AltModifier)


def _receipt(qtbot, screen) -> str:
    with qtbot.waitSignal(screen.receipt_shown, timeout=15000):
        press(qtbot, Qt.Key_F9)
    preview = screen.printer.preview
    qtbot.waitUntil(lambda: preview.close_button.hasFocus())
    assert QApplication.activeModalWidget() is preview
    press(qtbot, Qt.Key_Escape)
    back_to(qtbot, screen.window(), preview)
    return screen.last_code.text()


def test_intake_of_three_citizens_by_keyboard(window, officer, qtbot, idle, printed):
    from models.citizen_settings import update_citizen_settings

    # The rating prompt after intake (one screen: a dialog the officer turns to the citizen)
    # is tested in test_ui_citizen.py; here the counter asks only after the return.
    update_citizen_settings(officer, ask_rating="return")
    screen = window.intake
    qtbot.waitUntil(lambda: screen.procedure.count() > 0 and screen.address.province.count() == 34)
    window.activateWindow()
    press(qtbot, Qt.Key_F5)
    assert focused() is screen.id_number

    # 1. A new citizen, typed field by field.
    write(qtbot, "001190012345\n")
    assert focused() is screen.name
    write(qtbot, "Nguyễn Thị Hằng\n")
    assert focused() is screen.birth
    write(qtbot, "12/5/1990")
    press(qtbot, Qt.Key_Tab)  # to Giới tính
    press(qtbot, Qt.Key_Tab)
    assert focused() is screen.phone
    write(qtbot, "0912 345 678")
    alt(qtbot, "t")  # Thủ tục: its own Alt key, nobody else's
    assert focused() in (screen.procedure, screen.procedure.lineEdit())
    write(qtbot, "khai sinh\n")
    assert screen.documents.table.rowCount() == 7  # at once, still in the field
    first = _receipt(qtbot, screen)
    assert focused() is screen.id_number and screen.id_number.text() == ""

    # 2. A chip ID card: the scanner types its QR line and Enter.
    write(qtbot, QR + "\n")
    assert screen.name.text() == "Trần Văn Bình" and focused() is screen.phone
    qtbot.waitUntil(lambda: screen.address.commune.currentText() == "Xã Tam Đảo")
    assert screen.address.province.currentText() == "Phú Thọ" and screen.address.detail.text() == "Thôn 2"
    alt(qtbot, "t")
    write(qtbot, "xac nhan tinh trang hon nhan\n")
    second = _receipt(qtbot, screen)

    # 3. The first citizen comes back: her ID fills the rest.
    write(qtbot, "001190012345\n")
    qtbot.waitUntil(lambda: screen.name.text() == "Nguyễn Thị Hằng")
    alt(qtbot, "t")
    write(qtbot, "trich luc\n")
    third = _receipt(qtbot, screen)

    idle()
    assert [job.kind for job in printed] == ["receipt"] * 3
    assert [get_dossier(c).receipt_printed for c in (first, second, third)] == [True] * 3
    assert get_dossier(second).applicant_address == "Thôn 2, Xã Tam Đảo, Phú Thọ"
    assert get_dossier(third).applicant_phone == "0912345678"


def test_desk_search_down_enter_action_confirm_then_return_by_scan(window, make_dossier, officer,
                                                                   qtbot, idle, printed):
    make_dossier(name="Lê Văn Cường", id_number="038095004321", phone="0355512345")
    target = make_dossier(name="Nguyễn Thị Hằng", id_number="001190012345", phone="0912345678")
    window.activateWindow()
    press(qtbot, Qt.Key_F6)
    idle()
    desk = window.desk
    assert focused() is desk.search
    write(qtbot, target.code[-4:])  # "0002": the sequence on the receipt
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: focused() is desk.table)
    assert [desk.model.code_at(r) for r in range(desk.model.rowCount())] == [target.code]
    # Tab from the search box walks the filters one by one and reaches the list.
    desk.search.setFocus()
    for _ in range(7):
        press(qtbot, Qt.Key_Tab)
    assert focused() is desk.table
    desk.search.setFocus()
    press(qtbot, Qt.Key_Down)
    assert focused() is desk.table and desk.table.currentIndex().row() == 0
    press(qtbot, Qt.Key_Return)
    dossier = window.dossier_dialogs[-1]
    qtbot.waitUntil(lambda: dossier.view is not None)
    assert dossier.isModal() or dossier.windowModality() != Qt.NonModal
    # the first action has the cursor
    qtbot.waitUntil(lambda: dossier.isActiveWindow() and focused() is dossier.action_buttons.get("refuse"))
    forward = dossier.action_buttons["forward"]
    alt(qtbot, mnemonic_of(forward.text()))
    qtbot.waitUntil(lambda: dossier.action_dialog is not None)  # a button's Alt key clicks it in 100 ms
    action = dossier.action_dialog
    qtbot.waitUntil(lambda: action.isVisible())
    assert QApplication.activeModalWidget() is action
    assert dossier.start_action("supplement") is action  # one action at a time
    assert focused() is action.inputs["unit"]
    write(qtbot, "Công chức tư pháp – hộ tịch")
    with qtbot.waitSignal(dossier.changed, timeout=10000):
        press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    idle()
    assert get_dossier(target.code).status == PROCESSING
    back_to(qtbot, dossier, action)
    press(qtbot, Qt.Key_Escape)
    back_to(qtbot, window, dossier)

    workflow.finish(target.code, officer)
    press(qtbot, Qt.Key_F2)
    assert focused() is window.returns.scan
    write(qtbot, target.code + "\n")  # the scanner
    qtbot.waitUntil(lambda: bool(window.dossier_dialogs) and window.dossier_dialogs[-1].action_dialog is not None)
    ready = window.dossier_dialogs[-1].action_dialog
    qtbot.waitUntil(lambda: ready.isVisible())
    assert ready.action == "return" and focused() is ready.inputs["recipient"]
    with qtbot.waitSignal(window.dossier_dialogs[-1].changed, timeout=10000):
        press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    idle()
    assert get_dossier(target.code).status == RETURNED
    assert search(target.code)[0].returned_to == "Nguyễn Thị Hằng"


def _mnemonics(root: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every Alt key a user can press in ``root`` as it is shown now."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        text = ""
        if isinstance(widget, QLabel) and widget.buddy() is not None or isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        if mnemonic_of(text):
            found.append((mnemonic_of(text), text))
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                if mnemonic_of(widget.tabText(i)):
                    found.append((mnemonic_of(widget.tabText(i)), widget.tabText(i)))
    return found


def _assert_unique(where: str, found: list[tuple[str, str]]) -> None:
    letters: dict[str, list[str]] = {}
    for letter, text in found:
        letters.setdefault(letter, []).append(text)
    assert {k: v for k, v in letters.items() if len(v) > 1} == {}, where


def test_alt_keys_are_unique_in_every_window(window, make_dossier, officer, qtbot, idle):
    from ui.action_dialogs import ACTIONS, ActionDialog
    from ui.main_window import TAB_TITLES
    from ui.pdf_preview import PdfPreview
    from ui.procedure_dialog import ProcedureDialog
    from ui.setup_wizard import SetupWizard
    from ui.sign_in_dialog import SignInDialog

    window.intake.authorised.setChecked(True)
    for index in TAB_TITLES:
        window.show_tab(index)
        idle()
        _assert_unique(f"tab {index}", _mnemonics(window))
    window.show_tab(0)
    assert len(_mnemonics(window)) >= 12  # the intake form: one per field
    dossier = window.open_dossier(make_dossier().code)
    qtbot.waitUntil(lambda: dossier.view is not None)
    qtbot.waitUntil(lambda: all(b.isVisible() for b in dossier.action_buttons.values()))
    _assert_unique("dossier", _mnemonics(dossier))
    assert len(_mnemonics(dossier)) == len(dossier.action_buttons) + 1
    for action in ACTIONS:
        form = ActionDialog(action, dossier.view, officer, dossier)
        qtbot.addWidget(form)
        _assert_unique(action, _mnemonics(form))
    dossier.reject()
    others = [SetupWizard(), SignInDialog(), ProcedureDialog(None, officer), PdfPreview()]
    for other in others:
        qtbot.addWidget(other)
        other.show()
        _assert_unique(type(other).__name__, _mnemonics(other))
        other.close()
