"""Writes Tests/TrainingTests/Fixtures/schedules.json from torch's schedulers.

Run from the repository root with the benchmark environment:
    Benchmarks/.venv/bin/python Tests/Fixtures/make_schedules.py

Every learning rate is recorded per batch, read from the optimizer before
the batch (the rate that batch trains with). Per-batch schedulers step after
every batch; per-epoch ones after every epoch, as Descent's driver does.
Rates are Python floats (float64) printed with repr, so the Swift tests can
compare at a relative 1e-6 after Descent rounds its rate to Float.
"""

import json
import math
import pathlib
import warnings

import numpy as np
import torch
from torch.optim import SGD
from torch.optim import lr_scheduler as sched

STEPS_PER_EPOCH = 7
EPOCHS = 5
TOTAL = STEPS_PER_EPOCH * EPOCHS

warnings.filterwarnings("ignore", category=UserWarning)


def f32(x):
    """The float64 value of x rounded to float32, as Swift's Float holds it."""
    return float(np.float32(x))


def optimizer(base):
    weight = torch.nn.Parameter(torch.zeros(1))
    return SGD([weight], lr=base)


def lr_of(opt):
    return float(opt.param_groups[0]["lr"])


def per_batch(base, make):
    opt = optimizer(base)
    scheduler = make(opt)
    rates = []
    for _ in range(TOTAL):
        rates.append(lr_of(opt))
        opt.step()
        scheduler.step()
    return rates


def per_epoch(base, make):
    opt = optimizer(base)
    scheduler = make(opt)
    rates = []
    for _ in range(EPOCHS):
        for _ in range(STEPS_PER_EPOCH):
            rates.append(lr_of(opt))
            opt.step()
        scheduler.step()
    return rates


def warmup_cosine(opt, warmup, start_factor, eta_min):
    cosine = sched.CosineAnnealingLR(opt, T_max=TOTAL - warmup,
                                     eta_min=eta_min)
    if warmup == 0:
        return cosine
    linear = sched.LinearLR(opt, start_factor=start_factor, end_factor=1.0,
                            total_iters=warmup)
    return sched.SequentialLR(opt, [linear, cosine], milestones=[warmup])


def warmup_cosine_closed_form(base, warmup, start_factor, eta_min):
    """The definition Descent implements, to catch a torch surprise."""
    rates = []
    for step in range(TOTAL):
        if step < warmup:
            factor = start_factor + (1 - start_factor) * step / warmup
            rates.append(base * factor)
        else:
            t = (step - warmup) / (TOTAL - warmup)
            rates.append(eta_min + (base - eta_min)
                         * (1 + math.cos(math.pi * t)) / 2)
    return rates


def schedule_cases():
    cases = []

    def add(name, fields, base, rates):
        cases.append({"name": name, "base": base, **fields, "rates": rates})

    base = f32(0.1)
    add("constant", {"kind": "constant"}, base,
        per_epoch(base, lambda o: sched.LambdaLR(o, lambda epoch: 1.0)))
    add("step", {"kind": "step", "stepSize": 2, "gamma": 0.5}, base,
        per_epoch(base, lambda o: sched.StepLR(o, step_size=2, gamma=0.5)))
    add("exponential", {"kind": "exponential", "gamma": f32(0.9)}, base,
        per_epoch(base, lambda o: sched.ExponentialLR(o, gamma=f32(0.9))))

    for warmup, start, eta_min in [(0, 1.0, 0.0), (5, 1 / 3, f32(0.001)),
                                   (7, f32(0.01), 0.0)]:
        rates = per_batch(
            base, lambda o: warmup_cosine(o, warmup, start, eta_min))
        closed = warmup_cosine_closed_form(base, warmup, start, eta_min)
        worst = max(abs(a - b) / abs(b) for a, b in zip(rates, closed))
        assert worst < 1e-12, f"torch differs from the definition: {worst}"
        add(f"cosine warmup {warmup}",
            {"kind": "cosine", "warmupSteps": warmup,
             "warmupStartFactor": start, "minimumRate": eta_min},
            base, rates)

    for max_lr in [base, f32(0.4)]:
        add(f"one-cycle to {max_lr}",
            {"kind": "oneCycle", "maximumRate": max_lr}, base,
            per_batch(base, lambda o: sched.OneCycleLR(
                o, max_lr=max_lr, total_steps=TOTAL,
                cycle_momentum=False)))
    return cases


def plateau_cases():
    losses = [f32(x) for x in [
        1.0, 0.9, 0.9, 0.95, 0.89995, 0.8999, 0.9, 0.91, 0.92, 0.5,
        0.6, 0.7, 0.8, 0.9, 1.0, 0.4, 0.45, 0.45, 0.45, 0.45,
        0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45,
        float("nan"), 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]]
    cases = []
    base = f32(0.1)
    for name, options in [
            ("torch defaults", {}),
            ("patience 2 factor 0.5", {"patience": 2, "factor": 0.5}),
            ("patience 1 cooldown 2 floor",
             {"patience": 1, "factor": 0.5, "cooldown": 2,
              "min_lr": f32(0.01)}),
            ("patience 0 down to eps", {"patience": 0, "factor": 0.1})]:
        opt = optimizer(base)
        scheduler = sched.ReduceLROnPlateau(opt, **options)
        rates = []
        for loss in losses:
            rates.append(lr_of(opt))
            scheduler.step(loss)
        cases.append({
            "name": name, "base": base,
            "patience": options.get("patience", 10),
            "factor": options.get("factor", 0.1),
            "cooldown": options.get("cooldown", 0),
            "minimumRate": options.get("min_lr", 0.0),
            "losses": [repr(x) for x in losses],
            "epochRates": rates})
    return cases


def main():
    out = {
        "generator": "Tests/Fixtures/make_schedules.py",
        "torch": torch.__version__,
        "stepsPerEpoch": STEPS_PER_EPOCH,
        "epochs": EPOCHS,
        "schedules": schedule_cases(),
        "plateaus": plateau_cases(),
    }
    root = pathlib.Path(__file__).resolve().parents[1]
    path = root / "TrainingTests" / "Fixtures" / "schedules.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
