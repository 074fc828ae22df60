# Style: defaults merged with dict unpacking, the step written into a copy of w.
def sgd(w, dw, config=None):
    config = {"learning_rate": 1e-2, **(config or {})}
    next_w = np.array(w, dtype=float, copy=True)
    next_w -= config["learning_rate"] * np.asarray(dw)
    return next_w, config
