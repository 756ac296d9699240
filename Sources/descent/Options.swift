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
        var units: [Int] = [128]
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            let (name, inline) = split(flag)
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
            switch name {
            case "-h", "--help": options.showHelp = true
            case "--version": options.showVersion = true
            case "--headless": options.headless = true
            case "--paused": options.startPaused = true
            case "--data": options.data = try value()
            case "--layers": units = try layerSizes(value(), flag: name)
            case "--activation":
                activation = try choice(value(), flag: name)
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
            case "--threads":
                options.blasThreads = try integer(value(), flag: name, min: 1)
            default:
                throw UsageError(description: "unknown option \"\(flag)\"; "
                    + "see descent --help")
            }
        }
        options.configuration.hiddenLayers = units.map {
            LayerSpec(units: $0, activation: activation)
        }
        return options
    }

    private static func split(_ flag: String) -> (String, String?) {
        guard flag.hasPrefix("--"), let equals = flag.firstIndex(of: "=")
        else { return (flag, nil) }
        return (
            String(flag[..<equals]),
            String(flag[flag.index(after: equals)...]))
    }

    private static func layerSizes(
        _ text: String, flag: String
    ) throws(UsageError) -> [Int] {
        if text == "none" || text.isEmpty { return [] }
        var sizes: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let size = Int(part), size > 0 else {
                throw UsageError(description: "\(flag): \"\(part)\" in "
                    + "\"\(text)\" is not a layer size; give sizes such as "
                    + "128,64 (or none for no hidden layer)")
            }
            sizes.append(size)
        }
        return sizes
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
