import Datasets
import Foundation
import NeuralNet
import Training

/// Exit status for a command-line mistake.
let usageFailure: Int32 = 2

/// Writes a line to stderr.
func standardError(_ line: String) {
    try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
}

/// Writes a line to stdout at once, unbuffered, from any thread; a
/// terminal that has gone away is not an error worth a crash.
func writeLine(_ line: String) {
    try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
}

func main() -> Int32 {
    // A parent may hand down a blocked signal mask; the dashboard needs
    // SIGWINCH for resizes and the signal watcher needs the rest.
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    sigprocmask(SIG_SETMASK, &noSignals, nil)

    let options: Options
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
    let data: DataSplits
    do {
        data = try DataLoader.load(
            options.data, validationFraction: options.validationFraction,
            seed: options.configuration.seed)
    } catch {
        standardError("descent: \(error)")
        return 1
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
            inputs: data.train.featureCount,
            outputs: data.train.classNames.count)
    } catch {
        standardError("descent: \(error)")
        return usageFailure
    }

    if options.headless || isatty(STDOUT_FILENO) == 0 {
        return HeadlessRun(options: options, data: data).run()
    }
    return DashboardRun(options: options, data: data).run()
}

exit(main())
