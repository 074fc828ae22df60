"""The class run (`make demo`): nbgrader grades the sample class end to end."""

import csv
import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograders import grade_class
from autograders.course import RELEASE, REPO, ScratchCourse, assignment_names, read_notebook, utc_timestamp
from autograders.sample import load_manifest
from autograders.submissions import answer_cells, fill_answers, solution_answers
from support import FIRST as ASSIGNMENT
from support import full_score

FULL = full_score(ASSIGNMENT)


def read_grades(path):
    with open(path) as f:
        return {row["student_id"]: row for row in csv.DictReader(f)}


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    course_dir = tmp_path_factory.mktemp("demo")
    assert grade_class.main(["--sample", "--course-dir", str(course_dir), "--assignment", ASSIGNMENT]) == 0
    return course_dir, read_grades(course_dir / "grades.csv")


def test_every_sample_student_gets_a_grade_row(sample_run):
    _, grades = sample_run
    _, students = load_manifest()
    assert len(students) >= 6
    assert set(grades) == {s.id for s in students}


def test_sample_scenarios_are_graded_as_described(sample_run):
    course_dir, grades = sample_run
    score = {student: float(row["score"]) for student, row in grades.items()}
    assert score["ada"] == score["gia"] == FULL  # every autograded point; written answer awaits manual grading
    assert 0 < score["ben"] < score["ada"]
    assert score["cleo"] == 0.0
    assert score["dan"] == 0.0 and grades["dan"]["timestamp"] == ""
    assert 0 < score["eve"] < score["ada"]  # sigmoid raised at import, sigmoid_grad still earns its points
    assert float(grades["finn"]["late_submission_penalty"]) > 0
    assert float(grades["finn"]["raw_score"]) == score["ada"]
    assert score["finn"] < score["ada"]
    assert 0 < score["hal"] < score["ada"]  # the looping cell timed out, the rest was graded
    assert score["mal"] == 0.0  # tricks earn nothing, side by side with honest students
    assert score["ivy"] == 0.0 and "not a notebook" in (course_dir / "feedback" / "ivy" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()


def test_outputs_are_written_in_the_course_directory(sample_run):
    course_dir, grades = sample_run
    assert (course_dir / "score_distribution.png").stat().st_size > 0
    for student in set(grades) - {"dan"}:
        assert (course_dir / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html").is_file()


def test_a_second_run_gives_identical_grades_and_keeps_manual_grades(sample_run):
    course_dir, grades = sample_run
    with ScratchCourse(course_dir).gradebook() as gb:
        gb.find_grade("sigmoid_derivative", ASSIGNMENT, ASSIGNMENT, "ada").manual_score = 2
        gb.db.commit()
    assert grade_class.main(["--sample", "--course-dir", str(course_dir), "--assignment", ASSIGNMENT]) == 0
    regraded = read_grades(course_dir / "grades.csv")
    assert float(regraded["ada"]["score"]) == float(grades["ada"]["score"]) + 2
    del regraded["ada"], grades["ada"]
    assert regraded == grades


def test_a_broken_notebook_costs_only_its_student(tmp_path, capsys):
    submitted = tmp_path / "submitted"
    (submitted / "good" / ASSIGNMENT).mkdir(parents=True)
    (submitted / "broken" / ASSIGNMENT).mkdir(parents=True)
    nbformat.write(fill_answers(ASSIGNMENT, solution_answers(ASSIGNMENT)),
                   submitted / "good" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    text = nbformat.writes(read_notebook(RELEASE, ASSIGNMENT))
    (submitted / "broken" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").write_text(text[: len(text) // 2])
    course_dir = tmp_path / "course"
    assert grade_class.main(["--submitted", str(submitted), "--course-dir", str(course_dir), "--assignment", ASSIGNMENT]) == 0
    grades = read_grades(course_dir / "grades.csv")
    assert float(grades["good"]["score"]) == FULL
    assert float(grades["broken"]["score"]) == 0.0
    assert "NotJSONError" in capsys.readouterr().out
    feedback = (course_dir / "feedback" / "broken" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert "could not be autograded" in feedback and "NotJSONError" in feedback


def test_a_due_date_set_in_the_gradebook_survives_a_regrade(tmp_path):
    """As the README says: grade, set the due date with `nbgrader db assignment add`, grade again."""
    submitted = tmp_path / "submitted" / "late" / ASSIGNMENT
    submitted.mkdir(parents=True)
    nbformat.write(fill_answers(ASSIGNMENT, solution_answers(ASSIGNMENT)), submitted / f"{ASSIGNMENT}.ipynb")
    due = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.timezone.utc)
    (submitted / "timestamp.txt").write_text(utc_timestamp(due + datetime.timedelta(days=4.5)))
    course_dir = tmp_path / "course"
    run = ["--submitted", str(tmp_path / "submitted"), "--course-dir", str(course_dir), "--assignment", ASSIGNMENT]
    assert grade_class.main([*run, "--workers", "1"]) == 0
    assert float(read_grades(course_dir / "grades.csv")["late"]["score"]) == FULL  # no due date yet
    nbgrader = Path(sys.executable).with_name("nbgrader")
    subprocess.run([nbgrader, "db", "assignment", "add", ASSIGNMENT, "--duedate=2026-03-01 09:00:00 UTC"],
                   cwd=course_dir, check=True, capture_output=True)
    for workers in ["1", "2"]:
        assert grade_class.main([*run, "--workers", workers]) == 0
        with ScratchCourse(course_dir).gradebook() as gb:
            assert gb.find_assignment(ASSIGNMENT).duedate == due.replace(tzinfo=None)
        grades = read_grades(course_dir / "grades.csv")["late"]
        assert float(grades["late_submission_penalty"]) == FULL / 2, grades  # 5 started days, 10% each
        assert float(grades["score"]) == FULL / 2


def test_the_manifest_names_real_answer_cells_assignments_and_files():
    cells = {grade_id for a in assignment_names() for grade_id in answer_cells(read_notebook(RELEASE, a))}
    duedates, students = load_manifest()
    assert set(duedates) == set(assignment_names())
    for student in students:
        assert set(student.unanswered) | set(student.replace) <= cells, student.id
        assert set(student.missing) | set(student.raw) | set(student.days_late) <= set(duedates), student.id
        for path in list(student.replace.values()) + list(student.raw.values()):
            assert (REPO / path.split("#")[0]).is_file(), f"{student.id}: {path} does not exist"


def test_grading_from_a_copy_of_the_checkout_that_shares_the_venv(tmp_path):
    """The sandbox shows the kernel the nnfs the grader imports, and the canary grades the reference first."""
    copy = tmp_path / "checkout"
    shutil.copytree(REPO, copy, ignore=shutil.ignore_patterns(".venv", "build", ".git", "__pycache__"))
    course_dir = tmp_path / "course"
    run = subprocess.run([sys.executable, "-m", "autograders.grade_class", "--sample", "--assignment", "01_sigmoid",
                          "--student", "ada", "--course-dir", str(course_dir)], cwd=copy, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    assert float(read_grades(course_dir / "grades.csv")["ada"]["score"]) == FULL


def test_the_canary_stops_a_run_that_would_grade_everyone_wrongly(tmp_path, monkeypatch, capsys):
    broken = grade_class.Outcome("reference", "01_sigmoid", "graded", score=1.0)
    monkeypatch.setattr(grade_class, "grade_submission", lambda course, assignment, student: broken)
    code = grade_class.main(["--sample", "--assignment", "01_sigmoid", "--course-dir", str(tmp_path),
                             "--workers", "1"])
    assert code == 3
    assert "does not earn every point" in capsys.readouterr().err
    assert not (tmp_path / "grades.csv").exists()


def test_the_canary_grades_in_the_workers_and_stops_them_before_anything_is_written(tmp_path, monkeypatch, capsys):
    """With two workers, the reference solution is graded by them first; here it earns nothing (the release as it is)."""
    monkeypatch.setattr(grade_class, "reference_notebook", lambda assignment: fill_answers(assignment, {}))
    code = grade_class.main(["--sample", "--assignment", "01_sigmoid", "--course-dir", str(tmp_path),
                             "--workers", "2"])
    assert code == 3
    assert "The reference solution of 01_sigmoid does not earn every point" in capsys.readouterr().err
    assert not (tmp_path / "grades.csv").exists()
    assert not list((tmp_path / "autograded").glob("*/01_sigmoid")), "a result was written despite the canary"
    with ScratchCourse(tmp_path).gradebook() as gb:
        assert gb.assignment_submissions("01_sigmoid") == []


def canvas_rows(path):
    with open(path, newline="") as f:
        return list(csv.reader(f))


def test_the_canvas_export_has_one_column_per_assignment_with_the_late_penalty(sample_run, tmp_path):
    """`nbgrader export` with the course's Canvas plugin: Canvas's columns, grades.csv's scores."""
    course_dir, _ = sample_run
    grades = read_grades(course_dir / "grades.csv")  # as the gradebook is now (another test adds a manual grade)
    out = tmp_path / "canvas.csv"
    run = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "export",
                          "--exporter=autograders.canvas_export.CanvasExport", f"--to={out}"],
                         cwd=course_dir, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    header, points, *rows = canvas_rows(out)
    assert header == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ASSIGNMENT]
    assert points[0] == "Points Possible" and float(points[5]) == float(grades["ada"]["max_score"])
    by_id = {row[2]: row for row in rows}
    assert set(by_id) == set(grades)
    for student, row in grades.items():
        assert by_id[student][3] == student
        assert float(by_id[student][5]) == pytest.approx(float(row["score"]), abs=0.005)
    assert by_id["finn"][0] == f"{grades['finn']['last_name']}, {grades['finn']['first_name']}"
    assert float(by_id["finn"][5]) < float(grades["finn"]["raw_score"])  # the late penalty is applied


def test_the_canvas_export_takes_canvas_ids_and_headers_from_a_roster(sample_run, tmp_path):
    course_dir, _ = sample_run
    grades = read_grades(course_dir / "grades.csv")
    roster = tmp_path / "roster.csv"
    roster.write_text("Student,ID,SIS User ID,SIS Login ID,Section,01_sigmoid (9001)\n"
                      "    Points Possible,,,,,8.0\n"
                      '"Lovelace, Ada",101,S-ada,ada,Section A,\n')
    out = tmp_path / "canvas.csv"
    run = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "export",
                          "--exporter=autograders.canvas_export.CanvasExport", f"--to={out}",
                          f"--CanvasExport.roster={roster}"], cwd=course_dir, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    header, _, *rows = canvas_rows(out)
    assert header[5] == "01_sigmoid (9001)"  # Canvas updates its existing assignment
    ada = next(row for row in rows if row[3] == "ada")
    assert ada[:5] == ["Lovelace, Ada", "101", "S-ada", "ada", "Section A"]
    assert float(ada[5]) == float(grades["ada"]["score"])
