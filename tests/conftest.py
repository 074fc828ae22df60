"""Shared fixtures: a real nbgrader course to autograde submissions in.

Grading results are kept for the whole test session, in a folder every pytest-xdist
worker shares: a submission graded by one test is not graded again by another.
A test that needs only the scores and what the test cells printed grades without
the feedback page (`feedback=False`); the page costs a second nbconvert pass.
"""

import fcntl
import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import nbformat
import pytest

from autograders.course import REPO, ScratchCourse
from autograders.grade_class import grade_submission
from autograders.submissions import autograder_test_cells
from support import ON_TIME, html_to_text, assignments_under_test

# A change to any of these is a change to what grading gives.
GRADING_CODE = sorted([*REPO.glob("autograders/*.py"), *REPO.glob("nnfs/*.py")])


@dataclass
class Graded:
    """What nbgrader gave one submission: per test cell, and the feedback text."""

    scores: dict  # test cell grade_id -> points earned
    max_scores: dict  # test cell grade_id -> points available
    feedback: str  # the feedback page as plain text, or (feedback=False) the outputs of the graded notebook
    feedback_html: str  # the feedback page as served ("" with feedback=False)
    outputs: dict  # test cell grade_id -> what it output in the graded notebook ("" if not graded)

    @property
    def total(self):
        return sum(self.scores.values())

    @property
    def max_total(self):
        return sum(self.max_scores.values())

    @property
    def failed_cells(self):
        return {cell for cell, score in self.scores.items() if score < self.max_scores[cell]}


class Grader:
    """Autogrades notebooks as submissions of made-up students, with nbgrader's API."""

    def __init__(self, root, results):
        self.course = ScratchCourse(root)
        self.results = results
        self.generated = set()
        self.code = hashlib.sha256(b"".join(p.read_bytes() for p in GRADING_CODE)).hexdigest()

    def grade(self, assignment, student_id, notebook, feedback=True):
        """Grade as the class run does; a submission nbgrader cannot grade scores 0 everywhere.

        feedback=False: nbgrader's autograde only, and `feedback` is what the graded notebook's cells output.
        """
        key = hashlib.sha256(f"{self.code}{assignment}{feedback}{nbformat.writes(notebook)}".encode()).hexdigest()
        cached = self.results / f"{key}.json"
        with open(self.results / f"{key}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another worker grading the same submission: wait for its result
            if not cached.exists():
                cached.write_text(json.dumps(asdict(self._grade(assignment, student_id, notebook, feedback))))
        return Graded(**json.loads(cached.read_text()))

    def _grade(self, assignment, student_id, notebook, feedback):
        if assignment not in self.generated:
            self.course.add_assignment(assignment)
            self.generated.add(assignment)
        self.course.submit(student_id, assignment, notebook, ON_TIME)
        if feedback:
            graded = grade_submission(self.course, assignment, student_id).status == "graded"
            page = self.course.feedback_path(assignment, student_id).read_text()
            text = html_to_text(page)
        else:
            graded = self.course.autograde(assignment, student_id)["success"]
            page = text = ""
        points = autograder_test_cells(assignment)
        scores, outputs = dict.fromkeys(points, 0.0), dict.fromkeys(points, "")
        if graded:
            scores = {cell: score for cell, (score, _) in self.course.cell_scores(assignment, student_id).items()}
            cells = nbformat.read(self.course.autograded_path(assignment, student_id), as_version=4).cells
            outputs.update((cell.metadata["nbgrader"]["grade_id"], output_text(cell)) for cell in cells
                           if cell.metadata.get("nbgrader", {}).get("grade_id") in points)
            if not feedback:
                text = "\n".join(output_text(cell) for cell in cells)
        return Graded({cell: scores[cell] for cell in points}, points, text, page, outputs)


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def output_text(cell):
    """What one cell of an autograded notebook output, as plain text (what the feedback page shows of it)."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type == "error":
            parts += [output.ename, output.evalue, *output.traceback]
        else:
            parts.append(str(output.get("data", {}).get("text/plain", "")))
    return ANSI.sub("", "\n".join(parts))


@pytest.fixture(scope="session")
def grader(tmp_path_factory, worker_id):
    # With xdist, getbasetemp() is per worker; its parent is shared by the session's workers.
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    results = Path(shared) / "graded"
    results.mkdir(exist_ok=True)
    return Grader(tmp_path_factory.mktemp("course"), results)


def pytest_generate_tests(metafunc):
    """Every test with an `assignment` argument runs for each assignment, unless it chooses its own."""
    chosen = {name.strip() for marker in metafunc.definition.iter_markers("parametrize")
              for name in (marker.args[0].split(",") if isinstance(marker.args[0], str) else marker.args[0])}
    if "assignment" in metafunc.fixturenames and "assignment" not in chosen:
        metafunc.parametrize("assignment", assignments_under_test())


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
