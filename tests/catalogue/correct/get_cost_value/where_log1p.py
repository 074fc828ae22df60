# Style: np.where picks the log of the true class's probability, log1p for log(1 - p), np.mean
def get_cost_value(Y_hat, Y):
    P = np.minimum(np.maximum(Y_hat, 1e-12), 1 - 1e-12)
    return float(-np.mean(np.where(Y == 1, np.log(P), np.log1p(-P))))
