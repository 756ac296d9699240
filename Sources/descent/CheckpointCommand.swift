import Checkpoints
import Datasets
import Foundation
import NeuralNet
import Training

/// `descent eval` and `descent predict`: a saved network on a data set.
struct CheckpointCommand {
    /// Which of the two.
    enum Kind: String {
        /// Loss, accuracy, per-class precision and recall, the confusion
        /// matrix (or RMSE and R² for regression).
        case eval
        /// One CSV row per sample: the label, the prediction and the
        /// network's outputs.
        case predict
    }

    let kind: Kind
    var checkpoint = ""
    var data: String?
    var split = "test"
    var output: String?

    /// Reads `--checkpoint FILE [--data D] [--split S] [--output FILE]`.
    init(kind: Kind, arguments: [String]) throws(UsageError) {
        self.kind = kind
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "--help" || flag == "-h" {
                throw UsageError(description: "usage: descent eval "
                    + "--checkpoint FILE [--data D] [--split test|validation|"
                    + "train]; descent predict --checkpoint FILE [--data D] "
                    + "[--split S] [--output FILE.csv]")
            }
            guard let value = rest.popFirst(), !value.hasPrefix("--") else {
                throw UsageError(description: "\(flag) needs a value; see "
                    + "descent --help")
            }
            switch flag {
            case "--checkpoint": checkpoint = value
            case "--data": data = value
            case "--split":
                guard ["test", "validation", "train"].contains(value) else {
                    throw UsageError(description: "--split: \"\(value)\" is "
                        + "not one of test, validation, train")
                }
                split = value
            case "--output" where kind == .predict: output = value
            default:
                throw UsageError(description: "unknown option \"\(flag)\"; "
                    + "see descent --help")
            }
        }
        guard !checkpoint.isEmpty else {
            throw UsageError(description: "--checkpoint FILE is required: "
                + "the file a run wrote with --save")
        }
    }

    func run() -> Int32 {
        let set: Dataset
        let data: DataSplits
        let network: Network
        do {
            let saved = try TrainingCheckpoint(
                contentsOf: URL(fileURLWithPath: checkpoint))
            let configuration = try saved.configuration()
            data = try DataLoader.load(
                self.data ?? saved.data.spec,
                task: saved.data.task.flatMap(LearningTask.init),
                validationFraction: saved.data.validationFraction,
                seed: configuration.seed)
            network = try saved.network(for: data)
        } catch {
            standardError("descent \(kind.rawValue): \(error)")
            return 1
        }
        switch split {
        case "train": set = data.train
        case "validation": set = data.validation
        default:
            guard let test = data.test else {
                standardError("descent \(kind.rawValue): \(data.name) has no "
                    + "test split; use --split validation")
                return 1
            }
            set = test
        }
        return kind == .eval
            ? evaluate(network, on: set, data: data)
            : predict(network, on: set, data: data)
    }

    private func evaluate(
        _ network: Network, on set: Dataset, data: DataSplits
    ) -> Int32 {
        let head = "\(data.name) \(split): \(set.count) samples"
        if set.isRegression {
            let result = network.evaluateRegression(
                inputs: set.features, targets: set.targets)
            writeLine(head + "  loss " + lossText(result.loss) + score(
                accuracy: nil, rootMeanSquaredError: result.rootMeanSquaredError,
                rSquared: result.rSquared))
            return 0
        }
        let result = network.evaluate(inputs: set.features, labels: set.labels)
        let report = ClassificationReport(
            classNames: set.classNames, labels: set.labels,
            predictions: network.predict(inputs: set.features))
        writeLine(head + "  loss " + lossText(result.loss) + "  acc "
            + percent(Float(report.accuracy)))
        writeLine("")
        writeLine(report.text)
        return 0
    }

    private func predict(
        _ network: Network, on set: Dataset, data: DataSplits
    ) -> Int32 {
        let outputs = network.outputs(inputs: set.features)
        let width = data.outputCount
        var lines: [String]
        if set.isRegression {
            let names = width == 1
                ? ["predicted"] : (0..<width).map { "predicted_\($0)" }
            lines = ["row,target," + names.joined(separator: ",")]
            for row in 0..<set.count {
                let values = outputs[(row * width)..<((row + 1) * width)]
                lines.append("\(row),"
                    + set.targetRow(row).map { "\($0)" }
                        .joined(separator: ",") + ","
                    + values.map { "\($0)" }.joined(separator: ","))
            }
        } else {
            let predictions = network.predict(inputs: set.features)
            let columns = width == 1
                ? ["p_" + set.classNames[1]]
                : set.classNames.map { "p_" + $0 }
            lines = ["row,label,predicted," + columns.joined(separator: ",")]
            for row in 0..<set.count {
                let values = outputs[(row * width)..<((row + 1) * width)]
                lines.append("\(row),\(set.classNames[Int(set.labels[row])]),"
                    + "\(set.classNames[predictions[row]]),"
                    + values.map { "\($0)" }.joined(separator: ","))
            }
        }
        let text = lines.joined(separator: "\n") + "\n"
        guard let output else {
            writeLine(String(text.dropLast()))
            return standardOutputFailed.isSet ? 1 : 0
        }
        do {
            try AtomicFile.write(
                Data(text.utf8), to: URL(fileURLWithPath: output))
        } catch {
            standardError("descent predict: \(error)")
            return 1
        }
        return 0
    }
}
