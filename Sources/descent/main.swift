import Datasets
import Foundation
import NeuralNet
import Training

/// Exit status for a command-line mistake.
let usageFailure: Int32 = 2

/// Writes a line to stderr.
func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Writes a line to stdout at once, unbuffered, from any thread.
func writeLine(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func main() -> Int32 {
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

    if options.headless || isatty(STDOUT_FILENO) == 0 {
        return HeadlessRun(options: options, data: data).run()
    }
    return DashboardRun(options: options, data: data).run()
}

exit(main())
