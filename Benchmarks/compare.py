"""Runs Descent, NumPy and PyTorch on one task, alternating, and compares.

Usually started by Benchmarks/run (through `make bench`), which prepares
the virtual environment first. Standard library only, so it runs even
where no peer could be installed.

Timing, the same for every system: the driver stamps each `epoch` line as
it arrives (the child writes to a pseudo-terminal, so its output is line
buffered) and an epoch's time is the gap since the previous epoch line:
shuffle, training steps and the validation pass, with data loading and
start-up left out. The first epoch of each run has no previous line, and
is warm-up anyway (thread pools, allocators, lazy initialisation), so it
is never timed: a run of N epochs gives N - 1 timings.
"""

import argparse
import datetime
import errno
import importlib.util
import os
import platform
import pty
import re
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SYSTEMS = ("descent", "numpy", "torch")
PEER_SCRIPTS = {"numpy": "mlp_numpy.py", "torch": "mlp_torch.py"}
# The torch peer reads MNIST with NumPy too.
PEER_MODULES = {"numpy": ("numpy",), "torch": ("torch", "numpy")}
TRAIN_COUNT = 54_000
# Older OpenBLAS builds need these on some processors; they slow a current
# NumPy, so they are unset for the NumPy peer's command alone.
OPENBLAS_OVERRIDES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
DESCENT_EPOCH = re.compile(
    r"epoch\s+(\d+)/(\d+)\s+loss\s+(\S+)\s+val\s+(\S+)\s+acc\s+([\d.]+)%"
    r"(?:\s+([\d.]+)([kM]?)\s+samples/s)?")
UNIT_SCALE = {"": 1, "k": 1_000, "M": 1_000_000}
DESCENT_TEST = re.compile(
    r"test\s+loss\s+(\S+)\s+acc\s+([\d.]+)%\s+\((\d+)\s+epochs?,\s+"
    r"([\d.]+)\s*s\)")
DESCENT_HEADER = re.compile(r"train\s+(\d+)\s+val\s+(\d+).*model\s+(\S+)")
PEER_LINE = re.compile(r"^(info|epoch|test)\s+(.*)$")
TASK_MODEL = "784-128-10"


class BenchmarkError(Exception):
    """A run that failed or printed what the driver cannot read."""


@dataclass
class Line:
    """One line of a child's output and when it arrived (perf_counter)."""
    arrived: float
    text: str


@dataclass
class RunResult:
    """What one run of one system measured."""
    system: str
    epochs: int = 0
    # Gap between consecutive epoch lines, epochs 2..N, in seconds.
    epoch_seconds: list = field(default_factory=list)
    # The system's own per-epoch figures, to cross-check the gaps.
    own_seconds: list = field(default_factory=list)
    own_samples_per_second: list = field(default_factory=list)
    own_total_seconds: float = None
    test_accuracy: float = None
    threads: str = "?"
    version: str = "?"
    blas: str = "?"
    peak_rss_megabytes: float = None


@dataclass
class Summary:
    """One row of the table: a system over all its rounds."""
    system: str
    threads: str
    best_seconds: float
    median_seconds: float
    test_accuracies: list
    peak_rss_megabytes: float
    ratio: float = None

    @property
    def best_rate(self):
        return TRAIN_COUNT / self.best_seconds

    @property
    def median_rate(self):
        return TRAIN_COUNT / self.median_seconds


# MARK: - Running a child


def run_child(label, argv, environment, timeout):
    """Runs argv on a pseudo-terminal; returns its lines, stderr, RSS.

    Raises BenchmarkError when the child fails or outlives `timeout`.
    """
    leader, follower = pty.openpty()
    with tempfile.TemporaryFile() as error_file:
        process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=follower,
            stderr=error_file, env=environment, close_fds=True,
            start_new_session=True)
        os.close(follower)
        lines, buffer = [], b""
        deadline = time.monotonic() + timeout
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise BenchmarkError(
                        f"{label}: still running after {timeout:g} s; "
                        "stopped it. Try fewer --epochs or a larger "
                        "--timeout")
                ready, _, _ = select.select([leader], [], [], remaining)
                if not ready:
                    continue
                try:
                    chunk = os.read(leader, 65536)
                except OSError as error:
                    if error.errno != errno.EIO:
                        raise
                    chunk = b""
                arrived = time.perf_counter()
                if not chunk:
                    break
                buffer += chunk
                while b"\n" in buffer:
                    raw, buffer = buffer.split(b"\n", 1)
                    lines.append(Line(arrived, _clean(raw)))
            if buffer:
                lines.append(Line(time.perf_counter(), _clean(buffer)))
        except BaseException:
            # A time-out or Ctrl-C: stop the child (its own session, so
            # nothing else) before waiting for it.
            _stop(process)
            raise
        finally:
            os.close(leader)
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
        error_file.seek(0)
        errors = error_file.read().decode("utf-8", "replace").strip()
    if process.returncode != 0:
        last = "\n".join(errors.splitlines()[-5:]) or "(no message)"
        raise BenchmarkError(
            f"{label}: exit status {process.returncode} from "
            f"{' '.join(argv)}:\n{last}")
    # ru_maxrss is in kilobytes on Linux.
    return lines, errors, usage.ru_maxrss / 1024


def _stop(process):
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _clean(raw):
    text = raw.decode("utf-8", "replace").replace("\r", "")
    return ANSI_ESCAPE.sub("", text).strip()


def gaps_between(times):
    """Seconds between consecutive arrivals: the epochs after the first."""
    return [later - earlier for earlier, later in zip(times, times[1:])]


# MARK: - Reading the systems' output


def parse_descent(lines):
    """Reads `descent --headless` output: epoch lines and the test line."""
    result = RunResult(system="descent")
    arrivals = []
    for line in lines:
        header = DESCENT_HEADER.search(line.text)
        if header and not arrivals:
            _check_descent_task(int(header.group(1)), header.group(3))
            continue
        epoch = DESCENT_EPOCH.search(line.text)
        if epoch:
            result.epochs = int(epoch.group(1))
            arrivals.append(line.arrived)
            if epoch.group(6):
                result.own_samples_per_second.append(
                    float(epoch.group(6)) * UNIT_SCALE[epoch.group(7)])
            continue
        test = DESCENT_TEST.search(line.text)
        if test:
            result.test_accuracy = float(test.group(2))
            result.own_total_seconds = float(test.group(4))
    _finish(result, arrivals, lines)
    return result


def _check_descent_task(train_count, model):
    # Samples/s divides by TRAIN_COUNT, so a different split would lie.
    if train_count != TRAIN_COUNT or model != TASK_MODEL:
        raise BenchmarkError(
            f"descent trained {model} on {train_count} samples, expected "
            f"{TASK_MODEL} on {TRAIN_COUNT}; check the flags in "
            "compare.py's command_for")


def parse_peer(system, lines):
    """Reads a peer's `info`, `epoch` and `test` key=value lines."""
    result = RunResult(system=system)
    arrivals = []
    for line in lines:
        match = PEER_LINE.match(line.text)
        if not match:
            continue
        kind = match.group(1)
        fields = dict(pair.split("=", 1)
                      for pair in match.group(2).split() if "=" in pair)
        if kind == "info":
            result.version = fields.get("version", "?")
            result.threads = fields.get("threads", "?")
            result.blas = fields.get("blas", "?")
        elif kind == "epoch":
            result.epochs = int(fields["n"])
            arrivals.append(line.arrived)
            result.own_seconds.append(float(fields["seconds"]))
            result.own_samples_per_second.append(
                float(fields["samples_per_s"]))
        elif kind == "test":
            result.test_accuracy = float(fields["acc"])
    _finish(result, arrivals, lines)
    return result


def _finish(result, arrivals, lines):
    if len(arrivals) < 2 or result.test_accuracy is None:
        tail = "\n".join(line.text for line in lines[-5:]) or "(nothing)"
        raise BenchmarkError(
            f"{result.system}: expected at least 2 epoch lines and a test "
            f"line, got {len(arrivals)} epoch lines; last output:\n{tail}")
    result.epoch_seconds = gaps_between(arrivals)


# MARK: - Commands


def descent_binary():
    """The release build that `make bench` makes before running this."""
    return os.path.join(ROOT, ".build", "release", "descent")


def command_for(system, options):
    """argv and environment for one run of `system`."""
    environment = dict(os.environ)
    threads = str(options.threads)
    if system == "descent":
        # The task spelled out, so a change of Descent's defaults cannot
        # change what is measured.
        argv = [descent_binary(), "--headless", "--epochs",
                str(options.epochs), "--threads", threads,
                "--data", options.data, "--validation", "0.1",
                "--layers", "128", "--activation", "relu", "--lr", "0.1",
                "--momentum", "0", "--batch", "64"]
        return argv + options.descent_arg, environment

    script = os.path.join(HERE, "peers", PEER_SCRIPTS[system])
    argv = [sys.executable, script, "--epochs", str(options.epochs),
            "--threads", threads, "--data", options.data]
    environment["PYTHONUNBUFFERED"] = "1"
    environment["OMP_NUM_THREADS"] = threads
    if system == "numpy":
        environment["OPENBLAS_NUM_THREADS"] = threads
        for name in OPENBLAS_OVERRIDES:
            environment.pop(name, None)
    else:
        environment["MKL_NUM_THREADS"] = threads
    return argv, environment


def descent_openblas(environment):
    """Names the OpenBLAS core that Descent's binary loads, as it runs it."""
    try:
        linked = subprocess.run(["ldd", descent_binary()], text=True,
                                capture_output=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    paths = re.findall(r"=>\s+(\S*libopenblas\S*)", linked)
    if not paths:
        return "OpenBLAS not linked dynamically"
    probe = ("import ctypes, sys\n"
             "blas = ctypes.CDLL(sys.argv[1])\n"
             "for name in ('openblas_get_config', 'openblas_get_corename'):\n"
             "    function = getattr(blas, name)\n"
             "    function.restype = ctypes.c_char_p\n"
             "    print(function().decode())\n")
    try:
        answer = subprocess.run([sys.executable, "-c", probe, paths[0]],
                                text=True, capture_output=True, timeout=30,
                                env=environment).stdout.split("\n")
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    if len(answer) < 2:
        return "?"
    version = re.search(r"OpenBLAS\s+(\S+)", answer[0])
    return f"openblas-{version.group(1) if version else '?'}/{answer[1]}"


def descent_version():
    """The commit Descent was built from, marked when the tree is edited."""
    def git(*arguments):
        try:
            return subprocess.run(["git", "-C", ROOT, *arguments], text=True,
                                  capture_output=True, timeout=30).stdout
        except (OSError, subprocess.TimeoutExpired):
            return ""
    commit = git("rev-parse", "--short", "HEAD").strip()
    if not commit:
        return "?"
    edited = git("status", "--porcelain", "--", "Sources", "Package.swift")
    return commit + ("+edits" if edited.strip() else "")


def available_systems(requested):
    """The requested systems that can run here, and why others cannot."""
    ready, skipped = [], []
    for system in requested:
        if system == "descent":
            if os.access(descent_binary(), os.X_OK):
                ready.append(system)
            else:
                skipped.append(f"descent: {descent_binary()} is missing; "
                               "run make bench")
        elif any(importlib.util.find_spec(module) is None
                 for module in PEER_MODULES[system]):
            needed = " and ".join(PEER_MODULES[system])
            skipped.append(f"{system}: needs {needed} for {sys.executable}; "
                           "Benchmarks/run installs them where pip can")
        else:
            ready.append(system)
    return ready, skipped


# MARK: - Summary and table


def summarize(runs, systems):
    """One Summary per system with results, ratios against Descent."""
    rows = []
    for system in systems:
        mine = [run for run in runs if run.system == system]
        if not mine:
            continue
        seconds = [gap for run in mine for gap in run.epoch_seconds]
        rss = [run.peak_rss_megabytes for run in mine
               if run.peak_rss_megabytes is not None]
        rows.append(Summary(
            system=system, threads=mine[-1].threads, best_seconds=min(seconds),
            median_seconds=statistics.median(seconds),
            test_accuracies=[run.test_accuracy for run in mine],
            peak_rss_megabytes=max(rss) if rss else None))
    baseline = next((row for row in rows if row.system == "descent"), None)
    if baseline:
        for row in rows:
            row.ratio = row.median_rate / baseline.median_rate
    return rows


def _rate(value):
    return f"{value / 1000:.0f}k"


def _accuracy(values):
    low, high = min(values), max(values)
    middle = statistics.median(values)
    if high - low < 0.005:
        return f"{middle:.2f} %"
    return f"{middle:.2f} % ({low:.2f}-{high:.2f})"


def format_table(rows):
    """The results as a Markdown table, widths aligned for plain reading."""
    header = ["system", "threads", "s/epoch best / med",
              "samples/s best / med", "test acc", "peak RSS", "ratio"]
    body = []
    for row in rows:
        body.append([
            row.system, str(row.threads),
            f"{row.best_seconds:.3f} / {row.median_seconds:.3f}",
            f"{_rate(row.best_rate)} / {_rate(row.median_rate)}",
            _accuracy(row.test_accuracies),
            "?" if row.peak_rss_megabytes is None
            else f"{row.peak_rss_megabytes:.0f} MB",
            "n/a" if row.ratio is None else f"{row.ratio:.2f}"])
    widths = [max(len(cells[column]) for cells in [header] + body)
              for column in range(len(header))]

    def line(cells):
        padded = (cell.ljust(width) for cell, width in zip(cells, widths))
        return "| " + " | ".join(padded) + " |"
    rule = "| " + " | ".join("-" * width for width in widths) + " |"
    return "\n".join([line(header), rule] + [line(cells) for cells in body])


def processor_name():
    """The CPU model from /proc/cpuinfo, or what platform knows."""
    try:
        with open("/proc/cpuinfo") as file:
            for text in file:
                if text.startswith("model name"):
                    return text.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def describe_run(run):
    """A progress line: the timed gaps beside the system's own figures."""
    gaps = ", ".join(f"{gap:.3f}" for gap in run.epoch_seconds)
    timed = "epoch 2" if run.epochs == 2 else f"epochs 2-{run.epochs}"
    text = f"  {timed}: {gaps} s"
    if run.own_seconds:
        own = ", ".join(f"{value:.3f}" for value in run.own_seconds[1:])
        text += f" (own timer {own})"
    if run.own_total_seconds is not None:
        text += f" (own total {run.own_total_seconds:.1f} s)"
    if run.own_samples_per_second:
        own = ", ".join(_rate(value)
                        for value in run.own_samples_per_second[1:])
        text += f" (own samples/s {own})"
    return text + f"; test acc {run.test_accuracy:.2f} %"


# MARK: - Main


def parse_options(arguments=None):
    parser = argparse.ArgumentParser(
        description="Benchmark Descent against NumPy and PyTorch.")
    parser.add_argument("--epochs", type=int, default=3,
                        help="epochs per run, the first is warm-up "
                             "(default 3)")
    parser.add_argument("--threads", type=int, default=1,
                        help="BLAS / intra-op threads for every system "
                             "(default 1)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="runs of each system, alternating (default 3)")
    parser.add_argument("--systems", default=",".join(SYSTEMS),
                        help="comma-separated subset of "
                             f"{','.join(SYSTEMS)}")
    parser.add_argument("--data", default=os.path.join(ROOT, "Resources",
                                                       "mnist"))
    parser.add_argument("--descent-arg", action="append", default=[],
                        metavar="ARG",
                        help="extra argument for descent (repeatable)")
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds per run (default 60 + 60 per epoch)")
    parser.add_argument("--output", default=os.path.join(HERE, "results",
                                                         "latest.txt"),
                        help="where the table is also written ('' for none)")
    options = parser.parse_args(arguments)
    if options.epochs < 2:
        parser.error("--epochs must be at least 2: the first epoch of each "
                     "run is warm-up and not timed")
    if options.threads < 1 or options.rounds < 1:
        parser.error("--threads and --rounds must be at least 1")
    options.systems = [name.strip() for name in options.systems.split(",")
                       if name.strip()]
    unknown = [name for name in options.systems if name not in SYSTEMS]
    if unknown:
        parser.error(f"unknown system {', '.join(unknown)}; choose from "
                     f"{', '.join(SYSTEMS)}")
    if options.timeout is None:
        options.timeout = 60 + 60 * options.epochs
    return options


def report_header(options, systems, versions):
    """What ran, where and how: the lines above the table, under 80 wide."""
    now = datetime.datetime.now(datetime.timezone.utc)
    overrides = [f"{name}={os.environ[name]}" for name in OPENBLAS_OVERRIDES
                 if name in os.environ]
    lines = [
        f"Descent benchmark, {now:%Y-%m-%d %H:%M} UTC",
        f"machine: {processor_name()}, {os.cpu_count()} CPUs, "
        f"{platform.system()} {platform.release()}",
        "task:    MLP 784-128-10, ReLU, softmax cross-entropy, float32,",
        "         SGD lr 0.1 momentum 0, batch 64, MNIST 54,000 train /",
        "         6,000 validation / 10,000 test",
        f"runs:    {options.rounds} round(s) of {', '.join(systems)}, "
        "alternating,",
        f"         order rotating; {options.epochs} epochs each, "
        f"{options.threads} BLAS thread(s)",
        "timing:  gap between successive epoch lines (shuffle, training,",
        "         validation); epoch 1 of each run is warm-up, not timed;",
        f"         samples/s = {TRAIN_COUNT:,} / seconds per epoch",
    ]
    if overrides:
        lines += [f"env:     {' '.join(overrides)}",
                  "         (both unset for numpy only)"]
    else:
        lines.append("env:     OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE not set")
    lines.append("systems:")
    lines += [f"  {system} {version}" for system, version in versions]
    return "\n".join(lines)


def main(arguments=None):
    options = parse_options(arguments)
    systems, skipped = available_systems(options.systems)
    for message in skipped:
        print(message, file=sys.stderr)
    if "descent" in options.systems and "descent" not in systems:
        return 2
    if not systems:
        print("nothing to run", file=sys.stderr)
        return 2

    runs, versions, failures = [], {}, []
    for round_index in range(options.rounds):
        shift = round_index % len(systems)
        for system in systems[shift:] + systems[:shift]:
            argv, environment = command_for(system, options)
            print(f"round {round_index + 1}/{options.rounds}: {system} ...",
                  file=sys.stderr, flush=True)
            try:
                lines, _, rss = run_child(system, argv, environment,
                                          options.timeout)
                run = (parse_descent(lines) if system == "descent"
                       else parse_peer(system, lines))
            except BenchmarkError as error:
                failures.append(str(error))
                print(f"  failed: {error}", file=sys.stderr)
                continue
            run.peak_rss_megabytes = rss
            if system == "descent":
                run.threads = str(options.threads)
                if system not in versions:
                    versions[system] = (f"{descent_version()}, "
                                        f"{descent_openblas(environment)}")
            else:
                versions.setdefault(system, f"{run.version}, {run.blas}")
            runs.append(run)
            print(describe_run(run), file=sys.stderr)

    rows = summarize(runs, systems)
    if not rows:
        print("every run failed", file=sys.stderr)
        return 1
    ran = [(system, versions[system]) for system in systems
           if system in versions]
    text = (report_header(options, systems, ran) + "\n\n"
            + format_table(rows) + "\n")
    if skipped or failures:
        text += "\n" + "\n".join(f"note: {message.splitlines()[0]}"
                                 for message in skipped + failures) + "\n"
    if "descent" not in systems:
        text += "\nno Descent run, so no ratios.\n"
    print(text)
    if options.output:
        os.makedirs(os.path.dirname(options.output), exist_ok=True)
        with open(options.output, "w") as file:
            file.write(text)
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("interrupted; no table written", file=sys.stderr)
        sys.exit(130)
