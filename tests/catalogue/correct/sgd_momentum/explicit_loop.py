# Style: a new dict built key by key, the update as an explicit loop over the entries.
def sgd_momentum(w, dw, config=None):
    given = {} if config is None else config
    defaults = {"learning_rate": 1e-2, "momentum": 0.9}
    new = {key: given.get(key, value) for key, value in defaults.items()}
    for key in given:
        new.setdefault(key, given[key])
    lr, mu = new["learning_rate"], new["momentum"]
    old_v = np.asarray(given["velocity"], dtype=float) if "velocity" in given else np.zeros(np.shape(w))
    v = np.empty(np.shape(w))
    next_w = np.empty(np.shape(w))
    for i in np.ndindex(np.shape(w)):
        v[i] = mu * old_v[i] - lr * dw[i]
        next_w[i] = w[i] + v[i]
    new["velocity"] = v
    return next_w, new
