# Style: math.exp, a Python float.
import math


def exponential_decay(lr0, epoch, k=0.1):
    return lr0 * math.exp(-k * epoch)
