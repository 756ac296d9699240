#!/usr/bin/env python3
"""Checks a Descent checkpoint from Python.

Loads the weights with the `safetensors` package, runs the same MLP on the
MNIST test images with NumPy, and compares the predictions and class
probabilities with the CSV that `descent predict` wrote.

usage: check_predictions.py CHECKPOINT PREDICTIONS.csv MNIST_FOLDER
"""
import csv
import gzip
import json
import math
import sys

import numpy as np
from safetensors import safe_open


def read_idx_images(path):
    with gzip.open(path, "rb") as file:
        data = file.read()
    count, rows, columns = (int.from_bytes(data[i:i + 4], "big")
                            for i in (4, 8, 12))
    pixels = np.frombuffer(data, dtype=np.uint8, offset=16)
    return pixels.reshape(count, rows * columns).astype(np.float32) / 255


def activation(name):
    erf = np.vectorize(math.erf)
    if name.startswith("leaky_relu"):
        slope = float(name.split(":")[1]) if ":" in name else 0.01
        return lambda z: np.where(z > 0, z, slope * z)
    return {
        "relu": lambda z: np.maximum(z, 0),
        "tanh": np.tanh,
        "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
        "linear": lambda z: z,
        "gelu": lambda z: 0.5 * z * (1 + erf(z / math.sqrt(2))),
    }[name]


def main():
    checkpoint, predictions, folder = sys.argv[1:4]
    with safe_open(checkpoint, framework="numpy") as file:
        metadata = file.metadata()
        state = json.loads(metadata["state"])
        weights, biases, index = [], [], 0
        while f"layers.{index}.weight" in file.keys():
            weights.append(file.get_tensor(f"layers.{index}.weight"))
            biases.append(file.get_tensor(f"layers.{index}.bias"))
            index += 1
    layers = state["configuration"]["layers"]
    hidden = [] if layers == "none" else [
        item for item in layers.split(",") if not item.startswith("dropout")]
    names = [item.split(":", 1)[1] if ":" in item else "relu"
             for item in hidden]

    x = read_idx_images(f"{folder}/t10k-images-idx3-ubyte.gz")
    for layer, (w, b) in enumerate(zip(weights, biases)):
        # torch.nn.Linear layout: w is [out, in].
        x = x @ w.T + b
        if layer < len(names):
            x = activation(names[layer])(x)
    x = x - x.max(axis=1, keepdims=True)
    probabilities = np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)

    with open(predictions, newline="") as file:
        rows = list(csv.DictReader(file))
    classes = [key[2:] for key in rows[0] if key.startswith("p_")]
    descent = np.array([[float(row["p_" + name]) for name in classes]
                        for row in rows], dtype=np.float32)
    predicted = [row["predicted"] for row in rows]
    ours = [classes[i] for i in probabilities.argmax(axis=1)]

    if len(rows) != len(probabilities):
        sys.exit(f"{len(rows)} predictions for {len(probabilities)} images")
    agree = sum(a == b for a, b in zip(predicted, ours))
    largest = float(np.abs(descent - probabilities).max())
    print(f"{agree}/{len(rows)} predictions agree; largest probability "
          f"difference {largest:.2e}")
    if agree != len(rows) or largest > 1e-4:
        sys.exit("Descent and the safetensors weights disagree")


if __name__ == "__main__":
    main()
