# Style: one draw per time step, the paths built in a loop
def simulate_paths(batch, d, N, T, rng, x0=None):
    dt = T / N
    x = np.zeros(d) if x0 is None else np.array(x0, dtype=float)
    dW = np.zeros((batch, d, N))
    X = np.zeros((batch, d, N + 1))
    X[:, :, 0] = x
    for i in range(N):
        dW[:, :, i] = rng.normal(0.0, np.sqrt(dt), size=(batch, d))
        X[:, :, i + 1] = X[:, :, i] + dW[:, :, i]
    return dW, X
