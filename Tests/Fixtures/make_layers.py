"""Writes Tests/NeuralNetTests/Fixtures/layers.json: PyTorch's forward,
loss and backward for tiny MLPs with every activation, every loss and
dropout, so Descent's Swift tests can compare without Python.

Run from the repository root with the benchmark virtual environment:
    Benchmarks/.venv/bin/python Tests/Fixtures/make_layers.py

Weights are exported in Descent's layout (inputs x outputs, row-major),
the transpose of torch.nn.Linear.weight. Every value is float32 printed
with repr(float(x)), which round-trips exactly.
"""

import json
import os
import re

import torch
import torch.nn.functional as F

ROWS = 6
INPUTS = 4


def floats(tensor):
    return [repr(float(x)) for x in tensor.detach().reshape(-1).tolist()]


def activation_module(name):
    if name == "relu":
        return torch.nn.ReLU()
    if name == "leaky_relu":
        return torch.nn.LeakyReLU()
    if name.startswith("leaky_relu:"):
        return torch.nn.LeakyReLU(float(name.split(":")[1]))
    if name == "gelu":
        return torch.nn.GELU()
    if name == "tanh":
        return torch.nn.Tanh()
    if name == "sigmoid":
        return torch.nn.Sigmoid()
    if name == "linear":
        return torch.nn.Identity()
    raise ValueError(name)


def make_case(name, hidden, outputs, loss, seed, smoothing=0.0,
              dropout=None):
    """hidden: list of (units, activation); dropout: (rate, after) puts
    nn.Dropout(rate) after hidden layer `after`."""
    torch.manual_seed(seed)
    sizes = [INPUTS] + [units for units, _ in hidden] + [outputs]
    linears = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        linear = torch.nn.Linear(fan_in, fan_out)
        with torch.no_grad():
            linear.weight.copy_(0.6 * torch.randn(fan_out, fan_in))
            linear.bias.copy_(0.3 * torch.randn(fan_out))
        linears.append(linear)
    modules = []
    dropout_module = None
    for index, (_, activation) in enumerate(hidden):
        modules += [linears[index], activation_module(activation)]
        if dropout is not None and dropout[1] == index:
            dropout_module = torch.nn.Dropout(dropout[0])
            modules.append(dropout_module)
    modules.append(linears[-1])
    model = torch.nn.Sequential(*modules).train()

    x = 1.5 * torch.randn(ROWS, INPUTS)
    case = {"name": name, "hidden": [f"{u}:{a}" for u, a in hidden],
            "outputs": outputs, "loss": loss, "labelSmoothing": smoothing,
            "inputs": floats(x)}
    if loss == "cross_entropy":
        labels = torch.randint(0, outputs, (ROWS,))
        case["labels"] = labels.tolist()
        criterion = torch.nn.CrossEntropyLoss(label_smoothing=smoothing)
        target = labels
    elif loss == "binary_cross_entropy":
        labels = torch.tensor([0, 1, 1, 0, 1, 0])
        case["labels"] = labels.tolist()
        criterion = torch.nn.BCEWithLogitsLoss()
        target = labels.float().reshape(ROWS, 1)
    else:
        target = torch.randn(ROWS, outputs)
        case["targets"] = floats(target)
        criterion = torch.nn.MSELoss()

    if dropout_module is not None:
        # Record the mask torch's own dropout draws: the same generator
        # state, replayed, gives the same Bernoulli draws.
        state = torch.get_rng_state()
        captured = {}
        dropout_module.register_forward_hook(
            lambda module, given, result: captured.update(
                input=given[0], output=result))
        out = model(x)
        kept = captured["output"] != 0
        scale = 1.0 / (1.0 - dropout[0])
        expected = torch.where(kept, captured["input"] * scale,
                               torch.zeros(()))
        assert torch.allclose(captured["output"], expected), "scaling"
        assert bool((captured["input"] != 0).all()), "ambiguous mask"
        case["dropout"] = {"rate": dropout[0], "after": dropout[1],
                           "keep": [bool(k) for k in kept.reshape(-1)]}
        torch.set_rng_state(state)
    out = model(x)
    value = criterion(out, target)
    value.backward()

    case["outputsValues"] = floats(out)
    case["lossValue"] = repr(float(value.detach()))
    case["layers"] = [
        {"weights": floats(layer.weight.t()), "bias": floats(layer.bias),
         "weightGradient": floats(layer.weight.grad.t()),
         "biasGradient": floats(layer.bias.grad)}
        for layer in linears]
    return case


def main():
    cases = []
    activations = ["relu", "leaky_relu", "leaky_relu:0.2", "gelu", "tanh",
                   "sigmoid", "linear"]
    for seed, activation in enumerate(activations):
        cases.append(make_case(
            f"4-5-3 {activation} cross_entropy", [(5, activation)], 3,
            "cross_entropy", seed=10 + seed))
    cases.append(make_case(
        "4-5-4-3 gelu,leaky_relu:0.2 cross_entropy",
        [(5, "gelu"), (4, "leaky_relu:0.2")], 3, "cross_entropy", seed=20))
    cases.append(make_case(
        "4-5-3 tanh cross_entropy smoothing 0.1", [(5, "tanh")], 3,
        "cross_entropy", seed=21, smoothing=0.1))
    cases.append(make_case(
        "4-5-1 relu binary_cross_entropy", [(5, "relu")], 1,
        "binary_cross_entropy", seed=22))
    cases.append(make_case(
        "4-5-2 tanh mse", [(5, "tanh")], 2, "mse", seed=23))
    cases.append(make_case(
        "4-5-3 tanh dropout 0.4 cross_entropy", [(5, "tanh")], 3,
        "cross_entropy", seed=24, dropout=(0.4, 0)))
    cases.append(make_case(
        "4-5-4-2 sigmoid,gelu dropout 0.5 mse",
        [(5, "sigmoid"), (4, "gelu")], 2, "mse", seed=25,
        dropout=(0.5, 1)))

    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "NeuralNetTests", "Fixtures",
                        "layers.json")
    document = {"torch": torch.__version__, "rows": ROWS,
                "inputSize": INPUTS, "cases": cases}
    with open(path, "w") as file:
        file.write(unquote(json.dumps(document, indent=None)))
        file.write("\n")


def unquote(text):
    # repr(float) strings are quoted in the JSON; turn "1.25" into 1.25 so
    # the file holds plain numbers.
    return re.sub(r'"(-?(?:\d+\.?\d*(?:e[-+]?\d+)?|inf|nan))"', r"\1", text)


if __name__ == "__main__":
    main()
