# Mistake: no max-shift, so exp overflows to inf (inf / inf = nan) or underflows (0 / 0 = nan).
# Feedback: inf or nan
def softmax(x):
    e = np.exp(np.asarray(x, dtype=float))
    return e / np.sum(e, axis=-1, keepdims=True)
