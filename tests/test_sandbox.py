"""The autograding sandbox (autograders/sandbox.py) holds against hostile submissions.

Each test autogrades, with nbgrader and the sandbox on, a submission of 01_sigmoid
whose `sigmoid` answer cell holds an attack next to a sigmoid, then checks that the
attack failed, earned nothing, left no process running and changed no other grade.
"""

import os
import socket
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import nbformat
import psutil
import pytest

from autograders import grade_class, sandbox
from autograders.course import SOLUTIONS, ScratchCourse
from autograders.grade_class import grade_submission
from autograders.submissions import fill_answers, solution_answers
from support import FIRST as ASSIGNMENT
from support import ON_TIME, full_score, html_to_text

FULL = full_score(ASSIGNMENT)
SIGMOID_GRAD_ONLY = 2.0  # sigmoid's tests fail, sigmoid_grad's pass
LIMITS = {"memory_limit": sandbox.GiB, "max_processes": 64}  # tighter than the defaults, to keep tests light
CELL_TIMEOUT = 5
TOKEN = "nnfs-sandbox-test-survivor"  # in the command line of every process an attack leaves behind

WRONG_SIGMOID = "def sigmoid(x):\n    return x  # wrong: earns no sigmoid points\n"
RIGHT_SIGMOID = solution_answers(ASSIGNMENT)["sigmoid"]

# Runs `action` and prints what happened; the tests read these lines in the graded notebook.
ATTEMPT = '''
import json, os, socket, sqlite3

def attempt(what, action):
    try:
        print(f"{what}: got {action()!r:.60}")
    except Exception as error:
        print(f"{what}: refused ({type(error).__name__})")
'''


def submission(attack, sigmoid):
    """The reference answers, with `attack` then `sigmoid` in the sigmoid cell."""
    answers = solution_answers(ASSIGNMENT)
    answers["sigmoid"] = attack + "\n" + sigmoid
    return fill_answers(ASSIGNMENT, answers)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    if problem := sandbox.problem():
        pytest.fail(problem)
    course = ScratchCourse(tmp_path_factory.mktemp("sandboxed"), cell_timeout=CELL_TIMEOUT, sandbox=LIMITS)
    course.add_assignment(ASSIGNMENT)
    (course.root / "exchange").mkdir(exist_ok=True)
    (course.root / "exchange" / "inbound.txt").write_text("a submission on its way")
    grade(course, "ada", fill_answers(ASSIGNMENT, solution_answers(ASSIGNMENT)))
    return course


def grade(course, student_id, notebook):
    """Grade as the class run does; check that nothing the kernel started is left."""
    course.submit(student_id, ASSIGNMENT, notebook, ON_TIME)
    running_before = descendants()
    outcome = grade_submission(course, ASSIGNMENT, student_id)
    assert nothing_left_running(running_before)
    return outcome


def descendants():
    """The processes under this one; other tests of this worker may keep servers of their own running."""
    return set(psutil.Process().children(recursive=True))


def started_by_grading(process, running_before):
    """Whether `process` runs (a zombie has ended), is new, and is not under a process that was already
    running (another test's server)."""
    try:
        return (sandbox.alive(process) and process not in running_before
                and not running_before.intersection(process.parents()))
    except psutil.NoSuchProcess:
        return False


def nothing_left_running(running_before):
    """No process under this one that grading started (kernels, bwrap) and none carrying TOKEN anywhere."""
    if any(started_by_grading(p, running_before) for p in descendants()):
        return False
    return not any(TOKEN in " ".join(p.info["cmdline"] or []) for p in psutil.process_iter(["cmdline"]))


def grades(course, student_id):
    return course.cell_scores(ASSIGNMENT, student_id)


def answer_output(course, student_id):
    """The text a submission's sigmoid cell printed when nbgrader ran it."""
    path = course.root / "autograded" / student_id / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    cell = next(c for c in nbformat.read(path, as_version=4).cells
                if c.metadata.get("nbgrader", {}).get("grade_id") == "sigmoid")
    return "".join(o.text if o.output_type == "stream" else f"{o.ename}: {o.evalue}\n"
                   for o in cell.outputs if o.output_type in ("stream", "error"))


def feedback(course, student_id):
    return html_to_text(course.feedback_path(ASSIGNMENT, student_id).read_text())


@pytest.fixture(scope="module")
def listener():
    """A TCP port on this machine's loopback that the kernel should not reach."""
    server = socket.create_server(("127.0.0.1", 0))
    server.setblocking(False)
    yield server
    server.close()


@pytest.fixture(scope="module")
def home_secret():
    """A file in the grader's home folder."""
    try:
        secret = tempfile.NamedTemporaryFile("w", dir=Path.home(), prefix=".nnfs-sandbox-test-")
    except OSError:
        pytest.skip("the home folder is not writable")
    with secret:
        secret.write("the instructor's secret")
        secret.flush()
        yield secret.name


INTRUSIONS = (
    "read the solutions", "read the gradebook", "write the gradebook", "read another submission",
    "read another autograded copy", "read the exchange", "read the instructor's home",
    "read the hidden tests", "read the grader's environment", "connect to this machine",
    "connect to the internet", "plant a file in the submission", "change the nnfs package",
    "see the grader's process",
)


@pytest.fixture(scope="module")
def intruder(course, listener, home_secret):
    """An answer that tries to read, write and connect to everything it should not."""
    root = course.root
    gradebook = root / "gradebook.db"
    targets = {
        "read the solutions": f"open({str(SOLUTIONS / ASSIGNMENT / f'{ASSIGNMENT}.ipynb')!r}).read()",
        "read the gradebook": f"open({str(gradebook)!r}, 'rb').read()",
        "write the gradebook": f"sqlite3.connect({str(gradebook)!r}).execute("
                               "'update grade set manual_score = max_score').connection.commit()",
        "read another submission": f"open({str(root / 'submitted' / 'ada' / ASSIGNMENT / f'{ASSIGNMENT}.ipynb')!r}).read()",
        "read another autograded copy": f"open({str(root / 'autograded' / 'ada' / ASSIGNMENT / f'{ASSIGNMENT}.ipynb')!r}).read()",
        "read the exchange": f"open({str(root / 'exchange' / 'inbound.txt')!r}).read()",
        "read the instructor's home": f"open({home_secret!r}).read()",
        "read the hidden tests": f"json.load(open('{ASSIGNMENT}.ipynb'))",
        "read the grader's environment": "os.environ['NNFS_GRADER_SECRET']",
        "connect to this machine": f"socket.create_connection(('127.0.0.1', {listener.getsockname()[1]}), timeout=3)",
        "connect to the internet": "socket.create_connection(('1.1.1.1', 53), timeout=3)",
        "plant a file in the submission": "open('planted.py', 'w').write('x')",
        "change the nnfs package": "open(__import__('nnfs').__file__, 'a').write('x')",
        "see the grader's process": f"open('/proc/{os.getpid()}/environ', 'rb').read()",
    }
    assert tuple(targets) == INTRUSIONS
    attack = ATTEMPT + "".join(f"attempt({what!r}, lambda: {action})\n" for what, action in targets.items())
    ada_before = grades(course, "ada")
    os.environ["NNFS_GRADER_SECRET"] = "a token of the instructor's"
    try:
        outcome = grade(course, "mallory", submission(attack, WRONG_SIGMOID))
    finally:
        del os.environ["NNFS_GRADER_SECRET"]
    return SimpleNamespace(outcome=outcome, printed=answer_output(course, "mallory"), ada_before=ada_before)


@pytest.mark.parametrize("what", INTRUSIONS)
def test_intruder_is_refused(intruder, what):
    assert f"{what}: refused" in intruder.printed, intruder.printed


def test_intruder_earns_only_its_own_points(intruder, listener):
    assert (intruder.outcome.status, intruder.outcome.score) == ("graded", SIGMOID_GRAD_ONLY)
    with pytest.raises(BlockingIOError):  # no connection is waiting to be accepted
        listener.accept()


def test_intruder_changes_no_other_grade(course, intruder):
    assert grades(course, "ada") == intruder.ada_before


FONT_LIST = ("import matplotlib, matplotlib.font_manager as fm\n"
             "cached = os.path.join(matplotlib.get_cachedir(), f'fontlist-v{fm.FontManager.__version__}.json')\n"
             "attempt('overwrite the font list', lambda: open(cached, 'w'))\n"
             "print('fonts from', cached, len(fm.fontManager.ttflist))\n")


def test_matplotlib_reads_the_graders_font_list_instead_of_building_its_own(course):
    """Every kernel would otherwise rebuild matplotlib's font list on `import matplotlib.pyplot` (about 0.8 s)."""
    outcome = grade(course, "fonts", submission(ATTEMPT + FONT_LIST, RIGHT_SIGMOID))
    assert (outcome.status, outcome.score) == ("graded", FULL)
    printed = answer_output(course, "fonts")
    assert "overwrite the font list: refused" in printed, printed
    assert f"fonts from {sandbox.MATPLOTLIB_DIR}/fontlist-v" in printed and " 0\n" not in printed, printed
    path = course.root / "autograded" / "fonts" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    imports = nbformat.read(path, as_version=4).cells[1]
    assert "import matplotlib.pyplot" in imports.source and not imports.outputs, imports.outputs  # no warning


def test_a_submitted_symlink_brings_nothing_into_the_sandbox(course, tmp_path):
    folder = tmp_path / "linky" / ASSIGNMENT
    folder.mkdir(parents=True)
    attack = ATTEMPT + "attempt('read a submitted symlink', lambda: open('notes.txt').read())\n"
    nbformat.write(submission(attack, WRONG_SIGMOID), folder / f"{ASSIGNMENT}.ipynb")
    (folder / "notes.txt").symlink_to(SOLUTIONS / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    grade_class.collect(course, tmp_path, [ASSIGNMENT])
    running_before = descendants()
    outcome = grade_submission(course, ASSIGNMENT, "linky")
    assert nothing_left_running(running_before)
    assert "read a submitted symlink: refused" in answer_output(course, "linky")
    assert (outcome.status, outcome.score) == ("graded", SIGMOID_GRAD_ONLY)


DETACHED = f'''
import os, subprocess, sys
LATER = "import sqlite3, time; time.sleep(2); sqlite3.connect(sys.argv[1]).execute('update grade set manual_score = max_score').connection.commit()"
subprocess.Popen([sys.executable, "-c", "import sys; " + LATER, GRADEBOOK, "{TOKEN}"], start_new_session=True,
                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
child = os.fork()
if child == 0:  # the classic daemon: fork, setsid, fork again, exec
    os.setsid()
    if os.fork() == 0:
        os.execv(sys.executable, [sys.executable, "-c", "import sys; " + LATER, GRADEBOOK, "{TOKEN}"])
    os._exit(0)
os.waitpid(child, 0)
'''


def test_detached_processes_die_with_the_kernel(course):
    before = grades(course, "ada")
    attack = f"GRADEBOOK = {str(course.root / 'gradebook.db')!r}\n" + DETACHED
    outcome = grade(course, "daemon", submission(attack, WRONG_SIGMOID))  # checks none is left
    time.sleep(3)  # past the survivors' sleep: had one lived, it would have written by now
    assert (outcome.status, outcome.score) == ("graded", SIGMOID_GRAD_ONLY)
    assert grades(course, "daemon")["test_sigmoid_reference"][0] == 0
    assert grades(course, "ada") == before


FORK_BOMB = """
import os, time
while True:
    if os.fork() == 0:  # a child forks on, and never returns to the kernel
        while True:
            try:
                os.fork()
            except OSError:
                time.sleep(0.1)
"""


def test_fork_bomb_is_stopped_by_the_process_limit(course):
    before = grades(course, "ada")
    outcome = grade(course, "forky", submission(FORK_BOMB, RIGHT_SIGMOID))  # checks none is left
    assert (outcome.status, outcome.score) == ("graded", SIGMOID_GRAD_ONLY), outcome.message
    assert "BlockingIOError" in answer_output(course, "forky")  # fork failed: the limit was reached
    assert grades(course, "ada") == before


def test_memory_bomb_costs_only_its_cell(course):
    attack = "hog = []\nwhile True:\n    hog.append(bytes(64 * 2**20))\n"  # untouched pages: fast on a busy machine too
    outcome = grade(course, "greedy", submission(attack, RIGHT_SIGMOID))
    assert (outcome.status, outcome.score) == ("graded", SIGMOID_GRAD_ONLY), outcome.message
    assert "MemoryError" in feedback(course, "greedy")
    assert "allows each process 1 GiB of memory" in feedback(course, "greedy")


def test_endless_loop_costs_only_its_cell(course):
    outcome = grade(course, "loopy", submission("while True:\n    pass\n", RIGHT_SIGMOID))
    assert (outcome.status, outcome.score) == ("graded", SIGMOID_GRAD_ONLY), outcome.message
    assert f"limit of {CELL_TIMEOUT} s per cell" in feedback(course, "loopy")


def test_an_honest_submission_after_the_attacks_earns_every_point(course):
    outcome = grade(course, "honest", fill_answers(ASSIGNMENT, solution_answers(ASSIGNMENT)))
    assert (outcome.status, outcome.score) == ("graded", FULL)


def test_without_bwrap_the_class_run_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))  # no bwrap on it
    assert "apt-get install bubblewrap" in sandbox.problem()
    assert grade_class.main(["--sample", "--course-dir", str(tmp_path / "course"), "--assignment", ASSIGNMENT]) == 2
    assert "apt-get install bubblewrap" in capsys.readouterr().err
    assert not (tmp_path / "course").exists()  # nothing graded unsandboxed
