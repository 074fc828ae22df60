"""The kernel's end of autograding: answers the grader's calls, runs nothing of the tests.

While nbgrader autogrades a notebook, the grader runs the test cells in its own
process. When a test calls a student's function, the grader starts `serve(address)`
in the student's kernel, which connects to the grader's Unix socket at `address`
(in the kernel's private folder): the kernel sends its reply to the last request,
the grader answers with the next request, each one `nnfs.wire` frame. So the only
thing of a test that ever reaches the kernel is the data of the call it makes.

A function a test hands to student code (the `f` of `gradcheck_naive(f, x)`)
arrives as a `GraderFunction`: calling it asks the grader to run it, and the
grader may in turn ask the kernel to run student code (nested calls). It has no
name, source, closure or constants to read.

Python's `random` and NumPy's global random state travel with every call and
callback, so student code sees the random state a test set, as in one process.

This is student-side code: whatever it answers, the grader checks as hostile data.
"""

import contextlib
import io
import random
import socket
import sys
import types
import warnings

import numpy as np
import numpy.random  # noqa: F401  (NumPy would load it lazily, maybe once student code has used up the memory)

from nnfs import wire

MAX_PRINTED = 100_000  # characters of a call's printed output sent back
MAX_GENERATED = 1_000_000  # items of a returned generator sent back as a list
MAX_MESSAGE = 32 * 2**20  # bytes of one message to the grader (it refuses far larger ones)
MAX_REQUEST = 2**31  # bytes of one message from the grader

_objects = {}  # number -> an object of the kernel the grader holds a handle on
_agreed = [None]  # the random states both ends had after their last exchange
_grader = [None]  # the socket to the grader while serve() runs


def serve(address):
    """Answer the grader's requests, on its Unix socket at `address`, until it sends "stop" or hangs up."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as grader:
        grader.connect(address)
        _grader[0] = grader
        reply = {"ready": True}
        while True:
            request = _ask(reply)
            if request is None or request.get("op") == "stop":
                return
            reply = _answer(request)


def _ask(message):
    """Send `message` to the grader; its answer, decoded (None when it has hung up)."""
    try:
        data = wire.pack(message, _handle)
    except (wire.WireError, RecursionError) as error:
        data = wire.pack({"error": "WireError", "message": f"the result cannot be sent: {error}"})
    if len(data) > MAX_MESSAGE:
        data = wire.pack({"error": "WireError", "message": f"the result is too large to send to the grader "
                                                           f"({len(data) / 2**20:.0f} MB; the limit is "
                                                           f"{MAX_MESSAGE / 2**20:.0f} MB)"})
    wire.send_frame(_grader[0], data)
    answer = wire.receive_frame(_grader[0], MAX_REQUEST)
    if answer is None:
        return None
    answer = wire.unpack(answer, _resolve)
    if type(answer) is not dict:
        raise wire.WireError("the grader's answer is not a request")
    return answer


class GraderFunction:
    """A function of the grader's: it can be called, not inspected."""

    __slots__ = ("_number",)

    def __init__(self, number):
        self._number = number

    def __repr__(self):
        return "<function given by the grader>"

    def __call__(self, *args, **kwargs):
        message = {"callback": self._number, "args": list(args), "kwargs": kwargs, "random": _random_states()}
        while True:
            answer = _ask(message)
            if answer is None:
                raise RuntimeError("the grader hung up")
            if "returned" in answer:
                _set_random_states(answer.get("random"))
                return answer["returned"]
            if "raised" in answer:
                raise RuntimeError(f"the function given by the grader raised: {answer['raised']}")
            message = _answer(answer)  # the grader's function calls student code in turn


def _handle(value):
    """Wire tag for an object that stays here: a kernel object, or the grader's own function back."""
    if isinstance(value, GraderFunction):
        return {"callback": value._number}
    number = len(_objects) + 1
    _objects[number] = value
    return {"ref": number, "callable": callable(value)}


def _resolve(kind, number, data):
    if kind == "callback":
        return GraderFunction(number)
    if number not in _objects:
        raise wire.WireError(f"no object {number} in the kernel")
    return _objects[number]


def _bounded_list(generator):
    items = []
    for item in generator:
        if len(items) == MAX_GENERATED:
            raise wire.WireError(f"the generator yielded more than {MAX_GENERATED} items")
        items.append(item)
    return items


class _Printed(io.StringIO):
    """stdout during a call, keeping at most MAX_PRINTED characters."""

    def write(self, text):
        room = MAX_PRINTED - self.tell()
        if room > 0:
            super().write(str(text)[:room])
        return len(text)


def _answer(request):
    """Run one request (call, getattr, setattr, setitem) and describe the outcome."""
    printed = _Printed()
    try:
        with contextlib.redirect_stdout(printed), warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            value, after = _run(request)
        reply = {"value": value, "after": after}
    except Exception as error:  # the student's code raised: tell the grader what, not where
        reply = {"error": type(error).__name__, "message": str(error)[:2000]}
    reply["printed"] = printed.getvalue()
    reply["random"] = _random_states()
    return reply


def _run(request):
    op, owner = request.get("op"), request.get("owner")
    if op == "call":
        _set_random_states(request.get("random"))
        target = sys.modules["__main__"].__dict__[request["name"]] if owner is None else owner
        args, kwargs = request.get("args", []), request.get("kwargs", {})
        value = target(*args, **kwargs)
        if isinstance(value, types.GeneratorType):  # a generator returned crosses as the list of what it yields
            value = _bounded_list(value)
        return value, [args, kwargs]
    if op == "getattr":
        return getattr(owner, request["attr"]), None
    if op == "setattr":
        return setattr(owner, request["attr"], request["value"]), None
    if op == "setitem":
        getattr(owner, request["attr"])[request["key"]] = request["value"]
        return None, None
    raise ValueError(f"unknown request {op!r}")


def _random_states():
    """This process's random states, or None when the grader already has them."""
    states = {"python": random.getstate(), "numpy": np.random.get_state()}
    if wire.same_random_states(states, _agreed[0]):
        return None
    _agreed[0] = states
    return states


def _set_random_states(states):
    """Adopt the grader's random states (None: they have not changed)."""
    if type(states) is dict:
        random.setstate(states["python"])
        np.random.set_state(states["numpy"])
        _agreed[0] = states
