"""Báo cáo: the period's figures, the dossiers behind a figure, the report as PDF and Excel."""
from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import pdf_text

from models import workflow
from ui.main_window import REPORTS
from ui.reports_screen import FIGURES


def test_month_report_drill_down_and_documents(window, make_dossier, officer, qtbot, idle, tmp_path):
    first = make_dossier(name="Nguyễn Thị Hằng")
    make_dossier(name="Trần Văn Bình", id_number="001090054321")
    workflow.finish(first.code, officer)
    screen = window.reports
    with qtbot.waitSignal(screen.reported, timeout=15000):
        window.show_tab(REPORTS)  # the current month, by field
    idle()
    total_row = screen.table.rowCount() - 1
    assert screen.table.item(total_row, 0).text() == "Tổng cộng"
    column = {figure: i for i, figure in enumerate(FIGURES, start=1)}
    assert screen.table.item(total_row, column["received.total"]).text() == "2"
    assert screen.table.item(total_row, column["resolved.total"]).text() == "1"
    assert screen.table.item(total_row, column["in_progress.total"]).text() == "1"

    screen.table.setFocus()
    screen.table.setCurrentCell(total_row, column["resolved.total"])
    with qtbot.waitSignal(screen.drilled, timeout=10000) as drilled:
        qtbot.keyClick(screen.table, Qt.Key_Return)
    assert drilled.args == [1]
    assert screen.detail.item(0, 0).text() == first.code
    screen.detail.setFocus()
    screen.detail.selectRow(0)
    qtbot.keyClick(screen.detail, Qt.Key_Return)
    dialog = window.dossier_dialogs[-1]
    qtbot.waitUntil(lambda: dialog.view is not None)
    assert dialog.view.code == first.code

    screen.pdf_button.click()
    qtbot.waitUntil(lambda: screen.preview is not None and screen.preview.isVisible())
    assert "Tổng cộng" in pdf_text(screen.preview.pdf)
    target = tmp_path / "bao-cao.xlsx"
    screen.save_xlsx(str(target))
    idle()
    assert target.read_bytes()[:2] == b"PK"  # an .xlsx is a zip


def test_report_by_procedure_lists_procedures(window, make_dossier, qtbot, idle):
    make_dossier()
    screen = window.reports
    window.show_tab(REPORTS)
    idle()
    screen.by.setCurrentIndex(screen.by.findData("procedure"))
    with qtbot.waitSignal(screen.reported, timeout=15000):
        screen.show_button.click()
    assert "Thủ tục đăng ký khai sinh" in screen.table.item(0, 0).text()


def test_the_digitisation_tab_shows_the_figures_and_opens_a_dossier_not_digitised(
        window, make_dossier, officer, qtbot, idle, tmp_path):
    from models import attachments
    from tests.scans import jpeg_bytes

    done = make_dossier(name="Nguyễn Thị Hằng")
    missing = make_dossier(name="Trần Văn Bình", id_number="001090054321")
    scan = tmp_path / "scan.jpg"
    scan.write_bytes(jpeg_bytes(1))
    for state in attachments.paper_states(done.code):
        attachments.attach(done.code, [scan], officer, paper=state.number)
    screen = window.reports
    panel = screen.digitisation_panel
    with qtbot.waitSignal(panel.loaded, timeout=15000):
        window.show_tab(REPORTS)
    idle()
    assert "4.2 số hóa khi tiếp nhận: 50,00 %" in panel.summary.text()
    last = panel.figures.rowCount() - 1
    assert [panel.figures.item(last, c).text() for c in (4, 5, 6)] == ["2", "1", "50,00 %"]
    assert panel.missing.rowCount() == 1 and panel.missing.item(0, 1).text() == missing.code
    panel.missing.cellDoubleClicked.emit(0, 1)
    dialog = window.dossier_dialogs[-1]
    qtbot.waitUntil(lambda: dialog.view is not None)
    assert dialog.view.code == missing.code
