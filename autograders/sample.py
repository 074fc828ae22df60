"""The sample class: students described in `sample_class/class.toml`, submissions built from the release."""

import datetime
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from autograders.catalogue import answer_source
from autograders.course import RELEASE, REPO, read_notebook
from autograders.submissions import answer_cells, fill_answers, solution_answers

MANIFEST = Path(__file__).parent / "sample_class" / "class.toml"


@dataclass
class Student:
    id: str
    first_name: str
    last_name: str
    scenario: str
    unanswered: list = field(default_factory=list)
    replace: dict = field(default_factory=dict)
    missing: list = field(default_factory=list)
    raw: dict = field(default_factory=dict)
    days_late: dict = field(default_factory=dict)


@dataclass
class Submission:
    student_id: str
    assignment: str
    notebook: object  # a NotebookNode, or bytes submitted as they are
    submitted_at: datetime.datetime


def load_manifest(path=MANIFEST):
    """(due dates {assignment: datetime}, [Student]) from the class manifest."""
    manifest = tomllib.loads(Path(path).read_text())
    students = [Student(id=student_id, **fields) for student_id, fields in manifest["students"].items()]
    return manifest["duedates"], students


def build_notebook(student, assignment):
    """The notebook `student` hands in for `assignment`."""
    if assignment in student.raw:
        return (REPO / student.raw[assignment]).read_bytes()
    own_cells = set(answer_cells(read_notebook(RELEASE, assignment)))
    answers = {grade_id: source for grade_id, source in solution_answers(assignment).items()
               if grade_id not in student.unanswered}
    for grade_id, spec in student.replace.items():
        if grade_id in own_cells:
            answers[grade_id] = answer_source(assignment, grade_id, spec)
    return fill_answers(assignment, answers)


def sample_submissions(assignments, duedates, students):
    """Every submission of the sample class for `assignments`, in grading order."""
    submissions = []
    for assignment in assignments:
        due = duedates[assignment]
        for student in students:
            if assignment in student.missing:
                continue
            if assignment in student.days_late:
                submitted_at = due + datetime.timedelta(days=student.days_late[assignment], hours=-1)
            else:
                submitted_at = due - datetime.timedelta(days=1)
            submissions.append(Submission(student.id, assignment, build_notebook(student, assignment), submitted_at))
    return submissions
