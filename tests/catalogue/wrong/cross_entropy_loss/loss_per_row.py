# Mistake: returns the M per-row losses instead of their mean.
# Feedback: should be a single number
def cross_entropy_loss(logits, labels):
    logits = np.asarray(logits, dtype=float)
    M = logits.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -np.sum(labels * log_probs, axis=1), (np.exp(log_probs) - labels) / M
