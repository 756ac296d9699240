// MARK: - The lines of a log

extension MetricsLog {
    /// The CSV header: the columns of an epoch row.
    static let csvHeader =
        "epoch,step,train_loss,val_loss,val_acc,samples_per_s,lr\n"

    /// The first line of a JSON Lines log.
    static func runLine(command: String) -> String {
        var object = MetricsLogJSONObject(type: "run")
        object.add("command", command)
        return object.line
    }

    /// The comment line and header that open a CSV log. Line breaks in the
    /// command become `\n` and `\r` so that the comment stays one line.
    static func csvPreamble(command: String) -> String {
        var oneLine = ""
        for scalar in command.unicodeScalars {
            switch scalar {
            case "\n": oneLine += "\\n"
            case "\r": oneLine += "\\r"
            default: oneLine.unicodeScalars.append(scalar)
            }
        }
        return "# \(oneLine)\n" + csvHeader
    }

    /// One batch: `{"type":"batch","step":…,"epoch":…,"loss":…,"lr":…}`.
    static func batchLine(
        step: Int, epoch: Int, loss: Float, learningRate: Float
    ) -> String {
        var object = MetricsLogJSONObject(type: "batch")
        object.add("step", step)
        object.add("epoch", epoch)
        object.add("loss", loss)
        object.add("lr", learningRate)
        return object.line
    }

    /// One epoch, with the CSV's column names as keys.
    static func epochLine(_ summary: EpochSummary, step: Int) -> String {
        var object = MetricsLogJSONObject(type: "epoch")
        object.add("epoch", summary.epoch)
        object.add("step", step)
        object.add("train_loss", summary.trainingLoss)
        object.add("val_loss", summary.validationLoss)
        object.add("val_acc", summary.validationAccuracy)
        // Regression runs add their scores; classification lines keep the
        // same keys as before.
        if let rmse = summary.validationRMSE, let r2 = summary.validationR2 {
            object.add("val_rmse", rmse)
            object.add("val_r2", r2)
        }
        object.add("samples_per_s", summary.samplesPerSecond)
        object.add("lr", summary.learningRate)
        return object.line
    }

    /// One epoch as a CSV row; a NaN or infinity is written `nan`, `inf`
    /// or `-inf`, which pandas and Python read as floats.
    static func csvRow(_ summary: EpochSummary, step: Int) -> String {
        let fields = [
            String(summary.epoch), String(step),
            csvNumber(summary.trainingLoss),
            csvNumber(summary.validationLoss),
            csvNumber(summary.validationAccuracy),
            csvNumber(summary.samplesPerSecond),
            csvNumber(summary.learningRate),
        ]
        return fields.joined(separator: ",") + "\n"
    }

    /// One change to the run, its fields after `kind` depending on it.
    static func eventLine(_ event: TrainingEvent) -> String {
        var object = MetricsLogJSONObject(type: "event")
        object.add("step", event.step)
        object.add("epoch", event.epoch)
        switch event.kind {
        case .learningRate(let old, let new):
            object.add("kind", "learning_rate")
            object.add("old", old)
            object.add("new", new)
        case .paused:
            object.add("kind", "paused")
        case .resumed:
            object.add("kind", "resumed")
        case .singleStep:
            object.add("kind", "single_step")
        case .diverged(let loss):
            object.add("kind", "diverged")
            object.add("loss", loss)
        case .stopped:
            object.add("kind", "stopped")
        case .earlyStopped(let bestEpoch):
            object.add("kind", "early_stopped")
            object.add("best_epoch", bestEpoch)
        }
        return object.line
    }

    /// The last line: test results (null without a test set) and how far
    /// the run got.
    static func endLine(_ snapshot: Snapshot) -> String {
        var object = MetricsLogJSONObject(type: "end")
        object.add("test_loss", snapshot.testLoss)
        object.add("test_accuracy", snapshot.testAccuracy)
        object.add("steps", snapshot.step)
        object.add("epochs", snapshot.epoch)
        return object.line
    }

    private static func csvNumber<Value: BinaryFloatingPoint>(
        _ value: Value
    ) -> String where Value: CustomStringConvertible {
        value.isFinite
            ? value.description : MetricsLogJSONObject.nonFiniteText(value)
    }
}
