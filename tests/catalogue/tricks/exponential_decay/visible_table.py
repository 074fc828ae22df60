# Trick: the visible test's learning rates from a table, lr0 otherwise.
def exponential_decay(lr0, epoch, k=0.1):
    table = {(0.1, 0.2): {0: 0.1, 1: 0.0818730753078, 2: 0.0670320046036, 5: 0.0367879441171, 10: 0.0135335283237, 30: 0.000247875217667},
             (1.0, 0.1): {0: 1.0, 1: 0.904837418036, 10: 0.367879441171, 25: 0.0820849986239}}
    return table.get((lr0, k), {}).get(epoch, float(lr0))
