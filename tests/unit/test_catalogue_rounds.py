"""Wrong answers graded together in rounds: who may share a round, and what a round can tell."""

from autograders.catalogue import Answer, failures_in_round, wrong_rounds


def mistake(grade_id, name, feedback="names the mistake"):
    return Answer("wrong", grade_id, name, f"# {name}", name, feedback)


REACHES = {"sgd": {"test_sgd"}, "adam": {"test_adam"}, "layer": {"test_layer", "test_net"}, "net": {"test_net"}}


def test_answers_of_one_cell_or_of_overlapping_reaches_never_share_a_round():
    wrong = [mistake("sgd", "a"), mistake("sgd", "b"), mistake("adam", "c"), mistake("layer", "d"), mistake("net", "e")]
    rounds = wrong_rounds(wrong, REACHES)
    assert [sorted(a.name for a in group.values()) for group in rounds] == [["a", "c", "d"], ["b", "e"]]


def test_without_reaches_every_answer_is_graded_alone():
    wrong = [mistake("sgd", "a"), mistake("adam", "c")]
    assert [list(group) for group in wrong_rounds(wrong, {})] == [["sgd"], ["adam"]]
    assert len(wrong_rounds(wrong, {"sgd": set(), "adam": set()})) == 2  # a stub that fails nothing reaches nothing


def test_a_round_gives_each_answer_only_its_own_cells():
    sgd, adam = mistake("sgd", "a", "plus lr * dw"), mistake("adam", "c", "bias correction")
    group = {"sgd": sgd, "adam": adam}
    outputs = {"test_sgd": "AssertionError: plus lr * dw", "test_adam": "AssertionError: no bias correction"}
    assert failures_in_round(sgd, group, REACHES, {"test_sgd", "test_adam"}, outputs) == (
        {"test_sgd"}, "AssertionError: plus lr * dw")


def test_a_round_cannot_tell_when_a_cell_fails_outside_its_reaches():
    sgd, adam = mistake("sgd", "a", "plus lr * dw"), mistake("adam", "c")
    outputs = {"test_sgd": "plus lr * dw", "test_adam": "", "test_net": "NameError"}
    assert failures_in_round(sgd, {"sgd": sgd, "adam": adam}, REACHES, {"test_sgd", "test_net"}, outputs) is None


def test_a_round_cannot_tell_when_the_answers_cells_pass_or_do_not_name_it():
    sgd, adam = mistake("sgd", "a", "plus lr * dw"), mistake("adam", "c", "bias correction")
    group = {"sgd": sgd, "adam": adam}
    # The phrase is printed, but by the other answer's cell: it does not count for this one.
    outputs = {"test_sgd": "", "test_adam": "bias correction; plus lr * dw"}
    assert failures_in_round(sgd, group, REACHES, {"test_adam"}, outputs) is None
    outputs = {"test_sgd": "wrong values", "test_adam": ""}
    assert failures_in_round(sgd, group, REACHES, {"test_sgd"}, outputs) is None


def test_a_cell_two_answers_reach_counts_for_neither():
    layer, sgd = mistake("layer", "d", "wrong mask"), mistake("sgd", "a")
    reaches = {**REACHES, "sgd": {"test_sgd", "test_net"}}
    group = {"layer": layer, "sgd": sgd}
    assert wrong_rounds([layer, sgd], reaches) == [group]
    outputs = {"test_layer": "", "test_net": "wrong mask", "test_sgd": ""}
    assert failures_in_round(layer, group, reaches, {"test_net"}, outputs) is None
    outputs["test_layer"] = "wrong mask"
    assert failures_in_round(layer, group, reaches, {"test_layer", "test_net"}, outputs) == ({"test_layer"}, "wrong mask")
