"""Shared fixtures: a real nbgrader course to autograde submissions in."""

import datetime
import html
import re
from dataclasses import dataclass

import nbformat
import pytest

from autograders.course import ScratchCourse, assignment_names
from autograders.grade_class import grade_submission
from autograders.submissions import autograder_test_cells

ON_TIME = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)


@dataclass
class Graded:
    """What nbgrader gave one submission: per test cell, and the feedback text."""

    scores: dict  # test cell grade_id -> points earned
    max_scores: dict  # test cell grade_id -> points available
    feedback: str  # the feedback page as plain text

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
        # 15 s per cell: far above any test cell's needs, and a hung kernel fails sooner.
        self.course = ScratchCourse(root, cell_timeout=15)
        self.generated = set()
        self.graded = {}  # (assignment, notebook JSON) -> Graded: the same submission is graded once

    def grade(self, assignment, student_id, notebook):
        """Grade as the class run does; a submission nbgrader cannot grade scores 0 everywhere."""
        key = (assignment, nbformat.writes(notebook))
        if key not in self.graded:
            self.graded[key] = self._grade(assignment, student_id, notebook)
        return self.graded[key]

    def _grade(self, assignment, student_id, notebook):
        if assignment not in self.generated:
            self.course.add_assignment(assignment)
            self.generated.add(assignment)
        self.course.submit(student_id, assignment, notebook, ON_TIME)
        outcome = grade_submission(self.course, assignment, student_id)
        points = autograder_test_cells(assignment)
        if outcome.status == "graded":
            scores = {cell: score for cell, (score, _) in self.course.cell_scores(assignment, student_id).items()}
        else:
            scores = dict.fromkeys(points, 0.0)
        text = html_to_text(self.course.feedback_path(assignment, student_id).read_text())
        return Graded({cell: scores[cell] for cell in points}, points, text)


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
