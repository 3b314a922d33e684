"""Screenshots of each main screen of the real app, on demo data in a temporary database.

    QT_QPA_PLATFORM=offscreen python scripts/make_screenshots.py [docs/screenshots]
"""
from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # a counter's 1366×768 screen
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'ui' / 'screen-1366x768.json'}"

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from models import workflow  # noqa: E402
from models.intake import IntakeRequest, PersonInput, receive  # noqa: E402
from models.session import acting_officer, open_counter, setup_agency  # noqa: E402

PEOPLE = [
    ("Nguyễn Thị Hằng", "001190012345", "0912345678", "Thôn Đồng Bông, xã Tam Đảo"),
    ("Trần Văn Bình", "001090054321", "0987654321", "Xóm 2, xã Tam Đảo"),
    ("Lê Văn Cường", "038095001234", "0356789123", "Tổ dân phố 4, xã Tam Đảo"),
    ("Phạm Thị Dung", "026185004567", "0905111222", "Thôn Đạo Trù Thượng, xã Tam Đảo"),
    ("Hoàng Minh Đức", "001088007788", "0978123456", "Thôn Tân Phú, xã Tam Đảo"),
    ("Vũ Thị Hoa", "026190002233", "0934567890", "Thôn Sơn Đình, xã Tam Đảo"),
]
PROCEDURES = ["1.001193", "1.004873", "2.001035", "2.000635", "1.004873", "2.001035"]


def demo_data() -> None:
    officer = acting_officer()
    now = datetime.now().replace(second=0, microsecond=0)
    views = []
    for i, ((name, id_number, phone, address), procedure) in enumerate(zip(PEOPLE, PROCEDURES)):
        day = now - timedelta(days=[12, 9, 6, 3, 1, 1][i])
        received = day.replace(hour=[8, 9, 10, 14, 8, 10][i], minute=[5, 40, 15, 20, 30, 45][i])
        views.append(receive(IntakeRequest(procedure=procedure, received_at=received,
                                           applicant=PersonInput(name=name, id_number=id_number,
                                                                 phone=phone, address=address)),
                             officer, now=received))
    later = lambda v, hours: v.received_at + timedelta(hours=hours)  # noqa: E731
    workflow.forward(views[0].code, officer, unit="Công chức tư pháp – hộ tịch", now=later(views[0], 2))
    workflow.finish(views[1].code, officer, note="Đã ký", now=later(views[1], 20))
    workflow.request_supplement(views[2].code, officer, missing=["Giấy chứng nhận kết hôn (bản sao)"],
                                reason="Thiếu giấy tờ chứng minh quan hệ", now=later(views[2], 1))
    workflow.finish(views[3].code, officer, now=later(views[3], 5))
    workflow.return_result(views[3].code, officer, recipient="Phạm Thị Dung", now=later(views[3], 6))


HISTORY_PROCEDURES = ["1.004873", "2.001035", "1.001193", "1.001731", "2.000815"]


def history_data() -> None:
    """Resolved dossiers in the earlier months of this year, some late, for the report charts
    (added after the desk's screenshot, so that it still shows the recent dossiers only)."""
    officer = acting_officer()
    now = datetime.now()
    for month in range(1, now.month):
        for i in range(6 + month % 3):
            name, id_number, phone, address = PEOPLE[(month + i) % len(PEOPLE)]
            received = datetime(now.year, month, 3 + 3 * i, 8 + i % 3, 15)
            view = receive(IntakeRequest(procedure=HISTORY_PROCEDURES[(month + i) % 5],
                                         received_at=received,
                                         applicant=PersonInput(name=name, id_number=id_number,
                                                               phone=phone, address=address)),
                           officer, now=received)
            late = (month * 7 + i * 3) % 10 < 2  # about one in five
            done = view.due_at + timedelta(days=2) if late else view.received_at + timedelta(hours=3)
            workflow.finish(view.code, officer, now=done)


def sync_data(work: Path) -> None:
    """Every past day exported; the province applied all but the last two and acknowledged them."""
    from sync.ack import import_ack
    from sync.apply import apply_files
    from sync.export import export_if_due
    from sync.keys import Trust, agency_public_key_document, unb64

    now = datetime.now().replace(second=0, microsecond=0)
    officer = acting_officer()
    results = export_if_due(now, by=officer)
    if len(results) < 3:
        return
    document = agency_public_key_document()
    trust = Trust()
    trust.add(document["agency_code"], unb64(document["public_key"]))
    summary = apply_files([r.path for r in results[:-2]], str(work / "central.sqlite3"), trust=trust,
                          ack_dir=work / "acks", now=now)
    for ack in summary.acks:
        import_ack(ack, now=now, by=officer)


def save(widget: QWidget, folder: Path, name: str) -> None:
    import time

    until = time.monotonic() + 0.3  # the last layout passes (wrapped rows take their height)
    while time.monotonic() < until:
        QApplication.processEvents()
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def wait_idle(app: QApplication) -> None:
    from ui import runner

    while runner.busy():
        app.processEvents()
    app.processEvents()


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else ROOT / "docs" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="motcua-shots-"))
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(work / "qsettings"))
    from ui.app import make_application
    from ui.main_window import CATALOG, DESK, INTAKE, REPORTS, RETURN, SETTINGS, SYNC, MainWindow
    from ui.setup_wizard import SetupWizard
    from ui.sign_in_dialog import SignInDialog

    app = make_application([sys.argv[0]])
    db_path = str(work / "demo.sqlite3")
    open_counter(db_path)
    wizard = SetupWizard()
    wizard.resize(640, 440)
    wizard.show()
    save(wizard, folder, "01-setup-wizard")
    wizard.close()
    setup_agency(agency_code="000.00.24.H12", governing_body="UBND XÃ TAM ĐẢO",
                 unit_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", place="Tam Đảo",
                 admin_name="Nguyễn Văn Quản", admin_password="matkhau123")
    from sync.export import set_export_dir

    set_export_dir(work / "dong-bo")  # never the user's own sync folder
    demo_data()
    sign_in = SignInDialog()
    sign_in.show()
    save(sign_in, folder, "02-sign-in")
    sign_in.close()

    window = MainWindow(acting_officer(), db_path)
    window.resize(1366, 768)
    window.show()
    wait_idle(app)
    intake = window.intake
    intake.id_number.setText("001190012345")
    intake._look_up("001190012345", keep_card=False)
    wait_idle(app)
    intake.procedure.select_data("1.004873")
    wait_idle(app)
    save(window, folder, "03-intake")
    for index, name in ((DESK, "04-dossier-desk"), (RETURN, "05-return"), (CATALOG, "06-catalog")):
        window.show_tab(index)
        wait_idle(app)
        save(window, folder, name)
    history_data()
    window.show_tab(REPORTS)
    wait_idle(app)
    save(window, folder, "07-reports")
    reports = window.reports
    reports.kind.setCurrentIndex(reports.kind.findData("year"))
    reports.run_report()
    wait_idle(app)
    reports.tabs.setCurrentIndex(1)  # the charts: the month chart is computed now
    wait_idle(app)
    save(window, folder, "12-report-charts")
    reports.tabs.setCurrentIndex(2)  # late and due soon
    wait_idle(app)
    save(window, folder, "13-late-panel")
    reports.tabs.setCurrentIndex(0)
    window.show_tab(SETTINGS)
    wait_idle(app)
    save(window, folder, "08-settings")
    window.show_tab(DESK)
    code = window.desk.model.code_at(window.desk.model.rowCount() - 1)
    dialog = window.open_dossier(code)
    wait_idle(app)
    save(dialog, folder, "09-dossier")
    action = dialog.start_action("extend")
    wait_idle(app)
    save(action, folder, "10-extend-dialog")
    action.close()
    dialog.printer.show("receipt", code)
    wait_idle(app)
    preview = dialog.printer.preview
    import time

    until = time.monotonic() + 1.5
    while time.monotonic() < until:  # let QPdfView render its pages (in the background)
        app.processEvents()
    save(preview, folder, "11-receipt-preview")
    sync_data(work)
    window.sync_banner.refresh()
    window.show_tab(SYNC)
    wait_idle(app)
    save(window, folder, "14-sync")
    window.show_tab(INTAKE)
    window.close()
    for widget in (preview, dialog, window):
        widget.deleteLater()
    app.processEvents()
    from ui.runner import wait_for_workers

    wait_for_workers()
    return 0


if __name__ == "__main__":
    code = main(sys.argv)
    sys.stdout.flush()
    # The PNGs are written; skip the interpreter's teardown, where PySide may delete the
    # QApplication before the top-level widgets of this one-shot script.
    os._exit(code)
