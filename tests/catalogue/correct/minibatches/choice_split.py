# Style: rng.choice without replacement, then np.split at multiples of batch_size.
def minibatches(X, y, batch_size, rng):
    M = len(y)
    order = rng.choice(M, size=M, replace=False)
    for chosen in np.split(order, np.arange(batch_size, M, batch_size)):
        yield X[chosen], y[chosen]
