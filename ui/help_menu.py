"""The main window's Trợ giúp menu: About and the log folder."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from models.paths import log_dir


def add_help_menu(window: QMainWindow, db_path: str) -> None:
    menu = window.menuBar().addMenu(QCoreApplication.translate("HelpMenu", "&Help"))
    about = menu.addAction(QCoreApplication.translate("HelpMenu", "About MotCua…"))
    about.setObjectName("about")
    about.triggered.connect(lambda: _about(db_path, window))
    logs = menu.addAction(QCoreApplication.translate("HelpMenu", "Open the log folder"))
    logs.triggered.connect(lambda: _open_log_folder())


def _about(db_path: str, window: QMainWindow) -> None:
    from .about_dialog import AboutDialog  # the version (importlib.metadata): when asked for

    AboutDialog(db_path, window).exec()


def _open_log_folder() -> None:
    from .error_dialog import open_folder

    open_folder(log_dir())
