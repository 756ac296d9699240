"""Checks the benchmark driver's reading, arithmetic and commands.

Run with `python3 -m unittest discover Benchmarks/tests` (standard library
only; no peer, no Descent binary and no timing involved).
"""

import os
import sys
import unittest
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(
    __file__))))

import compare  # noqa: E402
from compare import Line  # noqa: E402


def lines(*pairs):
    return [Line(arrived, text) for arrived, text in pairs]


class DescentOutputTests(unittest.TestCase):
    def test_epoch_gaps_come_from_line_arrivals(self):
        result = compare.parse_descent(lines(
            (10.0, "mnist: train 54000 val 6000 test 10000  model "
                   "784-128-10 relu  lr 0.1  momentum 0  batch 64  seed 1"),
            (11.0, "epoch 1/3  loss 0.3000  val 0.2500  acc 92.50%  "
                   "50k samples/s  lr 0.1"),
            (11.5, "epoch 2/3  loss 0.2140  val 0.1980  acc 94.10%  "
                   "61k samples/s  lr 0.1"),
            (12.25, "epoch 3/3  loss 0.1800  val 0.1700  acc 95.00%  "
                    "1.2M samples/s  lr 0.1"),
            (12.5, "test loss 0.0810  acc 97.60%  (3 epochs, 2.5 s)")))
        self.assertEqual(result.epochs, 3)
        self.assertEqual(result.epoch_seconds, [0.5, 0.75])
        self.assertEqual(result.own_samples_per_second,
                         [50_000, 61_000, 1_200_000])
        self.assertEqual(result.test_accuracy, 97.60)
        self.assertEqual(result.own_total_seconds, 2.5)

    def test_a_different_split_or_model_is_refused(self):
        header = ("mnist: train 48000 val 12000 test 10000  model "
                  "784-128-10 relu  lr 0.1  momentum 0  batch 64  seed 1")
        with self.assertRaisesRegex(compare.BenchmarkError,
                                    "on 48000 samples, expected"):
            compare.parse_descent(lines((1.0, header)))

    def test_terminal_escapes_and_carriage_returns_are_dropped(self):
        text = compare._clean(b"\x1b[1mepoch 2/3\x1b[0m  loss 0.2  val 0.1"
                              b"  acc 94.10%\r")
        self.assertEqual(text, "epoch 2/3  loss 0.2  val 0.1  acc 94.10%")

    def test_a_run_without_two_epochs_is_an_error(self):
        with self.assertRaisesRegex(compare.BenchmarkError,
                                    "got 1 epoch lines"):
            compare.parse_descent(lines(
                (1.0, "epoch 1/1  loss 0.3  val 0.2  acc 92.00%"),
                (2.0, "test loss 0.1  acc 96.00%  (1 epochs, 1.0 s)")))

    def test_a_run_without_a_test_line_is_an_error(self):
        with self.assertRaisesRegex(compare.BenchmarkError, "test line"):
            compare.parse_descent(lines(
                (1.0, "epoch 1/2  loss 0.3  val 0.2  acc 92.00%"),
                (2.0, "epoch 2/2  loss 0.2  val 0.2  acc 93.00%")))


class PeerOutputTests(unittest.TestCase):
    def test_peer_lines_give_gaps_own_timings_and_accuracy(self):
        result = compare.parse_peer("numpy", lines(
            (0.0, "info system=numpy version=2.4.6 threads=1 "
                  "blas=openblas-0.3.31/SkylakeX"),
            (5.0, "epoch n=1 of=2 seconds=0.5 samples_per_s=108000 "
                  "loss=0.3 val_loss=0.2 val_acc=92.5"),
            (5.4, "epoch n=2 of=2 seconds=0.4 samples_per_s=135000 "
                  "loss=0.2 val_loss=0.15 val_acc=94"),
            (5.5, "test loss=0.1 acc=96.25")))
        self.assertEqual(result.version, "2.4.6")
        self.assertEqual(result.blas, "openblas-0.3.31/SkylakeX")
        self.assertAlmostEqual(result.epoch_seconds[0], 0.4)
        self.assertEqual(result.own_seconds, [0.5, 0.4])
        self.assertEqual(result.test_accuracy, 96.25)


class SummaryTests(unittest.TestCase):
    def run_result(self, system, seconds, accuracy):
        result = compare.RunResult(system=system, epochs=len(seconds) + 1,
                                   epoch_seconds=seconds,
                                   test_accuracy=accuracy)
        result.peak_rss_megabytes = 100.0
        return result

    def test_ratios_divide_median_rates_by_descents(self):
        runs = [self.run_result("descent", [0.5, 0.6], 97.0),
                self.run_result("numpy", [0.25, 0.3], 97.5),
                self.run_result("descent", [0.4, 0.7], 97.2),
                self.run_result("numpy", [0.2, 0.35], 97.5)]
        descent, numpy = compare.summarize(runs, ["descent", "numpy"])
        self.assertEqual(descent.best_seconds, 0.4)
        self.assertEqual(descent.median_seconds, 0.55)
        self.assertEqual(descent.ratio, 1.0)
        self.assertAlmostEqual(numpy.median_seconds, 0.275)
        self.assertAlmostEqual(numpy.ratio, 0.55 / 0.275)

    def test_without_descent_there_are_no_ratios(self):
        rows = compare.summarize([self.run_result("torch", [1.0], 95.0)],
                                 ["descent", "torch"])
        self.assertEqual([row.system for row in rows], ["torch"])
        self.assertIsNone(rows[0].ratio)

    def test_table_shows_rates_in_thousands_and_accuracy_spread(self):
        runs = [self.run_result("descent", [0.5], 97.0),
                self.run_result("descent", [0.5], 97.5)]
        table = compare.format_table(compare.summarize(runs, ["descent"]))
        row = table.splitlines()[2]
        self.assertIn("0.500 / 0.500", row)
        self.assertIn("108k / 108k", row)
        self.assertIn("97.25 % (97.00-97.50)", row)
        self.assertIn("1.00", row)


class CommandTests(unittest.TestCase):
    def options(self, threads):
        return compare.parse_options(["--threads", str(threads)])

    @mock.patch.dict(os.environ, {"OPENBLAS_CORETYPE": "Haswell",
                                  "OPENBLAS_L2_SIZE": "1048576"})
    def test_numpy_runs_without_the_openblas_overrides(self):
        argv, environment = compare.command_for("numpy", self.options(2))
        self.assertNotIn("OPENBLAS_CORETYPE", environment)
        self.assertNotIn("OPENBLAS_L2_SIZE", environment)
        self.assertEqual(environment["OPENBLAS_NUM_THREADS"], "2")
        self.assertEqual(argv[argv.index("--threads") + 1], "2")

    @mock.patch.dict(os.environ, {"OPENBLAS_CORETYPE": "Haswell"})
    def test_descent_and_torch_keep_the_environment(self):
        for system in ("descent", "torch"):
            argv, environment = compare.command_for(system, self.options(1))
            self.assertEqual(environment["OPENBLAS_CORETYPE"], "Haswell")
            self.assertEqual(argv[argv.index("--threads") + 1], "1")

    def test_descent_gets_headless_epochs_and_threads(self):
        options = compare.parse_options(["--epochs", "4", "--threads", "2"])
        argv, _ = compare.command_for("descent", options)
        self.assertEqual(argv[1:6], ["--headless", "--epochs", "4",
                                     "--threads", "2"])
        for flag, value in [("--lr", "0.1"), ("--momentum", "0"),
                            ("--batch", "64"), ("--layers", "128")]:
            self.assertEqual(argv[argv.index(flag) + 1], value)

    def test_one_epoch_is_refused_because_it_is_warm_up(self):
        with mock.patch("sys.stderr"), self.assertRaises(SystemExit):
            compare.parse_options(["--epochs", "1"])


if __name__ == "__main__":
    unittest.main()
