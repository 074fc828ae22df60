# Mistake: one maximum for the whole matrix in the log-sum-exp: rows far below it underflow to 0.
# Feedback: one maximum for the whole matrix
def cross_entropy_loss(logits, labels):
    logits = np.asarray(logits, dtype=float)
    M = logits.shape[0]
    shifted = logits - np.max(logits)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -np.sum(labels * log_probs) / M, (np.exp(log_probs) - labels) / M
