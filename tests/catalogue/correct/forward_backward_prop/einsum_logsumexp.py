# Style: np.split for the layout, einsum for the products, a log-softmax with logsumexp, sigmoid via tanh.
def forward_backward_prop(data, labels, params, dimensions):
    Dx, H, Dy = dimensions
    M = len(data)
    W1, b1, W2, b2 = np.split(np.asarray(params, dtype=float), np.cumsum([Dx * H, H, H * Dy]))
    W1, W2 = W1.reshape(Dx, H), W2.reshape(H, Dy)

    h = 0.5 * (1 + np.tanh(0.5 * (np.einsum("mi,ij->mj", data, W1) + b1)))
    scores = np.einsum("mj,jk->mk", h, W2) + b2
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    cost = -np.einsum("mk,mk->", labels, log_probs) / M

    d3 = (np.exp(log_probs) - labels) / M
    d2 = np.einsum("mk,jk->mj", d3, W2) * h * (1 - h)
    grads = [np.einsum("mi,mj->ij", data, d2), d2.sum(axis=0), np.einsum("mj,mk->jk", h, d3), d3.sum(axis=0)]
    return cost, np.concatenate([g.ravel() for g in grads])
