# Style: rng.normal with a scale, paths as a concatenation of x0 and a running sum
def simulate_paths(batch, d, N, T, rng, x0=None):
    if x0 is None:
        x0 = np.zeros(d)
    increments = rng.normal(scale=(T / N) ** 0.5, size=(batch, d, N))
    start = np.broadcast_to(np.reshape(x0, (1, d, 1)), (batch, d, 1))
    paths = np.concatenate([start, start + increments.cumsum(axis=-1)], axis=-1)
    return increments, paths
