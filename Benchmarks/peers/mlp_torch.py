"""MLP 784-128-10 on MNIST in PyTorch: the benchmark's PyTorch peer.

nn.Sequential, CrossEntropyLoss and optim.SGD, as a PyTorch user writes
it. Batches index the tensors directly: a DataLoader would add Python
overhead per batch that the other systems do not pay. One `epoch ...`
line per epoch, then `test ...` (see task.py).
"""

import time

import torch
from torch import nn

import task

HIDDEN = 128
CLASSES = 10


def evaluate(model, pixels, labels):
    """Mean cross-entropy and accuracy of the model on a whole set."""
    with torch.inference_mode():
        logits = model(pixels)
        loss = nn.functional.cross_entropy(logits, labels).item()
        accuracy = (logits.argmax(dim=1) == labels).float().mean().item()
    return loss, accuracy


def train_epoch(model, loss_function, optimizer, pixels, labels, batch,
                generator):
    """One pass of minibatch SGD over a fresh shuffle; returns mean loss."""
    model.train()
    order = torch.randperm(len(labels), generator=generator)
    total_loss = 0.0
    for start in range(0, len(order), batch):
        rows = order[start:start + batch]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_function(model(pixels[rows]), labels[rows])
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * len(rows)
    return total_loss / len(order)


def main():
    arguments = task.parse_arguments(__doc__.splitlines()[0])
    torch.set_num_threads(arguments.threads)
    task.report("info", system="torch", version=torch.__version__,
                threads=torch.get_num_threads(),
                blas=torch.backends.cpu.get_cpu_capability())
    train, validation, test = (
        tuple(torch.from_numpy(array) for array in pair)
        for pair in task.load_mnist(arguments.data, arguments.seed))

    torch.manual_seed(arguments.seed + 1)
    generator = torch.Generator().manual_seed(arguments.seed + 2)
    model = nn.Sequential(nn.Linear(train[0].shape[1], HIDDEN), nn.ReLU(),
                          nn.Linear(HIDDEN, CLASSES))
    loss_function = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=arguments.lr,
                                momentum=0)
    for epoch in range(1, arguments.epochs + 1):
        started = time.perf_counter()
        loss = train_epoch(model, loss_function, optimizer, *train,
                           arguments.batch, generator)
        model.eval()
        validation_loss, validation_accuracy = evaluate(model, *validation)
        seconds = time.perf_counter() - started
        task.report_epoch(epoch, arguments.epochs, seconds, loss,
                          validation_loss, validation_accuracy)

    test_loss, test_accuracy = evaluate(model, *test)
    task.report("test", loss=test_loss, acc=100 * test_accuracy)


if __name__ == "__main__":
    task.run(main)
