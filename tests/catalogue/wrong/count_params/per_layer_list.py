# Mistake: returns the count of each layer instead of the total.
# Feedback: should be a single number
def count_params(Dx, H, Dy):
    return [(Dx + 1) * H, (H + 1) * Dy]
