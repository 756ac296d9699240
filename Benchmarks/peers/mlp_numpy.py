"""MLP 784-128-10 on MNIST in plain NumPy: the benchmark's NumPy peer.

float32 arrays throughout, matrix products through NumPy's BLAS, updates
in place. One `epoch ...` line per epoch, then `test ...` (see task.py).
"""

import time

import numpy as np

import task

HIDDEN = 128
CLASSES = 10


def blas_description(threads):
    """Limits BLAS to `threads` and names the library, version and kernel."""
    try:
        from threadpoolctl import threadpool_info, threadpool_limits
    except ImportError:
        return threads, "unknown (threadpoolctl is not installed)"
    threadpool_limits(limits=threads, user_api="blas")
    pools = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    if not pools:
        return threads, "none found"
    pool = pools[0]
    kernel = pool.get("architecture") or "?"
    name = f"{pool['internal_api']}-{pool['version']}/{kernel}"
    return pool["num_threads"], name


def initial_weights(rng, fan_in, fan_out):
    """He-normal weights, the usual start for a layer feeding a ReLU."""
    scale = np.float32(np.sqrt(2.0 / fan_in))
    return rng.standard_normal((fan_in, fan_out), dtype=np.float32) * scale


def evaluate(parameters, pixels, labels):
    """Mean cross-entropy and accuracy of the network on a whole set."""
    w1, b1, w2, b2 = parameters
    # pixels (n, 784) @ w1 (784, 128) -> hidden (n, 128) -> logits (n, 10)
    hidden = np.maximum(pixels @ w1 + b1, 0)
    logits = hidden @ w2 + b2
    logits -= logits.max(axis=1, keepdims=True)
    log_sums = np.log(np.exp(logits).sum(axis=1))
    rows = np.arange(len(labels))
    loss = float(np.mean(log_sums - logits[rows, labels]))
    accuracy = float(np.mean(logits.argmax(axis=1) == labels))
    return loss, accuracy


def train_epoch(parameters, pixels, labels, batch, learning_rate, rng):
    """One pass of minibatch SGD over a fresh shuffle; returns mean loss."""
    w1, b1, w2, b2 = parameters
    order = rng.permutation(len(labels))
    total_loss = 0.0
    for start in range(0, len(order), batch):
        rows = order[start:start + batch]
        x, y = pixels[rows], labels[rows]
        count = len(rows)
        picked = np.arange(count)

        # x (m, 784) @ w1 (784, 128) -> hidden (m, 128), ReLU in place
        hidden = x @ w1
        hidden += b1
        np.maximum(hidden, 0, out=hidden)
        # hidden (m, 128) @ w2 (128, 10) -> logits (m, 10), softmax
        logits = hidden @ w2
        logits += b2
        logits -= logits.max(axis=1, keepdims=True)
        correct = logits[picked, y]
        np.exp(logits, out=logits)
        sums = logits.sum(axis=1)
        total_loss += float(np.sum(np.log(sums) - correct))

        # d(mean loss)/d(logits) = (softmax - one-hot) / m, reusing logits
        gradient = logits
        gradient /= sums[:, None]
        gradient[picked, y] -= 1
        gradient *= np.float32(1 / count)
        grad_w2 = hidden.T @ gradient
        grad_b2 = gradient.sum(axis=0)
        # back through w2 and the ReLU: hidden was 0 where it was cut
        grad_hidden = gradient @ w2.T
        grad_hidden[hidden <= 0] = 0
        grad_w1 = x.T @ grad_hidden
        grad_b1 = grad_hidden.sum(axis=0)

        w1 -= learning_rate * grad_w1
        b1 -= learning_rate * grad_b1
        w2 -= learning_rate * grad_w2
        b2 -= learning_rate * grad_b2
    return total_loss / len(order)


def main():
    arguments = task.parse_arguments(__doc__.splitlines()[0])
    threads, blas = blas_description(arguments.threads)
    task.report("info", system="numpy", version=np.__version__,
                threads=threads, blas=blas)
    train, validation, test = task.load_mnist(arguments.data, arguments.seed)

    rng = np.random.default_rng(arguments.seed + 1)
    parameters = (initial_weights(rng, train[0].shape[1], HIDDEN),
                  np.zeros(HIDDEN, np.float32),
                  initial_weights(rng, HIDDEN, CLASSES),
                  np.zeros(CLASSES, np.float32))
    learning_rate = np.float32(arguments.lr)
    for epoch in range(1, arguments.epochs + 1):
        started = time.perf_counter()
        loss = train_epoch(parameters, *train, arguments.batch,
                           learning_rate, rng)
        validation_loss, validation_accuracy = evaluate(parameters,
                                                        *validation)
        seconds = time.perf_counter() - started
        task.report_epoch(epoch, arguments.epochs, seconds, loss,
                          validation_loss, validation_accuracy)

    test_loss, test_accuracy = evaluate(parameters, *test)
    task.report("test", loss=test_loss, acc=100 * test_accuracy)


if __name__ == "__main__":
    task.run(main)
