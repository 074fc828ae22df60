# A submission that never finishes: the cell loops forever before defining sigmoid,
# so nbgrader's 30 s cell timeout stops it and the tests that need sigmoid fail.
while True:
    pass


def sigmoid(x):
    return 1 / (1 + np.exp(-x))
