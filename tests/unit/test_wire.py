"""The wire codec (nnfs/wire.py): plain data round-trips exactly; anything malformed is refused."""

import json
import random

import numpy as np
import pytest

from nnfs import wire


@pytest.mark.parametrize("value", [
    None, True, 3, -2.5, float("inf"), "text", [1, [2, "x"]], (1, (2.0, None)), {"a": 1, 2: (3,)},
    np.float64(0.5), np.int32(7), np.bool_(True), np.array(0.25), np.zeros((2, 0)),
    np.arange(6.0).reshape(2, 3).T, np.array([[1, 2]], dtype=np.uint8), np.array([np.nan, -np.inf]),
])
def test_plain_data_round_trips_with_its_types_and_shapes(value):
    back = wire.loads(wire.dumps(value))
    assert type(back) is type(value)
    if isinstance(value, (np.ndarray, np.generic)):
        assert back.dtype == value.dtype and np.shape(back) == np.shape(value)
        np.testing.assert_array_equal(back, value)
    else:
        assert back == value


def test_a_generator_crosses_as_a_copy_of_its_state():
    rng = np.random.default_rng(3)
    copy = wire.loads(wire.dumps(rng))
    assert copy is not rng and copy.normal() == rng.normal()


def test_other_objects_need_a_handle():
    with pytest.raises(wire.WireError):
        wire.dumps(object())
    assert json.loads(wire.dumps([len], lambda v: {"callback": 1})) == [{"callback": 1}]


@pytest.mark.parametrize("text", [
    "not json", '{"ndarray": "AAAA", "dtype": "|O", "shape": [1]}',  # object dtype
    '{"ndarray": "AAAA", "dtype": "<f8", "shape": [2]}',  # bytes do not match the shape
    '{"ndarray": "AAAA", "dtype": "<f8", "shape": [-1]}', '{"ndarray": "!!", "dtype": "<f8", "shape": []}',
    '{"ndarray": "", "dtype": "<f8", "shape": [100000, 100000]}',  # far too large
    '{"dict": [[[1], 2]]}',  # an unhashable key
    '{"generator": {"bit_generator": "os.system"}}', '{"ref": 1}', '{"eval": "1"}', "{}",
    "[" * 100 + "]" * 100,  # nested too deep
])
def test_malformed_data_is_refused(text):
    with pytest.raises(wire.WireError):
        wire.loads(text)


def test_handles_are_resolved_by_the_receiving_side():
    assert wire.loads('[{"ref": 4, "callable": true}]', lambda kind, n, data: (kind, n)) == [("ref", 4)]


def test_random_states_compare_by_value():
    def seeded(seed):
        random.seed(seed)
        np.random.seed(seed)
        return {"python": random.getstate(), "numpy": np.random.get_state()}

    states = seeded(0)
    assert wire.same_random_states(states, wire.loads(wire.dumps(states)))
    assert not wire.same_random_states(states, seeded(1))
    assert not wire.same_random_states(states, None)
