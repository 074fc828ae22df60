"""Catalogue mistakes are edits of the reference answer, and say so loudly when they no longer apply."""

import pytest

from autograders.catalogue import CatalogueError, answers, apply_edits, reference_answer


def test_an_edit_replaces_text_that_occurs_exactly_once():
    assert apply_edits("a = 1\nb = 2\n", [["b = 2", "b = 3"]], "here") == "a = 1\nb = 3\n"


@pytest.mark.parametrize("source, pair", [("a = 1\n", ["b = 2", "b = 3"]), ("x\nx\n", ["x", "y"])])
def test_an_edit_that_does_not_apply_once_fails_loudly(source, pair):
    with pytest.raises(CatalogueError, match="update the entry"):
        apply_edits(source, [pair], "wrong/f.toml [name]")


def test_malformed_edits_are_refused():
    with pytest.raises(CatalogueError, match="pair"):
        apply_edits("a", [["a"]], "here")


def test_the_reference_answer_has_no_solution_markers():
    assert "### BEGIN SOLUTION" not in reference_answer("01_sigmoid", "sigmoid")


def test_every_catalogue_entry_applies_and_changes_the_answer(assignment):
    for answer in answers("wrong", assignment):
        assert answer.source != reference_answer(assignment, answer.grade_id), answer.label
        assert answer.feedback, f"{answer.label} names no feedback phrase"
        compile(answer.source, answer.label, "exec")
    for kind in ("correct", "tricks"):
        for answer in answers(kind, assignment):
            assert answer.description, answer.label
