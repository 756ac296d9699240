import Datasets
import Foundation
import NeuralNet
import Training

/// What the command line asked for.
struct Options: Equatable {
    var data = "mnist"
    var configuration = TrainingConfiguration()
    var validationFraction = 0.1
    var headless = false
    var startPaused = false
    var blasThreads = 1
    var showHelp = false
    var showVersion = false
    /// The task, when forced (`--task`); nil follows the data.
    var task: LearningTask?
    /// Where to write checkpoints (`--save`).
    var savePath: String?
    /// Epochs between checkpoints (`--save-every`).
    var saveEvery: Int?
    /// A metrics log to write (`--log`).
    var logPath: String?
    /// A checkpoint to continue (`--resume`).
    var resumePath: String?
    /// The flags the command line gave, by name.
    var given: Set<String> = []

    /// Flags that may go with `--resume`; the rest of the run is as saved.
    static let resumable: Set<String> = [
        "--resume", "--epochs", "--data", "--save", "--save-every",
        "--headless", "--paused", "--threads", "--log",
    ]
}

/// A command-line mistake, said in one line with what to do.
struct UsageError: Error, Equatable, CustomStringConvertible {
    var description: String
}

extension Options {
    /// Parses arguments (without the program name).
    static func parse(_ arguments: [String]) throws(UsageError) -> Options {
        var options = Options()
        var activation = Activation.relu
        var layers = "128"
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            let (name, inline) = split(flag)
            options.given.insert(name)
            func value() throws(UsageError) -> String {
                if let inline { return inline }
                // A flag where the value should be means the value is
                // missing; negative numbers start with one dash only.
                guard let next = rest.first, !next.hasPrefix("--") else {
                    throw UsageError(
                        description: "\(name) needs a value; see descent --help")
                }
                rest.removeFirst()
                return next
            }
            let switches = [
                "-h", "--help", "--version", "--headless", "--paused",
                "--nesterov",
            ]
            if switches.contains(name), inline != nil {
                throw UsageError(description: "\(name) takes no value; "
                    + "write it alone, as \(name)")
            }
            switch name {
            case "-h", "--help": options.showHelp = true
            case "--version": options.showVersion = true
            case "--headless": options.headless = true
            case "--paused": options.startPaused = true
            case "--data": options.data = try value()
            case "--layers":
                layers = try value()
                guard !layers.isEmpty else {
                    throw UsageError(description: "--layers: an empty list; "
                        + "give sizes such as 128,64, or none for no hidden "
                        + "layer")
                }
            case "--activation":
                let text = try value()
                do {
                    activation = try Activation(parsing: text)
                } catch {
                    throw UsageError(description: "--activation: "
                        + "\"\(text)\" is not one of relu, leaky_relu, "
                        + "leaky_relu:SLOPE, gelu, tanh, sigmoid, linear")
                }
            case "--init":
                options.configuration.initialization =
                    try choice(value(), flag: name)
            case "--lr":
                options.configuration.learningRate =
                    try number(value(), flag: name, above: 0)
            case "--momentum":
                let text = try value()
                let momentum: Float = try number(text, flag: name, from: 0)
                guard momentum < 1 else {
                    throw UsageError(description: "--momentum: \(text) "
                        + "must be below 1, such as 0.9")
                }
                options.configuration.momentum = momentum
            case "--batch":
                options.configuration.batchSize =
                    try integer(value(), flag: name, min: 1)
            case "--epochs":
                options.configuration.epochs =
                    try integer(value(), flag: name, min: 1)
            case "--seed":
                let text = try value()
                guard let seed = UInt64(text) else {
                    throw UsageError(description: "--seed: \"\(text)\" is "
                        + "not a whole number from 0 to \(UInt64.max)")
                }
                options.configuration.seed = seed
            case "--validation":
                let text = try value()
                let fraction: Double = try number(text, flag: name, from: 0)
                guard fraction > 0, fraction < 0.5 else {
                    throw UsageError(description: "--validation: \(text) "
                        + "is out of range; give a fraction above 0 and "
                        + "below 0.5, such as 0.1")
                }
                options.validationFraction = fraction
            case "--schedule":
                do {
                    options.configuration.schedule =
                        try LearningRateSchedule(parsing: value())
                } catch let error as ScheduleError {
                    throw UsageError(description: error.description)
                } catch let error as UsageError {
                    throw error
                } catch {
                    throw UsageError(description: "\(error)")
                }
            case "--early-stop":
                let text = try value()
                do {
                    options.configuration.earlyStoppingPatience =
                        try EarlyStopping(parsing: text).patience
                } catch {
                    throw UsageError(description: error.description)
                }
            case "--optimizer":
                let text = try value()
                do {
                    options.configuration.optimizer.kind =
                        try OptimizerKind(parsing: text)
                } catch {
                    throw UsageError(description: "--optimizer: "
                        + error.description)
                }
            case "--nesterov":
                options.configuration.optimizer.nesterov = true
            case "--weight-decay":
                options.configuration.optimizer.weightDecay =
                    try number(value(), flag: name, from: 0)
            case "--l1":
                options.configuration.optimizer.l1 =
                    try number(value(), flag: name, from: 0)
            case "--clip-norm":
                options.configuration.optimizer.clipNorm =
                    try number(value(), flag: name, above: 0)
            case "--betas":
                let text = try value()
                let parts = text.split(separator: ",").map { Float($0) }
                guard parts.count == 2, let beta1 = parts[0],
                    let beta2 = parts[1], (0..<1).contains(beta1),
                    (0..<1).contains(beta2)
                else {
                    throw UsageError(description: "--betas: \"\(text)\" is "
                        + "not two numbers from 0 to below 1; give them as "
                        + "0.9,0.999")
                }
                options.configuration.optimizer.beta1 = beta1
                options.configuration.optimizer.beta2 = beta2
            case "--eps":
                options.configuration.optimizer.epsilon =
                    try number(value(), flag: name, above: 0)
            case "--task":
                let text = try value()
                guard let task = LearningTask(rawValue: text) else {
                    throw UsageError(description: "--task: \"\(text)\" is not "
                        + "one of classification, binary, regression")
                }
                options.task = task
            case "--label-smoothing":
                let text = try value()
                let smoothing: Float = try number(text, flag: name, from: 0)
                guard smoothing < 1 else {
                    throw UsageError(description: "--label-smoothing: \(text) "
                        + "must be below 1, such as 0.1")
                }
                options.configuration.labelSmoothing = smoothing
            case "--log": options.logPath = try value()
            case "--save": options.savePath = try value()
            case "--save-every":
                options.saveEvery = try integer(value(), flag: name, min: 1)
            case "--resume": options.resumePath = try value()
            case "--threads":
                let text = try value()
                let threads = try integer(text, flag: name, min: 1)
                guard threads <= Self.maximumThreads else {
                    throw UsageError(description: "--threads: \(text) is more "
                        + "than \(Self.maximumThreads); this machine has "
                        + "\(ProcessInfo.processInfo.activeProcessorCount) "
                        + "cores")
                }
                options.blasThreads = threads
            default:
                throw UsageError(description: "unknown option \"\(flag)\"; "
                    + "see descent --help")
            }
        }
        if options.resumePath != nil {
            let extra = options.given.subtracting(resumable).sorted()
            guard extra.isEmpty else {
                throw UsageError(description: "--resume continues a run as "
                    + "it was saved; \(extra.joined(separator: ", ")) cannot "
                    + "change it (only --epochs, --data, --save, --save-every, "
                    + "--log, --headless, --paused and --threads go with "
                    + "--resume)")
            }
        }
        try options.checkOptimizerFlags()
        if options.saveEvery != nil, options.savePath == nil {
            throw UsageError(description: "--save-every needs --save FILE "
                + "to know where to write")
        }
        do {
            options.configuration.hiddenLayers = try LayerSpec.parseList(
                layers, defaultActivation: activation)
        } catch {
            throw UsageError(description: "--layers: \(error)")
        }
        return options
    }

    /// Refuses settings the chosen optimizer would ignore, as PyTorch
    /// refuses arguments its optimizers do not take.
    private func checkOptimizerFlags() throws(UsageError) {
        let kind = configuration.optimizer.kind
        let takes: [String: Set<OptimizerKind>] = [
            "--momentum": [.sgd, .rmsprop],
            "--betas": [.adam, .adamw],
            "--eps": [.adam, .adamw, .rmsprop],
            "--nesterov": [.sgd],
        ]
        for (flag, kinds) in takes.sorted(by: { $0.key < $1.key })
        where given.contains(flag) && !kinds.contains(kind) {
            let names = kinds.map(\.rawValue).sorted().joined(separator: ", ")
            throw UsageError(description: "\(flag) does not apply to "
                + "\(kind.rawValue); it is for \(names)")
        }
    }

    /// More OpenBLAS threads than this only waste memory and time.
    static let maximumThreads = 256

    private static func split(_ flag: String) -> (String, String?) {
        guard flag.hasPrefix("--"), let equals = flag.firstIndex(of: "=")
        else { return (flag, nil) }
        return (
            String(flag[..<equals]),
            String(flag[flag.index(after: equals)...]))
    }

    private static func choice<T: RawRepresentable & CaseIterable>(
        _ text: String, flag: String
    ) throws(UsageError) -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(description:
                "\(flag): \"\(text)\" is not one of \(names)")
        }
        return value
    }

    private static func number<T: BinaryFloatingPoint & LosslessStringConvertible>(
        _ text: String, flag: String, above: T? = nil, from: T? = nil
    ) throws(UsageError) -> T {
        guard let value = T(text), value.isFinite else {
            throw UsageError(description:
                "\(flag): \"\(text)\" is not a number; give one such as 0.1")
        }
        if let above, value <= above {
            throw UsageError(description:
                "\(flag): \(text) must be greater than \(short(above))")
        }
        if let from, value < from {
            throw UsageError(description:
                "\(flag): \(text) must be at least \(short(from))")
        }
        return value
    }

    private static func short<T: BinaryFloatingPoint>(_ value: T) -> String {
        String(format: "%g", Double(value))
    }

    private static func integer(
        _ text: String, flag: String, min: Int
    ) throws(UsageError) -> Int {
        guard let value = Int(text), value >= min else {
            throw UsageError(description: "\(flag): \"\(text)\" is not a "
                + "whole number of at least \(min)")
        }
        return value
    }
}
