import Datasets
import Foundation
import NeuralNet
import Synchronization
import Training

/// A run without a screen: one line per epoch on stdout, then a summary.
struct HeadlessRun {
    let setup: RunSetup
    /// Set when a checkpoint could not be written; the run then fails.
    private let saveFailed = Flag()

    func run() -> Int32 {
        let total = setup.configuration.epochs
        writeLine(Self.header(setup))
        writeLine("command: \(setup.command)")
        if let resume = setup.resume {
            writeLine("resuming after epoch \(resume.epochsCompleted) "
                + "(step \(resume.step))")
        }
        let saveFailed = self.saveFailed
        let session = setup.session { notice in
            switch notice {
            case .epochEnded(let summary):
                writeLine(Self.line(for: summary, of: total))
            case .saved(let path, let epoch):
                writeLine("saved \(path) after epoch \(epoch)")
            case .saveFailed(let reason):
                saveFailed.set()
                standardError("descent: checkpoint not saved: \(reason)")
            case .event, .finished:
                break
            }
        }
        let watcher = SignalWatcher { session.send(.quit) }
        session.start()
        let final = awaitEnd(session)
        watcher.cancel()
        let outcome = RunOutcome(snapshot: final)
        writeLine(outcome.line)
        if saveFailed.isSet { return 1 }
        if standardOutputFailed.isSet {
            standardError("descent: could not write to standard output; "
                + "the run was stopped")
            return 1
        }
        return outcome.exitStatus(signal: watcher.caughtSignal)
    }

    /// Waits for the end; a divergence cannot be resumed without a user,
    /// and output nobody can read is not worth training for, so either ends
    /// the run.
    private func awaitEnd(_ session: TrainingSession) -> Snapshot {
        var quitSent = false
        while !session.waitUntilFinished(timeout: .now() + .milliseconds(100)) {
            let stop = session.snapshot.state == .diverged
                || standardOutputFailed.isSet
            if !quitSent, stop {
                session.send(.quit)
                quitSent = true
            }
        }
        return session.snapshot
    }

    static func header(_ setup: RunSetup) -> String {
        let configuration = setup.configuration
        let data = setup.data
        let model = configuration.modelDescription(
            inputs: data.train.featureCount,
            outputs: data.outputCount)
        let test = data.test.map { " test \($0.count)" } ?? ""
        return "\(data.name): train \(data.train.count) "
            + "val \(data.validation.count)\(test)  model \(model)  "
            + Self.optimizerText(configuration.optimizer) + "  batch "
            + "\(configuration.batchSize)  seed \(configuration.seed)"
    }

    /// The optimizer and the settings that differ from its defaults:
    /// `sgd lr 0.1 momentum 0.9`, `adamw lr 0.001 decay 0.01`.
    static func optimizerText(_ settings: OptimizerConfiguration) -> String {
        var text = "\(settings.kind.rawValue) lr \(format(settings.learningRate))"
        if settings.momentum > 0 { text += " momentum \(format(settings.momentum))" }
        if settings.nesterov { text += " nesterov" }
        if settings.effectiveWeightDecay > 0 {
            text += " decay \(format(settings.effectiveWeightDecay))"
        }
        if settings.l1 > 0 { text += " l1 \(format(settings.l1))" }
        if let clip = settings.clipNorm { text += " clip \(format(clip))" }
        return text
    }

    static func line(for summary: EpochSummary, of total: Int) -> String {
        "epoch \(summary.epoch)/\(total)  loss "
            + lossText(summary.trainingLoss)
            + "  val " + lossText(summary.validationLoss)
            + score(
                accuracy: summary.validationAccuracy,
                rootMeanSquaredError: summary.validationRMSE,
                rSquared: summary.validationR2)
            + "  " + rate(summary.samplesPerSecond) + " samples/s"
            + "  lr " + format(summary.learningRate)
    }

}

/// A fraction as a percentage with two decimals: `97.54%`.
func percent(_ fraction: Float) -> String {
    String(format: "%.2f%%", Double(fraction) * 100)
}

/// A hyperparameter as short text: `0.1`, `0.0125`, `3e-05`.
func format(_ value: Float) -> String {
    String(format: "%.4g", Double(value))
}

/// A throughput such as `870`, `61k` or `1.8M`.
func rate(_ perSecond: Double) -> String {
    switch perSecond {
    case 1_000_000...: String(format: "%.1fM", perSecond / 1_000_000)
    case 10_000...: String(format: "%.0fk", perSecond / 1000)
    default: String(format: "%.0f", perSecond)
    }
}
