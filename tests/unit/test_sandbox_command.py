"""The sandbox's bwrap command line (autograders/sandbox.py): what the kernel may see and do."""

import sys
from pathlib import Path

from autograders import sandbox


def command(tmp_path):
    submission = tmp_path / "submission"
    submission.mkdir()
    (submission / "01_sigmoid.ipynb").write_text("{}")
    kernel_dir = tmp_path / "kernel"
    kernel_dir.mkdir()
    return sandbox.bwrap_command(["python", "-m", "ipykernel"], str(submission), str(kernel_dir),
                                 sandbox.GiB, 64, sandbox.MiB, None), submission, kernel_dir


def pairs(args, flag):
    return [args[i + 1] for i, arg in enumerate(args) if arg == flag]


def test_no_network_no_shared_processes_and_dies_with_the_grader(tmp_path):
    args, _, _ = command(tmp_path)
    for flag in ("--unshare-net", "--unshare-pid", "--unshare-ipc", "--die-with-parent", "--new-session", "--clearenv"):
        assert flag in args


def test_the_submission_is_read_only_and_its_notebooks_read_as_empty(tmp_path):
    args, submission, kernel_dir = command(tmp_path)
    assert str(submission) in pairs(args, "--ro-bind")
    notebook = str(submission / "01_sigmoid.ipynb")
    assert args[args.index(notebook) - 1] == str(kernel_dir / "empty")
    assert pairs(args, "--chdir") == [str(submission)]


def test_the_kernel_imports_the_graders_nnfs(tmp_path):
    args, _, _ = command(tmp_path)
    variables = dict(zip(pairs(args, "--setenv"), [args[i + 2] for i, a in enumerate(args) if a == "--setenv"]))
    assert variables["PYTHONPATH"] == str(sandbox.nnfs_folder().parent)
    assert str(sandbox.nnfs_folder()) in pairs(args, "--ro-bind")
    assert Path(sandbox.nnfs_folder(), "wire.py").exists()


def test_limits_wrap_the_kernel_command(tmp_path):
    args, _, _ = command(tmp_path)
    limits = args.index("prlimit")
    assert args[limits:limits + 4] == ["prlimit", f"--as={sandbox.GiB}", "--nproc=64", "--"]
    assert args[-3:] == ["python", "-m", "ipykernel"]


def test_nothing_of_the_grader_but_its_python_and_nnfs_is_shown(tmp_path):
    args, submission, kernel_dir = command(tmp_path)
    shown = set(pairs(args, "--ro-bind")) | set(pairs(args, "--bind"))
    allowed = {"/usr", str(submission), str(kernel_dir), str(kernel_dir / "empty"), *sandbox.python_environment(),
               *sandbox.ETC_FILES, "/bin", "/sbin", "/lib", "/lib32", "/lib64"}
    assert shown <= allowed, shown - allowed
    assert sys.prefix and not any("solutions" in path for path in shown)
