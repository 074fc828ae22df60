"""Shared fixtures: a real nbgrader course to autograde submissions in."""

import datetime
import html
import re
from dataclasses import dataclass

import pytest

from autograders.course import ScratchCourse, assignment_names
from autograders.submissions import autograder_test_cells

ON_TIME = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)


@dataclass
class Graded:
    """What nbgrader gave one submission: per test cell, and the feedback text."""

    scores: dict  # test cell grade_id -> points earned
    max_scores: dict  # test cell grade_id -> points available
    feedback: str  # feedback HTML turned to plain text ("" unless asked for)

    @property
    def total(self):
        return sum(self.scores.values())

    @property
    def max_total(self):
        return sum(self.max_scores.values())

    @property
    def failed_cells(self):
        return {cell for cell, score in self.scores.items() if score < self.max_scores[cell]}


def html_to_text(page):
    return html.unescape(re.sub(r"<[^>]+>", "", page))


class Grader:
    """Autogrades notebooks as submissions of made-up students, with nbgrader's API."""

    def __init__(self, root):
        self.course = ScratchCourse(root)
        self.generated = set()

    def grade(self, assignment, student_id, notebook, feedback=False):
        if assignment not in self.generated:
            self.course.add_assignment(assignment)
            self.generated.add(assignment)
        self.course.submit(student_id, assignment, notebook, ON_TIME)
        result = self.course.autograde(assignment, student_id)
        assert result["success"], f"nbgrader autograde failed for {student_id}:\n{result.get('error')}"
        text = ""
        if feedback:
            result = self.course.generate_feedback(assignment, student_id)
            assert result["success"], f"generate_feedback failed for {student_id}:\n{result.get('error')}"
            text = html_to_text(self.course.feedback_path(assignment, student_id).read_text())
        points = autograder_test_cells(assignment)
        scores = self.course.cell_scores(assignment, student_id)
        return Graded({cell: scores[cell][0] for cell in points}, points, text)


@pytest.fixture(scope="session")
def grader(tmp_path_factory):
    return Grader(tmp_path_factory.mktemp("course"))


def pytest_generate_tests(metafunc):
    if "assignment" in metafunc.fixturenames:
        metafunc.parametrize("assignment", assignment_names())


# The trust table (issue: grading that can be trusted). Tests record
# ("trust", (kind, passed, total)) with record_property; the controller adds them up.
TRUST_ROWS = {"correct": "correct answers accepted", "wrong": "mistakes caught",
              "tricks": "tricks caught", "faults": "faults contained"}
_trust = {kind: [0, 0] for kind in TRUST_ROWS}


def pytest_runtest_logreport(report):
    if report.when == "call":
        for name, value in report.user_properties:
            if name == "trust":
                kind, passed, total = value
                _trust[kind][0] += passed
                _trust[kind][1] += total


def pytest_terminal_summary(terminalreporter):
    if any(total for _, total in _trust.values()):
        terminalreporter.section("trust: nbgrader autograding of the catalogues and faults")
        for kind, label in TRUST_ROWS.items():
            passed, total = _trust[kind]
            terminalreporter.write_line(f"{label:<26} {passed}/{total}")
