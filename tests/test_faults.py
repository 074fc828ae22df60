"""Faults in a submission cost only that student's affected points, with a clear message.

Each fault is graded by the class run's own per-submission step
(`grade_class.grade_submission`: nbgrader autograde, then feedback) in one
course; a good submission graded after all of them still earns every point.
"""

import copy
import re
import time

import nbformat
import pytest

from autograders.course import RELEASE, ScratchCourse, read_notebook
from autograders.grade_class import grade_submission
from autograders.submissions import fill_answers, solution_answers
from support import FIRST as ASSIGNMENT
from support import ON_TIME, full_score, html_to_text, live_html

FULL = full_score(ASSIGNMENT)
SIGMOID_GRAD_ONLY = 2.0  # the sigmoid cell is broken, sigmoid_grad's tests still pass
INJECTED = "<script>document.title = 'nnfs-injected'</script><img src=x onerror=\"document.title = 'nnfs-injected'\">"


def before_sigmoid(code):
    """The reference answers, with `code` run at the top of the sigmoid cell."""
    answers = solution_answers(ASSIGNMENT)
    answers["sigmoid"] = code + "\n" + answers["sigmoid"]
    return fill_answers(ASSIGNMENT, answers)


def after_sigmoid(code):
    """The reference answers, with `code` run at the end of the sigmoid cell."""
    answers = solution_answers(ASSIGNMENT)
    answers["sigmoid"] = answers["sigmoid"] + "\n\n" + code
    return fill_answers(ASSIGNMENT, answers)


def correct():
    return fill_answers(ASSIGNMENT, solution_answers(ASSIGNMENT))


def edit_cells(edit):
    notebook = correct()
    notebook.cells = edit(notebook.cells)
    return notebook


def cell_index(cells, grade_id):
    return next(i for i, cell in enumerate(cells) if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def duplicated(cells):
    i = cell_index(cells, "test_sigmoid_reference")
    twin = copy.deepcopy(cells[i])
    twin.id = "pasted-copy"
    return cells[: i + 1] + [twin] + cells[i + 1:]


def deleted(cells):
    return [cell for i, cell in enumerate(cells) if i != cell_index(cells, "test_sigmoid_grad_shapes")]


def retyped(cells):
    i = cell_index(cells, "sigmoid")
    markdown = nbformat.v4.new_markdown_cell(cells[i].source, metadata=cells[i].metadata)
    markdown.id = cells[i].id
    return cells[:i] + [markdown] + cells[i + 1:]


def html_in_written_answer(cells):
    for cell in cells:
        if cell.cell_type == "markdown" and cell.metadata.get("nbgrader", {}).get("solution"):
            cell.source = "The derivative is s (1 - s). " + INJECTED
    return cells


# name -> (what is submitted, status, autograded points kept, phrase the feedback must contain)
FAULTS = {
    "infinite_loop": (lambda: before_sigmoid("while True:\n    pass"), "graded", SIGMOID_GRAD_ONLY, "Timeout"),
    "huge_allocation": (lambda: before_sigmoid("hog = bytearray(10 ** 13)"), "graded", SIGMOID_GRAD_ONLY, "MemoryError"),
    "sys_exit": (lambda: before_sigmoid("import sys\nsys.exit(3)"), "graded", SIGMOID_GRAD_ONLY, "SystemExit"),
    "os_exit_kills_kernel": (lambda: before_sigmoid("import os\nos._exit(1)"), "failed", 0.0, "kernel died"),
    "syntax_error": (lambda: before_sigmoid("def broken(:\n    pass"), "graded", SIGMOID_GRAD_ONLY, "SyntaxError"),
    "enormous_output": (lambda: before_sigmoid("print('x' * 20_000_000)"), "graded", FULL, "output cut by the grader"),
    "output_flood_after_every_cell": (lambda: before_sigmoid(
        "import sys\nget_ipython().events.register('post_execute', lambda: sys.__stdout__.write('x' * 30_000_000))\n"
        "get_ipython().events.register('pre_execute', lambda: print('y' * 3_000_000))"), "graded", FULL,
        "output cut by the grader"),
    "returns_a_huge_result": (lambda: after_sigmoid(
        "_sigmoid = sigmoid\n\n\ndef sigmoid(x):\n    return np.zeros(5_000_000) if np.array_equal(x, [[1, 2], [-1, -2]]) else _sigmoid(x)"),
        "graded", FULL - 1, "too large to send"),
    "message_over_the_wire_limit": (lambda: before_sigmoid(
        "k = get_ipython().kernel\n"
        "k.session.send(k.shell_stream, 'execute_reply', {'status': 'ok', 'pad': 'x' * (80 * 2**20)},\n"
        "               parent=k.get_parent('shell'), ident=k._parent_ident.get('shell', b''))"),
        "graded", 0.0, "connection to the grader was dropped"),
    "html_in_written_answer": (lambda: edit_cells(html_in_written_answer), "graded", FULL, "The derivative is s"),
    "duplicated_test_cell": (lambda: edit_cells(duplicated), "graded", FULL, "sigmoid matches the reference values"),
    "deleted_test_cell": (lambda: edit_cells(deleted), "graded", FULL, "added back by nbgrader"),
    "answer_cell_made_markdown": (lambda: edit_cells(retyped), "graded", FULL, "sigmoid_grad matches the reference values"),
    "not_json": (lambda: nbformat.writes(read_notebook(RELEASE, ASSIGNMENT))[:5000], "failed", 0.0, "not a notebook nbgrader can read"),
    "renamed_notebook": (None, "failed", 0.0, "must keep its name"),
}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = ScratchCourse(tmp_path_factory.mktemp("faults"), cell_timeout=10)
    course.add_assignment(ASSIGNMENT)
    return course


def submit(course, name):
    build = FAULTS[name][0]
    if build is None:  # renamed: the right notebook under another name
        course.submit(name, ASSIGNMENT, correct(), ON_TIME)
        folder = course.root / "submitted" / name / ASSIGNMENT
        (folder / f"{ASSIGNMENT}.ipynb").rename(folder / f"{ASSIGNMENT} (1).ipynb")
    else:
        course.submit(name, ASSIGNMENT, build(), ON_TIME)


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_fault_is_contained(course, name, record_property):
    _, status, points, phrase = FAULTS[name]
    submit(course, name)
    outcome = grade_submission(course, ASSIGNMENT, name)
    feedback = html_to_text(course.feedback_path(ASSIGNMENT, name).read_text())
    contained = outcome.status == status and outcome.score == points and re.search(phrase, feedback, re.I)
    record_property("trust", ("faults", int(bool(contained)), 1))
    assert outcome.status == status, outcome.message
    assert outcome.score == points
    assert re.search(phrase, feedback, re.I), f"the feedback does not say {phrase!r}"
    assert not live_html(course.feedback_path(ASSIGNMENT, name).read_text())


def test_a_submission_that_slows_every_cell_costs_it_at_most_its_budget(tmp_path):
    """A hook sleeps before every later cell, each under the cell limit: the notebook's budget stops it."""
    course = ScratchCourse(tmp_path, cell_timeout=10, submission_timeout=30)
    course.add_assignment(ASSIGNMENT)
    course.submit("slow", ASSIGNMENT, before_sigmoid(
        "import time\nget_ipython().events.register('pre_execute', lambda: time.sleep(8))"), ON_TIME)
    started = time.monotonic()
    outcome = grade_submission(course, ASSIGNMENT, "slow")
    assert time.monotonic() - started < 30 + 30  # its budget, plus nbgrader's own work and feedback
    assert outcome.status == "graded" and outcome.score < FULL
    feedback = html_to_text(course.feedback_path(ASSIGNMENT, "slow").read_text())
    assert "time budget of 30 s for the whole notebook" in feedback


def test_a_good_submission_after_the_faults_earns_every_point(course):
    course.submit("good", ASSIGNMENT, correct(), ON_TIME)
    outcome = grade_submission(course, ASSIGNMENT, "good")
    assert (outcome.status, outcome.score) == ("graded", FULL)
