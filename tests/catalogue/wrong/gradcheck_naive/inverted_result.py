# Mistake: returns True when a gradient error is found and False when all pass.
# Feedback: returned False on
import random


def gradcheck_naive(f, x):
    rndstate = random.getstate()
    random.setstate(rndstate)
    fx, grad = f(x)
    h = 1e-4
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        ix = it.multi_index
        x[ix] += h
        random.setstate(rndstate)
        f_plus, _ = f(x)
        x[ix] -= 2 * h
        random.setstate(rndstate)
        f_minus, _ = f(x)
        x[ix] += h
        numgrad = (f_plus - f_minus) / (2 * h)
        reldiff = abs(numgrad - grad[ix]) / max(1, abs(numgrad), abs(grad[ix]))
        if reldiff > 1e-5:
            print("Gradient check failed.")
            print(f"First gradient error found at index {ix}")
            print(f"Your gradient: {grad[ix]:.10g} \t Numerical gradient: {numgrad:.10g}")
            return False
        it.iternext()
    print("Gradient check passed!")
    return False
