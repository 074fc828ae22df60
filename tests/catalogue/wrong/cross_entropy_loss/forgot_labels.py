# Mistake: dlogits = softmax / M, forgetting to subtract the labels.
# Feedback: forgot to subtract the labels
def cross_entropy_loss(logits, labels):
    logits = np.asarray(logits, dtype=float)
    M = logits.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -np.sum(labels * log_probs) / M, np.exp(log_probs) / M
