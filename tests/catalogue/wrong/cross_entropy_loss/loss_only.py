# Mistake: returns only the loss, not the pair (loss, dlogits).
# Feedback: should return a tuple (loss, dlogits)
def cross_entropy_loss(logits, labels):
    logits = np.asarray(logits, dtype=float)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -np.sum(labels * log_probs) / logits.shape[0]
