# Style: a factor exp(-k) per epoch, raised to the epoch.
def exponential_decay(lr0, epoch, k=0.1):
    factor = np.exp(-k)
    return float(lr0 * factor ** epoch)
