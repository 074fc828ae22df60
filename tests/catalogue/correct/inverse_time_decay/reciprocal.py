# Style: written as a product with the reciprocal.
def inverse_time_decay(lr0, epoch, k=0.1):
    return lr0 * (1.0 + k * epoch) ** -1
