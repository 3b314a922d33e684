"""Digitisation in the GUI: the dossier window's "Electronic copies" tab (attach from files and
the scanner's folder, replace with history, reuse, view with QtPdf) and the intake checklist's
copies, attached when the dossier is saved."""
from __future__ import annotations

from models import attachments
from tests.scans import jpeg_bytes, write_jpeg_pages
from ui.copy_sources import ScanFolderDialog


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
    assert panel.summary.text() == "Đã số hóa 0/7 giấy tờ"
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
