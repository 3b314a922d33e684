"""Sign-in: throttled per name in the database (so a restart does not reset it), a lock an admin
can lift, and an unknown name that answers like a known one — in what it says and how long it takes."""
from __future__ import annotations

import statistics
import time
from datetime import datetime, timedelta

import pytest

from models.accounts import (
    FREE_FAILURES,
    LOCK,
    add_officer,
    authenticate,
    list_officers,
    unlock,
    update_officer,
)
from models.db import close_database
from models.errors import PermissionDenied, SignInError
from models.session import open_counter
from models.tables import AuditLog, SignInAttempts
from tests.conftest import TEST_PASSWORD

T0 = datetime(2026, 11, 16, 9, 0)
WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."


def _fail(name: str, moment: datetime) -> str:
    with pytest.raises(SignInError) as refused:
        authenticate(name, "sai-mat-khau", now=moment)
    return str(refused.value)


def test_five_failures_then_each_attempt_waits_longer_up_to_a_lock(officer):
    for i in range(FREE_FAILURES):
        assert _fail("admin", T0 + timedelta(seconds=i)) == WRONG
    moment = T0 + timedelta(seconds=FREE_FAILURES)
    # the right password is refused too while the wait lasts
    with pytest.raises(SignInError) as refused:
        authenticate("admin", TEST_PASSWORD, now=moment)
    assert "phải chờ đến 09:00:34 16/11/2026" in str(refused.value)
    assert "officers unlock admin" in str(refused.value)
    waits = []
    for _ in range(7):
        locked = SignInAttempts.get_by_id("admin").locked_until
        waits.append(locked - SignInAttempts.get_by_id("admin").last_failure_at)
        moment = locked  # as soon as allowed: another wrong one
        assert _fail("admin", moment) == WRONG
    assert waits == [timedelta(seconds=30), timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4),
                     timedelta(minutes=8), LOCK, LOCK]
    # once the wait is over the right password works, and the count starts again
    info = authenticate("admin", TEST_PASSWORD, now=SignInAttempts.get_by_id("admin").locked_until)
    assert info.username == "admin"
    assert SignInAttempts.get_or_none(SignInAttempts.username == "admin") is None
    assert AuditLog.select().where(AuditLog.action == "officer.sign_in_locked").count() == 8


def test_a_restart_does_not_reset_the_count(officer, db_path):
    for i in range(FREE_FAILURES):
        _fail("admin", T0 + timedelta(seconds=i))
    close_database()
    open_counter(str(db_path))  # the program started again
    with pytest.raises(SignInError) as refused:
        authenticate("admin", TEST_PASSWORD, now=T0 + timedelta(seconds=10))
    assert "phải chờ" in str(refused.value)


def test_an_admin_lifts_the_lock_an_officer_cannot(officer, account):
    clerk = account("hung", "officer")
    for i in range(FREE_FAILURES + 3):
        try:
            authenticate("lan", "sai-mat-khau", now=T0 + timedelta(hours=i))
        except SignInError:
            pass
    lan = account("lan", "officer")
    now = T0 + timedelta(hours=FREE_FAILURES + 2, minutes=1)  # a minute after the 8th failure
    assert next(o for o in list_officers(now=now) if o.username == "lan").locked_until is not None
    with pytest.raises(PermissionDenied):
        unlock("lan", by=clerk)
    assert unlock("lan", by=officer)
    assert authenticate("lan", TEST_PASSWORD, now=now).username == lan.username


def test_an_unknown_name_answers_and_locks_like_a_known_one(officer):
    for i in range(FREE_FAILURES):
        assert _fail("khong-ai", T0 + timedelta(seconds=i)) == _fail("admin", T0 + timedelta(seconds=i))
    known, unknown = (_fail(name, T0 + timedelta(seconds=10)) for name in ("admin", "khong-ai"))
    assert known.replace("admin", "X") == unknown.replace("khong-ai", "X")


def test_a_disabled_account_is_refused_even_with_the_right_password(officer, account):
    account("hung", "officer")
    update_officer("hung", active=False, by=officer)
    with pytest.raises(SignInError) as refused:
        authenticate("hung", TEST_PASSWORD)
    assert str(refused.value) == "Tài khoản “hung” đã ngừng sử dụng; hãy liên hệ quản trị viên."
    assert _fail("hung", T0) == WRONG  # a wrong password says nothing about the account


def test_unknown_names_take_as_long_as_known_ones(officer):
    """Both run one scrypt and one write: the medians agree within 20 % (measured in turns, so
    that a busy machine slows both alike)."""
    times: dict[str, list[float]] = {"admin": [], "khong-co-ten-nay": []}
    for i in range(12):
        for name, spent in times.items():
            SignInAttempts.delete().execute()  # never reach the wait, which answers at once
            started = time.perf_counter()
            try:
                authenticate(name, "sai-mat-khau", now=T0 + timedelta(minutes=i))
            except SignInError:
                pass
            spent.append(time.perf_counter() - started)
    known, unknown = (statistics.median(spent[2:]) for spent in times.values())  # after a warm-up
    assert abs(known - unknown) <= 0.2 * max(known, unknown), (known, unknown)


def test_accounts_keep_several_roles(officer):
    info = add_officer("lan", "Nguyễn Thị Lan", "leader,officer", TEST_PASSWORD, by=officer)
    assert info.roles == ("officer", "leader") and info.is_leader and not info.is_admin
    assert info.role_names == "Cán bộ một cửa, Lãnh đạo"
    assert authenticate("lan", TEST_PASSWORD).roles == ("officer", "leader")
