"""Autograde each submission with its kernel inside a bubblewrap (`bwrap`) sandbox.

nbgrader's `Execute` preprocessor starts one Jupyter kernel per notebook. The
grading config replaces it by `autograders.execute.GradingExecute`, whose kernel
manager, `SandboxedKernelManager`, launches the kernel command inside `bwrap`:

- the kernel sees, read-only, the system's `/usr`, the Python environment, the
  `nnfs` package the grader itself imported (first on the kernel's `sys.path`, so
  it is the one the kernel imports) and the autograded copy of its own submission (its working
  directory; the notebook files in it are hidden, they hold the hidden tests);
  nothing else: not `solutions/`, the gradebook, other students' files, the
  instructor's home or the exchange;
- `/tmp` (also `HOME`) and `/dev/shm` are small private tmpfs;
- no network: the kernel talks to nbgrader over ZMQ IPC sockets in a private
  directory bound into the sandbox;
- a PID namespace whose init is bwrap: when the kernel exits or is killed, every
  process the submission started dies with it (`--die-with-parent` also ties the
  sandbox to the grader), before nbgrader writes any grade;
- each process gets `memory_limit` bytes of address space, the sandbox at most
  `max_processes` processes and threads (as root, the kernel runs as an unused uid
  so that this limit applies); nbgrader's `Execute.timeout` limits each cell.

Settings (an nbgrader config, e.g. `autograders/grading_config.py`):
`c.SandboxedKernelManager.memory_limit`, `.max_processes`, `.tmp_size`, and
`.enabled = False` for trusted use only (`grade_class --no-sandbox`).
"""

import asyncio
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from jupyter_client.manager import AsyncKernelManager
import zmq
from traitlets import Bool, Integer

GiB = 1024**3
MiB = 1024**2

OPT_OUT = (
    "Only for submissions you trust, grade without the sandbox: "
    "`python -m autograders.grade_class --no-sandbox ...`, or "
    "`c.SandboxedKernelManager.enabled = False` in the course's nbgrader_config.py."
)
INSTALL_BWRAP = (
    "The autograder runs each submission in a sandbox made with bubblewrap (`bwrap`), "
    "which is not installed. Install it: `sudo apt-get install bubblewrap` (Debian, Ubuntu; "
    "`make test` and `make demo` do it when run as root), or `sudo dnf install bubblewrap` (Fedora). "
    + OPT_OUT
)

# What the kernel may read of /etc: the dynamic linker's cache, time zone and fonts.
ETC_FILES = ("/etc/ld.so.cache", "/etc/localtime", "/etc/fonts")
# matplotlib's config and cache folder in the sandbox (MPLCONFIGDIR), on its /tmp.
MATPLOTLIB_DIR = "/tmp/matplotlib"
# As root, the kernel runs as an otherwise unused uid, one per grading process
# (the process limit does not apply to root, and counts per user).
UNUSED_UID_BASE = 1 << 30


def sandbox_uid():
    """The uid the kernel runs as when grading as root; None otherwise (bwrap maps the grader's own)."""
    return UNUSED_UID_BASE + os.getpid() if os.geteuid() == 0 else None


def isolation(uid):
    """New namespaces (no network, own PIDs), no capabilities, dies with the grader."""
    if uid is None:  # unprivileged: bwrap needs a user namespace
        privileges = ["--unshare-user", "--cap-drop", "ALL"]
    else:  # root: keep only what setpriv needs to switch to `uid`
        privileges = ["--cap-drop", "ALL"] + [
            arg for cap in ("CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP") for arg in ("--cap-add", cap)]
    return privileges + ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
                         "--unshare-cgroup-try", "--die-with-parent", "--new-session"]


def system_files():
    """/usr and its usual links, a few files of /etc, a fresh /proc and /dev."""
    args = ["--ro-bind", "/usr", "/usr"]
    for path in ("/bin", "/sbin", "/lib", "/lib32", "/lib64"):
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    args += ["--perms", "0755", "--dir", "/etc"]
    for path in ETC_FILES:
        args += ["--ro-bind-try", path, path]
    return args + ["--proc", "/proc", "--dev", "/dev"]


def scratch_space(size):
    """Private, size-limited /tmp (with matplotlib's config folder) and /dev/shm; the rest of /dev read-only."""
    return ["--perms", "1777", "--size", str(size), "--tmpfs", "/tmp", "--perms", "1777", "--dir", MATPLOTLIB_DIR,
            "--perms", "1777", "--size", str(size), "--tmpfs", "/dev/shm",
            "--remount-ro", "/dev"]


def python_environment():
    """Folders of the grader's Python and of `nnfs`, outside /usr (already there)."""
    prefixes = (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix)
    folders = {Path(p).resolve() for p in prefixes}
    # A virtual environment reached through a symlink is also shown under the path the kernel command uses.
    folders |= {Path(p).absolute() for p in prefixes if Path(p).is_symlink()}
    folders.add(nnfs_folder())
    inside = [f for f in folders if f.is_relative_to("/usr") or any(f != g and f.is_relative_to(g) for g in folders)]
    return sorted(str(f) for f in folders - set(inside))


def read_only(paths):
    return [arg for path in paths for arg in ("--ro-bind", path, path)]


def parent_folders(paths):
    """Make the folders above each path traversable (bwrap would create them private)."""
    parents = {str(parent) for path in paths for parent in Path(path).parents}
    return [arg for parent in sorted(parents - {"/", "/tmp"}) for arg in ("--perms", "0755", "--dir", parent)]


def hidden(files, empty_file):
    """Show each of `files` as `empty_file`."""
    return [arg for path in files for arg in ("--ro-bind", empty_file, path)]


def nnfs_folder():
    """The folder of the `nnfs` package this grader imports (the kernel must import the same)."""
    return Path(importlib.util.find_spec("nnfs").origin).parent.resolve()


def environment():
    """A clean environment: no grader variables (tokens, JPY_PARENT_PID) reach the kernel."""
    variables = {
        "HOME": "/tmp", "TMPDIR": "/tmp", "LANG": "C.UTF-8", "MPLCONFIGDIR": MATPLOTLIB_DIR,
        # Inside the sandbox the folder above nnfs holds nothing else (see parent_folders).
        "PYTHONPATH": str(nnfs_folder().parent),
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        # Threads count against both limits: one BLAS thread, and glibc's per-thread
        # malloc arenas (64 MiB of address space each) capped.
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "MALLOC_ARENA_MAX": "2",
    }
    if "NBGRADER_EXECUTION" in os.environ:  # nbgrader tells notebooks they are being autograded
        variables["NBGRADER_EXECUTION"] = os.environ["NBGRADER_EXECUTION"]
    return ["--clearenv"] + [arg for name, value in variables.items() for arg in ("--setenv", name, value)]


def drop_privileges(uid):
    """As root: become `uid`, with no groups and no capabilities left."""
    if uid is None:
        return []
    return ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
            "--inh-caps=-all", "--bounding-set=-all", "--"]


def resource_limits(memory, processes):
    return ["prlimit", f"--as={memory}", f"--nproc={processes}", "--"]


def bwrap_command(kernel_cmd, submission, kernel_dir, memory, processes, tmp_size, uid):
    """The command that runs `kernel_cmd` sandboxed, in the folder `submission`.

    - kernel_dir: a `private_folder`, for the connection file and IPC sockets, writable inside
    - memory: bytes of address space per process; processes: most processes and threads
    - tmp_size: bytes of /tmp (and of /dev/shm); uid: see `sandbox_uid`
    """
    environment_folders = python_environment()
    return [
        "bwrap", *isolation(uid), *system_files(), *scratch_space(tmp_size), *font_list(kernel_dir),
        *parent_folders([*environment_folders, submission, kernel_dir]),
        *read_only(environment_folders), *read_only([submission]),
        *hidden(sorted(str(p) for p in Path(submission).glob("*.ipynb")), os.path.join(kernel_dir, "empty")),
        "--bind", kernel_dir, kernel_dir, "--remount-ro", "/",
        *environment(), "--chdir", submission,
        "--", *drop_privileges(uid), *resource_limits(memory, processes), *kernel_cmd,
    ]


def private_folder(uid):
    """A new folder for one kernel: connection file, IPC sockets, an empty file to hide notebooks,
    and the grader's matplotlib font list."""
    folder = tempfile.mkdtemp(prefix="nnfs-kernel-")
    Path(folder, "empty").touch(mode=0o444)
    write_font_list(folder)
    if uid is not None:
        os.chown(folder, uid, uid)
    return folder


def write_font_list(folder):
    """matplotlib's font list as the grader has it, for the kernel to read instead of rebuilding it
    (`import matplotlib.pyplot` took about 0.8 s longer without it, measured on 01)."""
    if importlib.util.find_spec("matplotlib") is None:
        return
    from matplotlib import font_manager

    path = Path(folder, f"fontlist-v{font_manager.FontManager.__version__}.json")
    font_manager.json_dump(font_manager.fontManager, path)
    path.chmod(0o444)


def font_list(kernel_dir):
    """Show the kernel the font list of `write_font_list`, read-only, in its (writable) MPLCONFIGDIR."""
    return [arg for path in sorted(Path(kernel_dir).glob("fontlist-v*.json"))
            for arg in ("--ro-bind", str(path), f"{MATPLOTLIB_DIR}/{path.name}")]


def symlinks(folder, names):
    """The symlinks among `names` in `folder`, for `shutil.copytree(ignore=...)` of submissions.

    Copying a submitted symlink would copy its target (solutions/, the gradebook) into
    the submission, where the sandboxed kernel can read it.
    """
    return [name for name in names if os.path.islink(os.path.join(folder, name))]


def config_lines(sandbox):
    """nbgrader config lines for a course: sandbox on (True), off (False), or on with these settings (a dict)."""
    settings = {"enabled": False} if sandbox is False else ({} if sandbox is True else sandbox)
    return "".join(f"c.SandboxedKernelManager.{name} = {value!r}\n" for name, value in settings.items())


def problem():
    """None when sandboxed kernels can run here; otherwise what is wrong and what to do."""
    if shutil.which("bwrap") is None:
        return INSTALL_BWRAP
    folder = private_folder(sandbox_uid())
    try:
        with tempfile.TemporaryDirectory() as submission:
            os.chmod(submission, 0o755)
            kernel_imports = [sys.executable, "-c", "import ipykernel, nnfs; print(nnfs.__file__)"]
            command = bwrap_command(kernel_imports, submission, folder, 2 * GiB, 64, MiB, sandbox_uid())
            probe = subprocess.run(command, capture_output=True, text=True)
    finally:
        shutil.rmtree(folder)
    if probe.returncode != 0:
        return (f"The autograding sandbox does not work here: {probe.stderr.strip()[-500:]}\n"
                "bubblewrap needs user namespaces (sysctl kernel.unprivileged_userns_clone=1) unless run "
                "as root, util-linux's setpriv and prlimit, and, as root, a Python environment and "
                "checkout that other users may read. " + OPT_OUT)
    if Path(probe.stdout.strip()).parent != nnfs_folder():
        return (f"Sandboxed kernels import nnfs from {probe.stdout.strip()}, not the grader's {nnfs_folder()}: "
                "grading would fail for everyone. Check PYTHONPATH and the virtual environment.")
    return None


SEND_TIMEOUT = 10.0  # seconds a message to the kernel may wait to be sent (it never waits while connected)


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager that starts the kernel inside bwrap (see the module docstring)."""

    enabled = Bool(True, help="Sandbox kernels; False only for trusted submissions").tag(config=True)
    memory_limit = Integer(2 * GiB, help="Bytes of address space per process (RLIMIT_AS)").tag(config=True)
    max_processes = Integer(128, help="Processes and threads in one sandbox (RLIMIT_NPROC)").tag(config=True)
    tmp_size = Integer(256 * MiB, help="Bytes of the sandbox's /tmp, and of its /dev/shm").tag(config=True)

    wire_limit = Integer(64 * MiB, help="Bytes of one message from the kernel; a larger one drops the connection"
                         ).tag(config=True)

    kernel_dir = None  # private folder: connection file and IPC sockets

    def client(self, **kwargs):
        """A kernel client whose sockets refuse messages above `wire_limit` bytes, dropping the connection,
        and give up a send after SEND_TIMEOUT: the shell channel never reconnects after such a drop,
        and a send to it would wait for good."""
        kc = super().client(**kwargs)
        kc.context.setsockopt(zmq.MAXMSGSIZE, self.wire_limit)
        kc.context.setsockopt(zmq.SNDTIMEO, int(SEND_TIMEOUT * 1000))
        return kc

    async def _async_pre_start_kernel(self, **kw):
        if not self.enabled:
            kernel_cmd, kw = await super()._async_pre_start_kernel(**kw)
            env = kw["env"] = dict(kw.get("env") or os.environ)
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(nnfs_folder().parent), env.get("PYTHONPATH")]))
            return kernel_cmd, kw
        if shutil.which("bwrap") is None:
            raise RuntimeError(INSTALL_BWRAP)
        uid = sandbox_uid()
        self.kernel_dir = private_folder(uid)
        self.transport, self.cache_ports = "ipc", False
        self.connection_file = os.path.join(self.kernel_dir, "kernel.json")
        self.ip = os.path.join(self.kernel_dir, "ipc")
        self.kernel_spec.interrupt_mode = "message"  # a signal would stop at bwrap
        kernel_cmd, kw = await super()._async_pre_start_kernel(**kw)
        if uid is not None:
            os.chown(self.connection_file, uid, uid)
        submission = str(Path(kw.get("cwd") or os.getcwd()).resolve())
        kw["stdout"] = kw["stderr"] = subprocess.DEVNULL  # the grader's terminal is not the student's
        command = bwrap_command(kernel_cmd, submission, self.kernel_dir, self.memory_limit,
                                self.max_processes, self.tmp_size, uid)
        return command, kw

    async def shutdown_kernel(self, now=False, restart=False):
        """Stop the kernel, then wait until nothing of its sandbox is left."""
        sandbox = self._sandbox_processes()
        await super().shutdown_kernel(now=now, restart=restart)
        await wait_until_gone(sandbox)

    async def cleanup_resources(self, restart=False):
        await super().cleanup_resources(restart=restart)
        if self.kernel_dir and not restart:
            shutil.rmtree(self.kernel_dir, ignore_errors=True)
            self.kernel_dir = None

    def _sandbox_processes(self):
        """bwrap and everything under it: the sandbox's init, the kernel, what the kernel started."""
        process = getattr(self.provisioner, "process", None)
        if not self.enabled or process is None:
            return []
        try:
            bwrap = psutil.Process(process.pid)
            return [bwrap] + bwrap.children(recursive=True)
        except psutil.NoSuchProcess:
            return []


async def wait_until_gone(processes, timeout=5.0):
    """Wait for `processes` to end; kill any still there after `timeout` seconds, and wait as long again for that."""
    if not await ended(processes, timeout):
        for p in filter(alive, processes):
            p.kill()
        await ended(processes, timeout)


async def ended(processes, timeout):
    """Whether all of `processes` end within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while any(alive(p) for p in processes):
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


def alive(process):
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
