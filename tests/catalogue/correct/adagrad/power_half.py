# Style: ** 0.5 for the root, np.square for the gradient, defaults merged into a new dict.
def adagrad(w, dw, config=None):
    config = {"learning_rate": 1e-2, "epsilon": 1e-8, **(config or {})}
    cache = np.square(dw) + (config["cache"] if "cache" in config else 0.0)
    next_w = w - config["learning_rate"] * dw / (cache ** 0.5 + config["epsilon"])
    config["cache"] = cache
    return next_w, config
