# Mistake: sign error in the exponent, 1 / (1 + exp(x)).
# Feedback: sign error in the exponent
def sigmoid(x):
    return 1 / (1 + np.exp(np.asarray(x, dtype=float)))
