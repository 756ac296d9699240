import Datasets
import Foundation
import Training

/// A run without a screen: one line per epoch on stdout, then a summary.
struct HeadlessRun {
    let options: Options
    let data: DataSplits

    func run() -> Int32 {
        let configuration = options.configuration
        let total = configuration.epochs
        writeLine(Self.header(options: options, data: data))
        let session = TrainingSession(
            configuration: configuration, data: data
        ) { notice in
            switch notice {
            case .epochEnded(let summary):
                writeLine(Self.line(for: summary, of: total))
            case .event(let event):
                if case .diverged(let loss) = event.kind {
                    writeLine("step \(event.step + 1): loss became \(loss); "
                        + "stopping. Try a lower --lr.")
                }
            case .finished:
                break
            }
        }
        let watcher = SignalWatcher { session.send(.quit) }
        session.start()
        let final = awaitEnd(session)
        watcher.cancel()
        writeLine(Self.summary(final))
        if final.state == .diverged { return 1 }
        return watcher.caughtSignal.map { 128 + $0 } ?? 0
    }

    /// Waits for the end; a divergence cannot be resumed without a user,
    /// so it ends the run.
    private func awaitEnd(_ session: TrainingSession) -> Snapshot {
        while !session.waitUntilFinished(timeout: .now() + .milliseconds(100)) {
            if session.snapshot.state == .diverged {
                let snapshot = session.snapshot
                session.send(.quit)
                session.waitUntilFinished()
                var final = session.snapshot
                final.state = .diverged
                final.message = snapshot.message
                return final
            }
        }
        return session.snapshot
    }

    static func header(options: Options, data: DataSplits) -> String {
        let configuration = options.configuration
        let model = configuration.modelDescription(
            inputs: data.train.featureCount,
            outputs: data.train.classNames.count)
        let test = data.test.map { " test \($0.count)" } ?? ""
        return "\(data.name): train \(data.train.count) "
            + "val \(data.validation.count)\(test)  model \(model)  "
            + "lr \(format(configuration.learningRate))  momentum "
            + "\(format(configuration.momentum))  batch "
            + "\(configuration.batchSize)  seed \(configuration.seed)"
    }

    static func line(for summary: EpochSummary, of total: Int) -> String {
        "epoch \(summary.epoch)/\(total)  loss "
            + String(format: "%.4f", summary.trainingLoss)
            + "  val " + String(format: "%.4f", summary.validationLoss)
            + "  acc " + percent(summary.validationAccuracy)
            + "  " + rate(summary.samplesPerSecond) + " samples/s"
            + "  lr " + format(summary.learningRate)
    }

    static func summary(_ snapshot: Snapshot) -> String {
        let seconds = String(format: "%.1f s", snapshot.elapsedSeconds)
        let epochs = snapshot.epochSummaries.count
        var text: String
        if let accuracy = snapshot.testAccuracy, let loss = snapshot.testLoss {
            text = "test loss " + String(format: "%.4f", loss)
                + "  acc " + percent(accuracy)
        } else if let last = snapshot.epochSummaries.last {
            text = "no test set; val acc " + percent(last.validationAccuracy)
        } else {
            text = "no epoch finished"
        }
        text += "  (\(epochs) epoch\(epochs == 1 ? "" : "s"), \(seconds))"
        if snapshot.state == .diverged, let message = snapshot.message {
            text = "diverged: \(message)"
        }
        return text
    }
}

/// A fraction as a percentage with two decimals: `97.54%`.
func percent(_ fraction: Float) -> String {
    String(format: "%.2f%%", Double(fraction) * 100)
}

/// A hyperparameter as short text: `0.1`, `0.0125`, `3e-05`.
func format(_ value: Float) -> String {
    String(format: "%g", Double(value))
}

/// A throughput such as `870`, `61k` or `1.8M`.
func rate(_ perSecond: Double) -> String {
    switch perSecond {
    case 1_000_000...: String(format: "%.1fM", perSecond / 1_000_000)
    case 10_000...: String(format: "%.0fk", perSecond / 1000)
    default: String(format: "%.0f", perSecond)
    }
}
