# Mistake: 1 / (1 - exp(-x)).
# Feedback: 1 / (1 - exp(-x))
def sigmoid(x):
    return 1 / (1 - np.exp(-np.asarray(x, dtype=float)))
