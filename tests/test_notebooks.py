"""Source notebooks: valid nbgrader metadata, clean, and the spec's exact graded names."""

import ast
import subprocess
import sys

import nbformat
import pytest
from nbgrader.nbgraderformat import MetadataValidator

from autograders.course import SOLUTIONS, assignment_names, read_notebook
from autograders.submissions import answer_cells

# COURSE_SPEC.md section 3: assignment -> graded name -> parameters (None for the class).
GRADED = {
    "01_sigmoid": {"sigmoid": ["x"], "sigmoid_grad": ["s"]},
    "02_softmax": {"softmax": ["x"], "cross_entropy_loss": ["logits", "labels"]},
    "03_gradcheck": {"gradcheck_naive": ["f", "x"]},
    "04_two_layer_net": {"count_params": ["Dx", "H", "Dy"],
                         "forward_backward_prop": ["data", "labels", "params", "dimensions"]},
    "05_moons": {"Model": None},
    "06_relu_digits": {"TwoLayerNet": None},
    "07_layers": {"init_layers": ["nn_architecture", "seed"],
                  "single_layer_forward_propagation": ["A_prev", "W_curr", "b_curr", "activation"],
                  "full_forward_propagation": ["X", "params_values", "nn_architecture"],
                  "get_cost_value": ["Y_hat", "Y"], "get_accuracy_value": ["Y_hat", "Y"],
                  "single_layer_backward_propagation": ["dA_curr", "W_curr", "b_curr", "Z_curr", "A_prev", "activation"],
                  "full_backward_propagation": ["Y_hat", "Y", "memory", "params_values", "nn_architecture"],
                  "update": ["params_values", "grads_values", "nn_architecture", "learning_rate"],
                  "train": ["X", "Y", "nn_architecture", "epochs", "learning_rate", "verbose"]},
    "08_debugging": {"Network": None, "FixedModel": None},
    "09_optimizers": {**{rule: ["w", "dw", "config"] for rule in ("sgd", "sgd_momentum", "nesterov", "adagrad",
                                                                  "rmsprop", "adam")},
                      "step_decay": ["lr0", "epoch", "drop", "every"], "exponential_decay": ["lr0", "epoch", "k"],
                      "inverse_time_decay": ["lr0", "epoch", "k"], "minibatches": ["X", "y", "batch_size", "rng"],
                      "dropout_forward": ["x", "p", "rng", "train"], "dropout_backward": ["dout", "mask"]},
    "10_deep_bsde": {"simulate_paths": ["batch", "d", "N", "T", "rng", "x0"], "Subnet": None, "GlobalModel": None},
}


def test_assignments_are_the_spec_sequence():
    assert set(assignment_names()) <= set(GRADED)


def test_nbgrader_metadata_is_valid(assignment):
    notebook = read_notebook(SOLUTIONS, assignment)
    nbformat.validate(notebook)
    MetadataValidator().validate_nb(notebook)


@pytest.fixture(scope="module")
def unstripped():
    """What `nbstripout --verify` (as `make strip` runs it) reports of all the solutions, in one run."""
    paths = [str(SOLUTIONS / a / f"{a}.ipynb") for a in assignment_names()]
    result = subprocess.run([sys.executable, "-m", "nbstripout", "--verify", "--keep-id", "--keep-metadata-keys",
                             "nbgrader", *paths], capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout if result.returncode else ""


def test_solutions_store_no_outputs(assignment, unstripped):
    path = SOLUTIONS / assignment / f"{assignment}.ipynb"
    assert str(path) not in unstripped, f"{path.name} has outputs or execution counts: run `make strip`\n{unstripped}"


def test_graded_names_and_signatures_follow_the_spec(assignment):
    cells = answer_cells(read_notebook(SOLUTIONS, assignment))
    for name, parameters in GRADED[assignment].items():
        assert name in cells, f"{assignment} has no answer cell with grade_id {name!r}"
        tree = ast.parse(cells[name].source)
        defined = {node.name: node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
        assert name in defined, f"the answer cell {name!r} does not define {name} at top level"
        if parameters is not None:
            assert [a.arg for a in defined[name].args.args] == parameters


@pytest.mark.parametrize("kind", ["hidden tests", "written answer", "plot"])
def test_every_notebook_has(assignment, kind):
    notebook = read_notebook(SOLUTIONS, assignment)
    nbgrader = [c.metadata.get("nbgrader", {}) for c in notebook.cells]
    found = {
        "hidden tests": any("### BEGIN HIDDEN TESTS" in c.source for c in notebook.cells),
        "written answer": any(m.get("grade") and m.get("solution") and c.cell_type == "markdown"
                              for m, c in zip(nbgrader, notebook.cells)),
        "plot": any("plt." in c.source or "plot_" in c.source for c in notebook.cells if c.cell_type == "code"),
    }[kind]
    assert found, f"{assignment} has no {kind}"
