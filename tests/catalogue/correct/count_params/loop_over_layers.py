# Style: a loop over consecutive layer sizes, weights plus one bias per output unit.
def count_params(Dx, H, Dy):
    sizes = [Dx, H, Dy]
    total = 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        total += (n_in + 1) * n_out
    return total
