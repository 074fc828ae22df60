"""Grading at scale (COURSE_SPEC section 7): worker processes, a PostgreSQL gradebook, a Dask cluster.

Every way of running gives what `--workers 1` gives: the same grades.csv, gradebook rows and
feedback pages. Runs grade one assignment for a few sample students (a perfect one, a half
done one, one whose notebook raises, a late one, a damaged file); each run grades the reference
solution first (the canary) where it grades the class.
"""

import csv
import fcntl
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from glob import glob
from pathlib import Path

import pytest

from autograders import grade_class, parallel
from autograders.course import REPO, ScratchCourse

ASSIGNMENT = "01_sigmoid"
STUDENTS = ["ada", "ben", "eve", "finn", "ivy"]
WRITTEN = "sigmoid_derivative"  # 01_sigmoid's written answer, graded by hand


def grade(course_dir, *options):
    """`grade_class --sample` on ASSIGNMENT for STUDENTS; returns its exit code."""
    argv = ["--sample", "--course-dir", str(course_dir), "--assignment", ASSIGNMENT, *options]
    for student in STUDENTS:
        argv += ["--student", student]
    return grade_class.main(argv)


def csv_rows(course_dir):
    with open(Path(course_dir) / "grades.csv") as f:
        return list(csv.DictReader(f))


def gradebook_rows(course_dir, db_url=None):
    course = ScratchCourse(course_dir, db_url=db_url)
    with course.gradebook() as gb:
        return {student: parallel.read_rows(gb, ASSIGNMENT, student) for student in STUDENTS}


def feedback_pages(course_dir):
    return parallel.read_tree(Path(course_dir) / "feedback")


def assert_same_grading(course_dir, reference_dir, db_url=None):
    assert csv_rows(course_dir) == csv_rows(reference_dir)
    assert gradebook_rows(course_dir, db_url) == gradebook_rows(reference_dir)
    assert feedback_pages(course_dir) == feedback_pages(reference_dir)


@pytest.fixture(scope="session")
def one_worker(tmp_path_factory, worker_id):
    """The reference: the class graded with --workers 1, once per session (shared by pytest-xdist workers)."""
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    course_dir = Path(shared) / "scale-one-worker"
    with open(Path(shared) / "scale-one-worker.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (course_dir / "done").exists():
            shutil.rmtree(course_dir, ignore_errors=True)
            assert grade(course_dir, "--workers", "1") == 0
            (course_dir / "done").touch()
    return course_dir


def test_two_workers_grade_exactly_as_one(one_worker, tmp_path):
    assert grade(tmp_path, "--workers", "2") == 0
    assert_same_grading(tmp_path, one_worker)
    rows = {row["student_id"]: row for row in csv_rows(tmp_path)}
    # A damaged file costs only its own student: everyone else is graded as usual.
    assert float(rows["ivy"]["score"]) == 0.0 and float(rows["ada"]["score"]) == 6.0
    assert 0 < float(rows["eve"]["score"]) < 6.0 and float(rows["finn"]["late_submission_penalty"]) > 0
    log = (tmp_path / "grading.log").read_text()
    assert log.count(f" {ASSIGNMENT} ") == len(STUDENTS) and "1 failed" in log and "left)" in log


def test_a_parallel_regrade_keeps_manual_grades_and_comments(one_worker, tmp_path):
    shutil.copytree(one_worker, tmp_path, dirs_exist_ok=True)
    course = ScratchCourse(tmp_path)
    with course.gradebook() as gb:
        gb.find_grade(WRITTEN, ASSIGNMENT, ASSIGNMENT, "ada").manual_score = 2
        gb.find_comment(WRITTEN, ASSIGNMENT, ASSIGNMENT, "ada").manual_comment = "Clear derivation."
        gb.find_grade(WRITTEN, ASSIGNMENT, ASSIGNMENT, "ben").extra_credit = 1
        gb.db.commit()
    assert grade(tmp_path, "--workers", "2") == 0
    rows = {row["student_id"]: row for row in csv_rows(tmp_path)}
    reference = {row["student_id"]: row for row in csv_rows(one_worker)}
    assert float(rows["ada"]["score"]) == float(reference["ada"]["score"]) + 2
    assert float(rows["ben"]["score"]) == float(reference["ben"]["score"]) + 1
    assert "Clear derivation." in (tmp_path / "feedback" / "ada" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    for student in set(rows) - {"ada", "ben"}:
        assert rows[student] == reference[student]
    with course.gradebook() as gb:
        assert gb.find_grade(WRITTEN, ASSIGNMENT, ASSIGNMENT, "ada").manual_score == 2


def test_results_are_written_by_one_process_and_never_overwrite_what_an_instructor_set(tmp_path):
    """A worker's result carries every field; applying it writes only the autograder's."""
    course = ScratchCourse(tmp_path, sandbox=False)
    course.add_assignment(ASSIGNMENT)
    course.add_student("zoe")
    with course.gradebook() as gb:
        gb.add_submission(ASSIGNMENT, "zoe")
        gb.find_grade(WRITTEN, ASSIGNMENT, ASSIGNMENT, "zoe").manual_score = 1.5
        gb.db.commit()
        rows = parallel.read_rows(gb, ASSIGNMENT, "zoe")
    grades = rows["notebooks"][ASSIGNMENT]["grades"]
    grades[WRITTEN]["manual_score"] = None  # the grader set 1.5 while the worker was grading
    grades["test_sigmoid_reference"] = {**grades["test_sigmoid_reference"], "auto_score": 1.0, "needs_manual_grade": False}
    parallel.apply(course, {"assignment": ASSIGNMENT, "student_id": "zoe", "rows": rows,
                            "folders": {"autograded": {f"{ASSIGNMENT}.ipynb": b"{}"}, "feedback": None}})
    with course.gradebook() as gb:
        assert gb.find_grade(WRITTEN, ASSIGNMENT, ASSIGNMENT, "zoe").manual_score == 1.5
        assert gb.find_grade("test_sigmoid_reference", ASSIGNMENT, ASSIGNMENT, "zoe").auto_score == 1.0
    assert (tmp_path / "autograded" / "zoe" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_bytes() == b"{}"
    with pytest.raises(ValueError, match="outside"):
        parallel.write_tree(tmp_path / "x", {"../escape": b""})


# ---- PostgreSQL ----

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def postgres_bin():
    found = shutil.which("initdb") or next(iter(sorted(glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)), None)
    return Path(found).parent if found else None


@pytest.fixture(scope="module")
def postgresql():
    """A PostgreSQL server of its own: a cluster in a temporary folder, on loopback only, trusted logins."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed: `make postgresql` (as root: apt-get install postgresql)")
    user = None
    if os.geteuid() == 0:  # initdb refuses to run as root: use Debian's postgres account
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no `postgres` user to run the PostgreSQL server as")
    folder = tempfile.mkdtemp(prefix="nnfs-postgresql-")
    if user:
        os.chown(folder, user.pw_uid, user.pw_gid)
    as_user = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []} if user else {}
    data, port = os.path.join(folder, "data"), free_port()
    subprocess.run([bin_dir / "initdb", "-D", data, "-U", "grader", "--auth=trust", "-E", "UTF8", "--no-sync"],
                   check=True, capture_output=True, cwd=folder, **as_user)
    options = f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={folder} -c fsync=off"
    subprocess.run([bin_dir / "pg_ctl", "-D", data, "-l", os.path.join(folder, "log"), "-w", "-t", "120",
                    "-o", options, "start"], check=True, capture_output=True, cwd=folder, **as_user)
    try:
        yield f"postgresql+psycopg://grader@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True,
                       cwd=folder, **as_user)
        shutil.rmtree(folder, ignore_errors=True)


def test_a_postgresql_gradebook_grades_as_sqlite(one_worker, tmp_path, postgresql):
    assert grade(tmp_path, "--workers", "2", "--db-url", postgresql) == 0
    assert not (tmp_path / "gradebook.db").exists()
    assert f"db_url = {postgresql!r}" in (tmp_path / "nbgrader_config.py").read_text()
    assert_same_grading(tmp_path, one_worker, db_url=postgresql)


# ---- Dask ----

@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    """A real `dask scheduler` and two `dask worker` processes on loopback, one thread each."""
    dask = Path(sys.executable).with_name("dask")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = tmp_path_factory.mktemp("dask")
    processes = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                  stdout=subprocess.DEVNULL, stderr=open(logs / "scheduler.log", "w"), cwd=REPO)]
    for number in (1, 2):
        processes.append(subprocess.Popen(
            [dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard",
             "--local-directory", str(logs / f"worker{number}")],
            stdout=subprocess.DEVNULL, stderr=open(logs / f"worker{number}.log", "w"), cwd=REPO))
    try:
        from distributed import Client
        deadline = time.monotonic() + 180
        while True:
            try:
                with Client(address, timeout=10) as client:
                    client.wait_for_workers(2, timeout=max(1, deadline - time.monotonic()))
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def test_a_dask_cluster_grades_as_one_worker(one_worker, tmp_path, dask_cluster):
    assert grade(tmp_path, "--scheduler", dask_cluster) == 0
    assert_same_grading(tmp_path, one_worker)


def test_an_unreachable_scheduler_is_reported(tmp_path, capsys):
    assert grade(tmp_path, "--scheduler", f"tcp://127.0.0.1:{free_port()}") == 4
    assert "Could not grade on tcp://127.0.0.1" in capsys.readouterr().err
