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


def test_every_database_job_runs_on_one_thread_in_the_order_given(counter, qtbot, idle):
    threads, order = set(), []

    def job(n):
        def work():
            threads.add(threading.current_thread().name)
            order.append(n)
            return n
        return work
    done = []
    for n in range(20):
        Op(None, job(n), needs=()).success(done.append).run_in_background()
    idle()
    assert order == list(range(20)) and done == list(range(20))
    assert len(threads) == 1 and next(iter(threads)).startswith("motcua-db")


def test_a_job_waits_for_the_stages_it_needs_which_load_on_the_gui_thread(counter, qtbot, idle):
    from ui import preload

    seen = []
    Op(None, lambda: seen.append(preload.ready((preload.PROVINCES,))), needs=(preload.PROVINCES,)) \
        .run_in_background()
    idle()
    assert seen == [True] and preload.ready((preload.PROVINCES,))
    assert "vietnam_provinces.lookup" in __import__("sys").modules


def test_an_unexpected_error_reaches_the_one_handler(counter, qtbot, idle):
    """A bug in a job is raised again on the GUI thread: sys.excepthook (ui.errors in the app,
    pytest-qt here) sees it, with its traceback; nothing is swallowed."""
    def work():
        raise ZeroDivisionError("a bug")
    with qtbot.captureExceptions() as caught:
        Op(None, work).run_in_background()
        idle()
    assert [(kind, str(value)) for kind, value, _trace in caught] == [(ZeroDivisionError, "a bug")]


def test_the_stages_are_derived_from_the_code():
    """No list of module names is kept by hand: a stage's list follows the imports, even those
    inside functions (models.dates imports zoneinfo only to convert a zone)."""
    from ui.preload import DATA, PRINTING, REPORTS, stage_modules

    data = stage_modules(DATA)
    assert "models.intake" in data and "zoneinfo" in data and "holidays" in data
    assert not any(m.startswith(("printing", "openpyxl", "reportlab")) for m in data)
    assert "models.forms" not in data  # it imports printing at the top: the printing stage's
    printing = stage_modules(PRINTING)
    assert {"models.forms", "printing.dispatch", "reportlab.platypus"} <= set(printing)
    assert "openpyxl" not in printing and "openpyxl" in stage_modules(REPORTS)


def test_the_pyside_reference_leaks_are_still_there_or_the_guard_can_go(qapp):
    """The reproducer of ui/refcount_guard.py: on Python 3.11 with PySide6 6.12.0 each emit to a
    Python slot costs True and None a reference. When this fails, the pinned PySide6 fixed it:
    remove the guard."""
    import sys

    from ui.refcount_guard import leaks

    lost = leaks()
    if sys.version_info >= (3, 12):
        assert lost == {}
    else:
        assert set(lost) <= {"True", "None"}
