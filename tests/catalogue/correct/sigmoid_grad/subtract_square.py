# Style: s - s**2, expanded.
def sigmoid_grad(s):
    s = np.asarray(s, dtype=float)
    return s - s ** 2
