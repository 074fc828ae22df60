"""Trusted re-check: the test cells run again in the grader's process, outside the kernel.

Student code shares the kernel with the tests, so inside it nothing is safe: it
can rebind `assert_close`, patch `np.allclose` on its first call, or hook IPython
so that no error is ever reported. So after nbgrader has executed the notebook,
and while the kernel is still alive, every test cell runs once more here, in a
namespace built from the notebook's read-only cells (instructor code). The
student's names (`sigmoid`, `Model`, ...) are proxies: each call sends its
arguments to the kernel as JSON, runs the student's code there, and reads the
result back as JSON data (never unpickled). References and comparisons happen
here, where student code never runs. A test cell earns its points only if it
passes in the kernel (where students see messages) and here.
"""

import ast
import contextlib
import io
import json
import sys
import types

import numpy as np

MARKER = "<<GRADER-RPC>>"

# Defined once in the kernel; answers one request (JSON in, JSON printed after MARKER).
KERNEL_SIDE = r'''
def __grader_rpc__(request_json):
    import contextlib as _contextlib, io as _io, json as _json, warnings as _warnings
    import numpy as _np
    objects = globals().setdefault("__grader_objects__", {})

    def decode(v):
        if isinstance(v, list):
            return [decode(x) for x in v]
        if not isinstance(v, dict):
            return v
        if "__nd__" in v:
            return _np.array(v["__nd__"], dtype=v["dtype"]).reshape(v["shape"])
        if "__scalar__" in v:
            return _np.dtype(v["dtype"]).type(v["__scalar__"])
        if "__tuple__" in v:
            return tuple(decode(x) for x in v["__tuple__"])
        if "__obj__" in v:
            return objects[v["__obj__"]]
        if "__global__" in v:
            return globals()[v["__global__"]]
        if "__fn__" in v:
            namespace = dict(globals())
            namespace.update({k: decode(x) for k, x in v["env"].items()})
            exec(v["__fn__"], namespace)
            return namespace[v["name"]]
        return {k: decode(x) for k, x in v["__dict__"].items()}

    def encode(v):
        if isinstance(v, _np.ndarray) and v.dtype.kind in "biuf":
            return {"__nd__": v.tolist(), "dtype": str(v.dtype), "shape": list(v.shape)}
        if isinstance(v, _np.generic) and v.dtype.kind in "biuf":
            return {"__scalar__": v.item(), "dtype": str(v.dtype)}
        if v is None or type(v) in (bool, int, float, str):
            return v
        if type(v) is tuple:
            return {"__tuple__": [encode(x) for x in v]}
        if type(v) is list:
            return [encode(x) for x in v]
        objects[id(v)] = v
        return {"__obj__": id(v)}

    request = _json.loads(request_json)
    out = _io.StringIO()
    try:
        with _contextlib.redirect_stdout(out), _warnings.catch_warnings(), _np.errstate(all="ignore"):
            _warnings.simplefilter("ignore")
            owner = objects[request["obj"]] if request.get("obj") is not None else None
            op = request["op"]
            if op == "call":
                target = globals()[request["name"]] if owner is None else getattr(owner, request["attr"])
                result = target(*decode(request["args"]), **decode(request["kwargs"]))
            elif op == "getattr":
                result = getattr(owner, request["attr"])
            elif op == "setattr":
                result = setattr(owner, request["attr"], decode(request["value"]))
            else:  # setitem on an attribute: owner.attr[key] = value
                getattr(owner, request["attr"])[decode(request["key"])] = decode(request["value"])
                result = None
        reply = {"ok": True, "value": encode(result)}
    except BaseException as error:
        reply = {"ok": False, "error": type(error).__name__, "message": str(error)[:2000]}
    reply["stdout"] = out.getvalue()[:100000]
    print("<<GRADER-RPC>>" + _json.dumps(reply))
'''


class RemoteError(Exception):
    """The student's code raised in the kernel."""


class Kernel:
    """Requests to the student's kernel. `run` executes code there and returns its outputs."""

    def __init__(self, run):
        self.run = run
        self.sources = {}  # (filename, first line) -> (source defining a function, its name)

    def install(self):
        self.run(KERNEL_SIDE)

    def request(self, **request):
        request = {key: self.encode(value) if key in ("args", "kwargs", "value", "key") else value
                   for key, value in request.items()}
        outputs = self.run(f"__grader_rpc__({json.dumps(request)!r})")
        text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
        lines = [line for line in text.splitlines() if line.startswith(MARKER)]
        if not lines:
            raise RemoteError("the kernel gave no answer (is the kernel alive, or was printing replaced?)")
        reply = json.loads(lines[-1][len(MARKER):])
        sys.stdout.write(reply["stdout"])
        if not reply["ok"]:
            raise RemoteError(f"{reply['error']}: {reply['message']}")
        return self.decode(reply["value"])

    def encode(self, value):
        if isinstance(value, RemoteObject):
            return {"__obj__": object.__getattribute__(value, "_id")}
        if isinstance(value, RemoteFunction):
            return {"__global__": value.name}
        if isinstance(value, np.ndarray):
            return {"__nd__": value.tolist(), "dtype": str(value.dtype), "shape": list(value.shape)}
        if isinstance(value, np.generic):
            return {"__scalar__": value.item(), "dtype": str(value.dtype)}
        if isinstance(value, tuple):
            return {"__tuple__": [self.encode(v) for v in value]}
        if isinstance(value, list):
            return [self.encode(v) for v in value]
        if isinstance(value, dict):
            return {"__dict__": {k: self.encode(v) for k, v in value.items()}}
        if isinstance(value, types.FunctionType) and self.source_key(value) in self.sources:
            return self.encode_function(value)
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        raise TypeError(f"cannot send a {type(value).__name__} to the kernel")

    @staticmethod
    def source_key(function):
        return function.__code__.co_filename, function.__code__.co_firstlineno

    def encode_function(self, function):
        """A test's function, as source plus the data it refers to, to define in the kernel."""
        source, name = self.sources[self.source_key(function)]
        code, env = function.__code__, {}
        closure = dict(zip(code.co_freevars, (c.cell_contents for c in function.__closure__ or ())))
        for var in referenced_names(code):
            if var in closure:
                value = closure[var]
            elif var in function.__globals__:
                value = function.__globals__[var]
            else:
                continue  # a builtin or an attribute name: nothing to send
            try:
                env[var] = self.encode(value)
            except TypeError:
                pass  # modules and the like: the kernel has its own
        return {"__fn__": source, "name": name, "env": env}

    def decode(self, value):
        if isinstance(value, list):
            return [self.decode(v) for v in value]
        if not isinstance(value, dict):
            return value
        if "__nd__" in value:
            return np.array(value["__nd__"], dtype=value["dtype"]).reshape(value["shape"])
        if "__scalar__" in value:
            return np.dtype(value["dtype"]).type(value["__scalar__"])
        if "__tuple__" in value:
            return tuple(self.decode(v) for v in value["__tuple__"])
        return RemoteObject(self, value["__obj__"])


def referenced_names(code):
    names = set(code.co_names) | set(code.co_freevars)
    for const in code.co_consts:
        if hasattr(const, "co_names"):
            names |= referenced_names(const)
    return names


class RemoteFunction:
    """A student's top-level function or class, called in the kernel."""

    def __init__(self, kernel, name):
        self.kernel, self.name = kernel, name

    def __call__(self, *args, **kwargs):
        return self.kernel.request(op="call", name=self.name, args=list(args), kwargs=kwargs)


class RemoteList(list):
    """A list attribute of a remote object (model.W). Assigning an item, or an entry
    of an array item (model.W[0][i, j] = ...), is written back to the kernel."""

    def __init__(self, owner, attr, items):
        super().__init__(RemoteArray.tied(item, self, index) if isinstance(item, np.ndarray) else item
                         for index, item in enumerate(items))
        self.owner, self.attr = owner, attr

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        kernel, id_ = object.__getattribute__(self.owner, "_kernel"), object.__getattribute__(self.owner, "_id")
        kernel.request(op="setitem", obj=id_, attr=self.attr, key=key, value=np.asarray(value))


class RemoteArray(np.ndarray):
    """An array item of a RemoteList; setting an entry writes the whole array back."""

    @classmethod
    def tied(cls, array, remote_list, index):
        tied = np.asarray(array).view(cls)
        tied.remote_list, tied.index = remote_list, index
        return tied

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        remote_list = getattr(self, "remote_list", None)
        if remote_list is not None:
            remote_list[self.index] = np.asarray(self).copy()


class RemoteObject:
    """An object living in the kernel (a student's Model): attributes and methods go there."""

    def __init__(self, kernel, id_):
        object.__setattr__(self, "_kernel", kernel)
        object.__setattr__(self, "_id", id_)

    def __getattr__(self, attr):
        kernel, id_ = object.__getattribute__(self, "_kernel"), object.__getattribute__(self, "_id")
        value = kernel.request(op="getattr", obj=id_, attr=attr)
        if isinstance(value, RemoteObject):  # a bound method (or another object): call it remotely
            return lambda *args, **kwargs: kernel.request(op="call", obj=id_, attr=attr, args=list(args), kwargs=kwargs)
        return RemoteList(self, attr, value) if isinstance(value, list) else value

    def __setattr__(self, attr, value):
        kernel, id_ = object.__getattribute__(self, "_kernel"), object.__getattribute__(self, "_id")
        kernel.request(op="setattr", obj=id_, attr=attr, value=value)


def without_magics(source):
    return "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))


def function_sources(source):
    """{first line: (source that defines the function, its name)} for every def and lambda in a cell."""
    found = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef):
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            found[first] = (ast.get_source_segment(source, node), node.name)
        elif isinstance(node, ast.Lambda):
            found.setdefault(node.lineno, (f"__grader_fn__ = {ast.get_source_segment(source, node)}", "__grader_fn__"))
    return found


class TrustedNamespace:
    """Runs instructor cells in this process, with the student's names bound to kernel proxies."""

    def __init__(self, kernel):
        self.kernel = kernel
        self.namespace = {"__name__": "__grader__"}
        self.cells_run = 0

    def run(self, source):
        """Run one cell here (output discarded); the functions it creates can be sent to the kernel."""
        self.cells_run += 1
        filename = f"<grader-cell-{self.cells_run}>"
        source = without_magics(source)
        for line, found in function_sources(source).items():
            self.kernel.sources[(filename, line)] = found
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(source, filename, "exec"), self.namespace)

    def bind_remote(self, name):
        self.namespace[name] = RemoteFunction(self.kernel, name)


def recheck(cells, run_in_kernel):
    """Re-run the test cells of an executed notebook here; {cell index: failure message}.

    - cells: the notebook's cells, after nbgrader restored locked and test cells
    - run_in_kernel: code -> outputs, executed in the notebook's (still running) kernel
    """
    kernel = Kernel(run_in_kernel)
    kernel.install()
    trusted = TrustedNamespace(kernel)
    failures = {}
    for index, cell in enumerate(cells):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code":
            continue
        if meta.get("solution"):
            # Only the graded name (an answer cell's grade_id is the function or class
            # it defines) comes from the kernel: whatever else a student defines, such
            # as their own `assert_close`, never replaces trusted code here.
            name = meta.get("grade_id", "")
            if name.isidentifier() and name not in trusted.namespace:
                trusted.bind_remote(name)
        elif meta.get("locked"):
            try:
                trusted.run(cell.source)
            except Exception as error:
                if meta.get("grade"):
                    failures[index] = f"{type(error).__name__}: {error}"
    return failures
