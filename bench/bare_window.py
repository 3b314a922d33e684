"""A bare PySide6 window, frozen with PyInstaller the way motcua.spec freezes MotCua: the yardstick
for bench/bench_bundle.py's start-up time. Prints "shown" at its first paint and exits."""
import os
import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog


class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            print("shown", flush=True)
            os._exit(0)
        return False


app = QApplication(sys.argv[:1])
window = QDialog()  # the size of a sign-in dialog
window.setWindowTitle("bare")
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
