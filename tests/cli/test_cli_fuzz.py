"""Bad input is a message: intake JSON of any shape, dates from year 1 to 9999 and every numeric
option, thrown at the command line (in-process, through cli.app.run), end in exit 2 with a
Vietnamese message or succeed; none prints a traceback, and a refused intake leaves no row and
uses no code. 2,000 examples each in CI (CI=true), fewer on a developer's machine."""
from __future__ import annotations

import io
import json
import sqlite3
import string
from contextlib import redirect_stderr, redirect_stdout
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli.app import run
from models.db import close_database
from models.session import open_counter, setup_agency
from tests.conftest import AGENCY, TEST_PASSWORD, in_ci

EXAMPLES = 2000 if in_ci() else 150
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not in_ci(),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def counter_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "motcua.sqlite3"
    open_counter(str(path))
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo",
                 admin_password=TEST_PASSWORD)
    close_database()
    return path


@pytest.fixture(autouse=True)
def _signed_in(monkeypatch):
    """Signing in is tested in test_cli_sign_in.py; here thousands of commands would each pay
    scrypt's deliberate cost, so the default officer is taken as signed in."""
    from models.session import acting_officer

    monkeypatch.setenv("MOTCUA_PASSWORD", TEST_PASSWORD)
    monkeypatch.setattr("cli.app.sign_in_for", lambda args: acting_officer(getattr(args, "officer", None)))


def command(db: Path, *argv: str) -> tuple[int, str]:
    """Exit code and everything printed, for one command."""
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        try:
            code = run(["--db", str(db), *argv])
        except SystemExit as exc:  # argparse's usage errors (exit 2, in Vietnamese)
            code = exc.code
    return code, out.getvalue()


def assert_handled(code: int, printed: str, what) -> None:
    assert "Traceback" not in printed, (what, printed)
    assert code in (0, 2), (what, code, printed)
    if code == 2:
        assert "Lỗi" in printed, (what, printed)


def counts(db: Path) -> tuple[int, int, int]:
    connection = sqlite3.connect(str(db))
    try:
        return tuple(connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("dossier", "status_event", "sync_change")) \
            + (connection.execute("SELECT coalesce(sum(last), 0) FROM code_counter").fetchone()[0],)
    finally:
        connection.close()


# -- values ----------------------------------------------------------------------------------------
HOSTILE_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.sampled_from([
    "", " ", "\x00", "Nguyễn\u202eThị", "A\u200bB", "٠١٢٣٤٥٦٧٨٩٠١", "０９１２３４５６７８", "1_000", "1e3",
    "NaN", "Infinity", "-0", "9" * 40, "x" * 5000, "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
])
NUMBERS = st.integers(min_value=-10**40, max_value=10**40)
JSON_LEAVES = (st.none() | st.booleans() | NUMBERS | st.floats(allow_nan=True, allow_infinity=True)
               | HOSTILE_TEXT)
JSON_VALUES = st.recursive(JSON_LEAVES, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=10)


@st.composite
def date_texts(draw) -> str:
    """A date as a person or a script might type it, any year from 1 to 9999, or almost one."""
    day = draw(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
    form = draw(st.sampled_from(["{:%Y-%m-%d}", "{d}/{m}/{y}", "{d:02d}/{m:02d}/{y:04d}", "{:%Y-%m-%dT%H:%M}",
                                 "{d}.{m}.{y}", "{y}-{m}-{d}", "{d:02d}{m:02d}{y:04d}", "09:30 {d}/{m}/{y}"]))
    if "{:" in form:
        text = form.format(datetime(day.year, day.month, day.day, 9, 30)) if day.year >= 1000 else f"{day.year}-x"
    else:
        text = form.format(d=day.day, m=day.month, y=day.year)
    mangle = draw(st.sampled_from(["", "", "", "day", "month", "digits", "space"]))
    if mangle == "day":
        text = text.replace(f"{day.day:02d}", "31", 1)
    elif mangle == "month":
        text = text.replace(f"{day.month:02d}", "13", 1)
    elif mangle == "digits":
        text = text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    elif mangle == "space":
        text = f"  {text} "
    return text


DATES = date_texts() | HOSTILE_TEXT
NUMBER_TEXT = NUMBERS.map(str) | st.text(alphabet=string.digits + "-+_ .e٣０", max_size=25) | HOSTILE_TEXT


def person():
    fields = {"name": st.just("Nguyễn Thị Hằng") | JSON_VALUES, "id_number": st.just("001190012345") | JSON_VALUES,
              "phone": JSON_VALUES, "email": JSON_VALUES, "address": JSON_VALUES, "kind": JSON_VALUES,
              "birth_date": DATES | JSON_VALUES, "sex": JSON_VALUES, "authorisation": JSON_VALUES}
    return st.fixed_dictionaries({}, optional=fields) | JSON_VALUES


INTAKES = st.fixed_dictionaries(
    {"procedure": st.sampled_from(["1.004873", "1.001193", "2.001035"]) | JSON_VALUES},
    optional={"applicant": person(), "authorised_person": person(), "received_at": DATES | JSON_VALUES,
              "documents": st.lists(st.text(max_size=20) | st.fixed_dictionaries(
                  {}, optional={"name": JSON_VALUES, "originals": JSON_VALUES, "copies": JSON_VALUES}), max_size=5)
              | JSON_VALUES,
              "channel": JSON_VALUES, "result_delivery": JSON_VALUES, "sets": JSON_VALUES, "fee": JSON_VALUES,
              "notes": JSON_VALUES}) | JSON_VALUES


# -- the three fuzzers -------------------------------------------------------------------------------
@FUZZ
@given(data=INTAKES, raw=st.booleans(), garbage=st.binary(max_size=64))
def test_intake_json_of_any_shape_is_a_message_or_a_dossier(counter_db, tmp_path, data, raw, garbage):
    path = tmp_path / "intake.json"
    text = json.dumps(data, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")
    path.write_bytes(text if not raw else text[:len(text) // 2] + garbage)
    before = counts(counter_db)
    code, printed = command(counter_db, "intake", "--from-json", str(path))
    assert_handled(code, printed, data)
    after = counts(counter_db)
    if code == 0:
        assert after[:3] == (before[0] + 1, before[1] + 1, before[2] + 1)
    else:
        assert after == before, "a refused intake left a row or used a code"


DATE_COMMANDS = [
    lambda d, out: ["due-date", "--received", d, "--working-days", "3"],
    lambda d, out: ["list", "--from", d],
    lambda d, out: ["list", "--to", d, "--limit", "5"],
    lambda d, out: ["report", "--from", d, "--to", "2026-12-31"],
    lambda d, out: ["report", "--from", "2026-01-01", "--to", d],
    lambda d, out: ["export-sync", "--date", d, "--out", str(out)],
    lambda d, out: ["holidays", "add-off", d, "--reason", "Thử"],
    lambda d, out: ["register", "--from", d, "--to", d, "--out", str(out / "so.pdf")],
]


@FUZZ
@given(text=DATES, which=st.sampled_from(range(len(DATE_COMMANDS))))
def test_dates_from_year_1_to_9999_are_a_message_or_work(counter_db, tmp_path, text, which):
    argv = DATE_COMMANDS[which](text, tmp_path)
    assert_handled(*command(counter_db, *argv), argv)


NUMERIC_OPTIONS = [
    lambda n: ["search", "nguyen", "--limit", n],
    lambda n: ["list", "--limit", n],
    lambda n: ["list", "--after", n],
    lambda n: ["list", "--status", n],
    lambda n: ["sync-status", "--limit", n],
    lambda n: ["due-date", "--received", "2026-03-02T09:00", "--working-days", n],
    lambda n: ["holidays", "list", "--year", n],
    lambda n: ["setup", "--receipt-copies", n],
    lambda n: ["backup-settings", "--keep-days", n],
    lambda n: ["print", "000.00.24.H12-260302-9999", "--copies", n],  # no such dossier: nothing prints
]


@FUZZ
@given(text=NUMBER_TEXT, which=st.sampled_from(range(len(NUMERIC_OPTIONS))))
def test_every_numeric_option_is_a_message_or_works(counter_db, text, which):
    argv = NUMERIC_OPTIONS[which](text)
    assert_handled(*command(counter_db, *argv), argv)
