"""Writes Tests/NeuralNetTests/Fixtures/optimizers.json: reference runs of
every Descent optimizer configuration on a tiny network.

The network is 4-5-3: a tanh hidden layer, a linear output, softmax
cross-entropy over the batch mean. Every case starts from the same weights,
takes the same five batches and records, per step, the loss before the
update and the global gradient norm (before any clipping), and at the end
every layer's weights (as Descent lays them out: inputs x outputs,
row-major, i.e. torch's weight transposed) and biases.

L1 has no torch.optim switch: it is added to the loss as l1 * sum(|p|) over
every parameter, so l1 * sign(p) reaches .grad; the recorded loss stays the
cross-entropy alone, as Descent reports it.

The reference is PyTorch (torch.optim, single-tensor CPU path). Where torch
is not installed, `--numpy` runs a float32 NumPy transcription of the same
torch.optim update rules instead; the fixture's "reference" field says
which produced it. Regenerate with torch whenever it is available:
    Benchmarks/.venv/bin/python Tests/Fixtures/make_optimizers.py
"""

import json
import math
import os
import sys

import numpy as np

INPUTS, HIDDEN, CLASSES = 4, 5, 3
STEPS, ROWS = 5, 6
F32 = np.float32

_rng = np.random.default_rng(11)
INITIAL = [
    ((_rng.standard_normal((HIDDEN, INPUTS)) * 0.5).astype(F32),
     (_rng.standard_normal(HIDDEN) * 0.1).astype(F32)),
    ((_rng.standard_normal((CLASSES, HIDDEN)) * 0.5).astype(F32),
     (_rng.standard_normal(CLASSES) * 0.1).astype(F32)),
]
BATCHES = [
    (_rng.standard_normal((ROWS, INPUTS)).astype(F32),
     _rng.integers(0, CLASSES, ROWS).astype(np.int64))
    for _ in range(STEPS)
]

# name, optimizer, torch.optim arguments, extras (l1, clip_norm).
CASES = [
    ("sgd_plain", "sgd", dict(lr=0.1), {}),
    ("sgd_momentum", "sgd", dict(lr=0.1, momentum=0.9), {}),
    ("sgd_nesterov", "sgd", dict(lr=0.1, momentum=0.9, nesterov=True), {}),
    ("sgd_weight_decay", "sgd",
     dict(lr=0.1, momentum=0.9, weight_decay=0.05), {}),
    ("sgd_l1", "sgd", dict(lr=0.1), dict(l1=0.01)),
    ("adam", "adam", dict(lr=0.01), {}),
    ("adam_weight_decay", "adam", dict(lr=0.01, weight_decay=0.05), {}),
    ("adam_clip", "adam", dict(lr=0.01), dict(clip_norm=0.5)),
    ("adamw", "adamw", dict(lr=0.01), {}),
    ("adamw_strong_decay", "adamw", dict(lr=0.01, weight_decay=0.5), {}),
    ("rmsprop", "rmsprop", dict(lr=0.01), {}),
    ("rmsprop_momentum", "rmsprop", dict(lr=0.01, momentum=0.9), {}),
    ("rmsprop_centered", "rmsprop", dict(lr=0.01, centered=True), {}),
]


def floats(array):
    # json writes repr(float), which round-trips a float32 value exactly.
    return [float(x) for x in np.asarray(array, dtype=F32).reshape(-1)]


def layer_record(weight, bias):
    # torch keeps (out, in); Descent keeps (in, out).
    return {"weights": floats(np.asarray(weight).T), "bias": floats(bias)}


# MARK: - PyTorch

def run_torch(kind, arguments, extras):
    import torch
    model = torch.nn.Sequential(
        torch.nn.Linear(INPUTS, HIDDEN), torch.nn.Tanh(),
        torch.nn.Linear(HIDDEN, CLASSES))
    linears = (model[0], model[2])
    with torch.no_grad():
        for layer, (weight, bias) in zip(linears, INITIAL):
            layer.weight.copy_(torch.from_numpy(weight))
            layer.bias.copy_(torch.from_numpy(bias))
    optimizers = {
        "sgd": torch.optim.SGD, "adam": torch.optim.Adam,
        "adamw": torch.optim.AdamW, "rmsprop": torch.optim.RMSprop,
    }
    optimizer = optimizers[kind](model.parameters(), **arguments)
    losses, norms = [], []
    for inputs, labels in BATCHES:
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(
            model(torch.from_numpy(inputs)), torch.from_numpy(labels))
        objective = loss
        if "l1" in extras:
            objective = loss + extras["l1"] * sum(
                p.abs().sum() for p in model.parameters())
        objective.backward()
        total = torch.linalg.vector_norm(torch.stack([
            torch.linalg.vector_norm(p.grad) for p in model.parameters()]))
        if "clip_norm" in extras:
            torch.nn.utils.clip_grad_norm_(
                model.parameters(), extras["clip_norm"])
        losses.append(float(loss))
        norms.append(float(total))
        optimizer.step()
    final = [layer_record(l.weight.detach().numpy(), l.bias.detach().numpy())
             for l in linears]
    return losses, norms, final


# MARK: - NumPy transcription of torch.optim (single-tensor path)

def forward_backward(params, inputs, labels):
    # inputs (rows, in); weights (out, in) as torch keeps them.
    w1, b1, w2, b2 = params
    hidden = np.tanh(inputs @ w1.T + b1)
    logits = hidden @ w2.T + b2
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    log_probabilities = shifted - log_sum
    rows = len(labels)
    loss = -log_probabilities[np.arange(rows), labels].mean(dtype=F32)
    d_logits = np.exp(log_probabilities)
    d_logits[np.arange(rows), labels] -= 1
    d_logits = (d_logits / F32(rows)).astype(F32)
    d_hidden = (d_logits @ w2) * (1 - hidden * hidden)
    grads = [d_hidden.T @ inputs, d_hidden.sum(axis=0),
             d_logits.T @ hidden, d_logits.sum(axis=0)]
    return F32(loss), [g.astype(F32) for g in grads]


class NumpyOptimizer:
    def __init__(self, kind, params, lr, momentum=0.0, nesterov=False,
                 weight_decay=None, betas=(0.9, 0.999), eps=None,
                 alpha=0.99, centered=False):
        self.kind, self.params, self.lr = kind, params, lr
        self.momentum, self.nesterov = momentum, nesterov
        default_decay = 0.01 if kind == "adamw" else 0.0
        self.weight_decay = (default_decay if weight_decay is None
                             else weight_decay)
        self.betas, self.alpha, self.centered = betas, alpha, centered
        self.eps = eps if eps is not None else 1e-8
        self.state = [{} for _ in params]
        self.steps = 0

    def step(self, grads):
        self.steps += 1
        for index, (param, grad) in enumerate(zip(self.params, grads)):
            getattr(self, self.kind)(param, grad, self.state[index])

    def sgd(self, param, grad, state):
        if self.weight_decay:
            grad = grad + F32(self.weight_decay) * param
        if self.momentum:
            if "momentum_buffer" not in state:
                buf = grad.copy()
            else:
                buf = state["momentum_buffer"] * F32(self.momentum) + grad
            state["momentum_buffer"] = buf
            grad = grad + F32(self.momentum) * buf if self.nesterov else buf
        param -= F32(self.lr) * grad

    def adam(self, param, grad, state, decoupled=False):
        beta1, beta2 = self.betas
        if decoupled:
            param *= F32(1 - self.lr * self.weight_decay)
        elif self.weight_decay:
            grad = grad + F32(self.weight_decay) * param
        exp_avg = state.setdefault("exp_avg", np.zeros_like(param))
        exp_avg_sq = state.setdefault("exp_avg_sq", np.zeros_like(param))
        exp_avg += F32(1 - beta1) * (grad - exp_avg)
        exp_avg_sq *= F32(beta2)
        exp_avg_sq += F32(1 - beta2) * grad * grad
        step_size = self.lr / (1 - beta1 ** self.steps)
        correction2_sqrt = math.sqrt(1 - beta2 ** self.steps)
        denominator = np.sqrt(exp_avg_sq) / F32(correction2_sqrt)
        denominator += F32(self.eps)
        param -= F32(step_size) * (exp_avg / denominator)

    def adamw(self, param, grad, state):
        self.adam(param, grad, state, decoupled=True)

    def rmsprop(self, param, grad, state):
        if self.weight_decay:
            grad = grad + F32(self.weight_decay) * param
        square_avg = state.setdefault("square_avg", np.zeros_like(param))
        square_avg *= F32(self.alpha)
        square_avg += F32(1 - self.alpha) * grad * grad
        if self.centered:
            grad_avg = state.setdefault("grad_avg", np.zeros_like(param))
            grad_avg += F32(1 - self.alpha) * (grad - grad_avg)
            average = np.sqrt(square_avg - grad_avg * grad_avg)
        else:
            average = np.sqrt(square_avg)
        average = average + F32(self.eps)
        if self.momentum > 0:
            buf = state.setdefault("momentum_buffer", np.zeros_like(param))
            buf *= F32(self.momentum)
            buf += grad / average
            param -= F32(self.lr) * buf
        else:
            param -= F32(self.lr) * (grad / average)


def run_numpy(kind, arguments, extras):
    params = [INITIAL[0][0].copy(), INITIAL[0][1].copy(),
              INITIAL[1][0].copy(), INITIAL[1][1].copy()]
    optimizer = NumpyOptimizer(kind, params, **arguments)
    losses, norms = [], []
    for inputs, labels in BATCHES:
        loss, grads = forward_backward(params, inputs, labels)
        if "l1" in extras:
            grads = [g + F32(extras["l1"]) * np.sign(p)
                     for g, p in zip(grads, params)]
        total = F32(math.sqrt(sum(float(np.sum(g.astype(np.float64) ** 2))
                                  for g in grads)))
        if "clip_norm" in extras:
            scale = min(F32(extras["clip_norm"]) / (total + F32(1e-6)), 1.0)
            grads = [g * F32(scale) for g in grads]
        losses.append(float(loss))
        norms.append(float(total))
        optimizer.step(grads)
    final = [layer_record(params[0], params[1]),
             layer_record(params[2], params[3])]
    return losses, norms, final


def main():
    use_numpy = "--numpy" in sys.argv
    if use_numpy:
        reference = "numpy transcription of torch.optim (torch absent)"
        run = run_numpy
    else:
        import torch
        reference = f"torch {torch.__version__}"
        run = run_torch
    cases = []
    for name, kind, arguments, extras in CASES:
        losses, norms, final = run(kind, arguments, extras)
        config = {"kind": kind, **arguments, **extras}
        cases.append({
            "name": name, "config": config, "losses": losses,
            "gradient_norms": norms, "final": final,
        })
    document = {
        "reference": reference,
        "shape": [INPUTS, HIDDEN, CLASSES],
        "hidden_activation": "tanh",
        "initial": [layer_record(w, b) for w, b in INITIAL],
        "batches": [
            {"inputs": floats(x), "labels": [int(y) for y in labels]}
            for x, labels in BATCHES
        ],
        "cases": cases,
    }
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(
        here, "..", "NeuralNetTests", "Fixtures", "optimizers.json")
    with open(path, "w") as file:
        json.dump(document, file, indent=1)
        file.write("\n")
    print(f"wrote {os.path.normpath(path)} ({reference})")


if __name__ == "__main__":
    main()
