"""Build submissions from the release: the stubs with some answer cells filled in.

Submissions are never hand-edited notebooks: each is the current release with
chosen answer cells replaced, so they follow every change to `solutions/`.
"""

import copy

from autograders.course import RELEASE, SOLUTIONS, read_notebook


def answer_cells(notebook):
    """{grade_id: cell} of the cells students write in (nbgrader solution cells)."""
    return {
        cell.metadata["nbgrader"]["grade_id"]: cell
        for cell in notebook.cells
        if cell.metadata.get("nbgrader", {}).get("solution")
    }


def solution_answers(assignment):
    """{grade_id: source} of the reference solutions' code answer cells."""
    return {
        grade_id: cell.source
        for grade_id, cell in answer_cells(read_notebook(SOLUTIONS, assignment)).items()
        if cell.cell_type == "code"
    }


def fill_answers(assignment, answers):
    """The release notebook of `assignment` with answer cells replaced.

    - answers: {grade_id: source}; every grade_id must be an answer cell here
    """
    notebook = copy.deepcopy(read_notebook(RELEASE, assignment))
    cells = answer_cells(notebook)
    unknown = set(answers) - set(cells)
    if unknown:
        raise KeyError(f"{assignment} has no answer cells {sorted(unknown)}; it has {sorted(cells)}")
    for grade_id, source in answers.items():
        cells[grade_id].source = source
    return notebook


def autograder_test_cells(assignment):
    """{grade_id: points} of the autograder test cells (graded, not written by students)."""
    return {
        cell.metadata["nbgrader"]["grade_id"]: cell.metadata["nbgrader"]["points"]
        for cell in read_notebook(SOLUTIONS, assignment).cells
        if cell.metadata.get("nbgrader", {}).get("grade") and not cell.metadata["nbgrader"].get("solution")
    }
