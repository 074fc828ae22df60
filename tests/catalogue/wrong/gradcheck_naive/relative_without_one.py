# Mistake: divides by max(|num|, |ana|) without the 1, so zero gradients give 1e-8 / 1e-8 = 1.
# Feedback: without the 1
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
        reldiff = abs(numgrad - grad[ix]) / max(abs(numgrad), abs(grad[ix]), 1e-300)
        if reldiff > 1e-5:
            print("Gradient check failed.")
            print(f"First gradient error found at index {ix}")
            print(f"Your gradient: {grad[ix]:.10g} \t Numerical gradient: {numgrad:.10g}")
            return False
        it.iternext()
    print("Gradient check passed!")
    return True
