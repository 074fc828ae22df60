# Style: all parameters in one flat vector with a single Adam config (Adam acts entry by entry); u_i and z_i stacked in arrays
class GlobalModel:
    def __init__(self, d, N, T, f, g, hidden, rng, f_grads=None):
        self.d, self.N, self.T, self.f, self.g, self.f_grads = d, N, T, f, g, f_grads
        self.u0 = 0.0
        self.z0 = np.zeros(d)
        self.subnets = []
        for _ in range(N - 1):
            self.subnets.append(Subnet(d, hidden, rng))

    def forward(self, dW, X):
        M, dt = dW.shape[0], self.T / self.N
        self.U = np.zeros((self.N + 1, M))
        self.Z = np.zeros((self.N, M, self.d))
        self.U[0] = self.u0
        self.Z[0] = self.z0
        for i in range(self.N):
            if i >= 1:
                self.Z[i] = self.subnets[i - 1].forward(X[:, :, i])
            drift = self.f(i * dt, X[:, :, i], self.U[i], self.Z[i])
            self.U[i + 1] = self.U[i] - dt * drift + (self.Z[i] * dW[:, :, i]).sum(axis=1)
        self.dW, self.X = dW, X
        return self.U[-1].copy()

    def loss(self, dW, X):
        u_N = self.forward(dW, X)
        self.res = u_N - self.g(X[:, :, self.N])
        return float((self.res ** 2).sum() / len(self.res))

    def backward(self):
        M, dt = self.dW.shape[0], self.T / self.N
        delta = 2.0 * self.res / M
        out = {"subnets": []}
        for i in range(self.N - 1, -1, -1):
            if self.f_grads is None:
                df_du, df_dz = np.zeros(M), np.zeros((M, self.d))
            else:
                df_du, df_dz = self.f_grads(i * dt, self.X[:, :, i], self.U[i], self.Z[i])
            dz = delta[:, None] * (self.dW[:, :, i] - dt * np.asarray(df_dz))
            delta = delta * (1.0 - dt * np.asarray(df_du))
            if i >= 1:
                self.subnets[i - 1].backward(dz)
                out["subnets"].insert(0, {k: v.copy() for k, v in self.subnets[i - 1].grads.items()})
            else:
                out["z0"] = dz.sum(axis=0)
        out["u0"] = float(delta.sum())
        return out

    def _pack(self, u0, z0, nets):
        return np.concatenate([[u0], z0] + [net[k].ravel() for net in nets for k in sorted(net)])

    def _unpack(self, theta):
        self.u0 = float(theta[0])
        self.z0 = theta[1:1 + self.d].copy()
        at = 1 + self.d
        for net in self.subnets:
            for k in sorted(net.params):
                size = net.params[k].size
                net.params[k] = theta[at:at + size].reshape(net.params[k].shape)
                at += size

    def train(self, iterations, batch, lr, rng):
        config = {"learning_rate": lr}
        history = []
        for _ in range(iterations):
            dW, X = simulate_paths(batch, self.d, self.N, self.T, rng)
            self.loss(dW, X)
            grads = self.backward()
            theta = self._pack(self.u0, self.z0, [net.params for net in self.subnets])
            dtheta = self._pack(grads["u0"], grads["z0"], grads["subnets"])
            theta, config = adam(theta, dtheta, config)
            self._unpack(theta)
            history.append(self.u0)
        return history
