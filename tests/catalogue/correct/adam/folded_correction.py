# Style: the bias correction folded into the step size, lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t),
# with epsilon rescaled so that the formula is exactly the same.
def adam(w, dw, config=None):
    config = dict(config or {})
    lr = config.setdefault("learning_rate", 1e-3)
    b1 = config.setdefault("beta1", 0.9)
    b2 = config.setdefault("beta2", 0.999)
    eps = config.setdefault("epsilon", 1e-8)
    t = config.get("t", 0) + 1
    m = b1 * config.get("m", 0.0) + (1 - b1) * dw
    v = b2 * config.get("v", 0.0) + (1 - b2) * dw * dw
    c1, c2 = 1 - b1 ** t, 1 - b2 ** t
    lr_t = lr * np.sqrt(c2) / c1
    next_w = w - lr_t * m / (np.sqrt(v) + eps * np.sqrt(c2))
    config.update(m=m, v=v, t=t)
    return next_w, config
