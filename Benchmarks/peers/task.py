"""The benchmark task shared by the peers: arguments, MNIST, split, output.

Every peer trains the same network on the same data and prints the same
machine-readable lines, so the driver (Benchmarks/compare.py) can read
them all alike:

    info system=numpy version=2.4.6 threads=1 blas=openblas-0.3.31/SkylakeX
    epoch n=1 of=3 seconds=0.4412 samples_per_s=122391 loss=0.3012 ...
    test loss=0.0901 acc=97.21

Data loading happens before the first epoch and is never timed.
"""

import argparse
import gzip
import os
import struct
import sys

import numpy as np

TRAIN_COUNT = 54_000
VALIDATION_COUNT = 6_000
IMAGE_MAGIC = 2051
LABEL_MAGIC = 2049


class TaskError(Exception):
    """A data file that is missing or malformed, with what to do about it."""


def parse_arguments(description):
    """The flags every peer takes; defaults are the benchmark's task."""
    here = os.path.dirname(os.path.abspath(__file__))
    default_data = os.path.join(here, "..", "..", "Resources", "mnist")
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", default=os.path.normpath(default_data),
                        help="folder with the four MNIST IDX .gz files")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=0,
                        help="seeds the split, the shuffles and the weights")
    arguments = parser.parse_args()
    if arguments.epochs < 1 or arguments.threads < 1 or arguments.batch < 1:
        parser.error("--epochs, --threads and --batch must be at least 1")
    return arguments


def _read_idx(path, magic, dimensions):
    # IDX: big-endian magic, one u32 per dimension, then uint8 data.
    try:
        with gzip.open(path, "rb") as file:
            raw = file.read()
    except OSError as error:
        raise TaskError(f"{path}: cannot read ({error}); point --data at "
                        "the folder holding the four MNIST .gz files")
    header_size = 4 + 4 * dimensions
    if len(raw) < header_size:
        raise TaskError(f"{path}: {len(raw)} bytes, shorter than its "
                        f"{header_size}-byte header; the file is truncated")
    found, *shape = struct.unpack(f">{1 + dimensions}I", raw[:header_size])
    if found != magic:
        raise TaskError(f"{path}: magic {found}, expected {magic}; "
                        "is this the right IDX file?")
    data = np.frombuffer(raw, dtype=np.uint8, offset=header_size)
    if data.size != int(np.prod(shape)):
        raise TaskError(f"{path}: {data.size} values, header says "
                        f"{'x'.join(map(str, shape))}; the file is truncated")
    return data.reshape(shape)


def _read_pair(folder, prefix):
    images = _read_idx(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz"),
                       IMAGE_MAGIC, 3)
    labels = _read_idx(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz"),
                       LABEL_MAGIC, 1)
    if len(images) != len(labels):
        raise TaskError(f"{folder}: {len(images)} {prefix} images but "
                        f"{len(labels)} labels; the files do not match")
    pixels = images.reshape(len(images), -1).astype(np.float32) / 255
    return pixels, labels.astype(np.int64)


def load_mnist(folder, seed):
    """MNIST as float32 pixels in [0, 1] and int64 labels, split in three.

    Returns (train, validation, test), each a (pixels, labels) pair:
    54,000 and 6,000 images drawn from the training file by a permutation
    seeded with `seed`, and the 10,000 of the test file.
    """
    pixels, labels = _read_pair(folder, "train")
    if len(pixels) != TRAIN_COUNT + VALIDATION_COUNT:
        raise TaskError(f"{folder}: {len(pixels)} training images, expected "
                        f"{TRAIN_COUNT + VALIDATION_COUNT}")
    order = np.random.default_rng(seed).permutation(len(pixels))
    validation_rows = order[:VALIDATION_COUNT]
    train_rows = order[VALIDATION_COUNT:]
    train = (pixels[train_rows], labels[train_rows])
    validation = (pixels[validation_rows], labels[validation_rows])
    return train, validation, _read_pair(folder, "t10k")


def report(kind, **fields):
    """Prints one `kind key=value ...` line and flushes it at once."""
    def text(value):
        if isinstance(value, float):
            return f"{value:.6g}" if abs(value) < 1e4 else f"{value:.0f}"
        return str(value)
    pairs = " ".join(f"{key}={text(value)}" for key, value in fields.items())
    print(f"{kind} {pairs}", flush=True)


def report_epoch(epoch, epochs, seconds, loss, validation_loss,
                 validation_accuracy):
    """The per-epoch line: wall time of shuffle + training + validation."""
    report("epoch", n=epoch, of=epochs, seconds=seconds,
           samples_per_s=TRAIN_COUNT / seconds, loss=loss,
           val_loss=validation_loss, val_acc=100 * validation_accuracy)


def run(main):
    """Runs a peer's main, turning a TaskError into one line and exit 1."""
    try:
        main()
    except TaskError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(1)
