"""The dossier desk's table: keyset pages of models.search.list_dossiers, fetched on demand.

Qt asks ``canFetchMore``/``fetchMore`` as the view scrolls to the end; each page is read in a
worker and appended, so a million dossiers cost only the pages the officer looks at.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from models.search import DossierFilter, count_dossiers, dossiers_by_id, list_dossiers, newer_dossiers

from .i18n import fmt_datetime
from .runner import Op

PAGE_SIZE = 100
LATE = QColor("#f8d7da")
DUE_SOON = QColor("#fff3cd")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DossierTableModel", text)


# column: (header, sort key of list_dossiers, value)
COLUMNS = (
    (QT_TRANSLATE_NOOP("DossierTableModel", "Code"), "code", lambda d: d.code),
    (QT_TRANSLATE_NOOP("DossierTableModel", "Applicant"), "applicant_name", lambda d: d.applicant_name),
    (QT_TRANSLATE_NOOP("DossierTableModel", "Procedure"), "procedure", lambda d: d.procedure_name),
    (QT_TRANSLATE_NOOP("DossierTableModel", "Received"), "received_at", lambda d: fmt_datetime(d.received_at)),
    # An online dossier waiting (status 1) has no appointment until it is accepted.
    (QT_TRANSLATE_NOOP("DossierTableModel", "Due"), "due_at", lambda d: "" if d.status == 1 else fmt_datetime(d.due_at)),
    (QT_TRANSLATE_NOOP("DossierTableModel", "Status"), "status", lambda d: d.status_name),
)

_ROOT = QModelIndex()  # the invalid index: Qt's default parent (no per-call allocation)

class DossierTableModel(QAbstractTableModel):
    """``page_loaded`` after each page arrives; ``counted(total)`` when the total is known."""

    page_loaded = Signal()
    counted = Signal(int)
    refreshed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.filter = DossierFilter()
        self.sort_key, self.descending = "id", True
        self._cursor: tuple | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self._refreshing = False
        self.total: int | None = None

    # -- loading ----------------------------------------------------------------------------
    def reload(self, flt: DossierFilter | None = None) -> None:
        if flt is not None:
            self.filter = flt
        self._generation += 1
        self.beginResetModel()
        self.rows, self._cursor, self._more, self._loading = [], None, True, False
        self._refreshing = False
        self.total = None
        self.endResetModel()
        self.fetchMore(QModelIndex())
        generation, flt = self._generation, self.filter
        Op(self, lambda: count_dossiers(flt)).success(
            lambda n: self._counted(generation, n)).run_in_background()

    def _counted(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self.total = total
            self.counted.emit(total)

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: QModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation = self._generation
        flt, cursor, sort, descending = self.filter, self._cursor, self.sort_key, self.descending
        Op(self, lambda: list_dossiers(flt, limit=PAGE_SIZE, after=cursor, sort=sort,
                                       descending=descending)) \
            .success(lambda page: self._append(generation, page)).run_in_background()

    def _append(self, generation: int, page) -> None:
        if generation != self._generation:
            return  # a newer filter or sort replaced this request
        self._loading = False
        if page.rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        self._cursor = page.cursor
        self._more = page.cursor is not None
        self.page_loaded.emit()

    def refresh(self) -> None:
        """Bring the loaded rows up to date without a reload (the scroll position and the
        selection stay): dossiers received since at other counters go on top (newest-first
        order), rows changed elsewhere are redrawn. ``refreshed(new)`` when done."""
        if self._loading or self._refreshing:
            return
        self._refreshing = True
        generation, flt = self._generation, self.filter
        ids = [d.id for d in self.rows]
        newest = max(ids, default=0)
        # Newest first (by id or by reception time, the desk's default): what other counters
        # received since goes on top; in any other order it shows at the next reload.
        on_top = self.sort_key in ("id", "received_at") and self.descending
        top = self.rows[0].received_at if self.rows and self.sort_key == "received_at" else None

        def work():
            return (newer_dossiers(flt, newest) if on_top and (newest or not self._more) else [],
                    dossiers_by_id(ids))
        Op(self, work).success(lambda found: self._refreshed(generation, top, *found)) \
            .failure(lambda _exc: self._refresh_failed()).run_in_background()

    def _refresh_failed(self) -> None:
        self._refreshing = False  # the server banner says why; the next refresh tries again

    def _refreshed(self, generation: int, top, new: list, current: dict) -> None:
        self._refreshing = False
        if generation != self._generation:
            return
        for row, old in enumerate(self.rows):
            fresh = current.get(old.id)
            if fresh is not None and fresh != old:
                self.rows[row] = fresh
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        known = {d.id for d in self.rows}
        new = [d for d in new if d.id not in known and (top is None or d.received_at >= top)]
        if new:
            self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
            self.rows[:0] = new
            self.endInsertRows()
            if self.total is not None:
                self.total += len(new)
                self.counted.emit(self.total)
        self.refreshed.emit(len(new))

    @property
    def loading(self) -> bool:
        return self._loading

    # -- the model --------------------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return _tr(COLUMNS[section][0])
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        dossier = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return COLUMNS[index.column()][2](dossier)
        if role == Qt.BackgroundRole:
            if dossier.late:
                return QBrush(LATE)
            if dossier.due_soon:
                return QBrush(DUE_SOON)
        if role == Qt.ToolTipRole:
            if dossier.late:
                return QCoreApplication.translate("DossierTableModel", "Late")
            if dossier.due_soon:
                return QCoreApplication.translate("DossierTableModel", "Due within a day")
        if role == Qt.UserRole:
            return dossier.code
        return None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self.sort_key = COLUMNS[column][1]
        self.descending = order == Qt.DescendingOrder
        self.reload()

    def code_at(self, row: int) -> str:
        return self.rows[row].code
