# Style: math.floor of the division and math.pow.
import math


def step_decay(lr0, epoch, drop=0.5, every=10):
    return lr0 * math.pow(drop, math.floor(epoch / every))
