"""Danh mục: filter without accents, edit a procedure, import a file."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import type_text

from models.catalog import get_procedure
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
    dialog._add_document("Giấy tờ tùy thân của người đi đăng ký", 1, 0, True)
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.ok.click()
    idle()
    procedure = get_procedure("1.001193")
    assert procedure.fee_note == "Miễn lệ phí"
    assert len(procedure.documents) == documents + 1


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
