# Style: shuffled copies of X and y first, then consecutive slices (a list returned, not a generator).
def minibatches(X, y, batch_size, rng):
    perm = rng.permutation(len(X))
    X_shuffled, y_shuffled = X[perm], y[perm]
    return [(X_shuffled[i:i + batch_size], y_shuffled[i:i + batch_size])
            for i in range(0, len(X), batch_size)]
