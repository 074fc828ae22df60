# Style: a Python loop over the examples with math.log
import math


def get_cost_value(Y_hat, Y):
    total = 0.0
    for p, y in zip(Y_hat.ravel(), Y.ravel()):
        p = min(max(float(p), 1e-12), 1 - 1e-12)
        total += -(y * math.log(p) + (1 - y) * math.log(1 - p))
    return total / Y_hat.shape[1]
