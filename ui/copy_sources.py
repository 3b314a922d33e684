"""Where an electronic copy comes from: files, the newest scans of the scanner's folder, or a
camera / document camera when Qt Multimedia finds one (models.attachments turns any of them
into one PDF per paper)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .i18n import fmt_datetime

FILE_FILTER = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff"


def pick_files(parent: QWidget) -> list[str]:
    """Files chosen in the system's dialog (several files make one copy, in the order chosen)."""
    from PySide6.QtCore import QCoreApplication

    title = QCoreApplication.translate("CopySources", "Choose the scanned pages (PDF, JPEG, PNG, TIFF)")
    kinds = QCoreApplication.translate("CopySources", "Scans (%1)").replace("%1", FILE_FILTER)
    files, _ = QFileDialog.getOpenFileNames(parent, title, "", f"{kinds};;* (*)")
    return files


class ScanFolderDialog(QDialog):
    """The newest scans of the scanner's folder, newest first: tick the pages of one paper."""

    def __init__(self, files: list[Path], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scans in the scanner's folder"))
        self.list = QListWidget()
        from datetime import datetime

        for path in files:
            when = datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
            item = QListWidgetItem(f"{path.name} – {fmt_datetime(when)}")
            item.setData(Qt.UserRole, str(path))
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.list.addItem(item)
        if self.list.count():
            self.list.item(0).setCheckState(Qt.Checked)  # the scan just made
            self.list.setCurrentRow(0)
        hint = QLabel(self.tr("Tick the pages of this paper (Space); they become one PDF in name order."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def chosen(self) -> list[str]:
        ticked = [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                  if self.list.item(i).checkState() == Qt.Checked]
        return sorted(ticked, key=lambda p: Path(p).name)


def camera_available() -> bool:
    """True when Qt Multimedia loads and sees a camera (a document camera is one).

    The one-folder build leaves Qt Multimedia out (its size, docs/attachments.md): there the
    import fails and the screens simply offer no camera."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
        from PySide6.QtMultimediaWidgets import QVideoWidget  # noqa: F401 - the capture dialog needs it
    except ImportError:  # Qt Multimedia missing, or its system libraries (e.g. PulseAudio on Linux)
        return False
    try:
        return bool(QMediaDevices.videoInputs())
    except Exception:  # noqa: BLE001 - a broken multimedia back end means "no camera"
        return False


class CameraDialog(QDialog):
    """Capture the pages of one paper with a camera or document camera; ``pages`` holds each
    capture as JPEG bytes, in order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.setWindowTitle(self.tr("Capture with the camera"))
        self.pages: list[bytes] = []
        self.camera = QCamera(QMediaDevices.defaultVideoInput())
        self.capture = QImageCapture()
        self.session = QMediaCaptureSession()
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self.preview = QVideoWidget()
        self.session.setVideoOutput(self.preview)
        self.count = QLabel(self.tr("No page captured yet."))
        shoot = QPushButton(self.tr("Capture page (Space)"))
        shoot.setShortcut(Qt.Key_Space)
        shoot.clicked.connect(self.capture.capture)
        self.capture.imageCaptured.connect(self._captured)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(shoot)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(800, 600)
        self.camera.start()

    def _captured(self, _request_id: int, image) -> None:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        image.save(buffer, "JPEG", 90)
        self.pages.append(bytes(data))
        self.count.setText(self.tr("%1 pages captured").replace("%1", str(len(self.pages))))

    def done(self, result: int) -> None:
        self.camera.stop()
        super().done(result)
