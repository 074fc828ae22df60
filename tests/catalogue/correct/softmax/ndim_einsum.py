# Style: separate branches for vectors and matrices, the normalisation with np.einsum.
def softmax(x):
    x = np.array(x, dtype=float)
    if x.ndim == 1:
        e = np.exp(x - np.max(x))
        return e / np.sum(e)
    e = np.exp(x - x.max(axis=1)[:, None])
    return np.einsum("ij,i->ij", e, 1.0 / np.einsum("ij->i", e))
