"""Citizens' ratings: recorded once per stage, counted in the period's figures, on the scale the
province sets — and a later change of scale leaves past figures as they were."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from models import workflow
from models.citizen_settings import load_citizen_settings, update_citizen_settings
from models.errors import MotCuaError, ValidationError
from models.intake import receive
from models.report_period import Period
from models.satisfaction import rate, ratings_of, satisfaction_figures, satisfaction_line
from models.tables import AuditLog, SyncChange
from tests.factories import request

DAY = datetime(2026, 11, 16, 9, 0)


def dossier(officer, minute: int = 0, **kwargs) -> str:
    at = DAY.replace(minute=minute)
    return receive(request(received_at=at, id_number=f"0011900123{minute:02d}", **kwargs), officer, now=at).code


def test_a_rating_round_trip_into_the_period_figures(officer):
    first, second, third = (dossier(officer, m) for m in (0, 1, 2))
    now = DAY.replace(hour=10)
    rate(first, officer, level=1, comment="Cán bộ tận tình", now=now)
    rate(second, officer, level=2, now=now)
    rate(third, officer, level=3, comment="Chờ lâu", now=now)
    figures = satisfaction_figures(Period.day(date(2026, 11, 16))).to_dict()
    assert figures["ratings"] == 3 and figures["dossiers_rated"] == 3 and figures["satisfied"] == 2
    assert figures["satisfied_rate"] == pytest.approx(2 / 3, abs=1e-4)
    assert [(x["name"], x["count"]) for x in figures["levels"]] == [
        ("Rất hài lòng", 1), ("Hài lòng", 1), ("Không hài lòng", 1)]
    assert figures["by_stage"] == {"intake": 3, "return": 0}
    assert [c["comment"] for c in figures["comments"]] == ["Chờ lâu", "Cán bộ tận tình"]
    assert "hài lòng 66,67%" in satisfaction_line(satisfaction_figures(Period.day(date(2026, 11, 16))))
    # Another period holds none of them.
    assert satisfaction_figures(Period.day(date(2026, 11, 17))).ratings == 0


def test_once_after_intake_and_once_after_return(officer):
    code = dossier(officer)
    rate(code, officer, level=2, now=DAY.replace(hour=10))
    with pytest.raises(MotCuaError, match="đã được đánh giá sau khi tiếp nhận"):
        rate(code, officer, level=1, now=DAY.replace(hour=10))
    with pytest.raises(MotCuaError, match="chưa trả kết quả"):
        rate(code, officer, level=1, stage="return", now=DAY.replace(hour=10))
    workflow.finish(code, officer, at=DAY.replace(hour=11), now=DAY.replace(hour=11))
    workflow.return_result(code, officer, recipient="Nguyễn Thị Hằng", at=DAY.replace(hour=11, minute=5),
                           now=DAY.replace(hour=11, minute=5))
    rating = rate(code, officer, level=1, now=DAY.replace(hour=11, minute=6))
    assert rating.stage == "return"  # after the return, by default
    assert [r.stage for r in ratings_of(code)] == ["intake", "return"]
    assert SyncChange.select().where(SyncChange.event.is_null()).count() == 2  # both go to the day file
    assert AuditLog.select().where(AuditLog.action == "satisfaction.rate").count() == 2


def test_bad_ratings_are_refused(officer):
    code = dossier(officer)
    for level in (0, 4, "rất tốt"):
        with pytest.raises(ValidationError) as caught:
            rate(code, officer, level=level, now=DAY)
        assert "1 = Rất hài lòng, 2 = Hài lòng, 3 = Không hài lòng" in str(caught.value)
    with pytest.raises(ValidationError):
        rate(code, officer, level=1, comment="x" * 1001, now=DAY)
    assert ratings_of(code) == []


def test_the_scale_is_the_provinces_and_history_keeps_its_names(officer):
    code = dossier(officer, 0)
    rate(code, officer, level=2, now=DAY.replace(hour=10))  # "Hài lòng", satisfied
    update_citizen_settings(officer, satisfaction_levels=["Rất hài lòng", "Hài lòng", "Bình thường",
                                                          "Không hài lòng"], satisfied_levels=2)
    other = dossier(officer, 1)
    rate(other, officer, level=3, now=DAY.replace(hour=10))  # "Bình thường": not satisfied
    figures = satisfaction_figures(Period.day(date(2026, 11, 16)))
    assert [(x["name"], x["count"]) for x in figures.levels] == [
        ("Rất hài lòng", 0), ("Hài lòng", 1), ("Bình thường", 1), ("Không hài lòng", 0)]
    assert figures.satisfied == 1


def test_scale_settings_are_checked_and_admin_only(officer, counter):
    with pytest.raises(ValidationError):
        update_citizen_settings(officer, satisfaction_levels=["Tốt"])
    with pytest.raises(ValidationError):
        update_citizen_settings(officer, satisfaction_levels=["A", "B", "C"], satisfied_levels=3)
    from models.accounts import add_officer, get_officer_row

    add_officer("can.bo", "Lê Văn Tâm", "officer", "mat-khau-123", by=officer)
    with pytest.raises(MotCuaError, match="không được sửa thông tin cơ quan"):
        update_citizen_settings(get_officer_row("can.bo"), vietqr_bank="970415", vietqr_account="1", vietqr_name="X")
    assert load_citizen_settings().vietqr_account == ""
