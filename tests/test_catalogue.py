"""Test the tests: every catalogue answer, autograded by nbgrader, one pytest item each.

A submission is the release with the reference answers in every answer cell but
one, which holds a catalogue answer (tests/catalogue/README.md). To save gradings,
correct answers of one rank share a submission, and so do wrong answers of different
answer cells that keep test cells of their own (autograders.catalogue.wrong_rounds);
whatever such a round cannot tell for an answer is graded with that answer alone.
"""

import os

import pytest

from autograders.catalogue import CATALOGUE, answers, failures_in_round, generic_tricks, wrong_rounds
from autograders.course import RELEASE, SOLUTIONS, assignment_names, read_notebook
from autograders.submissions import answer_cells, autograder_test_cells, fill_answers, solution_answers
from support import assignments_under_test, live_html, reference_with

MINIMUM = {"correct": 2, "wrong": 3, "tricks": 1}  # per graded name
# The tricks of tricks/any/ act on the kernel, whatever the notebook: they are graded on notebooks
# whose tests call functions (01), hand callables to student code (03) and use student objects
# (05, 10), or on every notebook named in $ASSIGNMENTS.
GENERIC_TRICKS_ON = {"01_sigmoid", "03_gradcheck", "05_moons", "10_deep_bsde"}


def catalogue_items(kind):
    return [pytest.param(a, answer, id=f"{a}:{answer.label}") for a in assignments_under_test() for answer in answers(kind, a)]


def generic_items():
    chosen = [a for a in assignments_under_test() if a in GENERIC_TRICKS_ON or os.environ.get("ASSIGNMENTS")]
    return [pytest.param(a, trick, id=f"{a}:{trick.label}") for a in chosen for trick in generic_tricks()]


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


def assert_no_hidden_tests(assignment, text):
    leaked = [line for line in hidden_test_lines(assignment) if line in text]
    assert not leaked, f"the feedback shows hidden-test source: {leaked[:2]}"


def assert_feedback_is_safe(assignment, graded):
    assert graded.feedback_html, "graded without its feedback page"
    assert_no_hidden_tests(assignment, graded.feedback)
    live = live_html(graded.feedback_html)
    assert not live, f"the feedback page holds live HTML from the submission: {live[:2]}"


def stubs(assignment):
    return {grade_id: cell.source for grade_id, cell in answer_cells(read_notebook(RELEASE, assignment)).items()}


def all_wrong(assignment):
    """The release with every graded name's first catalogue mistake: the generic tricks' baseline."""
    first = {}
    for answer in answers("wrong", assignment):
        first.setdefault(answer.grade_id, answer.source)
    return first


@pytest.mark.parametrize("kind", sorted(MINIMUM))
def test_catalogue_is_complete(assignment, kind):
    found = {grade_id: 0 for grade_id in solution_answers(assignment)}
    for answer in answers(kind, assignment):
        found[answer.grade_id] += 1
    short = {grade_id: n for grade_id, n in found.items() if n < MINIMUM[kind]}
    assert not short, f"{kind} answers fewer than {MINIMUM[kind]}: {short}"


def test_solutions_earn_every_point(grader, assignment):
    graded = grader.grade(assignment, "reference", reference_with(assignment))
    assert graded.total == graded.max_total > 0, f"lost points in {graded.failed_cells}:\n{graded.feedback[-1500:]}"


def test_release_earns_nothing(grader, assignment):
    graded = grader.grade(assignment, "unchanged", read_notebook(RELEASE, assignment), feedback=False)
    assert graded.total == 0, f"the stubs earned points in {set(graded.scores) - graded.failed_cells}"


def correct_round(assignment, answer):
    """The reference with the correct answers of `answer`'s rank: the k-th of every graded name, `answer` among them."""
    ranked = {}
    for other in answers("correct", assignment):
        ranked.setdefault(other.grade_id, []).append(other)
    rank = ranked[answer.grade_id].index(answer)
    return reference_with(assignment, **{grade_id: found[rank].source for grade_id, found in ranked.items()
                                         if rank < len(found)})


@pytest.mark.parametrize("assignment, answer", catalogue_items("correct"))
def test_correct_answer_earns_every_point(grader, assignment, answer, record_property):
    """Correct answers of one rank are graded in one submission; if it loses a point, each is graded alone."""
    graded = grader.grade(assignment, "correct", correct_round(assignment, answer), feedback=False)
    if graded.total < graded.max_total:
        graded = grader.grade(assignment, "correct", reference_with(assignment, **{answer.grade_id: answer.source}),
                              feedback=False)
    record_property("trust", ("correct", int(graded.total == graded.max_total), 1))
    assert graded.total == graded.max_total, (
        f"{answer.label} ({answer.description}) lost points in {sorted(graded.failed_cells)}:\n{graded.feedback[-1500:]}")


def stub_reach(grader, assignment, grade_id):
    """The test cells that fail when answer cell `grade_id` holds its stub and every other the reference."""
    submission = reference_with(assignment, **{grade_id: stubs(assignment)[grade_id]})
    return grader.grade(assignment, "stub", submission, feedback=False).failed_cells


_rounds = {}


def rounds_and_reaches(grader, assignment):
    """The wrong answers' rounds (autograders.catalogue.wrong_rounds) and the reaches they rest on."""
    if assignment not in _rounds:
        wrong = answers("wrong", assignment)
        cells = sorted({answer.grade_id for answer in wrong})
        # xdist workers start at different stubs instead of waiting for each other's locks
        worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0")[2:])
        workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
        start = worker * len(cells) // workers
        cells = cells[start:] + cells[:start]
        reaches = {grade_id: stub_reach(grader, assignment, grade_id) for grade_id in cells} if len(cells) > 1 else {}
        _rounds[assignment] = wrong_rounds(wrong, reaches), reaches
    return _rounds[assignment]


def wrong_verdict(grader, assignment, answer):
    """(test cells failed, what they output, the whole graded text) for a wrong answer:
    from its round where the round can tell (autograders.catalogue.failures_in_round), else graded alone."""
    rounds, reaches = rounds_and_reaches(grader, assignment)
    group = next(group for group in rounds if group.get(answer.grade_id) == answer)
    if len(group) > 1:
        graded = grader.grade(assignment, "wrong", reference_with(assignment, **{g: a.source for g, a in group.items()}),
                              feedback=False)
        found = failures_in_round(answer, group, reaches, graded.failed_cells, graded.outputs)
        if found:
            return (*found, graded.feedback)
    graded = grader.grade(assignment, "wrong", reference_with(assignment, **{answer.grade_id: answer.source}),
                          feedback=False)
    return graded.failed_cells, graded.feedback, graded.feedback


@pytest.mark.parametrize("assignment, answer", catalogue_items("wrong"))
def test_wrong_answer_loses_points_and_is_named(grader, assignment, answer, record_property):
    """The test cells' outputs (what the feedback page shows) name the mistake and show no hidden test."""
    failed, said, text = wrong_verdict(grader, assignment, answer)
    caught = bool(failed) and answer.feedback in said
    record_property("trust", ("wrong", int(caught), 1))
    assert failed, f"{answer.label} ({answer.description}) earned every point"
    assert answer.feedback in said, f"the feedback for {answer.label} does not say {answer.feedback!r}"
    assert_no_hidden_tests(assignment, text)


def test_every_test_cell_fails_on_some_mistake(grader, assignment):
    failed = set().union(*(wrong_verdict(grader, assignment, answer)[0] for answer in answers("wrong", assignment)))
    never = set(autograder_test_cells(assignment)) - failed - manually_graded(assignment)
    assert not never, f"no catalogue mistake makes these test cells fail: {sorted(never)}"


def manually_graded(assignment):
    return {cell.metadata["nbgrader"]["grade_id"] for cell in read_notebook(SOLUTIONS, assignment).cells
            if cell.metadata.get("nbgrader", {}).get("solution") and cell.metadata["nbgrader"].get("grade")}


@pytest.mark.parametrize("assignment, trick", catalogue_items("tricks"))
def test_trick_earns_no_more_than_the_stub(grader, assignment, trick, record_property):
    baseline = grader.grade(assignment, "unchanged", read_notebook(RELEASE, assignment), feedback=False)
    graded = grader.grade(assignment, "trick", fill_answers(assignment, {**stubs(assignment), trick.grade_id: trick.source}))
    record_property("trust", ("tricks", int(graded.total <= baseline.total), 1))
    assert graded.total <= baseline.total, (
        f"{trick.label} ({trick.description}) gained points in {sorted(baseline.failed_cells - graded.failed_cells)}")
    assert_feedback_is_safe(assignment, graded)


@pytest.mark.parametrize("assignment, trick", generic_items())
def test_generic_trick_earns_no_more_than_the_mistakes_alone(grader, assignment, trick, record_property):
    """A trick of tricks/any/, in front of the first answer cell of a notebook whose every answer is wrong."""
    wrong = all_wrong(assignment)
    first = next(iter(solution_answers(assignment)))
    baseline = grader.grade(assignment, "all-wrong", reference_with(assignment, **wrong), feedback=False)
    tricked = {**wrong, first: trick.source + "\n\n" + wrong.get(first, stubs(assignment)[first])}
    graded = grader.grade(assignment, "trick", reference_with(assignment, **tricked))
    record_property("trust", ("tricks", int(graded.total <= baseline.total), 1))
    assert graded.total <= baseline.total, (
        f"{trick.label} ({trick.description}) gained points in {sorted(baseline.failed_cells - graded.failed_cells)}")
    assert_feedback_is_safe(assignment, graded)


@pytest.mark.parametrize("kind", sorted(MINIMUM))
def test_catalogue_answers_name_real_answer_cells(kind):
    cells = {grade_id for a in assignment_names() for grade_id in answer_cells(read_notebook(RELEASE, a))}
    names = {p.stem for p in (CATALOGUE / kind).iterdir()} - {"any"}
    assert names <= cells, f"catalogue entries without an answer cell: {sorted(names - cells)}"
