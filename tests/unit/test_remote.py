"""The grader's proxies (autograders/remote.py): calls as data, changes mirrored, writes sent back."""

import copy

import numpy as np

from autograders.remote import RemoteFunction, RemoteObject, mirror


class FakeLink:
    """Answers requests like a kernel would, from a dict of objects; records what was sent."""

    def __init__(self, objects):
        self.objects, self.sent, self.unsent = objects, [], {}

    def defer_write(self, array):
        self.unsent[id(array)] = array

    def request(self, message):
        while self.unsent:
            self.unsent.pop(next(iter(self.unsent))).write_back()
        self.sent.append(message)
        owner = self.objects[object.__getattribute__(message["owner"], "_number")]
        if message["op"] == "getattr":
            return {"value": copy.deepcopy(getattr(owner, message["attr"]))}  # data crosses as a copy
        if message["op"] == "setattr":
            setattr(owner, message["attr"], message["value"])
        elif message["op"] == "setitem":
            getattr(owner, message["attr"])[message["key"]] = message["value"]
        return {"value": None}

    def call(self, **call):
        self.sent.append(call)
        return "called"


def test_changes_to_array_arguments_are_copied_back_in_place():
    x, params = np.zeros(3), {"W": np.ones(2), "gone": 1}
    x_id = id(x)
    mirror([x, params], [np.array([1.0, 2.0, 3.0]), {"W": np.array([5.0, 6.0]), "new": 2}])
    assert id(x) == x_id and x.tolist() == [1, 2, 3]
    assert params["W"].tolist() == [5, 6] and params["new"] == 2 and "gone" not in params


def test_mirroring_never_changes_shapes_or_types():
    x = np.zeros(3)
    mirror([x, 1], [np.zeros(4), "not an int"])
    assert x.shape == (3,)


class Model:
    def __init__(self):
        self.W = [np.zeros((2, 2)), np.zeros(3)]
        self.params = {"b": np.zeros(2)}
        self.z0 = np.zeros(2)


def test_writes_into_attributes_reach_the_kernel_object():
    model = Model()
    link = FakeLink({1: model})
    proxy = RemoteObject(link, 1)
    proxy.W[0][1, 1] = 5.0
    proxy.W[1] = np.ones(3)
    proxy.params["b"][0] = 2.0
    proxy.z0[1] = 7.0
    proxy.u0 = 0.5
    assert model.W[0][1, 1] == 5.0 and model.W[1].tolist() == [1, 1, 1]
    assert model.params["b"][0] == 2.0 and model.z0[1] == 7.0 and model.u0 == 0.5


def test_entry_writes_are_sent_once_before_the_kernel_next_runs_code():
    model = Model()
    link = FakeLink({1: model})
    proxy = RemoteObject(link, 1)
    z0 = proxy.z0
    for i in range(2):
        z0[i] = i + 1.0
    assert [m["op"] for m in link.sent] == ["getattr"] and model.z0.tolist() == [0, 0]
    proxy.u0 = 0.5
    assert [m["op"] for m in link.sent] == ["getattr", "setattr", "setattr"] and model.z0.tolist() == [1, 2]


def test_in_place_arithmetic_on_a_read_array_reaches_the_kernel_object():
    model = Model()
    link = FakeLink({1: model})
    proxy = RemoteObject(link, 1)
    first, z0 = proxy.W[0], proxy.z0
    first += 1.0
    z0 -= 2.0
    np.multiply(z0, 3.0, out=z0)
    proxy.u0 = 0.5
    assert model.W[0].tolist() == [[1, 1], [1, 1]] and model.z0.tolist() == [-6, -6]


def test_results_of_arithmetic_on_a_read_array_are_plain_copies():
    model = Model()
    link = FakeLink({1: model})
    doubled = RemoteObject(link, 1).z0 * 2
    doubled[0] = 9.0
    assert model.z0[0] == 0.0


def test_a_remote_function_sends_its_name_and_arguments():
    link = FakeLink({})
    assert RemoteFunction(link, "sigmoid")(1.0, axis=0) == "called"
    assert link.sent == [{"name": "sigmoid", "args": (1.0,), "kwargs": {"axis": 0}}]
