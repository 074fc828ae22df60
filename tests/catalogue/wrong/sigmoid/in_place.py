# Mistake: computes in place on its argument, so the caller's x is destroyed.
# Feedback: changed its input
def sigmoid(x):
    x = np.asarray(x, dtype=float)
    np.negative(x, out=x)
    np.exp(x, out=x)
    x += 1
    np.reciprocal(x, out=x)
    return x
