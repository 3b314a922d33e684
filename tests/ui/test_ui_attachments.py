"""Digitisation in the GUI: the dossier window's "Electronic copies" tab (attach from files and
the scanner's folder, replace with history, reuse, view with QtPdf) and the intake checklist's
copies, attached when the dossier is saved."""
from __future__ import annotations

from models import attachments
from tests.scans import jpeg_bytes, write_jpeg_pages
from ui.copy_sources import ScanFolderDialog
from ui.documents_checklist import DIGITAL


def _open(window, qtbot, code):
    dialog = window.open_dossier(code)
    panel = dialog.copies_panel
    qtbot.waitUntil(lambda: panel.code == code and panel.target.count() > 0, timeout=10000)
    return dialog, panel


def test_the_dossier_window_attaches_replaces_and_shows_copies(window, make_dossier, officer, qtbot, idle,
                                                               tmp_path):
    dossier = make_dossier()
    dialog, panel = _open(window, qtbot, dossier.code)
    idle()
    # the papers received: without a list at intake, the procedure's required ones
    assert panel.summary.text() == f"Đã số hóa 0/{len(dossier.documents)} giấy tờ"
    assert panel.target.currentData() == 1  # the first paper without a copy
    pages = write_jpeg_pages(tmp_path / "scan", 2)
    with qtbot.waitSignal(panel.loaded, timeout=15000):
        panel.attach_files([str(p) for p in pages])
    idle()
    assert panel.table.rowCount() == 1 and panel.table.item(0, 1).text() == "2"
    assert panel.target.currentData() == 1  # the choice stays; its row is ticked now
    assert "✓" in panel.target.currentText()
    assert "thay thế" in panel.message.text()  # a new copy would replace this one

    again = tmp_path / "ro-hon.jpg"
    again.write_bytes(jpeg_bytes(9))
    with qtbot.waitSignal(panel.loaded, timeout=15000):
        panel.attach_files([str(again)])
    idle()
    states = [panel.table.item(r, 5).text() for r in range(panel.table.rowCount())]
    assert len(states) == 2 and any(s.startswith("đã thay") for s in states)  # history kept

    panel.table.selectRow(0)
    panel.view_selected()
    qtbot.waitUntil(lambda: panel.preview is not None and panel.preview.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: panel.preview.page_count() >= 1, timeout=10000)
    dialog.close()


def test_the_scanner_folder_dialog_ticks_the_newest_scan(tmp_path, qtbot):
    pages = write_jpeg_pages(tmp_path / "scanner", 3)
    dialog = ScanFolderDialog(list(reversed(pages)))
    qtbot.addWidget(dialog)
    assert dialog.chosen() == [str(pages[-1])]
    from PySide6.QtCore import Qt

    dialog.list.item(1).setCheckState(Qt.Checked)
    assert dialog.chosen() == [str(pages[1]), str(pages[2])]  # in name order


def test_reuse_is_offered_for_a_returning_citizen(window, make_dossier, officer, qtbot, idle, tmp_path):
    first = make_dossier()
    scan = tmp_path / "a.jpg"
    scan.write_bytes(jpeg_bytes(1))
    earlier = attachments.attach(first.code, [scan], officer, paper=1)
    second = make_dossier()
    dialog, panel = _open(window, qtbot, second.code)
    idle()
    panel.target.setCurrentIndex(panel.target.findData(1))
    assert not panel.reuse.isHidden()
    with qtbot.waitSignal(panel.loaded, timeout=15000):
        panel.reuse.click()
    idle()
    assert attachments.list_attachments(second.code)[0].sha256 == earlier.sha256
    assert "tái sử dụng" in panel.table.item(0, 5).text()
    dialog.close()


def _citizen(qtbot, screen, id_number="001190012345"):
    from PySide6.QtCore import Qt
    from ui_helpers import type_text

    qtbot.waitUntil(lambda: screen.procedure.count() > 0)
    screen.window().activateWindow()  # no window manager offscreen: F9 needs the active window
    qtbot.keyClicks(screen.id_number, id_number)
    qtbot.keyClick(screen.id_number, Qt.Key_Return)  # looks the citizen up
    screen.name.clear()
    type_text(qtbot, screen.name, "Nguyễn Thị Hằng")
    qtbot.keyClicks(screen.phone, "0912345678")
    type_text(qtbot, screen.address.detail, "Thôn Đồng Bông")
    qtbot.keyClicks(screen.procedure.lineEdit(), "khai sinh")
    qtbot.keyClick(screen.procedure.lineEdit(), Qt.Key_Return)


def test_copies_chosen_in_the_intake_checklist_are_attached_with_the_dossier(window, officer, qtbot, idle,
                                                                              tmp_path):
    from PySide6.QtCore import Qt

    from models.search import search

    first = window.intake  # a dossier of the same citizen, with its first paper digitised
    screen = first
    _citizen(qtbot, screen)
    idle()
    pages = write_jpeg_pages(tmp_path / "scanner", 2)
    screen.documents.set_copy_files(0, [str(p) for p in pages], "scan_folder")
    with qtbot.waitSignal(screen.receipt_shown, timeout=20000):
        qtbot.keyClick(screen.name, Qt.Key_F9)
    idle()
    (dossier,) = search("nguyen thi hang")
    (copy,) = attachments.list_attachments(dossier.code)
    assert (copy.paper, copy.pages, copy.source) == (1, 2, "scan_folder")
    assert "Đã đính kèm 1 bản điện tử" in screen.last_info.text()
    screen.printer.preview.close()  # Esc: the receipt's preview is modal over the intake

    # She comes back: her digitised paper is offered, and reused instead of a new scan.
    _citizen(qtbot, screen)
    idle()
    qtbot.waitUntil(lambda: bool(screen.documents.offers), timeout=10000)
    assert "bấm Tái sử dụng" in screen.documents.table.item(0, DIGITAL).text()
    assert screen.documents.reuse_copy(0)
    with qtbot.waitSignal(screen.receipt_shown, timeout=20000):
        qtbot.keyClick(screen.name, Qt.Key_F9)
    idle()
    newest = max(search("nguyen thi hang"), key=lambda d: d.code)
    (reused,) = attachments.list_attachments(newest.code)
    assert reused.reused and reused.sha256 == copy.sha256


def test_a_wrong_file_in_the_checklist_refuses_the_intake_and_saves_nothing(window, qtbot, idle, tmp_path):
    from PySide6.QtCore import Qt

    from models.search import count_dossiers

    screen = window.intake
    _citizen(qtbot, screen)
    idle()
    wrong = tmp_path / "ghi-chu.pdf"
    wrong.write_text("không phải bản quét")
    screen.documents.set_copy_files(1, [str(wrong)])
    before = count_dossiers()
    qtbot.keyClick(screen.name, Qt.Key_F9)
    qtbot.waitUntil(lambda: bool(screen.errors.message("documents")), timeout=15000)
    idle()
    assert "giấy tờ 2" in screen.errors.message("documents")
    assert count_dossiers() == before


def test_finishing_a_dossier_offers_its_electronic_result(window, make_dossier, officer, qtbot, idle, tmp_path):
    dossier = make_dossier()
    dialog, panel = _open(window, qtbot, dossier.code)
    idle()
    from models.workflow import finish

    view = finish(dossier.code, officer)
    with qtbot.waitSignal(panel.loaded, timeout=15000):
        dialog._action_done(view, None)  # what the finish dialog reports when it is done
    idle()
    assert dialog.tabs.currentWidget() is panel
    assert panel.target.currentData() == "result"
    assert "kết quả" in panel.message.text()
    result = tmp_path / "kq.pdf"
    result.write_bytes(attachments.read_copy(dossier.code, attachments.attach(
        dossier.code, [_scan(tmp_path)], officer, paper=1).sha256))
    with qtbot.waitSignal(panel.loaded, timeout=15000):
        panel.target.setCurrentIndex(panel.target.findData("result"))
        panel.attach_files([str(result)])
    idle()
    assert attachments.result_copy(dossier.code) is not None
    assert "đã có kết quả điện tử" in panel.summary.text()
    dialog.close()


def _scan(tmp_path):
    path = tmp_path / "trang.jpg"
    path.write_bytes(jpeg_bytes(4))
    return path


def test_the_admin_sets_the_scanner_folder_and_the_size_limit(window, qtbot, idle, tmp_path):
    from ui.main_window import SETTINGS

    window.show_tab(SETTINGS)
    idle()
    panel = window.settings.digitisation
    assert panel.max_mb.value() == 20
    folder = tmp_path / "may-quet"
    folder.mkdir()
    panel.folder.setText(str(folder))
    panel.max_mb.setValue(10)
    panel.save_button.click()
    qtbot.waitUntil(lambda: "Đã lưu" in panel.status.text(), timeout=10000)
    assert attachments.attachment_settings().to_dict() == {"max_mb": 10, "scan_folder": str(folder)}
    panel.folder.setText(str(tmp_path / "khong-co"))
    panel.save_button.click()
    qtbot.waitUntil(lambda: "Không tìm thấy thư mục" in panel.status.text(), timeout=10000)
    assert attachments.attachment_settings().scan_folder == str(folder)


def _fake_multimedia(monkeypatch, cameras: list) -> None:
    """Qt Multimedia as this machine would load it, with ``cameras`` plugged in."""
    import sys
    import types

    multimedia = types.ModuleType("PySide6.QtMultimedia")
    multimedia.QMediaDevices = type("QMediaDevices", (), {"videoInputs": staticmethod(lambda: cameras)})
    widgets = types.ModuleType("PySide6.QtMultimediaWidgets")
    widgets.QVideoWidget = object
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", multimedia)
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimediaWidgets", widgets)


def test_the_camera_is_offered_only_where_qt_multimedia_loads(counter, officer, monkeypatch, qtbot):
    """The one-folder build leaves Qt Multimedia out: there the import fails and neither the
    intake checklist nor the dossier window shows a camera button (docs/attachments.md)."""
    import sys

    from ui.attachments_panel import AttachmentsPanel
    from ui.documents_checklist import DocumentsChecklist

    def shown() -> tuple[bool, bool]:
        checklist, panel = DocumentsChecklist(), AttachmentsPanel(officer)
        qtbot.addWidget(checklist)
        qtbot.addWidget(panel)
        return not checklist.copy_from_camera.isHidden(), not panel.from_camera.isHidden()

    _fake_multimedia(monkeypatch, ["document camera"])
    assert shown() == (True, True)
    _fake_multimedia(monkeypatch, [])  # Qt Multimedia loads, but no camera is plugged in
    assert shown() == (False, False)
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # as in the built program
    assert shown() == (False, False)
    _fake_multimedia(monkeypatch, ["document camera"])
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimediaWidgets", None)  # the capture view is missing
    assert shown() == (False, False)
