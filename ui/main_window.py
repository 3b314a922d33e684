"""The main window: it only assembles the screens and the shortcuts that cross them."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from models.audit import now as clock
from models.office import counter_number
from models.office_server import server_name
from models.settings import AgencySettings, load_settings

from .auto_backup import ONE_HOUR, AutoBackup
from .auto_export import FIVE_MINUTES, AutoExport
from .catalog_screen import CatalogScreen
from .citizen_menu import add_citizen_menu
from .desk_screen import DeskScreen
from .dossier_dialog import DossierDialog
from .help_menu import add_help_menu
from .intake_screen import IntakeScreen
from .package_banner import PackageBanner
from .prefs import qsettings
from .reports_screen import ReportsScreen
from .return_screen import ReturnScreen
from .screen_fit import fit_to_screen
from .server_banner import ServerBanner
from .settings_screen import SettingsScreen
from .sync_banner import SyncBanner
from .sync_screen import SyncScreen

INTAKE, DESK, RETURN, CATALOG, REPORTS, SYNC, SETTINGS = range(7)


class MainWindow(QMainWindow):
    """``restart_requested()`` after a restore: the app asks for the sign-in again."""

    restart_requested = Signal()

    def __init__(self, officer, db_path: str = "", *, now=clock, sync_interval_ms: int = FIVE_MINUTES,
                 backup_interval_ms: int = ONE_HOUR):
        """``now`` and the intervals drive the sync banner and the automatic export and backup (tests)."""
        super().__init__()
        self.officer = officer
        is_admin = officer.role == "admin"
        self.dossier_dialogs: list[DossierDialog] = []
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.intake = IntakeScreen(officer)
        self.desk = DeskScreen()
        self.returns = ReturnScreen()
        self.catalog = CatalogScreen(officer, is_admin)
        self.settings = SettingsScreen(officer, is_admin)
        self.reports = ReportsScreen(officer)
        self.sync = SyncScreen(now=now, officer=officer)
        self.server_banner = ServerBanner()
        self.sync_banner = SyncBanner(now=now, interval_ms=sync_interval_ms)
        self.package_banner = PackageBanner(now=now, interval_ms=sync_interval_ms)
        self.auto_export = AutoExport(self, now=now, interval_ms=sync_interval_ms)
        self.auto_backup = AutoBackup(self, now=now, interval_ms=backup_interval_ms)
        self.tabs.addTab(self.intake, self.tr("Intake (F5)"))
        self.tabs.addTab(self.desk, self.tr("Dossiers (F6)"))
        self.tabs.addTab(self.returns, self.tr("Return results (F2)"))
        self.tabs.addTab(self.catalog, self.tr("Catalog"))
        self.tabs.addTab(self.reports, self.tr("Reports"))
        self.tabs.addTab(self.sync, self.tr("Sync"))
        self.tabs.addTab(self.settings, self.tr("Settings"))
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.server_banner)
        column.addWidget(self.sync_banner)
        column.addWidget(self.package_banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        who = QLabel(self.tr("Officer: %1").replace("%1", officer.full_name))
        self.counter_label = QLabel()
        self.counter_label.setObjectName("counter_number")
        self.statusBar().addPermanentWidget(self.counter_label)
        self.statusBar().addPermanentWidget(who)
        self.show_counter()
        server = server_name()
        if server:
            self.statusBar().showMessage(self.tr("Centre's server: %1").replace("%1", server))
        elif db_path:
            self.statusBar().showMessage(db_path)
        self.citizen = add_citizen_menu(self, officer)  # kiosk, second screen, ratings
        self.intake.saved.connect(self.citizen.after_intake)
        add_help_menu(self, db_path)

        self.desk.open_code.connect(self.open_dossier)
        self.returns.open_code.connect(self.open_dossier)
        self.reports.open_code.connect(self.open_dossier)
        self.reports.changed.connect(lambda _v: self._refresh_lists())
        self.returns.found.connect(lambda code: self.open_dossier(code, ready_action="return"))
        self.intake.saved.connect(lambda _v: self._refresh_lists())
        self.settings.saved.connect(self.set_title)
        self.catalog.changed.connect(self.intake.load)
        self.sync_banner.open_sync.connect(lambda: self.show_tab(SYNC))
        self.sync.changed.connect(self.sync_banner.refresh)
        # The way back: the province's packages, the online dossiers they bring, held catalogs.
        self.desk.online.open_dossier.connect(lambda code, action: self.open_dossier(code, ready_action=action))
        self.sync.packages.applied.connect(self._packages_applied)
        self.package_banner.open_online.connect(self.show_online)
        self.package_banner.catalog_changed.connect(self._catalog_changed)
        self.auto_export.exported.connect(lambda _r: self._synced())
        self.auto_export.failed.connect(lambda message: self.statusBar().showMessage(message))
        self.auto_backup.failed.connect(lambda message: self.statusBar().showMessage(message))
        if self.settings.office is not None:
            self.settings.office.saved.connect(lambda _c: self.show_counter())
            self.settings.office.moved.connect(self._moved_to_server)
        if self.settings.backups is not None:
            self.settings.backups.restoring.connect(self.pause_background)
            self.settings.backups.restored.connect(self._restored)
        for key, index in (("F5", INTAKE), ("F6", DESK)):
            QShortcut(QKeySequence(key), self, lambda i=index: self.show_tab(i),
                      context=Qt.ApplicationShortcut)
        QShortcut(QKeySequence("F2"), self, self.focus_scan, context=Qt.ApplicationShortcut)
        self._loaded: set[int] = set()
        self.tabs.currentChanged.connect(self._tab_shown)
        self.set_title(load_settings())
        self._restore()
        self.server_banner.start()
        self.sync_banner.start()
        self.package_banner.start()
        self.auto_export.start()
        self.auto_backup.start()

    # -- screens ----------------------------------------------------------------------------
    def _tab_shown(self, index: int) -> None:
        """Each screen loads its data the first time it is shown (fast start-up)."""
        if index in self._loaded:
            return
        self._loaded.add(index)
        screen = self.tabs.widget(index)
        if hasattr(screen, "load"):
            screen.load()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self._tab_shown(index)

    def focus_scan(self) -> None:
        self.show_tab(RETURN)
        self.raise_()
        self.activateWindow()
        self.returns.focus_scan()

    def open_dossier(self, code: str, ready_action: str | None = None) -> DossierDialog:
        dialog = DossierDialog(code, self.officer, self, ready_action=ready_action)
        dialog.changed.connect(lambda _v: self._refresh_lists())
        dialog.changed.connect(self.citizen.after_change)
        dialog.fee_panel.rate_requested.connect(self.citizen.ask)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        self.dossier_dialogs.append(dialog)
        dialog.show()
        return dialog

    def _forget(self, dialog: DossierDialog) -> None:
        if dialog in self.dossier_dialogs:
            self.dossier_dialogs.remove(dialog)

    def _refresh_lists(self) -> None:
        if DESK in self._loaded:
            self.desk.online.load()
            self.desk.apply()
        if RETURN in self._loaded:
            self.returns.load()

    def show_online(self) -> None:
        self.show_tab(DESK)
        self.desk.online.focus_queue()

    def _packages_applied(self, outcomes: list) -> None:
        # The headlines; the Sync tab shows the whole report.
        self.package_banner.show_result([outcome.headline() for outcome in outcomes])
        self._catalog_changed()
        self._refresh_lists()

    def _catalog_changed(self) -> None:
        self.intake.load()
        if CATALOG in self._loaded:
            self.catalog.load()

    def _synced(self) -> None:
        self.sync_banner.refresh()
        if SYNC in self._loaded:
            self.sync.load()

    def pause_background(self) -> None:
        """Before a restore: no timer may start work on the database meanwhile."""
        for timer in (self.server_banner.timer, self.sync_banner.timer, self.auto_export.timer,
                      self.auto_backup.timer, self.desk.refresh_timer):
            timer.stop()

    def _moved_to_server(self) -> None:
        """After migrate-to: the officers sign in again, now on the Centre's server."""
        self.pause_background()
        self.restart_requested.emit()

    def _restored(self, report) -> None:
        from .backup_panel import show_restore_report

        show_restore_report(self, report)
        self.restart_requested.emit()

    def show_counter(self) -> None:
        """"Counter 3" (Quầy số 3) in the status bar: which counter of the Centre this PC is."""
        number = counter_number()
        self.counter_label.setText(self.tr("Counter %1").replace("%1", str(number)) if number else "")
        self.counter_label.setVisible(bool(number))

    def set_title(self, settings: AgencySettings) -> None:
        agency = " – ".join(x for x in (settings.governing_body, settings.agency_code) if x)
        self.setWindowTitle(f"MotCua – {agency}" if agency else "MotCua")

    def changeEvent(self, event) -> None:
        """Back to this window (from another program or a dialog): the desk catches up."""
        super().changeEvent(event)
        if event.type() == QEvent.ActivationChange and self.isActiveWindow():
            self.desk.refresh()

    # -- window state -----------------------------------------------------------------------
    def _restore(self) -> None:
        prefs = qsettings()
        geometry = prefs.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self, 1280, 800)  # 1366×768 with a taskbar gets a window that fits
        tab = int(prefs.value("window/tab", INTAKE) or 0)
        self.tabs.setCurrentIndex(tab if 0 <= tab < self.tabs.count() else INTAKE)
        self._tab_shown(self.tabs.currentIndex())

    def closeEvent(self, event) -> None:
        self.citizen.close()
        self.server_banner.timer.stop()
        self.desk.refresh_timer.stop()
        self.sync_banner.timer.stop()
        self.package_banner.timer.stop()
        self.auto_export.at_close()  # today's work into the sync folder; never blocks closing
        self.auto_backup.at_close(self)  # and a checked backup; never blocks closing either
        prefs = qsettings()
        prefs.setValue("window/geometry", self.saveGeometry())
        prefs.setValue("window/tab", self.tabs.currentIndex())
        prefs.sync()
        super().closeEvent(event)
