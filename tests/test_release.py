"""The committed release is exactly what nbgrader generates from solutions/."""

import shutil

import nbformat
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config

from autograders.course import RELEASE, SOLUTIONS, assignment_names


def notebook_files(folder):
    """The files of a release folder, without JupyterLab's checkpoints (`make lab` leaves them there)."""
    return sorted(p.relative_to(folder) for p in folder.rglob("*")
                  if p.is_file() and ".ipynb_checkpoints" not in p.parts)


def generate(root, assignment):
    """`nbgrader generate_assignment <assignment> --force --no-db` (as `make release` runs it), with
    nbgrader's API in this process: solutions/ and notebooks/ under `root`."""
    config = Config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.source_directory = "solutions"
    config.CourseDirectory.release_directory = "notebooks"
    config.GenerateAssignment.no_database = True  # --no-db is these two settings
    config.SaveCells.enabled = False
    result = NbGraderAPI(CourseDirectory(config=config), config=config).generate_assignment(
        assignment, force=True, create=False)
    assert result["success"], result.get("error") or result.get("log")


def test_release_matches_what_nbgrader_generates(tmp_path, assignment):
    shutil.copytree(SOLUTIONS / assignment, tmp_path / "solutions" / assignment)
    generate(tmp_path, assignment)
    generated = tmp_path / "notebooks" / assignment
    committed = RELEASE / assignment
    assert notebook_files(committed) == notebook_files(generated), "run `make release`"
    for relative in notebook_files(generated):
        if relative.suffix == ".ipynb":
            assert nbformat.read(committed / relative, 4) == nbformat.read(generated / relative, 4), (
                f"notebooks/{assignment}/{relative} differs from what nbgrader generates: run `make release`"
            )
        else:
            assert (committed / relative).read_bytes() == (generated / relative).read_bytes()


def test_release_has_an_assignment_for_each_solution():
    assert sorted(p.name for p in RELEASE.iterdir() if p.is_dir()) == assignment_names()


def test_release_hides_solutions_hidden_tests_and_mark_schemes(assignment):
    text = (RELEASE / assignment / f"{assignment}.ipynb").read_text()
    for secret in ["BEGIN SOLUTION", "HIDDEN TESTS", "Mark scheme", "Model answer"]:
        assert secret not in text, f"the release of {assignment} contains {secret!r}"
