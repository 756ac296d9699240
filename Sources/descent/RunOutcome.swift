import Foundation
import Training

/// How a run ended: the last line both modes print, and the exit status.
struct RunOutcome {
    let snapshot: Snapshot

    /// The divergence the run ended in, if it was never resumed.
    var divergence: TrainingEvent? {
        let last = snapshot.events.last {
            switch $0.kind {
            case .diverged, .resumed: true
            default: false
            }
        }
        guard case .diverged? = last?.kind else { return nil }
        return last
    }

    /// The epoch whose weights early stopping kept, if it ended the run.
    var earlyStopBest: Int? {
        for event in snapshot.events.reversed() {
            if case .earlyStopped(let best) = event.kind { return best }
        }
        return nil
    }

    /// True when the run was ended before its last epoch.
    var stoppedEarly: Bool {
        snapshot.events.contains { $0.kind == .stopped }
    }

    /// One line: the score on the test set (or the last validation), how
    /// far the run got, and how it ended.
    var line: String {
        var parts: [String] = []
        if let divergence, case .diverged(let loss) = divergence.kind {
            let rate = snapshot.hyperparameters.learningRate
            parts.append("diverged at step \(divergence.step + 1): loss "
                + lossText(loss) + " with lr " + format(rate)
                + "; try a lower --lr")
        } else if let best = earlyStopBest {
            parts.append("stopped early after epoch \(snapshot.epoch): no "
                + "better validation loss since epoch \(best), whose weights "
                + "were kept")
        } else if stoppedEarly {
            parts.append("stopped in epoch \(snapshot.epoch) of "
                + "\(snapshot.totalEpochs) at step \(snapshot.step)")
        }
        if let loss = snapshot.testLoss {
            parts.append("test loss " + lossText(loss) + score(
                accuracy: snapshot.testAccuracy,
                rootMeanSquaredError: snapshot.testRMSE,
                rSquared: snapshot.testR2))
        } else if let last = snapshot.epochSummaries.last {
            parts.append("no test set; val loss "
                + lossText(last.validationLoss) + score(
                    accuracy: last.validationAccuracy,
                    rootMeanSquaredError: last.validationRMSE,
                    rSquared: last.validationR2))
        }
        let epochs = snapshot.epochSummaries.count
        let seconds = String(format: "%.1f s", snapshot.elapsedSeconds)
        return parts.joined(separator: "; ")
            + "  (\(epochs) epoch\(epochs == 1 ? "" : "s"), \(seconds))"
    }

    /// 1 for a run that ended diverged, 128 + n for one ended by signal
    /// n, else 0.
    func exitStatus(signal: Int32?) -> Int32 {
        if divergence != nil { return 1 }
        return signal.map { 128 + $0 } ?? 0
    }
}

/// A loss as text: four decimals, or scientific notation when huge;
/// `nan` and `inf` without a sign for NaN.
func lossText(_ loss: Float) -> String {
    if loss.isNaN { return "nan" }
    if loss.isInfinite { return loss > 0 ? "inf" : "-inf" }
    return abs(loss) < 10_000
        ? String(format: "%.4f", loss) : String(format: "%.3e", loss)
}

/// `  acc 97.54%` for classification, `  rmse 0.412  r2 0.953` for
/// regression.
func score(
    accuracy: Float?, rootMeanSquaredError: Float?, rSquared: Float?
) -> String {
    if let rootMeanSquaredError, let rSquared {
        return "  rmse " + String(format: "%.4g", rootMeanSquaredError)
            + "  r2 " + String(format: "%.4f", rSquared)
    }
    return accuracy.map { "  acc " + percent($0) } ?? ""
}
