"""The main window's Trợ giúp menu: About and the log folder."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from models.paths import log_dir

from .about_dialog import AboutDialog
from .error_dialog import open_folder


def add_help_menu(window: QMainWindow, db_path: str) -> None:
    menu = window.menuBar().addMenu(QCoreApplication.translate("HelpMenu", "&Help"))
    about = menu.addAction(QCoreApplication.translate("HelpMenu", "About MotCua…"))
    about.setObjectName("about")
    about.triggered.connect(lambda: AboutDialog(db_path, window).exec())
    logs = menu.addAction(QCoreApplication.translate("HelpMenu", "Open the log folder"))
    logs.triggered.connect(lambda: open_folder(log_dir()))
