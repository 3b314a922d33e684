"""The report service: hand-built dossiers give exactly the expected figures, every figure is
the length of its drill-down list, and a past period's report does not change later."""
from __future__ import annotations

from datetime import datetime

import pytest

from models import workflow
from models.errors import TransitionError, ValidationError
from models.report_period import Period
from models.report_query import _BEFORE_STATUSES
from models.reports import FIGURES, Figures, dossiers_behind, late_dossiers, period_report
from models.tables import Dossier, StatusEvent
from tests.reports.report_scenario import (
    BIRTH,
    CERTIFY,
    CHUNG_THUC,
    EXPECTED_OCTOBER,
    EXPECTED_OCTOBER_TOTAL,
    HO_TICH,
    MARRIAGE,
    _receive,
    move_after_october,
)

OCTOBER = Period.month(2026, 10)
SEPTEMBER = Period.month(2026, 9)


def _figures(row_or_total) -> dict:
    data = row_or_total.to_dict()
    return {k: data[k] for k in ("received", "resolved", "in_progress", "on_time_rate", "progress_rate")}


def test_october_by_field_gives_the_hand_counted_figures(officer, scenario):
    report = period_report(OCTOBER, officer=officer)
    assert [r.key for r in report.rows] == [CHUNG_THUC, HO_TICH]
    for key, expected in EXPECTED_OCTOBER.items():
        assert _figures(report.row(key)) == expected
    assert report.total.to_dict() == EXPECTED_OCTOBER_TOTAL
    assert report.complete


def test_october_by_procedure_splits_the_civil_status_row(officer, scenario):
    report = period_report(OCTOBER, by="procedure", officer=officer)
    assert [r.key for r in report.rows] == [CERTIFY, BIRTH, MARRIAGE]
    birth, marriage = report.row(BIRTH).figures, report.row(MARRIAGE).figures
    assert report.row(MARRIAGE).field == HO_TICH
    # L (same day, finished 16:00 on the day) on time; S refused after its due moment: late —
    # the birth registration J refused at the counter in time counts nowhere.
    assert (birth.received.total, birth.resolved.on_time, birth.resolved.late) == (2, 1, 1)
    assert birth.on_time_rate == 0.5
    assert (marriage.received.total, marriage.resolved.before_due, marriage.resolved.on_time,
            marriage.resolved.late, marriage.in_progress.within_time) == (11, 2, 1, 7, 1)
    assert report.total == period_report(OCTOBER, officer=officer).total


def test_september_in_progress_is_octobers_carried_over(officer, scenario):
    september = period_report(SEPTEMBER, officer=officer)
    hộ_tịch = september.row(HO_TICH).figures
    # H received 21/09 and finished 23/09 before its due date; F still within time on 30/09.
    assert (hộ_tịch.received.total, hộ_tịch.resolved.before_due, hộ_tịch.in_progress.within_time) == (2, 1, 1)
    assert september.row(CHUNG_THUC).figures.in_progress.within_time == 1  # G, due 01/10
    october = period_report(OCTOBER, officer=officer)
    for key in (HO_TICH, CHUNG_THUC):
        assert september.row(key).figures.in_progress.total == october.row(key).figures.received.carried_over


def test_every_figure_is_the_number_of_dossiers_behind_it(officer, scenario):
    report = period_report(OCTOBER, officer=officer)
    for row in [*report.rows, None]:
        figures = report.total if row is None else row.figures
        for figure in FIGURES:
            behind = dossiers_behind(OCTOBER, figure, key=None if row is None else row.key, officer=officer)
            assert len(behind) == figures.get(figure), (row and row.key, figure)


def test_drill_down_names_the_dossiers(officer, scenario):
    c = scenario

    def codes(figure, key=None):
        return {d.code for d in dossiers_behind(OCTOBER, figure, key=key, officer=officer)}

    assert codes("resolved.before_due", HO_TICH) == {c["A"], c["D"]}  # D: due moved by the supplement
    assert codes("resolved.on_time", HO_TICH) == {c["L"], c["Q"]}  # Q: extended before its due moment
    # B after its due moment on the due day; P extended after it; R asked twice for papers; S
    # refused after its due moment; T backdated after it; V paused when already late.
    assert codes("resolved.late") == {c["B"], c["C"], c["F"], c["K"], c["P"], c["R"], c["S"], c["T"], c["V"]}
    assert codes("resolved.before_due", CHUNG_THUC) == {c["I"]}  # withdrawn before its due date
    assert codes("received.carried_over") == {c["F"], c["G"]}
    assert codes("received.online") == {c["B"], c["M"]}
    assert codes("in_progress.within_time") == {c["E"], c["M"]}  # E paused before its due date
    assert codes("in_progress.late") == {c["G"], c["N"]}
    everything = set().union(*(codes(f) for f in FIGURES))
    assert c["J"] not in everything and c["H"] not in everything


def test_late_list_gives_days_late(officer, scenario):
    c = scenario
    late = late_dossiers(OCTOBER, officer=officer)
    assert [(d.code, d.stage, d.days_late, d.working_days_late) for d in late] == [
        (c["G"], "in_progress", 30, 21),  # due 01/10, still open on 31/10
        (c["R"], "resolved", 4, 2),       # late from its second supplement request (15/10), finished 19/10
        (c["P"], "resolved", 2, 2),       # due 06/10, extended after it, finished 08/10
        (c["K"], "resolved", 2, 2),       # due 21/10, stopped 23/10
        (c["N"], "in_progress", 2, 1),    # due 29/10 (Thu), open on Sat 31/10
        (c["F"], "resolved", 1, 1),
        (c["C"], "resolved", 1, 1),
        (c["V"], "resolved", 1, 1),       # due Thu 22/10 17:00, finished Fri 08:00
        (c["B"], "resolved", 0, 0),       # the due day, after the due moment
        (c["S"], "resolved", 0, 0),
        (c["T"], "resolved", 0, 0),       # late from the moment claimed for the backdated finish
    ]
    assert late[0].due_at == datetime(2026, 10, 1, 9) and late[0].closed_at is None
    assert late[0].checked_on == datetime(2026, 10, 31).date()
    assert all(d.late for d in late)
    assert late[2].late_from == datetime(2026, 10, 6, 9, 0, 1) and late[2].due_at == datetime(2026, 10, 9, 16)
    assert late[2].late_since == datetime(2026, 10, 6, 9, 0, 1)
    assert [d.code for d in late_dossiers(OCTOBER, key=CHUNG_THUC, officer=officer)] == [c["G"], c["K"], c["N"]]


def test_a_past_period_does_not_change_when_its_dossiers_move_later(scenario, officer):
    def judged(dossiers):  # what the list says about October (``status`` is today's status)
        return [(d.code, d.stage, d.due_at, d.closed_at, d.checked_on, d.days_late) for d in dossiers]

    before = period_report(OCTOBER, officer=officer).to_dict()
    late_before = judged(late_dossiers(OCTOBER, officer=officer))
    # November: G finished, N extended to 10/11 (no longer late today), E resumed and finished.
    move_after_october(officer, scenario)
    assert period_report(OCTOBER, officer=officer).to_dict() == before
    assert judged(late_dossiers(OCTOBER, officer=officer)) == late_before
    assert late_dossiers(OCTOBER, officer=officer)[0].status_name == "Đã xử lý xong"  # G today
    november = period_report(Period.month(2026, 11), now=datetime(2026, 11, 20, 17), officer=officer)
    assert november.total.received.carried_over == 4  # E, G, M, N
    # E resumed 10/11 after 10 working days paused: due 12/11, finished 11/11 → before due.
    assert (november.total.resolved.before_due, november.total.resolved.late) == (1, 2)
    assert {d.code for d in dossiers_behind(Period.month(2026, 11), "resolved.late",
                                            now=datetime(2026, 11, 20, 17), officer=officer)} == {scenario["G"], scenario["M"]}
    # N, extended to 10/11 17:00 and still open on 20/11
    assert [d.code for d in dossiers_behind(Period.month(2026, 11), "in_progress.late",
                                            now=datetime(2026, 11, 20, 17), officer=officer)] == [scenario["N"]]


def test_a_running_period_is_judged_today(officer, scenario):
    # Seen at 17:00 on 30/10, October is not over: N (due 29/10) is late already, M within time.
    on_30 = period_report(OCTOBER, now=datetime(2026, 10, 30, 17), officer=officer)
    assert not on_30.complete and on_30.as_of_text == "17:00 30/10/2026"
    assert on_30.row(CHUNG_THUC).figures.in_progress.late == 2
    # A period that ends on 29/10, N's due date: moments, not dates — N was due at 09:00, so at
    # the end of that day it is late (by dates alone it was still "within time").
    on_29 = period_report(Period(OCTOBER.start, datetime(2026, 10, 29).date()), officer=officer)
    assert on_29.row(CHUNG_THUC).figures.in_progress.late == 2  # G and N
    at_8 = period_report(OCTOBER, now=datetime(2026, 10, 29, 8), officer=officer)
    assert at_8.row(CHUNG_THUC).figures.in_progress.late == 1  # at 08:00 N is not due yet


def test_a_dossier_paused_after_its_due_date_stays_late(officer):
    code = _receive(officer, CERTIFY, datetime(2026, 10, 5, 9))  # due 07/10
    workflow.request_supplement(code, officer, missing=["Hợp đồng"], reason="Thiếu",
                                now=datetime(2026, 10, 9, 9))
    figures = period_report(OCTOBER, officer=officer).total
    assert (figures.in_progress.total, figures.in_progress.late) == (1, 1)
    assert late_dossiers(OCTOBER, officer=officer)[0].days_late == 2  # judged at the pause (09/10), not 31/10


def test_withdrawn_during_a_supplement_is_judged_at_the_pause(officer):
    code = _receive(officer, CERTIFY, datetime(2026, 10, 5, 9))  # due 07/10
    workflow.request_supplement(code, officer, missing=["Hợp đồng"], reason="Thiếu",
                                now=datetime(2026, 10, 6, 9))
    workflow.withdraw(code, officer, now=datetime(2026, 10, 20, 9))
    assert period_report(OCTOBER, officer=officer).total.resolved.before_due == 1


def test_a_refusal_after_the_reception_day_is_refused(officer):
    """DOMAIN §7: a refusal happens at reception, on the day; later, the dossier is stopped."""
    code = _receive(officer, CERTIFY, datetime(2026, 9, 30, 16))
    with pytest.raises(TransitionError) as error:
        workflow.refuse(code, officer, reason="Hồ sơ không hợp lệ", now=datetime(2026, 10, 1, 8))
    assert "hãy dùng “Dừng xử lý”" in str(error.value)
    workflow.forward(code, officer, now=datetime(2026, 9, 30, 16, 30))
    with pytest.raises(TransitionError):  # forwarded: not even on the day
        workflow.refuse(code, officer, reason="Hồ sơ không hợp lệ", now=datetime(2026, 9, 30, 16, 40))


def test_an_old_refusal_after_the_reception_day_is_judged_like_a_stop(officer):
    """A "refusal" recorded on a later day before the rule existed (or imported) closed an
    accepted dossier: it was pending at the earlier period's end, resolved in the later one,
    and judged against its due moment — late here (due 02/10 16:00, refused 05/10)."""
    code = _receive(officer, CERTIFY, datetime(2026, 9, 30, 16))
    workflow.refuse(code, officer, reason="Hồ sơ không hợp lệ", now=datetime(2026, 9, 30, 16, 10))
    StatusEvent.update(at=datetime(2026, 10, 5, 8)).where(StatusEvent.action == "refuse").execute()
    september, october = period_report(SEPTEMBER, officer=officer).total, period_report(OCTOBER, officer=officer).total
    assert (september.received.total, september.in_progress.total) == (1, 1)
    assert (october.received.carried_over, october.resolved.total, october.resolved.late,
            october.in_progress.total) == (1, 1, 1, 0)
    # refused the day it was received, in time: nowhere
    other = _receive(officer, CERTIFY, datetime(2026, 10, 2, 9))
    workflow.refuse(other, officer, reason="Hồ sơ không hợp lệ", now=datetime(2026, 10, 2, 9, 5))
    assert period_report(OCTOBER, officer=officer).total == october


def test_no_resolved_dossier_means_no_rate(officer):
    _receive(officer, MARRIAGE, datetime(2026, 10, 5, 9))
    report = period_report(OCTOBER, officer=officer)
    assert report.total.resolved.total == 0
    assert report.total.on_time_rate is None
    assert report.total.to_dict()["on_time_rate"] is None
    assert report.total.progress_rate == 0.0  # still in progress on 31/10, due 08/10: late


def test_empty_rows_are_left_out_unless_asked(officer, scenario):
    assert len(period_report(OCTOBER, officer=officer).rows) == 2
    everything = period_report(OCTOBER, include_empty=True, officer=officer)
    assert len(everything.rows) > 2
    assert everything.row("Bảo trợ xã hội").figures == Figures()
    assert everything.total == period_report(OCTOBER, officer=officer).total


def test_bad_figure_or_key_is_a_readable_error(officer, scenario):
    with pytest.raises(ValidationError, match="Không có chỉ tiêu"):
        dossiers_behind(OCTOBER, "resolved.soon", officer=officer)
    with pytest.raises(ValidationError, match="Không có lĩnh vực “Thuế”"):
        dossiers_behind(OCTOBER, "resolved.total", key="Thuế", officer=officer)
    with pytest.raises(ValidationError, match="lĩnh vực"):
        period_report(OCTOBER, by="officer", officer=officer)


def test_a_screen_can_page_through_a_drill_down(officer, scenario):
    everything = [d.code for d in dossiers_behind(OCTOBER, "received.total", officer=officer)]
    assert len(everything) == 18
    pages = [dossiers_behind(OCTOBER, "received.total", limit=5, offset=start, officer=officer)
             for start in (0, 5, 10, 15)]
    assert [d.code for page in pages for d in page] == everything
    assert [d.code for d in late_dossiers(OCTOBER, limit=2, officer=officer)] == [d.code for d in late_dossiers(OCTOBER, officer=officer)][:2]


def test_the_report_adds_its_indexes_on_first_use(officer, scenario, counter):
    period_report(OCTOBER, officer=officer)
    names = {row[1] for row in counter.execute_sql("PRAGMA index_list(dossier)").fetchall()}
    assert {"dossier_report_scan", "dossier_report_finished", "dossier_report_open"} <= names
    (partial,) = counter.execute_sql("SELECT sql FROM sqlite_master WHERE name='dossier_report_open'").fetchone()
    # SQLite uses a partial index only for a query whose condition is the index's own.
    assert partial.endswith(f"WHERE status IN ({', '.join(str(s) for s in _BEFORE_STATUSES)})")


def test_an_online_registration_not_yet_accepted_is_not_received(officer):
    # No service creates status 1 (Mới đăng ký) yet: the provincial sync will. Simulate one
    # pushed on 05/10 and refused in November, and one still waiting.
    waiting = _receive(officer, CERTIFY, datetime(2026, 10, 5, 9), channel=2)
    refused = _receive(officer, CERTIFY, datetime(2026, 10, 6, 9), channel=2)
    for code in (waiting, refused):
        row = Dossier.get(Dossier.code == code)
        Dossier.update(status=1).where(Dossier.id == row.id).execute()
        StatusEvent.update(to_status=1).where(StatusEvent.dossier == row.id).execute()
    workflow.refuse(refused, officer, reason="Hồ sơ trực tuyến không hợp lệ", now=datetime(2026, 11, 3, 9))
    for period in (OCTOBER, Period.month(2026, 11)):
        assert period_report(period, now=datetime(2026, 11, 20), officer=officer).total == Figures()
