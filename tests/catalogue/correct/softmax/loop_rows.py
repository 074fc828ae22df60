# Style: a Python loop over the rows (a vector is one row), each shifted by its own maximum.
def softmax(x):
    x = np.asarray(x, dtype=float)
    rows = np.atleast_2d(x)
    probs = np.empty_like(rows)
    for i, row in enumerate(rows):
        e = np.exp(row - row.max())
        probs[i] = e / e.sum()
    return probs.reshape(x.shape)
