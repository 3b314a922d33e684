"""The background runner: results on the GUI thread, own SQLite connection per worker thread."""
from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from models.errors import ValidationError
from models.search import count_dossiers
from models.tables import database
from ui.runner import Op


def test_worker_writes_with_its_own_connection_and_gui_thread_reads(counter, make_dossier, qtbot, idle):
    main_connection = database.obj.connection()
    seen = {}

    def work():
        seen["thread"] = threading.get_ident()
        seen["connection"] = database.obj.connection()
        return make_dossier().code

    results = []
    Op(None, work).success(lambda code: results.append((code, QThread.currentThread()))).run_in_background()
    idle()
    code, thread = results[0]
    assert thread is QApplication.instance().thread()  # the callback ran on the GUI thread
    assert seen["thread"] != threading.get_ident()
    assert seen["connection"] is not main_connection  # peewee: one connection per thread
    assert count_dossiers() == 1 and code


def test_service_errors_reach_the_failure_callback(counter, qtbot, idle):
    errors = []

    def work():
        raise ValidationError({"name": "Họ và tên không được để trống."})
    Op(None, work).failure(errors.append).run_in_background()
    idle()
    assert errors[0].errors == {"name": "Họ và tên không được để trống."}
