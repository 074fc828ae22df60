"""The class on a JupyterHub, end to end in a real browser (COURSE_SPEC section 8).

Playwright drives Debian's headless Chromium (`make chromium`; no browser is downloaded) through
the hub of hub/jupyterhub_config.py, started on loopback in a temporary folder: the instructor
generates and releases 01_sigmoid in formgrader; two students fetch it in the Assignments list,
answer (one right, one wrong), Validate and Submit; the instructor collects and autogrades in
formgrader (this course's pipeline and sandbox), grades one written answer by hand, generates and
releases feedback; each student fetches feedback and reads the score the gradebook holds.
Screenshots of every step go to build/screenshots/hub_flow/. Any browser console error, page
error or request that leaves the machine fails the test.
"""

import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from autograders.classroom import LAB_CWD, NODE_MODULES, Hub, free_port, lab_command
from autograders.course import REPO, ScratchCourse
from autograders.submissions import solution_answers
from support import FIRST as ASSIGNMENT

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = REPO / "build" / "screenshots" / "hub_flow"
LAB_SHOTS = REPO / "build" / "screenshots" / "make_lab"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WRITTEN = "sigmoid_derivative"  # 01_sigmoid's written answer, graded by hand (2 points)
ANSWER = r"Since $\sigma(x) = 1 / (1 + e^{-x})$, $\sigma'(x) = e^{-x} / (1 + e^{-x})^2 = \sigma(x)\,(1 - \sigma(x))$."
WRONG_GRAD = 'def sigmoid_grad(s):\n    """Derivative of the sigmoid."""\n    return s * (1 + s)\n'

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (`make chromium`, as root)"),
    pytest.mark.skipif(not (NODE_MODULES / ".bin" / "configurable-http-proxy").exists(),
                       reason="the hub's proxy is not installed (`make hub-deps`: npm ci in hub/)"),
    pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap, the grading sandbox, is missing (`make sandbox`)"),
]


class Browser:
    """One Chromium for the module; a context (a person) per account; every problem recorded."""

    def __init__(self, playwright):
        self.hub = None
        self.browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        self.problems = []  # (account, what)
        self.step = 0

    def context(self, who):
        context = self.browser.new_context(viewport={"width": 1400, "height": 900})
        context.route("**/*", lambda route: self._only_loopback(who, route))
        page = context.new_page()
        self.watch(who, page)
        return page

    def log_in(self, user):
        """Log in on the hub's page; the hub starts the account's server (see `wait_for_lab`)."""
        context = self.browser.new_context(viewport={"width": 1400, "height": 900})
        context.route("**/*", lambda route: self._only_loopback(user, route))
        page = context.new_page()
        self.watch(user, page)
        context.on("page", lambda new_page: self.watch(user, new_page))
        page.goto(f"{self.hub.url}/hub/login")
        page.fill("#username_input", user)
        page.fill("#password_input", self.hub.password)
        page.click("#login_submit")
        return page

    def wait_for_lab(self, page, user):
        page.wait_for_url(re.compile(rf".*/user/{user}/lab.*"), timeout=180_000)
        page.wait_for_selector("#jp-main-dock-panel", timeout=120_000)
        return page

    def watch(self, user, page):
        page.on("console", lambda m: m.type == "error" and self.problems.append((user, f"console: {m.text}")))
        page.on("pageerror", lambda e: self.problems.append((user, f"page error: {e}")))

    def _only_loopback(self, user, route):
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", "localhost") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.problems.append((user, f"request off the machine: {route.request.url}"))
            route.abort()

    def shot(self, page, name):
        self.step += 1
        print(f"{time.strftime('%H:%M:%S')} step {self.step}: {name}", flush=True)
        page.screenshot(path=str(SHOTS / f"{self.step:02d}-{name}.png"))

    def close(self):
        self.browser.close()


def wait_until_serving(url, process, log_path, seconds):
    """Return once `url` answers; fail with the end of the server's log if it exits or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            assert process.poll() is None and time.monotonic() < deadline, (
                f"the server did not start:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.5)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    hub = Hub(root=tmp_path_factory.mktemp("hub"), port=free_port(), students=["ann", "bob"])
    hub.prepare()
    log = open(hub.root / "jupyterhub.log", "w")
    process = subprocess.Popen(hub.command(), cwd=hub.root, env=hub.environment(), stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until_serving(f"{hub.url}/hub/login", process, hub.root / "jupyterhub.log", 60)
        yield hub
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the hub, its proxy, the service and every account's server
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        browser = Browser(playwright)
        yield browser
        browser.close()


# --- what a person does -------------------------------------------------------------------

def menu(page, *labels):
    page.locator(".lm-MenuBar-itemLabel", has_text=labels[0]).click()
    for label in labels[1:]:
        page.locator(".lm-Menu-itemLabel", has_text=label).first.click()


def formgrader(browser, page, user, path="manage_assignments"):
    page.goto(f"{browser.hub.url}/user/{user}/formgrader/{path}")
    page.wait_for_load_state("networkidle")


def assignment_row(page):
    return page.locator("tr", has=page.locator("td.name", has_text=ASSIGNMENT))


def close_modal(page, expect_text):
    modal = page.locator(".modal.in")
    modal.wait_for(timeout=120_000)
    assert expect_text in modal.inner_text(), modal.inner_text()
    modal.locator(".modal-footer button").last.click()
    modal.wait_for(state="detached", timeout=10_000)


def formgrader_action(browser, page, cell, expect_text, shot):
    row = assignment_row(page)
    row.locator(f"td.{cell} a").click()
    page.locator(".modal.in").wait_for(timeout=120_000)
    page.wait_for_timeout(500)  # bootstrap's fade-in
    browser.shot(page, shot)
    close_modal(page, expect_text)


def type_into_cell(page, cell, text):
    editor = cell.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(text)


def do_assignment(browser, page, user, answers):
    """Fetch in the Assignments list, answer, save, Validate (returns its dialog's text), Submit."""
    menu(page, "Nbgrader", "Assignment List")
    released = page.locator("#released_assignments_list")
    released.locator(".list_item", has_text=ASSIGNMENT).wait_for(timeout=60_000)
    browser.shot(page, f"{user}-released")
    released.locator(".list_item", has_text=ASSIGNMENT).locator("button", has_text="Fetch").click()
    fetched = page.locator("#fetched_assignments_list")
    fetched.locator(".list_item", has_text=ASSIGNMENT).first.wait_for(timeout=60_000)
    page.goto(f"{browser.hub.url}/user/{user}/lab/tree/{ASSIGNMENT}/{ASSIGNMENT}.ipynb")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    for marker, text in answers:
        if marker == WRITTEN:  # the markdown cell that says only YOUR ANSWER HERE
            found = page.wait_for_function("""() => {
                const cells = [...document.querySelectorAll('.jp-Notebook .jp-Cell')];
                const index = cells.findIndex(cell => {
                    const text = cell.querySelector('.jp-RenderedMarkdown');
                    return text !== null && text.textContent.trim() === 'YOUR ANSWER HERE'; });
                return index >= 0 ? index + 1 : 0; }""", timeout=60_000)  # markdown renders as it comes into view
            cell = page.locator(".jp-Notebook .jp-Cell").nth(found.json_value() - 1)
            cell.dblclick()
            type_into_cell(page, cell, text)
            page.keyboard.press("Shift+Enter")
        else:
            cell = page.locator(".jp-Notebook .jp-CodeCell", has_text=marker).first
            type_into_cell(page, cell, text)
    page.keyboard.press("Control+s")
    page.wait_for_timeout(1500)
    browser.shot(page, f"{user}-answered")
    page.locator(".jp-NotebookPanel-toolbar").get_by_text("Validate", exact=True).click()
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for(timeout=180_000)
    dialog.locator(".jp-Dialog-body").wait_for()
    browser.shot(page, f"{user}-validated")
    result = dialog.inner_text()
    dialog.locator("button").last.click()
    menu(page, "Nbgrader", "Assignment List")
    fetched.locator(".list_item", has_text=ASSIGNMENT).locator("button", has_text="Submit").first.click()
    submitted = page.locator("#submitted_assignments_list")
    submitted.locator(".list_item", has_text=ASSIGNMENT).first.wait_for(timeout=60_000)
    browser.shot(page, f"{user}-submitted")
    return result


def fetch_feedback(browser, page, user):
    """Fetch feedback in the Assignments list, open the page, return the score it shows as (score, max)."""
    page.goto(f"{browser.hub.url}/user/{user}/lab")
    page.wait_for_selector("#jp-main-dock-panel", timeout=60_000)
    menu(page, "Nbgrader", "Assignment List")
    submitted = page.locator("#submitted_assignments_list")
    submitted.locator("button", has_text="Fetch Feedback").first.click()
    submitted.get_by_text("(view feedback)").first.wait_for(timeout=60_000)
    browser.shot(page, f"{user}-feedback-fetched")
    feedback = sorted((browser.hub.home(user) / ASSIGNMENT / "feedback").glob(f"*/{ASSIGNMENT}.html"))
    assert feedback, f"no feedback fetched for {user}"
    relative = feedback[-1].relative_to(browser.hub.home(user))
    feedback_page = page.context.new_page()
    feedback_page.goto(f"{browser.hub.url}/user/{user}/files/{relative}")
    feedback_page.wait_for_load_state("networkidle")
    feedback_page.locator(".MathJax_CHTML, mjx-container, .MathJax").first.wait_for(timeout=30_000)
    browser.shot(feedback_page, f"{user}-feedback")
    heading = feedback_page.locator("h4", has_text="Score:").first.inner_text()
    feedback_page.close()
    score, max_score = re.search(r"Score: ([\d.]+) / ([\d.]+)", heading).groups()
    return float(score), float(max_score)


# --- the flow -----------------------------------------------------------------------------

def test_a_class_on_the_hub_from_release_to_feedback(hub, browser):
    started = time.monotonic()
    browser.hub = hub
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    answers = {grade_id: "\n".join(line for line in source.splitlines() if "### " not in line)
               for grade_id, source in solution_answers(ASSIGNMENT).items()}  # as a student types them
    right = [("def sigmoid(x)", answers["sigmoid"]), (WRITTEN, ANSWER), ("def sigmoid_grad(s)", answers["sigmoid_grad"])]
    wrong = [("def sigmoid(x)", answers["sigmoid"]), (WRITTEN, "It is the sigmoid again."),
             ("def sigmoid_grad(s)", WRONG_GRAD)]

    # Everyone logs in (the hub starts three servers at once).
    teacher, ann, bob = (browser.log_in(user) for user in [hub.instructor, *hub.students])
    browser.wait_for_lab(teacher, hub.instructor)

    # The instructor: formgrader generates the student version and releases it.
    menu(teacher, "Nbgrader")
    browser.shot(teacher, "instructor-menu")
    formgrader(browser, teacher, hub.instructor)
    browser.shot(teacher, "formgrader-assignments")
    formgrader_action(browser, teacher, "assign", "Successfully created the student version", "generated")
    assignment_row(teacher).locator("td.release a").wait_for()
    formgrader_action(browser, teacher, "release", "Successfully released", "released")

    # Two students: the Assignments list, no formgrader, their answers, Validate, Submit.
    browser.wait_for_lab(ann, "ann")
    browser.wait_for_lab(bob, "bob")
    menu(ann, "Nbgrader")
    items = ann.locator(".lm-Menu-itemLabel").all_inner_texts()
    browser.shot(ann, "student-menu")
    assert "Assignment List" in items and "Formgrader" not in items and "Create assignment" not in items
    ann.keyboard.press("Escape")
    validated_right = do_assignment(browser, ann, "ann", right)
    validated_wrong = do_assignment(browser, bob, "bob", wrong)
    assert "Success" in validated_right, validated_right
    assert "sigmoid_grad" in validated_wrong and "Success" not in validated_wrong, validated_wrong

    # The instructor collects and autogrades in formgrader.
    formgrader(browser, teacher, hub.instructor)
    formgrader_action(browser, teacher, "collect", "Successfully collected", "collected")
    formgrader(browser, teacher, hub.instructor, f"manage_submissions/{ASSIGNMENT}")
    for student in hub.students:
        row = teacher.locator("tr", has=teacher.locator("td.student-id", has_text=student))
        row.locator("td.autograde a").click()
        close_modal(teacher, "Successfully autograded")
    formgrader(browser, teacher, hub.instructor, f"manage_submissions/{ASSIGNMENT}")
    browser.shot(teacher, "autograded")

    # Grades one written answer by hand (ann's), in formgrader's grading page, maths rendered offline.
    grade_by_hand(browser, teacher, "ann", 2)

    # Feedback: generated and released in formgrader.
    formgrader(browser, teacher, hub.instructor)
    formgrader_action(browser, teacher, "generate-feedback", "Successfully generated feedback", "feedback-generated")
    formgrader_action(browser, teacher, "release-feedback", "Successfully released feedback", "feedback-released")

    # Each student fetches feedback and reads the gradebook's score.
    shown = {"ann": fetch_feedback(browser, ann, "ann"), "bob": fetch_feedback(browser, bob, "bob")}
    gradebook = hub_scores(hub)
    for student in hub.students:
        assert shown[student] == pytest.approx(gradebook[student]), (student, shown, gradebook)
    assert gradebook["bob"][0] < gradebook["ann"][0]
    assert gradebook["ann"][0] == gradebook["ann"][1]  # every point, the written answer's included
    assert not browser.problems, "\n".join(f"{user}: {what}" for user, what in browser.problems)
    print(f"hub flow: {time.monotonic() - started:.0f} s")


def grade_by_hand(browser, page, student, points):
    """In formgrader's Manual Grading, open `student`'s submission and give the written answer `points`."""
    formgrader(browser, page, browser.hub.instructor, f"gradebook/{ASSIGNMENT}/{ASSIGNMENT}")
    browser.shot(page, "manual-grading")
    page.locator(f"a.name-hidden[href$='/submissions/{submission_notebook_id(browser.hub, student)}']").click()
    page.wait_for_load_state("networkidle")
    page.locator(".MathJax_CHTML").first.wait_for(timeout=30_000)  # the student's maths, rendered offline
    score = page.locator(f"input.score#{WRITTEN}")
    score.fill(str(points))
    score.press("Tab")  # formgrader saves a score when its input loses focus
    page.locator(f"#{WRITTEN}-comment").fill("A clear derivation.")
    page.locator(f"#{WRITTEN}-comment").press("Tab")
    page.wait_for_load_state("networkidle")
    deadline = time.monotonic() + 20
    while manual_score(browser.hub, student) != points:
        assert time.monotonic() < deadline, "formgrader did not save the manual grade"
        page.wait_for_timeout(250)
    score.scroll_into_view_if_needed()
    browser.shot(page, "graded-by-hand")


def manual_score(hub, student):
    with gradebook(hub) as gb:
        return gb.find_grade(WRITTEN, ASSIGNMENT, ASSIGNMENT, student).manual_score


def gradebook(hub):
    return ScratchCourse(hub.course_root, exchange=hub.exchange).gradebook()


def submission_notebook_id(hub, student):
    with gradebook(hub) as gb:
        return gb.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, student).id


def hub_scores(hub):
    """{student: (score after late penalty, max score)} from the course's gradebook."""
    with gradebook(hub) as gb:
        result = {}
        for student in hub.students:
            submission = gb.find_submission(ASSIGNMENT, student)
            result[student] = (submission.score - (submission.late_submission_penalty or 0.0), submission.max_score)
        return result



# --- make lab: self-study on one machine --------------------------------------------------

def test_make_lab_shows_the_assignments_list_without_an_error_and_no_formgrader(browser, tmp_path):
    """`make lab`'s JupyterLab: a local exchange (empty), Validate, no instructor tools, no console error."""
    port, token = free_port(), "nnfs-lab-test"
    command, env = lab_command(tmp_path, "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
                               f"--IdentityProvider.token={token}",
                               f"--FileCheckpoints.checkpoint_dir={tmp_path / 'checkpoints'}")  # not in the checkout
    log = open(tmp_path / "lab.log", "w")
    process = subprocess.Popen(command, cwd=LAB_CWD, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    problems_before = len(browser.problems)
    try:
        page = browser.context("make-lab")
        wait_until_serving(f"http://127.0.0.1:{port}/api/status?token={token}", process, tmp_path / "lab.log", 90)
        page.goto(f"http://127.0.0.1:{port}/lab/tree/01_sigmoid/01_sigmoid.ipynb?token={token}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
        menu(page, "Nbgrader")
        items = page.locator(".lm-Menu-itemLabel").all_inner_texts()
        assert "Assignment List" in items and "Formgrader" not in items and "Create assignment" not in items
        page.locator(".lm-Menu-itemLabel", has_text="Assignment List").first.click()
        page.locator("#assignments").wait_for(timeout=60_000)
        for section in ("released", "fetched", "submitted"):  # each list has loaded: items, "none" or an error
            page.locator(f"#{section}_assignments_list_loading").wait_for(state="hidden", timeout=60_000)
        page.wait_for_timeout(1000)
        errors = page.locator("[id$='_assignments_list_error']")
        shown = [text for text in errors.all_inner_texts() if text.strip()]
        LAB_SHOTS.mkdir(parents=True, exist_ok=True)  # apart from the hub's: pytest-xdist may run the two at once
        page.screenshot(path=str(LAB_SHOTS / "assignments-list.png"))
        assert not shown, shown
        assert (tmp_path / "exchange").is_dir()
        validate = page.locator(".jp-NotebookPanel-toolbar").get_by_text("Validate", exact=True)
        validate.first.wait_for(state="attached", timeout=60_000)  # nbgrader's extension may add it late on a busy machine
        assert validate.count() == 1
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/formgrader?token={token}", timeout=10).status != 200
    except urllib.error.HTTPError as error:
        assert error.code == 404  # formgrader's server extension is off in a student's Lab
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()
    assert browser.problems[problems_before:] == []
