"""The late penalty, and the one-line reasons a student reads when a notebook cannot be graded."""

import pytest

from autograders.grade_class import failure_reason
from autograders.late_penalty import TenPercentPerDayLate

DAY = 86400


@pytest.mark.parametrize("seconds_late, penalty", [(1, 1.0), (DAY, 1.0), (DAY + 1, 2.0), (9 * DAY + 5, 10.0),
                                                   (30 * DAY, 10.0)])
def test_ten_percent_per_started_day_down_to_zero(seconds_late, penalty):
    assert TenPercentPerDayLate().late_submission_penalty("s", 10.0, seconds_late) == penalty


@pytest.mark.parametrize("log, says", [
    ("nbclient.exceptions.DeadKernelError: Kernel died", "kernel died"),
    ("nbformat.reader.NotJSONError: Notebook does not appear to be JSON", "not a notebook"),
    ("nbgrader.nbgraderformat.common.SchemaTooOldError: Notebook", "metadata of a cell"),
    ("ValueError: something odd", "ValueError: something odd"),
    ("nothing recognisable", "could not autograde"),
])
def test_failure_reasons_name_the_cause(log, says):
    assert says in failure_reason({"log": log, "error": ""})
