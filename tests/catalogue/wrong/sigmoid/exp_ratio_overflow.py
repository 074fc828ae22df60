# Mistake: exp(x) / (1 + exp(x)) gives inf / inf = nan for large x.
# Feedback: inf or nan
def sigmoid(x):
    x = np.asarray(x, dtype=float)
    return np.exp(x) / (1 + np.exp(x))
