# Style: integer indexing of the true class, loss = mean(logsumexp(row) - logit of the true class).
def cross_entropy_loss(logits, labels):
    logits = np.asarray(logits, dtype=float)
    M = logits.shape[0]
    true_class = np.argmax(labels, axis=1)
    m = logits.max(axis=1)
    lse = m + np.log(np.exp(logits - m[:, None]).sum(axis=1))
    loss = np.mean(lse - logits[np.arange(M), true_class])
    dlogits = np.exp(logits - lse[:, None])
    dlogits[np.arange(M), true_class] -= 1
    return loss, dlogits / M
