"""The wire codec (nnfs/wire.py): plain data round-trips exactly; anything malformed is refused."""

import json
import random
import socket
import time

import numpy as np
import pytest

from nnfs import wire


@pytest.mark.parametrize("value", [
    None, True, 3, -2.5, float("inf"), "text", [1, [2, "x"]], (1, (2.0, None)), {"a": 1, 2: (3,)},
    np.float64(0.5), np.int32(7), np.bool_(True), np.array(0.25), np.zeros((2, 0)),
    np.arange(6.0).reshape(2, 3).T, np.array([[1, 2]], dtype=np.uint8), np.array([np.nan, -np.inf]),
])
def test_plain_data_round_trips_with_its_types_and_shapes(value):
    back = wire.unpack(wire.pack(value))
    assert type(back) is type(value)
    if isinstance(value, (np.ndarray, np.generic)):
        assert back.dtype == value.dtype and np.shape(back) == np.shape(value)
        np.testing.assert_array_equal(back, value)
    else:
        assert back == value


def test_a_generator_crosses_as_a_copy_of_its_state():
    rng = np.random.default_rng(3)
    copy = wire.unpack(wire.pack(rng))
    assert copy is not rng and copy.normal() == rng.normal()


def test_other_objects_need_a_handle():
    with pytest.raises(wire.WireError):
        wire.pack(object())
    assert wire.unpack(wire.pack([len], lambda v: {"callback": 1}), lambda kind, n, data: (kind, n)) == [("callback", 1)]


def message(text, *buffers):
    """A message as `wire.pack` lays it out: this JSON text, these array buffers."""
    data = text.encode()
    return b"".join([wire.HEAD.pack(len(data), len(buffers)), data]
                    + [part for buffer in buffers for part in (wire.SIZE.pack(len(buffer)), buffer)])


EIGHT = bytes(8)


@pytest.mark.parametrize("data", [
    message("not json"), message('{"ndarray": 0, "dtype": "|O", "shape": [1]}', EIGHT),  # object dtype
    message('{"ndarray": 0, "dtype": "<f8", "shape": [2]}', EIGHT),  # bytes do not match the shape
    message('{"ndarray": 0, "dtype": "<f8", "shape": [-1]}', EIGHT),
    message('{"ndarray": 1, "dtype": "<f8", "shape": []}', EIGHT),  # no such buffer
    message('{"ndarray": "0", "dtype": "<f8", "shape": []}', EIGHT),
    message('{"ndarray": 0, "dtype": "<f8", "shape": [100000, 100000]}', EIGHT),  # far too large
    message('{"dict": [[[1], 2]]}'),  # an unhashable key
    message('{"generator": {"bit_generator": "os.system"}}'), message('{"ref": 1}'), message('{"eval": "1"}'),
    message("{}"), message("[" * 100 + "]" * 100),  # nested too deep
    message("[1]")[:-1], message("[1]") + b"x",  # cut short, or longer than its parts
    message('{"ndarray": 0, "dtype": "<f8", "shape": []}', EIGHT)[:-1], b"\0\0",
    wire.HEAD.pack(2, 10**9) + b"[]",  # claims far too many buffers
])
def test_malformed_data_is_refused(data):
    with pytest.raises(wire.WireError):
        wire.unpack(data)


def test_handles_are_resolved_by_the_receiving_side():
    assert wire.unpack(message('[{"ref": 4, "callable": true}]'), lambda kind, n, data: (kind, n)) == [("ref", 4)]


def test_frames_cross_a_socket_whole_and_bounded():
    mine, theirs = socket.socketpair()
    with mine, theirs:
        wire.send_frame(theirs, b"x" * 100_000)
        assert wire.receive_frame(mine, 100_000, time.monotonic() + 5) == b"x" * 100_000
        wire.send_frame(theirs, b"y" * 101)
        with pytest.raises(wire.WireError, match="over the limit"):
            wire.receive_frame(mine, 100)


def test_a_frame_that_never_ends_runs_into_the_deadline():
    mine, theirs = socket.socketpair()
    with mine, theirs:
        theirs.sendall(wire.SIZE.pack(10) + b"abc")  # 10 bytes announced, 3 sent
        with pytest.raises(socket.timeout):
            wire.receive_frame(mine, 100, time.monotonic() + 0.2)



def test_the_end_of_the_connection_is_none_between_frames_and_an_error_inside_one():
    mine, theirs = socket.socketpair()
    with mine:
        wire.send_frame(theirs, b"last")
        theirs.close()
        assert wire.receive_frame(mine, 100) == b"last"
        assert wire.receive_frame(mine, 100) is None
    mine, theirs = socket.socketpair()
    with mine:
        theirs.sendall(wire.SIZE.pack(10) + b"abc")
        theirs.close()
        with pytest.raises(wire.WireError, match="inside a message"):
            wire.receive_frame(mine, 100)


def test_random_states_compare_by_value():
    def seeded(seed):
        random.seed(seed)
        np.random.seed(seed)
        return {"python": random.getstate(), "numpy": np.random.get_state()}

    states = seeded(0)
    assert wire.same_random_states(states, wire.unpack(wire.pack(states)))
    assert not wire.same_random_states(states, seeded(1))
    assert not wire.same_random_states(states, None)
