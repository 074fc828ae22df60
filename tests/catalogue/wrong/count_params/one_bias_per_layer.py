# Mistake: a single scalar bias per layer.
# Feedback: one bias per layer instead of one per unit
def count_params(Dx, H, Dy):
    return Dx * H + H * Dy + 2
