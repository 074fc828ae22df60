"""The grader's end of a call into the student's kernel (the kernel's end is `nnfs.kernel_service`).

Test cells run in the grader's process; the student's graded names there are
proxies (`RemoteFunction`, `RemoteObject`) whose calls become requests to the
kernel. The grader listens on a Unix socket in the kernel's private folder; a
silent cell of the kernel, `serve(address)`, connects to it and answers requests
until the test cell is done. Whatever comes back is decoded by `nnfs.wire` as
hostile data, under a deadline and a size bound, and the kernel never receives
anything of a test but the data of the call it makes.
"""

import contextlib
import os
import random
import shutil
import socket
import sys
import tempfile
import time

import numpy as np
import zmq
from jupyter_core.utils import run_sync

from nnfs import wire

SERVE = "__import__('nnfs.kernel_service').kernel_service.serve({address!r})"
# How long serve() may take to end when told to (milliseconds, as a rule), and an interrupted
# kernel to stop what it runs and be idle again.
STOP_WAIT = 2.0
STOP_GRACE = 10.0
LOST_CONNECTION = ("the kernel's connection to the grader was dropped (it sent a message larger than the "
                   "autograder accepts), so no more of this notebook could run")
MAX_MESSAGE = 64 * 2**20  # bytes of one message from the kernel, unless the kernel manager has a wire_limit


class RemoteError(Exception):
    """The student's code raised in the kernel, or the kernel did not answer as it should."""


class KernelTimeout(RemoteError):
    """The kernel did not answer before the deadline."""


class KernelLink:
    """Requests to the student's kernel while the grader runs a cell of instructor code.

    - client: the notebook's (async) kernel client; manager: its kernel manager
    - deadline: () -> time.monotonic() by which the current cell must be done, and the
      limit's name for messages
    """

    def __init__(self, client, manager, deadline):
        self.client, self.manager, self.deadline = client, manager, deadline
        self.serving = None  # msg_id of the kernel's running serve(), if any
        self.kernel = None  # the socket serve() connected with
        self.callbacks = {}  # number -> a function of the grader's, handed to student code
        self.broken = None  # why the kernel can no longer be used, once it cannot
        self.agreed_states = None  # the random states both ends had after their last exchange
        self.unsent = {}  # id -> a TiedArray changed since the kernel last saw it
        self.limit = getattr(manager, "wire_limit", MAX_MESSAGE)
        self._listener = self._folder = self._poller = self._shadows = None

    # ---- random states: Python's `random` and NumPy's global state are shared, as in one process
    def random_states(self):
        """This process's random states, or None when the kernel already has them."""
        states = {"python": random.getstate(), "numpy": np.random.get_state()}
        if wire.same_random_states(states, self.agreed_states):
            return None
        self.agreed_states = states
        return states

    def set_random_states(self, states):
        """Adopt the random states the kernel reports, if any and if they are well formed."""
        if type(states) is not dict:
            return
        with contextlib.suppress(Exception):
            random.setstate(states["python"])
            np.random.set_state(states["numpy"])
            self.agreed_states = states

    # ---- requests --------------------------------------------------------------------
    def call(self, name=None, owner=None, args=(), kwargs=None):
        """Call the kernel's global `name`, or the kernel object `owner` (a RemoteObject)."""
        args, kwargs = list(args), dict(kwargs or {})
        reply = self.request({"op": "call", "name": name, "owner": owner, "args": args, "kwargs": kwargs,
                              "random": self.random_states()})
        self.set_random_states(reply.get("random"))
        after = reply.get("after")
        if type(after) is list and len(after) == 2:
            mirror(args, after[0])
            mirror(kwargs, after[1])
        return reply.get("value")

    def request(self, message):
        """Send one request; the kernel's reply (a dict), its printed output written to our stdout."""
        if self.broken:
            raise RemoteError(self.broken)
        self.send_unsent()
        if self.serving is None:
            self.start_serving()
        reply = self.exchange(message)
        if type(reply) is not dict or not ("value" in reply or "error" in reply):
            raise RemoteError("the kernel answered something the grader did not ask for")
        printed = reply.get("printed")
        if type(printed) is str:
            sys.stdout.write(printed[:100_000])
        if "error" in reply:
            raise RemoteError(f"{str(reply['error'])[:100]}: {str(reply.get('message', ''))[:2000]} "
                              "(raised by your code)")
        return reply

    def start_serving(self):
        """Run serve() in the kernel, and take its connection and its first message, "ready"."""
        address = self.listen()
        try:
            self.serving = self.client.execute(SERVE.format(address=address), silent=True, store_history=False,
                                               allow_stdin=False, stop_on_error=False)
        except zmq.Again:  # the kernel's connection is gone (see SandboxedKernelManager.client)
            self.broken = LOST_CONNECTION
            raise RemoteError(self.broken) from None
        deadline, limit = self.deadline()
        try:
            self._wait_for(self._listener, deadline)
        except KernelTimeout:
            self.stop_overrun(limit)
        self.kernel, _ = self._listener.accept()
        self._poller.register(self.kernel, zmq.POLLIN)
        if self.receive() != {"ready": True}:
            raise RemoteError("the kernel did not start answering the grader")

    def listen(self):
        """The address of this link's Unix socket, in the kernel's private folder (made on first use)."""
        if self._listener is None:
            folder = getattr(self.manager, "kernel_dir", None)
            if folder is None:
                folder = self._folder = tempfile.mkdtemp(prefix="nnfs-link-")
            address = os.path.join(folder, "grader.sock")
            self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self._listener.bind(address)
            os.chmod(address, 0o666)  # the sandbox's uid may connect; the folder is the kernel's alone
            self._listener.listen(1)
            self._sockets()
            self._poller.register(self._listener, zmq.POLLIN)
        return self._listener.getsockname()

    def close(self):
        """Stop listening (once the notebook is done)."""
        self.hang_up()
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)

    def hang_up(self):
        if self.kernel is not None:
            self._poller.unregister(self.kernel)
            self.kernel.close()
            self.kernel = None

    def send(self, message):
        try:
            wire.send_frame(self.kernel, wire.pack(message, self.handle))
        except OSError:
            raise RemoteError("the kernel stopped answering the grader") from None

    def exchange(self, message):
        """Send `message`, answer the kernel's callbacks, and return its next other message."""
        self.send(message)
        while True:
            prompt = self.receive()
            if type(prompt) is dict and "callback" in prompt:
                self.send(self.run_callback(prompt))
            else:
                return prompt

    def run_callback(self, prompt):
        function = self.callbacks.get(prompt.get("callback"))
        if function is None:
            return {"raised": "no such function"}
        self.set_random_states(prompt.get("random"))
        args, kwargs = prompt.get("args"), prompt.get("kwargs")
        if type(args) is not list or type(kwargs) is not dict or not all(type(k) is str for k in kwargs):
            return {"raised": "malformed arguments", "random": self.random_states()}
        try:
            with contextlib.redirect_stdout(NullWriter()):
                value = function(*args, **kwargs)
            return {"returned": value, "random": self.random_states()}
        except RemoteError:
            # The kernel failed while this function called back into it: the whole request
            # fails, and the kernel, still waiting for this answer, is reset.
            if self.serving is not None:
                self.interrupt("a failed call")
            raise
        except Exception as error:
            return {"raised": type(error).__name__, "random": self.random_states()}

    def defer_write(self, array):
        """Note a changed TiedArray: it is written back once, before the kernel next runs anything."""
        self.unsent[id(array)] = array

    def send_unsent(self):
        while self.unsent:
            self.unsent.pop(next(iter(self.unsent))).write_back()

    def stop(self):
        """End the kernel's serve(), leaving it idle for the notebook's next cell."""
        if self.serving is None or self.broken:
            return
        try:
            self.send_unsent()
            self.send({"op": "stop"})
        except RemoteError:
            pass
        self.hang_up()
        try:
            self.wait_until_idle(time.monotonic() + STOP_WAIT)
        except RemoteError:  # serve() did not end when told: not the course's serve() at the other end
            self.interrupt("it was told to stop")
        self.serving = None

    # ---- handles -----------------------------------------------------------------------
    def handle(self, value):
        """Wire tag for what stays here: our own function (a callback), or the kernel's object back."""
        if isinstance(value, RemoteObject):
            return {"ref": object.__getattribute__(value, "_number")}
        if isinstance(value, RemoteFunction):
            raise wire.WireError("a student's function cannot be passed to student code")
        if callable(value):
            number = len(self.callbacks) + 1
            self.callbacks[number] = value
            return {"callback": number}
        raise wire.WireError(f"a {type(value).__name__} cannot be sent to the kernel")

    def resolve(self, kind, number, data):
        if kind == "callback":
            return self.callbacks.get(number)
        return RemoteObject(self, number, data.get("callable") is True)

    # ---- messages --------------------------------------------------------------------------
    def receive(self):
        """The kernel's next message to us, decoded."""
        deadline, limit = self.deadline()
        try:
            self._wait_for(self.kernel, deadline)
            message = wire.receive_frame(self.kernel, self.limit, deadline)
        except (KernelTimeout, socket.timeout):
            self.stop_overrun(limit)
        except (OSError, wire.WireError) as error:
            self.interrupt("a broken message")
            raise RemoteError(f"the kernel answered with malformed data ({error})") from None
        if message is None:
            self.interrupt("it hung up")
            raise RemoteError("the kernel stopped answering the grader")
        try:
            return wire.unpack(message, self.resolve)
        except wire.WireError as error:
            raise RemoteError(f"the kernel answered with malformed data ({error})") from None

    def _wait_for(self, link, deadline=None):
        """Wait until `link` (a socket) has something to read; meanwhile drop what the kernel prints,
        and notice when serve() ends or the kernel dies."""
        if deadline is None:
            deadline = self.deadline()[0]
        iopub, shell = self._sockets()
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise KernelTimeout()
            ready = dict(self._poller.poll(1000 * min(remaining, 1.0)))
            if link is not None and link.fileno() in ready:
                return
            if not ready and not run_sync(self.manager.is_alive)():
                self.broken = "the kernel died (a crash, os._exit, or too much memory)"
                raise RemoteError(self.broken)
            if iopub in ready:
                self.client.session.recv(iopub, mode=zmq.NOBLOCK)
            if shell in ready:
                _, message = self.client.session.recv(shell, mode=zmq.NOBLOCK)
                if message and message["parent_header"].get("msg_id") == self.serving:
                    self.serving = None
                    if link is not None:
                        raise RemoteError("the kernel stopped answering the grader")
                    return

    def _sockets(self):
        """Blocking views of the kernel client's iopub and shell sockets (they are asyncio's)."""
        if self._poller is None:
            self._shadows = [zmq.Socket.shadow(getattr(self.client, f"{name}_channel").socket.underlying)
                             for name in ("iopub", "shell")]
            self._poller = zmq.Poller()
            for shadow in self._shadows:
                self._poller.register(shadow, zmq.POLLIN)
        return self._shadows

    def stop_overrun(self, limit):
        """Stop the kernel, which ran past `limit` (the limit's name), and fail the request."""
        self.interrupt(f"it ran past the {limit}")
        raise KernelTimeout(f"your code ran past the {limit} and was stopped") from None

    def interrupt(self, why):
        """Stop what the kernel runs; if it will not stop, no later cell may use it."""
        self.hang_up()
        if self.serving is not None:
            run_sync(self.manager.interrupt_kernel)()
        try:
            self.wait_until_idle(time.monotonic() + STOP_GRACE)
        except RemoteError:
            self.broken = f"the kernel stopped answering after {why}"
        self.serving = None

    def wait_until_idle(self, deadline):
        """Wait for the serve cell's execute reply."""
        try:
            while self.serving is not None:
                self._wait_for(None, deadline)
        except KernelTimeout:
            raise RemoteError("the kernel did not stop") from None


class NullWriter:
    """Discards what the grader's own functions print while student code calls them."""

    def write(self, text):
        return len(text)

    def flush(self):
        pass


def mirror(original, after):
    """Copy into `original` (arguments of a call) the changes student code made to its copies."""
    if isinstance(original, np.ndarray) and isinstance(after, np.ndarray):
        if original.shape == after.shape and original.flags.writeable and not np.array_equal(original, after, equal_nan=True):
            with contextlib.suppress(TypeError, ValueError):
                original[...] = after
    elif type(original) is list and type(after) is list:
        if len(original) != len(after):
            original[:] = after
            return
        for index, (old, new) in enumerate(zip(original, after)):
            if isinstance(old, (np.ndarray, list, dict)) and type(old) is type(new):
                mirror(old, new)
            elif not same(old, new):
                original[index] = new
    elif type(original) is dict and type(after) is dict:
        for key in [k for k in original if k not in after]:
            del original[key]
        for key, new in after.items():
            old = original.get(key)
            if isinstance(old, (np.ndarray, list, dict)) and type(old) is type(new):
                mirror(old, new)
            elif key not in original or not same(old, new):
                original[key] = new


def same(a, b):
    try:
        return bool(a == b)
    except Exception:
        return False


class RemoteFunction:
    """A student's top-level function or class, called in the kernel."""

    def __init__(self, link, name):
        self._link, self._name = link, name

    def __call__(self, *args, **kwargs):
        return self._link.call(name=self._name, args=args, kwargs=kwargs)

    def __repr__(self):
        return f"<your {self._name}>"


class RemoteObject:
    """An object that lives in the kernel (a student's model): attributes and calls go there.

    A list or dict attribute comes back as a copy whose item assignments are written
    back (`model.W[0] = A`, `net.params["W1"] = W`), as are entry assignments of its
    arrays and of array attributes (`model.W[0][i, j] = v`, `model.z0[0] = v`).
    """

    def __init__(self, link, number, is_callable=False):
        object.__setattr__(self, "_link", link)
        object.__setattr__(self, "_number", number)
        object.__setattr__(self, "_callable", is_callable)

    def __call__(self, *args, **kwargs):
        if not object.__getattribute__(self, "_callable"):
            raise TypeError("this object of your kernel cannot be called")
        return object.__getattribute__(self, "_link").call(owner=self, args=args, kwargs=kwargs)

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        link = object.__getattribute__(self, "_link")
        value = link.request({"op": "getattr", "owner": self, "attr": attr})["value"]
        return tied(value, lambda new: link.request({"op": "setattr", "owner": self, "attr": attr, "value": new}),
                    lambda key, new: link.request({"op": "setitem", "owner": self, "attr": attr, "key": key,
                                                   "value": new}), link.defer_write)

    def __setattr__(self, attr, value):
        link = object.__getattribute__(self, "_link")
        link.request({"op": "setattr", "owner": self, "attr": attr, "value": value})

    def __repr__(self):
        return "<an object of your kernel>"


def tied(value, set_whole, set_item, defer):
    """`value` read from a kernel attribute, with writes sent back (see RemoteObject).

    An item assignment is sent at once; entry writes to an array are deferred (`defer(array)`)
    and sent as one write of the whole array before the kernel next runs anything.
    """
    if type(value) is list:
        return TiedList(value, set_item, defer)
    if type(value) is dict:
        return TiedDict(value, set_item, defer)
    if isinstance(value, np.ndarray):
        return TiedArray.of(value, set_whole, defer)
    return value


class TiedList(list):
    def __init__(self, items, set_item, defer):
        super().__init__(TiedArray.of(item, lambda new, i=i: set_item(i, new), defer) if isinstance(item, np.ndarray)
                         else item for i, item in enumerate(items))
        self._set_item = set_item

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self._set_item(key, np.asarray(value) if isinstance(value, np.ndarray) else value)


class TiedDict(dict):
    def __init__(self, items, set_item, defer):
        super().__init__({key: TiedArray.of(item, lambda new, k=key: set_item(k, new), defer)
                          if isinstance(item, np.ndarray) else item for key, item in items.items()})
        self._set_item = set_item

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self._set_item(key, np.asarray(value) if isinstance(value, np.ndarray) else value)


class TiedArray(np.ndarray):
    """An array read from the kernel; setting an entry writes the whole array back (deferred)."""

    @classmethod
    def of(cls, array, set_whole, defer):
        tied_array = np.asarray(array).view(cls)
        tied_array._set_whole, tied_array._defer = set_whole, defer
        return tied_array

    def __array_finalize__(self, obj):
        self._set_whole = self._defer = None  # views and results of arithmetic are plain copies

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        if self._set_whole is not None:
            self._defer(self)

    def __array_ufunc__(self, ufunc, method, *inputs, out=(), **kwargs):
        """Arithmetic gives plain arrays; an in-place one (`p += t * v`, `out=p`) is written back too."""
        plain = [x.view(np.ndarray) if isinstance(x, TiedArray) else x for x in inputs]
        if out:
            kwargs["out"] = tuple(x.view(np.ndarray) if isinstance(x, TiedArray) else x for x in out)
        result = getattr(ufunc, method)(*plain, **kwargs)
        for x in out:
            if isinstance(x, TiedArray) and x._set_whole is not None:
                x._defer(x)
        if out:
            return out[0] if len(out) == 1 else out
        return result

    def write_back(self):
        self._set_whole(np.asarray(self).view(np.ndarray).copy())
