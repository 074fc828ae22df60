# Style: a loop over np.ndindex with math.exp, stable for both signs.
import math


def sigmoid(x):
    x = np.asarray(x, dtype=float)
    s = np.empty_like(x)
    for index in np.ndindex(x.shape):
        v = x[index]
        if v >= 0:
            s[index] = 1.0 / (1.0 + math.exp(-v))
        else:
            z = math.exp(v)
            s[index] = z / (1.0 + z)
    return s if s.ndim else float(s)
