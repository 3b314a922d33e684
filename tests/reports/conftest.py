"""The report tests' fixture: the October 2026 scenario of report_scenario.py."""
from __future__ import annotations

import pytest

from tests.reports.report_scenario import build_scenario


@pytest.fixture
def scenario(officer) -> dict[str, str]:
    """The scenario's dossier codes by letter (see report_scenario.py)."""
    return build_scenario(officer)
