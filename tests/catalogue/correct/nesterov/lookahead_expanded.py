# Style: the look-ahead step expanded: next_w = w + mu * v_new - lr * dw (the same formula rearranged).
def nesterov(w, dw, config=None):
    config = dict(config or {})
    lr = config.setdefault("learning_rate", 1e-2)
    mu = config.setdefault("momentum", 0.9)
    v_prev = config["velocity"] if "velocity" in config else np.zeros_like(w)
    v = mu * v_prev - lr * dw
    next_w = w + mu * v - lr * dw
    config["velocity"] = v
    return next_w, config
