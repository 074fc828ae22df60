"""The trusted re-check's channel to the kernel, with a namespace standing in for the kernel."""

import contextlib
import io

import nbformat
import numpy as np
import pytest

from autograders import trusted


def fake_kernel(student_code):
    """`run` for trusted.Kernel: executes code in one namespace, returns its stdout as outputs."""
    namespace = {"np": np}
    exec(student_code, namespace)

    def run(code):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(code, namespace)
        return [{"output_type": "stream", "name": "stdout", "text": out.getvalue()}]

    return run


SCALE = '''
def scale(x, factor=2.0):
    return np.asarray(x, dtype=float) * factor
'''
APPLY = '''
def apply(f, x):
    return f(x)
'''
BOX = '''
class Box:
    def __init__(self):
        self.W = [np.zeros((2, 2))]
    def total(self):
        return float(sum(w.sum() for w in self.W))
'''
STUDENT = SCALE + APPLY + BOX


def cells(*cells_source):
    """Notebook cells from (kind, source): kind "readonly", "test", or the graded name of an answer cell."""
    made = []
    for kind, source in cells_source:
        answer = kind not in ("readonly", "test")
        meta = {"grade_id": kind if answer else f"cell{len(made)}", "schema_version": 3, "solution": answer,
                "grade": kind == "test", "locked": not answer}
        made.append(nbformat.v4.new_code_cell(source, metadata={"nbgrader": meta}))
    return made


def test_a_passing_test_cell_passes():
    notebook = cells(("readonly", "import numpy as np"), ("scale", SCALE),
                     ("test", "assert np.allclose(scale([1, 2]), [2, 4])"))
    assert trusted.recheck(notebook, fake_kernel(STUDENT)) == {}


def test_a_lying_answer_fails_even_when_it_rebinds_the_check_in_its_namespace():
    check = "def check(got, expected):\n    assert np.allclose(got, expected), 'scale is wrong'\n"
    lying = SCALE.replace("* factor", "* 0") + "\ncheck = lambda *args: None\n"
    notebook = cells(("readonly", "import numpy as np\n" + check), ("scale", lying),
                     ("test", "check(scale([1, 2]), [2, 4])"))
    assert "scale is wrong" in trusted.recheck(notebook, fake_kernel(check + lying))[2]


def test_functions_with_builtins_and_closures_are_sent_to_the_kernel():
    test = '''
offset = 3.0
def shifted(x):
    return [float(v) + offset for v in range(len(x))]
assert apply(shifted, [0, 0]) == [3.0, 4.0]
assert apply(lambda x: sum(x) + offset, [1, 2]) == 6.0
'''
    notebook = cells(("apply", APPLY), ("test", test))
    assert trusted.recheck(notebook, fake_kernel(STUDENT)) == {}


def test_remote_objects_take_attribute_and_entry_assignments():
    test = '''
box = Box()
box.W[0][1, 1] = 5.0
assert box.total() == 5.0
box.W = [np.ones((2, 2))]
assert box.total() == 4.0
'''
    notebook = cells(("readonly", "import numpy as np"), ("Box", BOX), ("test", test))
    assert trusted.recheck(notebook, fake_kernel(STUDENT)) == {}


def test_results_come_back_as_data_only():
    kernel = trusted.Kernel(fake_kernel(STUDENT))
    kernel.install()
    result = trusted.RemoteFunction(kernel, "scale")(np.array([1.0, 2.0]))
    assert type(result) is np.ndarray and result.tolist() == [2.0, 4.0]
    assert isinstance(trusted.RemoteFunction(kernel, "Box")(), trusted.RemoteObject)
    with pytest.raises(trusted.RemoteError, match="ValueError"):
        trusted.RemoteFunction(kernel, "scale")("not a number")
