"""The autograder's wire format: plain data as JSON and raw array bytes, one codec for both ends.

During autograding the tests run in the grader's process and call the student's
functions in the student's kernel. Everything that crosses between the two is
encoded here, on both sides, and nothing else: no pickle, no code. A message is
`pack`ed into bytes (a JSON text and the bytes of its arrays) and sent over a Unix
socket as one frame (`send_frame`, `receive_frame`: its length, then its bytes).

- None, bool, int, float, str: as JSON
- list: a JSON array; tuple: {"tuple": [...]}; dict: {"dict": [[key, value], ...]}
- NumPy array or scalar of a numeric or bool dtype: {"ndarray": n, "dtype", "shape"}, its
  bytes the message's n-th buffer (a scalar has "scalar": true)
- np.random.Generator: {"generator": its bit generator's state} (a copy: the two ends
  never share one generator)
- anything else is kept by the side that has it and sent as a handle, made by
  `encode`'s `handle` argument: {"ref": n} for an object that stays in the kernel,
  {"callback": n} for a function that stays in the grader

The receiving side treats what it decodes as hostile input: dtypes, shapes, sizes,
nesting depth and handle kinds are checked, and anything malformed raises WireError.
"""

import json
import socket
import struct
import time

import numpy as np

# dtypes that may cross: numbers and booleans, in the byte orders NumPy uses here.
DTYPES = {np.dtype(code).str for code in "?bBhHiIlLqQefdgFDG"} | {"|b1", "|i1", "|u1"}
BIT_GENERATORS = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")
MAX_DEPTH = 32
MAX_ITEMS = 2 * 10**7  # entries of one array
MAX_BUFFERS = 10**6  # arrays in one message
HEAD = struct.Struct("!II")  # a message: its JSON's length and its number of buffers, ...
SIZE = struct.Struct("!Q")  # ... and each buffer's length; a frame: the message's length


class WireError(ValueError):
    """A message that is not valid wire data."""


def pack(value, handle=None):
    """The bytes of a message holding `value` (see the module docstring); `handle(obj)` -> tag for other objects."""
    buffers = []
    text = json.dumps(encode(value, handle, buffers)).encode()
    parts = [HEAD.pack(len(text), len(buffers)), text]
    for buffer in buffers:
        parts += [SIZE.pack(len(buffer)), buffer]
    return b"".join(parts)


def unpack(message, resolve=None):
    """The value of a message made by `pack`; `resolve(kind, number, data)` -> the object of a handle."""
    view = memoryview(message)
    try:
        length, count = HEAD.unpack_from(view)
        if count > MAX_BUFFERS:
            raise WireError("too many arrays")
        text, offset = view[HEAD.size:HEAD.size + length], HEAD.size + length
        buffers = []
        for _ in range(count):
            (size,) = SIZE.unpack_from(view, offset)
            buffers.append(view[offset + SIZE.size:offset + SIZE.size + size])
            offset += SIZE.size + size
            if len(buffers[-1]) != size:
                raise WireError("a message cut short")
        if offset != len(view) or len(text) != length:
            raise WireError("a message of the wrong length")
    except struct.error:
        raise WireError("a message cut short") from None
    try:
        data = json.loads(bytes(text))
    except (TypeError, ValueError, RecursionError) as error:
        raise WireError(f"not JSON: {str(error)[:200]}") from None
    return decode(data, resolve, buffers)


def encode(value, handle=None, buffers=None, depth=0):
    """JSON data for `value`; the bytes of its arrays are appended to `buffers`."""
    if depth > MAX_DEPTH:
        raise WireError(f"data nested deeper than {MAX_DEPTH} levels")
    if value is None or type(value) in (bool, int, float, str):
        return value
    if isinstance(value, (np.ndarray, np.generic)) and np.dtype(value.dtype).str in DTYPES:
        array = np.asarray(value)
        buffers.append(array.tobytes(order="C"))
        return {"ndarray": len(buffers) - 1, "dtype": array.dtype.str, "shape": list(array.shape),
                "scalar": isinstance(value, np.generic)}
    if isinstance(value, np.random.Generator):
        return {"generator": value.bit_generator.state}
    if type(value) is list:
        return [encode(v, handle, buffers, depth + 1) for v in value]
    if type(value) is tuple:
        return {"tuple": [encode(v, handle, buffers, depth + 1) for v in value]}
    if type(value) is dict:
        return {"dict": [[encode(k, handle, buffers, depth + 1), encode(v, handle, buffers, depth + 1)]
                         for k, v in value.items()]}
    if handle is None:
        raise WireError(f"a {type(value).__name__} cannot be sent")
    return handle(value)


def decode(data, resolve=None, buffers=(), depth=0):
    if depth > MAX_DEPTH:
        raise WireError(f"data nested deeper than {MAX_DEPTH} levels")
    if data is None or type(data) in (bool, int, float, str):
        return data
    if type(data) is list:
        return [decode(v, resolve, buffers, depth + 1) for v in data]
    if type(data) is not dict or len(data) == 0:
        raise WireError(f"unexpected {type(data).__name__}")
    if "ndarray" in data:
        return decode_array(data, buffers)
    if "tuple" in data and type(data["tuple"]) is list:
        return tuple(decode(v, resolve, buffers, depth + 1) for v in data["tuple"])
    if "dict" in data and type(data["dict"]) is list:
        return decode_dict(data["dict"], resolve, buffers, depth)
    if "generator" in data:
        return decode_generator(data["generator"])
    for kind in ("ref", "callback"):
        if kind in data and type(data[kind]) is int and resolve is not None:
            return resolve(kind, data[kind], data)
    raise WireError(f"unknown tag {sorted(data)[:3]}")


def decode_array(data, buffers):
    dtype, shape, index = data.get("dtype"), data.get("shape"), data.get("ndarray")
    if dtype not in DTYPES or type(index) is not int or not 0 <= index < len(buffers) or type(shape) is not list \
            or not all(type(n) is int and n >= 0 for n in shape) or len(shape) > 32:
        raise WireError("malformed array")
    count = int(np.prod(shape, dtype=object)) if shape else 1
    if count > MAX_ITEMS:
        raise WireError(f"an array of {count} entries is too large")
    buffer = buffers[index]
    if len(buffer) != count * np.dtype(dtype).itemsize:
        raise WireError("array bytes do not match its shape")
    array = np.frombuffer(buffer, dtype=dtype).reshape(shape).copy()
    return array[()] if data.get("scalar") is True and shape == [] else array


def decode_dict(pairs, resolve, buffers, depth):
    result = {}
    for pair in pairs:
        if type(pair) is not list or len(pair) != 2:
            raise WireError("malformed dict")
        key = decode(pair[0], resolve, buffers, depth + 1)
        try:
            result[key] = decode(pair[1], resolve, buffers, depth + 1)
        except TypeError:
            raise WireError("a dict key that cannot be hashed") from None
    return result


def decode_generator(state):
    if type(state) is not dict or state.get("bit_generator") not in BIT_GENERATORS:
        raise WireError("malformed random generator")
    bit_generator = getattr(np.random, state["bit_generator"])()
    try:
        bit_generator.state = state
    except (TypeError, ValueError, KeyError, OverflowError):
        raise WireError("malformed random generator state") from None
    return np.random.Generator(bit_generator)


def same_random_states(a, b):
    """Whether two {"python": random.getstate(), "numpy": np.random.get_state()} are equal."""
    if type(a) is not dict or type(b) is not dict:
        return False
    try:
        mine, theirs = a["numpy"], b["numpy"]
        return (a["python"] == b["python"] and mine[0] == theirs[0] and np.array_equal(mine[1], theirs[1])
                and tuple(mine[2:]) == tuple(theirs[2:]))
    except (KeyError, IndexError, TypeError, ValueError):
        return False


# ---- frames on a stream socket ----

def send_frame(link, message):
    """Send one message (bytes) on the socket `link`."""
    link.sendall(SIZE.pack(len(message)))
    link.sendall(message)


def receive_frame(link, limit, deadline=None):
    """The next message on `link`: None at its end; WireError if larger than `limit` bytes.

    deadline: a time.monotonic() by which the whole message must have come (socket.timeout after it).
    """
    head = _receive_exactly(link, SIZE.size, deadline)
    if head is None:
        return None
    (size,) = SIZE.unpack(head)
    if size > limit:
        raise WireError(f"a message of {size / 2**20:.0f} MB, over the limit of {limit / 2**20:.0f} MB")
    message = _receive_exactly(link, size, deadline)
    if message is None:
        raise WireError("the connection ended inside a message")
    return message


def _receive_exactly(link, size, deadline):
    buffer = bytearray(size)
    view, received = memoryview(buffer), 0
    while received < size:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise socket.timeout()
            link.settimeout(remaining)
        count = link.recv_into(view[received:])
        if count == 0:
            return None
        received += count
    return buffer
