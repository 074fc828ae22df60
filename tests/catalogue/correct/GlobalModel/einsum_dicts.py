# Style: einsum for the dot products, caches in dicts keyed by step, configs in a dict of dicts
class GlobalModel:
    def __init__(self, d, N, T, f, g, hidden, rng, f_grads=None):
        self.d, self.N, self.T = d, N, T
        self.f, self.g, self.f_grads = f, g, f_grads
        self.u0, self.z0 = 0.0, np.zeros(d)
        self.subnets = [Subnet(d, hidden, rng) for i in range(1, N)]

    def forward(self, dW, X):
        dt = self.T / self.N
        self.u, self.z = {0: self.u0 * np.ones(len(dW))}, {0: np.outer(np.ones(len(dW)), self.z0)}
        for i in range(self.N):
            if i:
                self.z[i] = self.subnets[i - 1].forward(X[:, :, i])
            self.u[i + 1] = (self.u[i] - self.f(i * dt, X[:, :, i], self.u[i], self.z[i]) * dt
                             + np.einsum("md,md->m", self.z[i], dW[:, :, i]))
        self.paths = (dW, X)
        return self.u[self.N]

    def loss(self, dW, X):
        diff = self.forward(dW, X) - self.g(X[:, :, -1])
        self.dL_du = 2 * diff / diff.size
        return float(np.mean(diff * diff))

    def backward(self):
        dW, X = self.paths
        dt = self.T / self.N
        du = self.dL_du
        subnet_grads = {}
        for i in reversed(range(self.N)):
            dz = np.einsum("m,md->md", du, dW[:, :, i])
            if self.f_grads:
                df_du, df_dz = self.f_grads(i * dt, X[:, :, i], self.u[i], self.z[i])
                dz = dz - dt * np.einsum("m,md->md", du, df_dz)
                du = du - dt * du * df_du
            if i:
                self.subnets[i - 1].backward(dz)
                subnet_grads[i - 1] = dict(self.subnets[i - 1].grads)
            else:
                dz0 = np.einsum("md->d", dz)
        return {"u0": float(du.sum()), "z0": dz0, "subnets": [subnet_grads[k] for k in range(self.N - 1)]}

    def train(self, iterations, batch, lr, rng):
        configs = {("u0",): {"learning_rate": lr}, ("z0",): {"learning_rate": lr}}
        for k, net in enumerate(self.subnets):
            for name in net.params:
                configs[(k, name)] = {"learning_rate": lr}
        history = []
        for it in range(iterations):
            dW, X = simulate_paths(batch, self.d, self.N, self.T, rng)
            self.loss(dW, X)
            grads = self.backward()
            new_u0, configs[("u0",)] = adam(np.array(self.u0), np.array(grads["u0"]), configs[("u0",)])
            self.u0 = float(new_u0)
            self.z0, configs[("z0",)] = adam(self.z0, grads["z0"], configs[("z0",)])
            for k, net in enumerate(self.subnets):
                for name in net.params:
                    net.params[name], configs[(k, name)] = adam(net.params[name], grads["subnets"][k][name], configs[(k, name)])
            history.append(self.u0)
        return history
