# Mistake: shifts the logits in place, changing the caller's array.
# Feedback: changed its input
def cross_entropy_loss(logits, labels):
    M = logits.shape[0]
    logits -= logits.max(axis=1, keepdims=True)
    log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    return -np.sum(labels * log_probs) / M, (np.exp(log_probs) - labels) / M
