# Style: the leaky average written as an interpolation, cache + (1 - rho) * (dw**2 - cache).
def rmsprop(w, dw, config=None):
    config = dict(config) if config else {}
    for key, value in (("learning_rate", 1e-2), ("decay_rate", 0.99), ("epsilon", 1e-8)):
        config.setdefault(key, value)
    old = config.get("cache", np.zeros_like(w))
    cache = old + (1 - config["decay_rate"]) * (dw ** 2 - old)
    next_w = w - config["learning_rate"] * dw / (np.sqrt(cache) + config["epsilon"])
    config["cache"] = cache
    return next_w, config
