"""A counter's day in a fresh interpreter, watched from its first line: which modules are
imported for the first time on a worker thread (there must be none; see ui/preload.py).

Run by tests/ui/test_ui_preload.py as a script: ``python day_in_fresh_interpreter.py DB``;
prints one JSON line, the list of [thread, module] first imports off the GUI thread.
"""
import sys
import threading

OFF_THREAD: list = []


def watch(event, args):
    if (event == "import" and threading.current_thread() is not threading.main_thread()
            and args[0] not in sys.modules):
        OFF_THREAD.append([threading.current_thread().name, args[0]])


sys.addaudithook(watch)

import json  # noqa: E402
import os  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(db: str) -> None:
    from ui.app import make_application

    app = make_application([sys.argv[0]])
    from models.accounts import get_officer_row
    from models.session import open_counter, setup_agency
    from models.settings import update_settings

    open_counter(db)
    setup_agency(agency_code="000.00.24.H12", governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo",
                 admin_password="matkhau123")
    update_settings(by=get_officer_row("admin"), printer="Máy in không có")  # the real print path, failing politely
    from ui import runner
    from ui.main_window import DESK, REPORTS, SETTINGS, SYNC, MainWindow

    def idle():
        while runner.busy():
            app.processEvents()

    window = MainWindow(get_officer_row("admin"), db)
    window.show()
    screen = window.intake
    # As fast as an officer can: the first citizen before the background imports are done.
    screen.id_number.setText("001190012345")
    screen.name.setText("Nguyễn Thị Hằng")
    screen.birth.setText("12/05/1990")
    screen.address.set_text("Thôn 2, Xã Tam Đảo, Tỉnh Phú Thọ")
    while screen.procedure.count() == 0:
        app.processEvents()
    screen.procedure.select_data("1.001193")
    screen.submit()
    idle()
    window.show_tab(DESK)
    idle()
    code = window.desk.model.code_at(0)
    dialog = window.open_dossier(code)
    idle()
    dialog.start_action("supplement")
    dialog.action_dialog.inputs["missing"].setPlainText("Giấy chứng sinh")
    dialog.action_dialog.inputs["reason"].setPlainText("Thiếu")
    dialog.action_dialog.submit()
    idle()
    dialog.printer.show("control", code)
    idle()
    dialog.reject()
    window.show_tab(REPORTS)
    idle()
    window.reports.show_pdf()
    idle()
    window.reports.save_xlsx(str(Path(db).with_suffix(".xlsx")))
    idle()
    window.show_tab(SYNC)
    idle()
    window.sync.day.set_value(date.today())
    window.sync.export(str(Path(db).parent))
    idle()
    window.show_tab(SETTINGS)
    idle()
    window.settings.printer.showPopup()
    idle()
    runner.wait_for_workers()
    print(json.dumps(OFF_THREAD), flush=True)
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1])
