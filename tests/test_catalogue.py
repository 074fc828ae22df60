"""Test the tests: the catalogue of answers, autograded by nbgrader.

Every submission here is the release with the reference solutions in every
answer cell but one, which holds a catalogue answer (tests/catalogue/README.md).
"""

from pathlib import Path

import pytest

from autograders.submissions import answer_cells, fill_answers, solution_answers, autograder_test_cells
from autograders.course import RELEASE, SOLUTIONS, read_notebook

CATALOGUE = Path(__file__).parent / "catalogue"
MINIMUM = {"correct": 3, "wrong": 6, "tricks": 1}


def graded_functions(assignment):
    """grade_ids of the code answer cells of `assignment`."""
    return sorted(solution_answers(assignment))


def entries(kind, assignment):
    """[(grade_id, path)] of the catalogue answers of one kind for `assignment`."""
    return [
        (grade_id, path)
        for grade_id in graded_functions(assignment)
        for path in sorted((CATALOGUE / kind / grade_id).glob("*.py"))
    ]


def header(path, label):
    """The text after `# <label>:` on one of the file's first lines."""
    for line in path.read_text().splitlines()[:3]:
        if line.startswith(f"# {label}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"{path} has no '# {label}:' line")


def hidden_test_lines(assignment):
    """Distinctive hidden-test source lines that students never see (must never reach feedback)."""
    release_text = "\n".join(cell.source for cell in read_notebook(RELEASE, assignment).cells)
    hidden_lines, hidden = set(), False
    for cell in read_notebook(SOLUTIONS, assignment).cells:
        for line in cell.source.splitlines():
            if "BEGIN HIDDEN TESTS" in line or "END HIDDEN TESTS" in line:
                hidden = "BEGIN" in line
            elif hidden and len(line.strip()) > 25:
                hidden_lines.add(line.strip())
    return {line for line in hidden_lines if line not in release_text}


def with_answer(assignment, grade_id, source):
    answers = solution_answers(assignment)
    answers[grade_id] = source
    return fill_answers(assignment, answers)


def student_id(kind, grade_id, path):
    return f"{kind}-{grade_id}-{path.stem}"


def test_catalogue_is_complete(assignment):
    for grade_id in graded_functions(assignment):
        for kind, minimum in MINIMUM.items():
            found = list((CATALOGUE / kind / grade_id).glob("*.py"))
            assert len(found) >= minimum, f"{kind}/{grade_id} has {len(found)} answers, needs {minimum}"


def test_solutions_earn_every_point(grader, assignment):
    graded = grader.grade(assignment, "reference", fill_answers(assignment, solution_answers(assignment)))
    assert graded.total == graded.max_total > 0, f"lost points in {graded.failed_cells}"


def test_release_earns_nothing(grader, assignment):
    graded = grader.grade(assignment, "unchanged", read_notebook(RELEASE, assignment))
    assert graded.total == 0, f"the stubs earned points in {set(graded.scores) - graded.failed_cells}"


def test_correct_answers_earn_every_point(grader, assignment, record_property):
    failures = []
    found = entries("correct", assignment)
    for grade_id, path in found:
        graded = grader.grade(assignment, student_id("correct", grade_id, path),
                              with_answer(assignment, grade_id, path.read_text()))
        if graded.total != graded.max_total:
            failures.append(f"{path.relative_to(CATALOGUE)} lost points in {sorted(graded.failed_cells)}:\n{graded.feedback[-1500:]}")
    record_property("trust", ("correct", len(found) - len(failures), len(found)))
    assert not failures, "\n\n".join(failures)


def test_wrong_answers_lose_points_and_every_test_cell_can_fail(grader, assignment, record_property):
    failures, failed_somewhere = [], set()
    secret_lines = hidden_test_lines(assignment)
    found = entries("wrong", assignment)
    for grade_id, path in found:
        graded = grader.grade(assignment, student_id("wrong", grade_id, path),
                              with_answer(assignment, grade_id, path.read_text()))
        failed_somewhere |= graded.failed_cells
        leaked = [line for line in secret_lines if line in graded.feedback]
        if leaked:
            failures.append(f"feedback for {path.relative_to(CATALOGUE)} shows hidden-test source: {leaked[:2]}")
        if not graded.failed_cells:
            failures.append(f"{path.relative_to(CATALOGUE)} ({header(path, 'Mistake')}) earned every point")
        elif header(path, "Feedback") not in graded.feedback:
            failures.append(f"feedback for {path.relative_to(CATALOGUE)} does not say {header(path, 'Feedback')!r}")
    never_failed = set(autograder_test_cells(assignment)) - failed_somewhere
    record_property("trust", ("wrong", len(found) - len(failures), len(found)))
    assert not failures, "\n".join(failures)
    assert not never_failed, f"no wrong answer makes these test cells fail: {sorted(never_failed)}"


def trick_submissions(assignment):
    """[(label, trick source, its baseline source, grade_id)] for `assignment`.

    A trick written for one function is compared with the release's stub; a
    generic trick (tricks/any/) is put in front of each function's first wrong
    answer and compared with that wrong answer alone.
    """
    stubs = {grade_id: cell.source for grade_id, cell in answer_cells(read_notebook(RELEASE, assignment)).items()}
    found = [(path, path.read_text(), stubs[grade_id], grade_id) for grade_id, path in entries("tricks", assignment)]
    for grade_id in graded_functions(assignment):
        wrong = sorted((CATALOGUE / "wrong" / grade_id).glob("*.py"))[0].read_text()
        found += [(path, path.read_text() + "\n\n" + wrong, wrong, grade_id)
                  for path in sorted((CATALOGUE / "tricks" / "any").glob("*.py"))]
    return found


def test_tricks_earn_nothing(grader, assignment, record_property):
    failures = []
    found = trick_submissions(assignment)
    for number, (path, trick, baseline_source, grade_id) in enumerate(found):
        baseline = grader.grade(assignment, f"baseline-{number}", with_answer(assignment, grade_id, baseline_source))
        graded = grader.grade(assignment, f"trick-{number}", with_answer(assignment, grade_id, trick))
        if graded.total > baseline.total:
            gained = sorted(graded.failed_cells ^ baseline.failed_cells)
            failures.append(f"{path.relative_to(CATALOGUE)} on {grade_id} ({header(path, 'Trick')}) gained points in {gained}")
    record_property("trust", ("tricks", len(found) - len(failures), len(found)))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("kind", sorted(MINIMUM))
def test_catalogue_answers_name_real_answer_cells(kind):
    cells = {grade_id for a in (p.name for p in RELEASE.iterdir() if p.is_dir())
             for grade_id in answer_cells(read_notebook(RELEASE, a))}
    folders = {p.name for p in (CATALOGUE / kind).iterdir() if p.is_dir()} - {"any"}
    assert folders <= cells, f"catalogue folders without an answer cell: {sorted(folders - cells)}"
