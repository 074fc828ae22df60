"""The course as students and instructors meet it: JupyterLab on one machine, and a class on a JupyterHub.

    python -m autograders.classroom lab   # `make lab`: self-study JupyterLab on notebooks/, with a local exchange
    python -m autograders.classroom hub   # `make hub`: the class on a JupyterHub on loopback (hub/jupyterhub_config.py)

Everything is written under `build/`, never into the committed tree. Both use nbgrader's own
pieces: its exchange (a folder), its labextensions and server extensions, and formgrader. What a
person sees is set by Jupyter configuration written here, per account:

- a student's Jupyter: nbgrader's Assignments list and Validate; formgrader, Create Assignment and
  the course list are disabled (`labconfig/page_config.json` for the labextensions,
  `jupyter_server_config.json` for the server extensions, as nbgrader's docs on disabling
  extensions do with `jupyter labextension disable` / `jupyter server extension disable`);
- the instructor's: everything, with formgrader on a course directory whose `nbgrader_config.py`
  loads `autograders/grading_config.py` (`autograders.course.ScratchCourse`), so formgrader's
  autograde runs this course's pipeline and sandbox.

On the hub every account's server runs as the hub's own system user (JupyterHub's
SimpleLocalProcessSpawner, a home folder per account under build/hub/home): so each student's
nbgrader config names its student id. A real hub gives each person a system account (README).
"""

import argparse
import json
import os
import shutil
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tornado.web import StaticFileHandler

from autograders.course import REPO, SOLUTIONS, ScratchCourse, assignment_names

COURSE_ID = "nn-from-scratch"
BIN = Path(sys.executable).parent
LAB_CWD = REPO / "notebooks"
HUB_CONFIG = REPO / "hub" / "jupyterhub_config.py"
NODE_MODULES = REPO / "hub" / "node_modules"
# MathJax 2 (what nbconvert's templates call), served by the hub for formgrader and feedback pages.
MATHJAX_DIR = NODE_MODULES / "mathjax"
MATHJAX_URL = "/hub/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"

# nbgrader's labextension plugins and server extensions that only instructors use.
INSTRUCTOR_LAB_PLUGINS = ["@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                          "@jupyter/nbgrader:course-list"]
# JupyterLab's news and update checks ask the internet: off for everyone (the course works offline).
OFFLINE_LAB_PLUGINS = ["@jupyterlab/apputils-extension:announcements"]
INSTRUCTOR_SERVER_EXTENSIONS = ["nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list"]


class MathJaxFiles(StaticFileHandler):
    """The hub's MathJax files, for every page (CORS: a feedback page served from a user's files has no origin)."""

    def set_default_headers(self):
        self.set_header("Access-Control-Allow-Origin", "*")


def write_json(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n")


def make_exchange(root):
    """nbgrader's exchange: a folder everyone can write to (nbgrader's docs: `chmod ugo+rw`)."""
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o777)
    return root


def student_config(config_dir, exchange, student_id=None):
    """A student's Jupyter config folder: the course's exchange, no instructor tools."""
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "nbgrader_config.py").write_text(
        "# Written by autograders/classroom.py: a student's view of the course.\n"
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {COURSE_ID!r}\n"
        f"c.Exchange.root = {str(exchange)!r}\n"
        + (f"c.CourseDirectory.student_id = {student_id!r}\n" if student_id else "")
    )
    write_json(config_dir / "labconfig" / "page_config.json",
               {"disabledExtensions": dict.fromkeys(INSTRUCTOR_LAB_PLUGINS + OFFLINE_LAB_PLUGINS, True)})
    write_json(config_dir / "jupyter_server_config.json",
               {"ServerApp": {"jpserver_extensions": dict.fromkeys(INSTRUCTOR_SERVER_EXTENSIONS, False)}})
    return config_dir


def mathjax_template(data_dir):
    """The account's nbconvert `base/mathjax.html.j2`: MathJax from the hub instead of a CDN.

    nbgrader's formgrade and feedback templates call nbconvert's `mathjax()` macro without a URL, so
    it loads MathJax from its default CDN whatever HTMLExporter.mathjax_url says. nbconvert looks
    for templates in the folders of JUPYTER_PATH before the environment's (the hub sets it for
    every account to `data_dir`), so this macro, with the hub's URL as its default, is the one used.
    """
    path = data_dir / "nbconvert" / "templates" / "base" / "mathjax.html.j2"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "{#- Written by autograders/classroom.py: MathJax 2 from the hub, not from a CDN. -#}\n"
        f"{{%- macro mathjax(url={MATHJAX_URL!r}) -%}}\n"
        '<script type="text/x-mathjax-config">\n'
        "MathJax.Hub.Config({tex2jax: {inlineMath: [['$', '$'], ['\\\\(', '\\\\)']], processEscapes: true,\n"
        "                              processEnvironments: true}, messageStyle: 'none'});\n"
        "</script>\n"
        '<script src="{{ url }}"></script>\n'
        "{%- endmacro %}\n"
    )
    return path


def instructor_config(config_dir, course_root):
    """The instructor's Jupyter config folder: formgrader on `course_root`."""
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "nbgrader_config.py").write_text(
        "# Written by autograders/classroom.py: the instructor's course (its grading pipeline and sandbox).\n"
        "c = get_config()  # noqa: F821\n"
        f"load_subconfig({str(course_root / 'nbgrader_config.py')!r})\n"
        "# Pages nbconvert makes load MathJax from the hub (see also the hub's JUPYTER_PATH).\n"
        f"c.HTMLExporter.mathjax_url = {MATHJAX_URL!r}\n"
    )
    write_json(config_dir / "labconfig" / "page_config.json",
               {"disabledExtensions": dict.fromkeys(OFFLINE_LAB_PLUGINS, True)})
    return config_dir


def lab_config(build=REPO / "build"):
    """`make lab`'s config folder (JUPYTER_CONFIG_PATH): a student's, on the local exchange build/exchange."""
    return student_config(build / "lab" / "config", make_exchange(build / "exchange"))


def lab_command(build=REPO / "build", *options):
    """(command, environment) of `make lab`: JupyterLab on notebooks/ with a student's config.

    Run it from notebooks/ (LAB_CWD): nbgrader also reads nbgrader_config.py from the current
    folder, and the checkout's own (the instructor's) must not override the student's.
    """
    config = lab_config(build)
    env = {**os.environ, "JUPYTER_CONFIG_PATH": os.pathsep.join(
        p for p in [str(config), os.environ.get("JUPYTER_CONFIG_PATH", "")] if p)}
    command = [str(BIN / "jupyter"), "lab", *(["--allow-root"] if os.getuid() == 0 else []), *options, str(LAB_CWD)]
    return command, env


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Hub:
    """Where the hub keeps everything, its ports and its accounts (hub/jupyterhub_config.py reads this)."""

    root: Path = REPO / "build" / "hub"
    port: int = 8000
    instructor: str = "instructor"
    students: list = field(default_factory=lambda: ["ann", "bob", "cat"])
    password: str = "nnfs-class"  # one shared password (JupyterHub's SharedPasswordAuthenticator)

    SETTINGS = "hub.json"

    @property
    def exchange(self):
        return self.root / "exchange"

    @property
    def jupyter_path(self):
        """JUPYTER_PATH of every account: the hub's nbconvert template (MathJax from the hub)."""
        return self.root / "share" / "jupyter"

    def home(self, user):
        return self.root / "home" / user

    @property
    def course_root(self):
        """The instructor's course directory, inside their home (formgrader needs it under the server's root)."""
        return self.home(self.instructor) / COURSE_ID

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def prepare(self):
        """Exchange, course directory, gradebook of students, and every account's Jupyter config."""
        self.root.mkdir(parents=True, exist_ok=True)
        make_exchange(self.exchange)
        course = ScratchCourse(self.course_root, exchange=self.exchange)
        for assignment in assignment_names():
            source = course.root / "source" / assignment
            if not source.exists():  # an instructor's edits to source/ stay
                shutil.copytree(SOLUTIONS / assignment, source)
        for student in self.students:
            course.add_student(student)
        instructor_config(self.home(self.instructor) / ".jupyter", self.course_root)
        mathjax_template(self.jupyter_path)
        for student in self.students:
            student_config(self.home(student) / ".jupyter", self.exchange, student_id=student)
        settings = {"root": str(self.root), "jupyter_path": str(self.jupyter_path), "port": self.port, "hub_port": free_port(),
                    "proxy_api_port": free_port(),
                    "instructor": self.instructor, "students": self.students, "password": self.password}
        write_json(self.root / self.SETTINGS, settings)
        return settings

    def command(self):
        """The command that runs the hub (from `root`, where it keeps its database and secrets)."""
        return [str(BIN / "jupyterhub"), "-f", str(HUB_CONFIG)]

    def environment(self):
        """The hub's environment: where to find its settings; the venv first on PATH (nbgrader runs alembic)."""
        return {**os.environ, "NNFS_HUB_SETTINGS": str(self.root / self.SETTINGS),
                "PATH": str(BIN) + os.pathsep + os.environ.get("PATH", "")}


def hub_settings():
    """What Hub.prepare wrote, for hub/jupyterhub_config.py."""
    path = os.environ.get("NNFS_HUB_SETTINGS", str(REPO / "build" / "hub" / Hub.SETTINGS))
    return json.loads(Path(path).read_text())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["lab", "hub"])
    parser.add_argument("--port", type=int, default=8000, help="the hub's port on 127.0.0.1 (hub)")
    args = parser.parse_args(argv)
    if args.what == "lab":
        command, env = lab_command()
        os.chdir(LAB_CWD)
        os.execvpe(command[0], command, env)
    if not (NODE_MODULES / ".bin" / "configurable-http-proxy").exists():
        print("The hub's proxy is missing: run `make hub` (it runs `npm ci` in hub/).", file=sys.stderr)
        return 2
    hub = Hub(port=args.port)
    hub.prepare()
    print(f"JupyterHub for {COURSE_ID}: {hub.url}  (Ctrl-C stops it)\n"
          f"  instructor account: {hub.instructor}   student accounts: {', '.join(hub.students)}\n"
          f"  password (every account): {hub.password}\n"
          f"  course directory: {hub.course_root}   exchange: {hub.exchange}", flush=True)
    os.chdir(hub.root)
    command = hub.command()
    os.execvpe(command[0], command, hub.environment())


if __name__ == "__main__":
    sys.exit(main())
