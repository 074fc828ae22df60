# Mistake: np.log(softmax(logits)) without log-sum-exp: log(0) = -inf when the true class underflows.
# Feedback: without the log-sum-exp trick
def cross_entropy_loss(logits, labels):
    logits = np.asarray(logits, dtype=float)
    M = logits.shape[0]
    probs = softmax(logits)
    return -np.sum(labels * np.log(probs)) / M, (probs - labels) / M
