# Style: a Python loop over the examples with the math module, accumulating the sum, then dividing by M.
import math


def cross_entropy_loss(logits, labels):
    M, C = np.shape(logits)
    total = 0.0
    dlogits = np.zeros((M, C))
    for i in range(M):
        row = [float(v) for v in logits[i]]
        m = max(row)
        lse = m + math.log(sum(math.exp(v - m) for v in row))
        for c in range(C):
            total -= labels[i][c] * (row[c] - lse)
            dlogits[i, c] = (math.exp(row[c] - lse) - labels[i][c]) / M
    return total / M, dlogits
