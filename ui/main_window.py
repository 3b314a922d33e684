"""The main window: it only assembles the screens and the shortcuts that cross them.

Start-up builds the screen the officer sees first and nothing else: each other screen (and its
modules) is made the first time it is shown or asked for (``window.desk`` …), and the
background imports (ui.preload) begin once the window is painted.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from models.audit import now as clock
from models.settings import AgencySettings, load_settings

from . import preload, runner
from .auto_export import FIVE_MINUTES
from .prefs import qsettings

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


class MainWindow(QMainWindow):
    def __init__(self, officer, db_path: str = "", *, now=clock, sync_interval_ms: int = FIVE_MINUTES):
        """``now`` and ``sync_interval_ms`` drive the sync banner and the automatic export (tests)."""
        super().__init__()
        self.officer = officer
        self.now, self.sync_interval_ms = now, sync_interval_ms
        self.is_admin = officer.role == "admin"
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
        from .sync_banner import SyncBanner

        self.sync_banner = SyncBanner(now=now, interval_ms=sync_interval_ms)
        self.sync_banner.open_sync.connect(lambda: self.show_tab(SYNC))
        self.auto_export = None
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.sync_banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        who = QLabel(self.tr("Officer: %1").replace("%1", officer.full_name))
        self.statusBar().addPermanentWidget(who)
        if db_path:
            self.statusBar().showMessage(db_path)
        for key, index in (("F5", INTAKE), ("F6", DESK)):
            QShortcut(QKeySequence(key), self, lambda i=index: self.show_tab(i),
                      context=Qt.ApplicationShortcut)
        QShortcut(QKeySequence("F2"), self, self.focus_scan, context=Qt.ApplicationShortcut)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.set_title(load_settings())
        self._restore()
        # After the first paint: the background imports, the sync banner and the export timer.
        runner.soon(self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        preload.start()
        from .auto_export import AutoExport

        self.auto_export = AutoExport(self, now=self.now, interval_ms=self.sync_interval_ms)
        self.auto_export.exported.connect(lambda _r: self._synced())
        self.auto_export.failed.connect(lambda message: self.statusBar().showMessage(message))
        self.sync_banner.start()
        self.auto_export.start()

    # -- screens, made on first use -----------------------------------------------------------
    def screen(self, index: int) -> QWidget:
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
        screen.saved.connect(lambda _v: self._refresh_lists())
        return screen

    def _make_desk(self) -> QWidget:
        from .desk_screen import DeskScreen

        screen = DeskScreen()
        screen.open_code.connect(self.open_dossier)
        return screen

    def _make_returns(self) -> QWidget:
        from .return_screen import ReturnScreen

        screen = ReturnScreen()
        screen.open_code.connect(self.open_dossier)
        screen.found.connect(lambda code: self.open_dossier(code, ready_action="return"))
        return screen

    def _make_catalog(self) -> QWidget:
        from .catalog_screen import CatalogScreen

        screen = CatalogScreen(self.officer, self.is_admin)
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

        screen = SyncScreen(now=self.now)
        screen.changed.connect(self.sync_banner.refresh)
        return screen

    def _make_settings(self) -> QWidget:
        from .settings_screen import SettingsScreen

        screen = SettingsScreen(self.officer, self.is_admin)
        screen.saved.connect(self.set_title)
        return screen

    intake = property(lambda self: self.screen(INTAKE))
    desk = property(lambda self: self.screen(DESK))
    returns = property(lambda self: self.screen(RETURN))
    catalog = property(lambda self: self.screen(CATALOG))
    reports = property(lambda self: self.screen(REPORTS))
    sync = property(lambda self: self.screen(SYNC))
    settings = property(lambda self: self.screen(SETTINGS))

    def _tab_shown(self, index: int) -> None:
        """A screen is built and loads its data the first time it is shown; the settings
        read the printers again each time (one may have been installed meanwhile)."""
        screen = self.screen(index)
        if index in self._loaded:
            if hasattr(screen, "shown_again"):
                screen.shown_again()
            return
        self._loaded.add(index)
        if hasattr(screen, "load"):
            screen.load()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self._tab_shown(index)
        screen = self.screen(index)
        screen.setFocus()
        if hasattr(screen, "focus_first"):
            screen.focus_first()

    def focus_scan(self) -> None:
        self.show_tab(RETURN)
        self.raise_()
        self.activateWindow()
        self.returns.focus_scan()

    def open_dossier(self, code: str, ready_action: str | None = None):
        """The dossier's window, modal: one dossier at a time, Esc back to where it came from."""
        from .dossier_dialog import DossierDialog

        dialog = DossierDialog(code, self.officer, self, ready_action=ready_action)
        dialog.changed.connect(lambda _v: self._refresh_lists())
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
            self.desk.apply()
        if RETURN in self._loaded:
            self.returns.load()

    def _synced(self) -> None:
        self.sync_banner.refresh()
        if SYNC in self._loaded:
            self.sync.load()

    def set_title(self, settings: AgencySettings) -> None:
        agency = " – ".join(x for x in (settings.governing_body, settings.agency_code) if x)
        self.setWindowTitle(f"MotCua – {agency}" if agency else "MotCua")

    # -- window state -----------------------------------------------------------------------
    def _restore(self) -> None:
        prefs = qsettings()
        geometry = prefs.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        tab = int(prefs.value("window/tab", INTAKE) or 0)
        tab = tab if 0 <= tab < self.tabs.count() else INTAKE
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(tab)
        self.tabs.blockSignals(False)
        self._tab_shown(tab)
        screen = self.screen(tab)
        if hasattr(screen, "focus_first"):
            screen.focus_first()  # ready for typing: the ID number field, on the intake

    def closeEvent(self, event) -> None:
        self.sync_banner.timer.stop()
        if self.auto_export is not None:
            self.auto_export.at_close()  # today's work into the sync folder; never blocks closing
        prefs = qsettings()
        prefs.setValue("window/geometry", self.saveGeometry())
        prefs.setValue("window/tab", self.tabs.currentIndex())
        prefs.sync()
        super().closeEvent(event)
