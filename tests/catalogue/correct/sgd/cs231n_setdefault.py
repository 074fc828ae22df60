# Style: CS231n's optim.py, filling the caller's dict in place with setdefault.
def sgd(w, dw, config=None):
    if config is None:
        config = {}
    config.setdefault("learning_rate", 1e-2)
    w = w - config["learning_rate"] * dw
    return w, config
