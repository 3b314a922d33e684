"""The main window: it only assembles the screens and the shortcuts that cross them.

Start-up builds the screen the officer sees first and nothing else: each other screen (and its
modules) is made the first time it is shown or asked for (``window.desk`` …), and the
background imports (ui.preload), the automatic export and backup begin once the window is
painted.

What the signed-in roles may not do is hidden or disabled (models.permissions.can); the
services check every action again. "Đăng xuất / đổi cán bộ" hands the counter to another
officer without restarting: the window asks the controller (ui.app) to sign in again.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from models.audit import now as clock
from models.office import counter_number
from models.office_server import server_name
from models.permissions import can, role_names, roles_of
from models.settings import AgencySettings, load_settings

from . import preload, runner
from .citizen_menu import add_citizen_menu
from .help_menu import add_help_menu
from .intervals import FIVE_MINUTES, ONE_HOUR
from .prefs import qsettings
from .screen_fit import fit_to_screen

INTAKE, DESK, RETURN, CATALOG, REPORTS, SYNC, SETTINGS = range(7)
TAB_TITLES = {
    INTAKE: QT_TRANSLATE_NOOP("MainWindow", "Intake (F5)"),
    DESK: QT_TRANSLATE_NOOP("MainWindow", "Dossiers (F6)"),
    RETURN: QT_TRANSLATE_NOOP("MainWindow", "Return results (F2)"),
    CATALOG: QT_TRANSLATE_NOOP("MainWindow", "Catalog"),
    REPORTS: QT_TRANSLATE_NOOP("MainWindow", "Reports"),
    SYNC: QT_TRANSLATE_NOOP("MainWindow", "Sync"),
    SETTINGS: QT_TRANSLATE_NOOP("MainWindow", "Settings"),
}
SIGN_OUT_KEYS = "Ctrl+Shift+L"


class MainWindow(QMainWindow):
    """``restart_requested()`` after a restore: the app asks for the sign-in again;
    ``sign_out_requested()`` when the officer signs out to hand the counter over."""

    restart_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, officer, db_path: str = "", *, now=clock, sync_interval_ms: int = FIVE_MINUTES,
                 backup_interval_ms: int = ONE_HOUR, held: bool = False):
        """``now`` and the intervals drive the sync banner and the automatic export and backup (tests).
        ``held``: built while the officer's password is checked (ui.app); nothing starts until
        ``release()``, and a refused sign-in deletes it unseen."""
        super().__init__()
        self.officer = officer
        self.now, self.sync_interval_ms, self.backup_interval_ms = now, sync_interval_ms, backup_interval_ms
        self.dossier_dialogs: list = []
        self._screens: dict[int, QWidget] = {}
        self._loaded: set[int] = set()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for index in range(len(TAB_TITLES)):
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, QCoreApplication.translate("MainWindow", TAB_TITLES[index]))
        # Screens the roles have no use for are hidden; the services refuse them anyway.
        self.tabs.setTabVisible(INTAKE, can(officer, "dossier.receive"))
        self.tabs.setTabVisible(REPORTS, can(officer, "report.read"))
        from .package_banner import PackageBanner
        from .server_banner import ServerBanner
        from .sync_banner import SyncBanner

        self.server_banner = ServerBanner()
        self.sync_banner = SyncBanner(now=now, interval_ms=sync_interval_ms)
        self.sync_banner.open_sync.connect(lambda: self.show_tab(SYNC))
        self.package_banner = PackageBanner(now=now, interval_ms=sync_interval_ms)
        self.package_banner.open_online.connect(self.show_online)
        self.package_banner.catalog_changed.connect(self._catalog_changed)
        self.auto_export = None
        self.auto_backup = None
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.server_banner)
        column.addWidget(self.sync_banner)
        column.addWidget(self.package_banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.who = QLabel(self.tr("Officer: %1 (%2)").replace("%1", officer.full_name)
                          .replace("%2", role_names(roles_of(officer))))
        self.who.setObjectName("signed_in_officer")
        self.statusBar().addPermanentWidget(self.who)
        self.sign_out_action = QAction(self.tr("Sign out / change officer"), self)
        self.sign_out_action.setShortcut(QKeySequence(SIGN_OUT_KEYS))
        self.sign_out_action.setShortcutContext(Qt.ApplicationShortcut)
        self.sign_out_action.setToolTip(self.tr("Hand the counter to another officer (%1)").replace("%1", SIGN_OUT_KEYS))
        self.sign_out_action.triggered.connect(self.sign_out)
        session = self.menuBar().addMenu(self.tr("&Officer"))
        session.addAction(self.sign_out_action)
        self.counter_label = QLabel()
        self.counter_label.setObjectName("counter_number")
        self.statusBar().addPermanentWidget(self.counter_label)
        self.show_counter()
        server = server_name()
        if server:
            self.statusBar().showMessage(self.tr("Centre's server: %1").replace("%1", server))
        elif db_path:
            self.statusBar().showMessage(db_path)
        self.citizen = add_citizen_menu(self, officer)  # kiosk, second screen, ratings
        add_help_menu(self, db_path)
        for key, index in (("F5", INTAKE), ("F6", DESK)):
            QShortcut(QKeySequence(key), self, lambda i=index: self.show_tab(i),
                      context=Qt.ApplicationShortcut)
        QShortcut(QKeySequence("F2"), self, self.focus_scan, context=Qt.ApplicationShortcut)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.set_title(load_settings())
        self._restore()
        # After the first paint: the background imports, the banners, the export and backup timers.
        self._first_paint_seen = False
        self._held = held
        if not held:
            runner.soon(self, self._unless_shown)

    def release(self) -> None:
        """A held window's officer is signed in: from now on as any window."""
        if self._held:
            self._held = False
            runner.soon(self, self._unless_shown)

    def event(self, event) -> bool:
        if event.type() == QEvent.Paint and not self._first_paint_seen:
            self._first_paint_seen = True
            runner.soon(self, self._after_first_paint)
        return super().event(event)

    def _unless_shown(self) -> None:
        """A window never shown (a test's) starts its jobs all the same; a shown one waits for
        its first paint (the next event-loop turn can come before it: the form first)."""
        if not self.isVisible() and not self._first_paint_seen:
            self._first_paint_seen = True
            self._after_first_paint()

    def _after_first_paint(self) -> None:
        preload.forget_sources()
        preload.start()
        self.server_banner.start()
        from .auto_backup import AutoBackup
        from .auto_export import AutoExport

        self.auto_export = AutoExport(self, officer=self.officer, now=self.now, interval_ms=self.sync_interval_ms)
        self.auto_export.exported.connect(lambda _r: self._synced())
        self.auto_export.failed.connect(lambda message: self.statusBar().showMessage(message))
        self.auto_backup = AutoBackup(self, now=self.now, interval_ms=self.backup_interval_ms)
        self.auto_backup.failed.connect(lambda message: self.statusBar().showMessage(message))
        self.sync_banner.start()
        self.package_banner.start()
        self.auto_export.start()
        self.auto_backup.start()

    # -- screens, made on first use -----------------------------------------------------------
    def tab_screen(self, index: int) -> QWidget:
        """The screen of tab ``index``, built (with its module imported) the first time."""
        if index not in self._screens:
            widget = self._builders()[index]()
            self._screens[index] = widget
            self.tabs.widget(index).layout().addWidget(widget)
        return self._screens[index]

    def built(self, index: int) -> bool:
        return index in self._screens

    def _builders(self) -> dict[int, Callable[[], QWidget]]:
        return {INTAKE: self._make_intake, DESK: self._make_desk, RETURN: self._make_returns,
                CATALOG: self._make_catalog, REPORTS: self._make_reports, SYNC: self._make_sync,
                SETTINGS: self._make_settings}

    def _make_intake(self) -> QWidget:
        from .intake_screen import IntakeScreen

        screen = IntakeScreen(self.officer)
        screen.saved.connect(self.citizen.after_intake)
        screen.saved.connect(lambda _v: self._refresh_lists())
        return screen

    def _make_desk(self) -> QWidget:
        from .desk_screen import DeskScreen

        screen = DeskScreen()
        screen.open_code.connect(self.open_dossier)
        # The way back: the online dossiers the province's packages bring.
        screen.online.open_dossier.connect(lambda code, action: self.open_dossier(code, ready_action=action))
        return screen

    def _make_returns(self) -> QWidget:
        from .return_screen import ReturnScreen

        screen = ReturnScreen()
        screen.open_code.connect(self.open_dossier)
        screen.found.connect(lambda code: self.open_dossier(code, ready_action="return"))
        return screen

    def _make_catalog(self) -> QWidget:
        from .catalog_screen import CatalogScreen

        screen = CatalogScreen(self.officer, can(self.officer, "catalog.import"))
        screen.changed.connect(lambda: self.built(INTAKE) and self.intake.load())
        return screen

    def _make_reports(self) -> QWidget:
        from .reports_screen import ReportsScreen

        screen = ReportsScreen(self.officer)
        screen.open_code.connect(self.open_dossier)
        screen.changed.connect(lambda _v: self._refresh_lists())
        return screen

    def _make_sync(self) -> QWidget:
        from .sync_screen import SyncScreen

        screen = SyncScreen(self.officer, now=self.now)
        screen.changed.connect(self.sync_banner.refresh)
        screen.packages.applied.connect(self._packages_applied)
        return screen

    def _make_settings(self) -> QWidget:
        from .settings_screen import SettingsScreen

        screen = SettingsScreen(self.officer, can(self.officer, "settings.update"))
        screen.saved.connect(self.set_title)
        if screen.backups is not None:
            screen.backups.restoring.connect(self.pause_background)
            screen.backups.restored.connect(self._restored)
        if screen.office is not None:
            screen.office.saved.connect(lambda _c: self.show_counter())
            screen.office.moved.connect(self._moved_to_server)
        return screen

    intake = property(lambda self: self.tab_screen(INTAKE))
    desk = property(lambda self: self.tab_screen(DESK))
    returns = property(lambda self: self.tab_screen(RETURN))
    catalog = property(lambda self: self.tab_screen(CATALOG))
    reports = property(lambda self: self.tab_screen(REPORTS))
    sync = property(lambda self: self.tab_screen(SYNC))
    settings = property(lambda self: self.tab_screen(SETTINGS))

    def _tab_shown(self, index: int) -> None:
        """A screen is built and loads its data the first time it is shown; the settings
        read the printers again each time (one may have been installed meanwhile)."""
        screen = self.tab_screen(index)
        if index in self._loaded:
            if hasattr(screen, "shown_again"):
                screen.shown_again()
            return
        self._loaded.add(index)
        if hasattr(screen, "load"):
            screen.load()

    def show_tab(self, index: int) -> None:
        if not self.tabs.isTabVisible(index):
            return
        self.tabs.setCurrentIndex(index)
        self._tab_shown(index)
        screen = self.tab_screen(index)
        screen.setFocus()
        if hasattr(screen, "focus_first"):
            screen.focus_first()

    def sign_out(self) -> None:
        """Close this officer's window (today's work is exported as on closing) and ask the
        controller for the sign-in again."""
        self.sign_out_requested.emit()

    def focus_scan(self) -> None:
        self.show_tab(RETURN)
        self.raise_()
        self.activateWindow()
        self.returns.focus_scan()

    def open_dossier(self, code: str, ready_action: str | None = None):
        """The dossier's window, modal: one dossier at a time, Esc back to where it came from."""
        from .dossier_dialog import DossierDialog

        dialog = DossierDialog(code, self.officer, self, ready_action=ready_action, now=self.now)
        dialog.changed.connect(lambda _v: self._refresh_lists())
        dialog.changed.connect(self.citizen.after_change)
        dialog.fee_panel.rate_requested.connect(self.citizen.ask)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        self.dossier_dialogs.append(dialog)
        dialog.open()
        dialog.activateWindow()
        return dialog

    def _forget(self, dialog) -> None:
        if dialog in self.dossier_dialogs:
            self.dossier_dialogs.remove(dialog)
        dialog.deleteLater()

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
        if self.built(INTAKE):
            self.intake.load()
        if CATALOG in self._loaded:
            self.catalog.load()

    def _synced(self) -> None:
        self.sync_banner.refresh()
        if SYNC in self._loaded:
            self.sync.load()

    def pause_background(self) -> None:
        """Before a restore: no timer may start work on the database meanwhile."""
        timers = [self.server_banner.timer, self.sync_banner.timer, self.package_banner.timer]
        timers += [job.timer for job in (self.auto_export, self.auto_backup) if job is not None]
        if self.built(DESK):
            timers.append(self.desk.refresh_timer)
        for timer in timers:
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
        if event.type() == QEvent.ActivationChange and self.isActiveWindow() and DESK in self._loaded:
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
        if not (0 <= tab < self.tabs.count() and self.tabs.isTabVisible(tab)):
            tab = INTAKE if self.tabs.isTabVisible(INTAKE) else DESK
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(tab)
        self.tabs.blockSignals(False)
        self._tab_shown(tab)
        screen = self.tab_screen(tab)
        if hasattr(screen, "focus_first"):
            screen.focus_first()  # ready for typing: the ID number field, on the intake

    def closeEvent(self, event) -> None:
        self.citizen.close()
        self.server_banner.timer.stop()
        if self.built(DESK):
            self.desk.refresh_timer.stop()
        self.sync_banner.timer.stop()
        self.package_banner.timer.stop()
        if self.auto_export is not None:
            self.auto_export.at_close()  # today's work into the sync folder; never blocks closing
        if self.auto_backup is not None:
            self.auto_backup.at_close(self)  # and a checked backup; never blocks closing either
        prefs = qsettings()
        prefs.setValue("window/geometry", self.saveGeometry())
        prefs.setValue("window/tab", self.tabs.currentIndex())
        prefs.sync()
        super().closeEvent(event)
