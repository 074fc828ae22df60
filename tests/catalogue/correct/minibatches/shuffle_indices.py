# Style: rng.shuffle on an index array and a while loop over the starts.
def minibatches(X, y, batch_size, rng):
    indices = np.arange(X.shape[0])
    rng.shuffle(indices)
    start = 0
    while start < len(indices):
        chosen = indices[start:start + batch_size]
        yield X[chosen], y[chosen]
        start += batch_size
