# A submission that never finishes: nbgrader's 30 s cell timeout stops it.
def sigmoid(x):
    while True:
        pass
