# Style: an explicit loop over a flat copy.
def sigmoid_grad(s):
    s = np.array(s, dtype=float)
    flat = s.reshape(-1)
    for i in range(flat.size):
        flat[i] = flat[i] * (1.0 - flat[i])
    return flat.reshape(s.shape) if s.ndim else float(flat[0])
