# Style: np.divide and np.float64 arithmetic.
def inverse_time_decay(lr0, epoch, k=0.1):
    return np.divide(np.float64(lr0), 1 + np.float64(k) * epoch)
