# Style: np.where over the dropped entries, the kept ones scaled by the mask's value.
def dropout_backward(dout, mask):
    dout = np.asarray(dout, dtype=float)
    return np.where(mask == 0, 0.0, dout * mask)
