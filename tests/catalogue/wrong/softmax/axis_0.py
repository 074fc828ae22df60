# Mistake: normalises the columns (axis 0) instead of the rows.
# Feedback: normalised over axis 0
def softmax(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(x - np.max(x, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)
