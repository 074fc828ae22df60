# Style: rng.binomial draws the kept entries; the mask is divided by p.
def dropout_forward(x, p, rng, train=True):
    x = np.asarray(x, dtype=float)
    if train:
        mask = rng.binomial(1, p, size=x.shape) / p
    else:
        mask = np.ones(x.shape)
    return x * mask, mask
