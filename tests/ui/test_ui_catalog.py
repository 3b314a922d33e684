"""Danh mục: filter without accents, edit a procedure, import a file."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import type_text

from models.catalog import REQUIRED, SHOWN, get_procedure
from models.text import fold
from ui.main_window import CATALOG


def _catalog(window, idle):
    window.show_tab(CATALOG)
    idle()
    return window.catalog


def test_filter_ignores_accents(window, qtbot, idle):
    screen = _catalog(window, idle)
    total = screen.table.rowCount()
    assert total > 10
    with qtbot.waitSignal(screen.listed, timeout=10000):
        qtbot.keyClicks(screen.search, "chung thuc")
    idle()
    rows = [screen.table.item(r, 1).text() + " " + screen.table.item(r, 2).text()
            for r in range(screen.table.rowCount())]
    assert 0 < len(rows) < total
    assert all("chung thuc" in fold(row) for row in rows)
    assert screen.summary.text() == f"{len(rows)} thủ tục"


def test_edit_a_procedure_and_save(window, qtbot, idle):
    screen = _catalog(window, idle)
    row = next(r for r in range(screen.table.rowCount()) if screen.table.item(r, 0).text() == "1.001193")
    screen.table.setFocus()
    screen.table.selectRow(row)
    qtbot.keyClick(screen.table, Qt.Key_Return)
    dialog = screen.dialog
    assert dialog.code.text() == "1.001193" and dialog.code.isReadOnly()
    documents = dialog.documents.rowCount()
    dialog.fee_note.clear()
    type_text(qtbot, dialog.fee_note, "Miễn lệ phí")
    before = get_procedure("1.001193")
    dialog._add_document("Giấy tờ tùy thân của người đi đăng ký", 1, 0, REQUIRED)
    type_text(qtbot, dialog.field_code, "G09.HT")
    dialog.documents.item(0, 4).setText("TP.KS.01")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.ok.click()
    idle()
    procedure = get_procedure("1.001193")
    assert procedure.fee_note == "Miễn lệ phí"
    assert len(procedure.documents) == documents + 1
    assert (procedure.field_code, procedure.documents[0].code) == ("G09.HT", "TP.KS.01")
    # What the dialog does not edit is kept: papers only shown, the results and their codes.
    assert [d.kind for d in procedure.documents[:-1]] == [d.kind for d in before.documents]
    assert SHOWN in [d.kind for d in before.documents]
    assert procedure.results == before.results and procedure.results[0].code == "KQ.G15.000031"
    assert get_procedure("1.000656").field_code == "G09.HT"  # one code per field


def test_a_split_procedure_keeps_its_national_code_when_edited(window, qtbot, idle):
    screen = _catalog(window, idle)
    row = next(r for r in range(screen.table.rowCount()) if screen.table.item(r, 0).text() == "1.004859-BS")
    screen.table.selectRow(row)
    dialog = screen.edit()
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.ok.click()
    idle()
    assert get_procedure("1.004859-BS").national_code == "1.004859"


def test_the_admin_types_the_fields_codes(window, qtbot, idle):
    from models.catalog import list_fields

    screen = _catalog(window, idle)
    dialog = screen.edit_field_codes()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10000)
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == \
        [f.name for f in list_fields()]
    dialog.set_code("Chứng thực", "G09.CT")
    assert dialog.changes() == [("Chứng thực", "G09.CT")]
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.ok.click()
    idle()
    assert {f.name: f.code for f in list_fields()}["Chứng thực"] == "G09.CT"
    row = next(r for r in range(screen.table.rowCount()) if screen.table.item(r, 0).text() == "2.000815")
    assert screen.table.item(row, 2).text() == "Chứng thực (G09.CT)"
    dialog = screen.edit_field_codes()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10000)
    dialog.set_code("Chứng thực", "mã sai")
    dialog.ok.click()
    qtbot.waitUntil(lambda: "chữ cái không dấu" in dialog.errors.general.text(), timeout=10000)
    assert dialog.isVisible()


def test_import_file_checks_first_then_applies(window, tmp_path, qtbot, idle, monkeypatch):
    path = tmp_path / "tinh.json"
    path.write_text(json.dumps({"procedures": [{
        "code": "LOCAL.TEST", "name": "Xác nhận thử nghiệm", "field": "Thử nghiệm",
        "duration": {"value": 2, "unit": "working_days"},
        "documents": [{"name": "Đơn đề nghị", "originals": 1, "copies": 0}]}]}, ensure_ascii=False),
        encoding="utf-8")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    screen = _catalog(window, idle)
    with qtbot.waitSignal(screen.changed, timeout=10000):
        screen.import_file(str(path))
    idle()
    assert asked and "Mới: 1" in asked[0]
    assert get_procedure("LOCAL.TEST").name == "Xác nhận thử nghiệm"
