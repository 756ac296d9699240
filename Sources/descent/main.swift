import Datasets
import Foundation
import NeuralNet
import Synchronization
import Training

/// Exit status for a command-line mistake.
let usageFailure: Int32 = 2

/// Writes a line to stderr, made safe to show: see ``terminalSafe(_:)``.
func standardError(_ line: String) {
    let safe = terminalSafe(line) + "\n"
    try? FileHandle.standardError.write(contentsOf: Data(safe.utf8))
}

/// Messages quote values from the user's files: control characters could
/// drive the terminal (clear it, retitle it), so they are shown escaped,
/// and a huge quoted value is cut in the middle.
func terminalSafe(_ text: String, limit: Int = 1000) -> String {
    var safe = ""
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0:
            safe += "\\u{" + String(scalar.value, radix: 16) + "}"
        default:
            safe.unicodeScalars.append(scalar)
        }
    }
    guard safe.count > limit else { return safe }
    return String(safe.prefix(limit * 2 / 3)) + " … "
        + String(safe.suffix(limit / 3))
}

/// Set once a write to stdout has failed (a full disk, a closed pipe).
let standardOutputFailed = Flag()

/// Writes a line to stdout at once, unbuffered, from any thread; a failure
/// is remembered in `standardOutputFailed` rather than crashing.
func writeLine(_ line: String) {
    do {
        try FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
    } catch {
        standardOutputFailed.set()
    }
}

/// The command as typed, quoted for a POSIX shell where needed, so it can
/// be pasted to run again.
func commandLine(_ arguments: [String]) -> String {
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
        + "0123456789-_=+.,:/@%")
    let words = ["descent"] + arguments.map { word in
        !word.isEmpty && word.allSatisfy(safe.contains)
            ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
    return words.joined(separator: " ")
}

func main() -> Int32 {
    // A parent may hand down a blocked signal mask; the dashboard needs
    // SIGWINCH for resizes and the signal watcher needs the rest.
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    sigprocmask(SIG_SETMASK, &noSignals, nil)

    let arguments = Array(CommandLine.arguments.dropFirst())
    if let first = arguments.first, let kind = CheckpointCommand.Kind(
        rawValue: first)
    {
        do {
            return try CheckpointCommand(
                kind: kind, arguments: Array(arguments.dropFirst())).run()
        } catch {
            standardError("descent \(first): \(error)")
            return usageFailure
        }
    }

    var options: Options
    do {
        options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
    } catch {
        standardError("descent: \(error)")
        return usageFailure
    }
    if options.showHelp {
        print(helpText, terminator: "")
        return 0
    }
    if options.showVersion {
        print("descent \(descentVersion)")
        return 0
    }

    BLAS.setThreads(options.blasThreads)
    var resume: TrainingCheckpoint?
    if let path = options.resumePath {
        do {
            let checkpoint = try TrainingCheckpoint(
                contentsOf: URL(fileURLWithPath: path))
            let epochs = options.configuration.epochs
            options.configuration = try checkpoint.configuration()
            if options.given.contains("--epochs") {
                options.configuration.epochs = epochs
            }
            if !options.given.contains("--data") {
                options.data = checkpoint.data.spec
            }
            options.validationFraction = checkpoint.data.validationFraction
            options.task = checkpoint.data.task.flatMap(LearningTask.init)
            resume = checkpoint
        } catch {
            standardError("descent: \(error)")
            return 1
        }
    }
    let data: DataSplits
    do {
        data = try DataLoader.load(
            options.data, task: options.task,
            validationFraction: options.validationFraction,
            seed: options.configuration.seed)
    } catch {
        standardError("descent: \(error)")
        return 1
    }

    if data.task != .regression, data.train.classNames.count < 2 {
        let only = data.train.classNames.first.map { " (\"\($0)\")" } ?? ""
        standardError("descent: \(data.source) has one class\(only); "
            + "training a classifier needs at least two")
        return 1
    }
    if data.train.featureCount < 1 {
        standardError("descent: \(data.source) has no features; each "
            + "sample needs at least one value besides its label")
        return 1
    }
    // A batch larger than the training set is the whole set.
    options.configuration.batchSize = min(
        options.configuration.batchSize, data.train.count)

    do {
        try options.configuration.optimizer.validate()
    } catch {
        standardError("descent: \(error)")
        return usageFailure
    }
    do {
        let batch = options.configuration.batchSize
        _ = try options.configuration.learningRates(
            stepsPerEpoch: (data.train.count + batch - 1) / batch)
    } catch {
        standardError("descent: \(error)")
        return usageFailure
    }
    do {
        try options.checkFits(
            inputs: data.train.featureCount, outputs: data.outputCount)
    } catch {
        standardError("descent: \(error)")
        return usageFailure
    }

    if let resume {
        do {
            try resume.validate(for: data)
        } catch {
            standardError("descent: \(error)")
            return 1
        }
        guard resume.epochsCompleted < options.configuration.epochs else {
            standardError("descent: \(options.resumePath ?? ""): the run "
                + "already finished its \(resume.epochsCompleted) epochs; "
                + "give --epochs with a larger number to train on")
            return usageFailure
        }
    }
    var log: MetricsLog?
    let command = commandLine(arguments)
    if let path = options.logPath {
        do {
            log = try MetricsLog(path: path, command: command)
        } catch {
            standardError("descent: \(error)")
            return 1
        }
    }
    if let path = options.savePath {
        // Refuse a place the checkpoint cannot be written before training,
        // not after it.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(
            atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue,
            FileManager.default.isWritableFile(atPath: folder.path)
        else {
            standardError("descent: --save \(path): the folder \(folder.path) "
                + "does not exist or cannot be written; choose another path")
            return 1
        }
    }
    // Paths are kept absolute, so eval, predict and --resume find the data
    // from any folder; the task is kept so other data cannot pass for it.
    let dataSpec = FileManager.default.fileExists(atPath: options.data)
        ? URL(fileURLWithPath: options.data).standardizedFileURL.path
        : options.data
    let run = RunSetup(
        configuration: options.configuration, data: data,
        startPaused: options.startPaused,
        checkpoints: options.savePath.map {
            CheckpointPlan(
                url: URL(fileURLWithPath: $0), everyEpochs: options.saveEvery,
                data: DataReference(
                    spec: dataSpec,
                    validationFraction: options.validationFraction,
                    task: data.task.rawValue))
        },
        resume: resume, log: log, command: command)
    let status = options.headless || isatty(STDOUT_FILENO) == 0
        ? HeadlessRun(setup: run).run() : DashboardRun(setup: run).run()
    do {
        try log?.close()
    } catch {
        standardError("descent: \(error)")
        return status == 0 ? 1 : status
    }
    return status
}

exit(main())
