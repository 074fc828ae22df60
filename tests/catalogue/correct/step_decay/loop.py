# Style: a loop that multiplies by drop at every completed period.
def step_decay(lr0, epoch, drop=0.5, every=10):
    lr = float(lr0)
    for e in range(1, int(epoch) + 1):
        if e % every == 0:
            lr *= drop
    return lr
