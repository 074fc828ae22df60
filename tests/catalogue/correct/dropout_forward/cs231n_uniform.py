# Style: CS231n's layers.py, rng.uniform instead of np.random.rand, np.where for the mask.
def dropout_forward(x, p, rng, train=True):
    if not train:
        return x, np.ones_like(x, dtype=float)
    keep = rng.uniform(size=x.shape) < p
    mask = np.where(keep, 1.0 / p, 0.0)
    out = x * mask
    return out, mask
