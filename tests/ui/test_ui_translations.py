"""Every string the officer sees is Vietnamese: the .ts is complete and current, the .qm is
compiled from it, and no screen shows an untranslated source string."""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
    QWizard,
)

from ui.i18n import QM_FILE, TRANSLATIONS

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = TRANSLATIONS / "motcua_vi.ts"
SAME_IN_BOTH = {"Fee (đồng)"}  # none today; kept for words that are spelled alike


def _messages(path: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.find("name").text
        for message in context.findall("message"):
            translation = message.find("translation")
            result[(name, message.find("source").text)] = (translation.text or "", translation.get("type"))
    return result


def _tool(name: str) -> str:
    """PySide6's tools live next to the interpreter that runs the tests (the venv's bin/ or
    Scripts\\), whether or not that folder is on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed")
    return path


def test_every_string_is_translated():
    messages = _messages(TS_FILE)
    assert len(messages) > 250
    unfinished = [source for (_c, source), (text, kind) in messages.items()
                  if kind in ("unfinished", "obsolete", "vanished") or not text.strip()]
    assert unfinished == []
    untranslated = [source for (_c, source), (text, _k) in messages.items()
                    if text == source and source not in SAME_IN_BOTH and any(c.isalpha() for c in source)]
    assert untranslated == []


def test_ts_holds_exactly_the_strings_in_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS_FILE, fresh)
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(fresh), "-no-obsolete",
                    "-locations", "none", "-silent"], check=True, cwd=ROOT)
    assert set(_messages(fresh)) == set(_messages(TS_FILE))


def test_qm_is_compiled_from_the_current_ts(tmp_path):
    compiled = tmp_path / "motcua_vi.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(compiled), "-silent"], check=True)
    assert compiled.read_bytes() == QM_FILE.read_bytes()


def _visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle(), root.toolTip()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
            if widget.lineEdit() is not None:
                texts.append(widget.lineEdit().placeholderText())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.headerData(i, widget.orientation()) or "") for i in range(widget.count())]
    return [t for t in texts if t]


def _english(texts: list[str]) -> list[str]:
    sources = {source for (_c, source) in _messages(TS_FILE)} - SAME_IN_BOTH
    return sorted({t for t in texts if t in sources})


def test_no_screen_shows_an_untranslated_string(window, make_dossier, officer, qtbot, idle):
    from ui.action_dialogs import ACTIONS, ActionDialog
    from ui.pdf_preview import PdfPreview
    from ui.procedure_dialog import ProcedureDialog
    from ui.setup_wizard import SetupWizard
    from ui.sign_in_dialog import SignInDialog

    for index in range(window.tabs.count()):
        window.show_tab(index)
    idle()
    texts = _visible_texts(window)
    dossier = make_dossier()
    dialog = window.open_dossier(dossier.code)
    qtbot.waitUntil(lambda: dialog.view is not None)
    texts += _visible_texts(dialog)
    for action in ACTIONS:
        texts += _visible_texts(ActionDialog(action, dialog.view, officer, dialog))
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    for page in (wizard.machine, wizard.agency, wizard.hours, wizard.admin):
        texts += _visible_texts(page)
    texts += [wizard.buttonText(b) for b in (QWizard.NextButton, QWizard.BackButton,
                                            QWizard.FinishButton, QWizard.CancelButton)]
    texts.append(wizard.windowTitle())
    sign_in = SignInDialog()
    qtbot.addWidget(sign_in)
    texts += _visible_texts(sign_in)
    procedure = ProcedureDialog(None, officer)
    qtbot.addWidget(procedure)
    texts += _visible_texts(procedure)
    preview = PdfPreview()
    qtbot.addWidget(preview)
    texts += _visible_texts(preview)
    assert len(texts) > 200
    assert _english(texts) == []
    assert "Tiếp nhận (F5)" in texts and "Lưu và in giấy tiếp nhận (F9)" in texts
