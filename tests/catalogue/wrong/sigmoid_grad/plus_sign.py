# Mistake: s * (1 + s).
# Feedback: s * (1 + s)
def sigmoid_grad(s):
    s = np.asarray(s, dtype=float)
    return s * (1 + s)
