"""Windows printer states in Vietnamese, and which of them stop a job before it is sent."""
from __future__ import annotations

from printing import windows_status

PAPER_OUT, TONER_LOW, OFFLINE = 0x10, 0x20000, 0x80


def test_states_are_said_in_vietnamese():
    assert windows_status.describe(PAPER_OUT | TONER_LOW) == "hết giấy, sắp hết mực"
    assert windows_status.describe(0x8) == "kẹt giấy"
    assert windows_status.describe(0) == "không rõ lỗi"


def test_only_a_printer_that_cannot_take_a_job_is_fatal():
    for everyday in (PAPER_OUT, TONER_LOW, OFFLINE, 0x2, 0x400000):
        assert not everyday & windows_status.FATAL
    assert windows_status.NOT_AVAILABLE & windows_status.FATAL


def test_no_spooler_outside_windows():
    assert windows_status.printer_status("MotCuaPDF") == 0
