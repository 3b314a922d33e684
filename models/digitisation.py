"""The digitisation figures of QĐ 766/QĐ-TTg group 4 (DOMAIN §7 and §10), per period and field.

- 4.1 electronic results: dossiers finished in the period (``finished_at`` inside it: Đã xử lý
  xong, also when returned since) that have an electronic copy of the result, over the
  dossiers finished in the period.
- 4.2 digitised at reception: dossiers received in the period (accepted: not waiting online,
  not refused at the counter) whose every paper has an electronic copy, over the dossiers
  received. A dossier received with no paper listed has nothing digitised and does not count
  as digitised. Full marks from 80 %.
- 4.3 reuse: the papers of those dossiers whose copy reused a copy the citizen brought before
  (tái sử dụng), over their digitised papers.

A copy counts when it is the paper's current one (a replaced copy is history). The list of
dossiers not digitised names, for each dossier received in the period with a paper missing
its copy, the papers still to scan.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from peewee import fn

from .attachment_tables import PAPER, RESULT, Attachment
from .report_period import Period
from .reports import NO_FIELD, TOTAL_NAME
from .statuses import FINISHED, NEW, REFUSED, RETURNED
from .tables import DocumentName, Dossier, DossierDocument, Procedure

FULL_MARKS_RATE = 0.8  # QĐ 766 4.2: full marks from 80 % of dossiers digitised


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass
class DigitisationFigures:
    received: int = 0
    received_digitised: int = 0  # 4.2
    finished: int = 0
    finished_electronic: int = 0  # 4.1
    papers: int = 0
    papers_digitised: int = 0
    papers_reused: int = 0  # 4.3

    @property
    def rate_4_1(self) -> float | None:
        return _rate(self.finished_electronic, self.finished)

    @property
    def rate_4_2(self) -> float | None:
        return _rate(self.received_digitised, self.received)

    @property
    def rate_4_3(self) -> float | None:
        return _rate(self.papers_reused, self.papers_digitised)

    def to_dict(self) -> dict:
        return {"received": self.received, "received_digitised": self.received_digitised,
                "rate_4_2": self.rate_4_2,
                "full_marks_4_2": self.rate_4_2 is not None and self.rate_4_2 >= FULL_MARKS_RATE,
                "finished": self.finished, "finished_electronic_result": self.finished_electronic,
                "rate_4_1": self.rate_4_1,
                "papers": self.papers, "papers_digitised": self.papers_digitised,
                "papers_reused": self.papers_reused, "rate_4_3": self.rate_4_3}


@dataclass(frozen=True)
class NotDigitised:
    code: str
    received_at: datetime
    applicant_name: str
    procedure_name: str
    papers: int
    missing: tuple[str, ...]  # "2. Tờ khai …" for each paper without a copy

    def to_dict(self) -> dict:
        return {"code": self.code, "received_at": self.received_at.isoformat(),
                "applicant_name": self.applicant_name, "procedure_name": self.procedure_name,
                "papers": self.papers, "missing": list(self.missing)}


@dataclass
class DigitisationReport:
    period: Period
    total: DigitisationFigures
    rows: list[tuple[str, DigitisationFigures]] = field(default_factory=list)  # (field name, figures)
    not_digitised: list[NotDigitised] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"period": self.period.to_dict(), "total": self.total.to_dict(),
                "rows": [{"name": name, **f.to_dict()} for name, f in self.rows],
                "not_digitised": [d.to_dict() for d in self.not_digitised]}


def _field_of(procedure_field: str | None) -> str:
    return (procedure_field or "").strip() or NO_FIELD


def _chunks(ids: list[int], size: int = 500):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def digitisation_report(period: Period) -> DigitisationReport:
    """The QĐ 766 group 4 figures of ``period``, per field and in total, and the dossiers
    received in it that are not fully digitised."""
    in_period = lambda column: (column >= period.starts_at) & (column < period.ends_before)  # noqa: E731
    received = list(Dossier.select(Dossier.id, Dossier.code, Dossier.received_at, Dossier.applicant_name,
                                   Dossier.procedure_name, Procedure.field)
                    .join(Procedure, on=(Dossier.procedure == Procedure.id))
                    .where(in_period(Dossier.received_at) & Dossier.status.not_in([NEW, REFUSED]))
                    .order_by(Dossier.received_at, Dossier.id).tuples())
    finished = list(Dossier.select(Dossier.id, Procedure.field)
                    .join(Procedure, on=(Dossier.procedure == Procedure.id))
                    .where(in_period(Dossier.finished_at) & Dossier.status.in_([FINISHED, RETURNED])).tuples())
    papers: dict[int, list[tuple[int, str]]] = defaultdict(list)
    copies: dict[int, dict[int, bool]] = defaultdict(dict)  # dossier → paper → reused
    ids = [r[0] for r in received]
    for chunk in _chunks(ids):
        for dossier_id, position, name in (DossierDocument.select(DossierDocument.dossier, DossierDocument.position,
                                                                  DocumentName.name)
                                           .join(DocumentName).where(DossierDocument.dossier.in_(chunk)).tuples()):
            papers[dossier_id].append((position, name))
        for dossier_id, paper, reused in (Attachment.select(Attachment.dossier, Attachment.paper, Attachment.reused)
                                          .where(Attachment.dossier.in_(chunk) & (Attachment.kind == PAPER)
                                                 & Attachment.replaced_by.is_null()).tuples()):
            copies[dossier_id][paper] = bool(reused)
    with_result: set[int] = set()
    finished_ids = [r[0] for r in finished]
    for chunk in _chunks(finished_ids):
        with_result |= {d for (d,) in Attachment.select(fn.DISTINCT(Attachment.dossier))
                        .where(Attachment.dossier.in_(chunk) & (Attachment.kind == RESULT)
                               & Attachment.replaced_by.is_null()).tuples()}

    rows: dict[str, DigitisationFigures] = defaultdict(DigitisationFigures)
    total = DigitisationFigures()
    not_digitised = []
    for dossier_id, code, received_at, applicant, procedure, procedure_field in received:
        listed = sorted(papers.get(dossier_id, []))
        have = copies.get(dossier_id, {})
        digitised = [p for p, _ in listed if p in have]
        complete = bool(listed) and len(digitised) == len(listed)
        for figures in (rows[_field_of(procedure_field)], total):
            figures.received += 1
            figures.received_digitised += complete
            figures.papers += len(listed)
            figures.papers_digitised += len(digitised)
            figures.papers_reused += sum(1 for p in digitised if have[p])
        if not complete:
            not_digitised.append(NotDigitised(code, received_at, applicant, procedure, len(listed),
                                              tuple(f"{p}. {n}" for p, n in listed if p not in have)))
    for dossier_id, procedure_field in finished:
        for figures in (rows[_field_of(procedure_field)], total):
            figures.finished += 1
            figures.finished_electronic += dossier_id in with_result
    ordered = sorted(rows.items(), key=lambda item: (item[0] == NO_FIELD, item[0]))
    return DigitisationReport(period, total, ordered, not_digitised)


def _percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate * 100:.2f}%".replace(".", ",")


def digitisation_lines(report: DigitisationReport, *, with_list: bool = False) -> list[str]:
    """The figures as text (the command line's report)."""
    t = report.total
    lines = ["SỐ HÓA HỒ SƠ, KẾT QUẢ (QĐ 766, nhóm 4):",
             f"  4.1 Kết quả điện tử: {t.finished_electronic}/{t.finished} hồ sơ đã giải quyết "
             f"({_percent(t.rate_4_1)})",
             f"  4.2 Số hóa thành phần hồ sơ: {t.received_digitised}/{t.received} hồ sơ tiếp nhận "
             f"({_percent(t.rate_4_2)}; đạt điểm tối đa từ 80%)",
             f"  4.3 Tái sử dụng: {t.papers_reused}/{t.papers_digitised} giấy tờ đã số hóa "
             f"({_percent(t.rate_4_3)})"]
    if len(report.rows) > 1:
        for name, f in report.rows:
            lines.append(f"  – {name}: 4.1 {_percent(f.rate_4_1)}, 4.2 {_percent(f.rate_4_2)}, "
                         f"4.3 {_percent(f.rate_4_3)}")
    if with_list:
        lines.append(f"Hồ sơ chưa số hóa đủ thành phần: {len(report.not_digitised)}")
        for d in report.not_digitised:
            missing = "; ".join(d.missing) or "không có giấy tờ nào trong danh sách"
            lines.append(f"  {d.code}  {d.received_at:%H:%M %d/%m/%Y}  {d.applicant_name} – còn thiếu: {missing}")
    elif report.not_digitised:
        lines.append(f"  Hồ sơ chưa số hóa đủ thành phần: {len(report.not_digitised)} (xem report --not-digitised)")
    return lines


__all__ = ["DigitisationFigures", "DigitisationReport", "NotDigitised", "TOTAL_NAME", "digitisation_lines",
           "digitisation_report"]
