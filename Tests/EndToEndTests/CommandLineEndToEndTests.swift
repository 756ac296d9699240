import Foundation
import Testing

/// The binary run without a terminal: headless output, errors, exit codes.
@Suite struct CommandLineEndToEndTests {
    @Test func headlessMNISTReachesNinetySevenPercentOnTheTestSet() throws {
        let result = try runProcess(try descentBinary(), ["--headless"])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("epoch ") }.count == 10)
        let summary = try #require(lines.last)
        let accuracy = try #require(
            summary.firstMatch(of: /acc ([0-9.]+)%/)?.output.1)
        #expect(Double(accuracy)! >= 97, "\(summary)")
        #expect(summary.hasPrefix("test loss "))
    }

    @Test func theSameSeedAndSettingsGiveTheSameRun() throws {
        let arguments = [
            "--data", "digits", "--epochs", "3", "--seed", "9",
            "--layers", "32:gelu,dropout:0.2", "--optimizer", "adam",
            "--lr", "0.01", "--schedule", "cosine:10",
        ]
        // Everything but the throughput and the time taken.
        func trace(_ output: String) -> [String] {
            output.split(separator: "\n").map {
                String($0.replacing(/\ [0-9.]+[kM]?\ samples\/s/, with: "")
                    .replacing(/,\ [0-9.]+\ s\)/, with: ")"))
            }
        }
        let first = try runProcess(try descentBinary(), arguments)
        let second = try runProcess(try descentBinary(), arguments)
        #expect(first.status == 0)
        #expect(trace(first.output).count == 6)
        #expect(trace(first.output) == trace(second.output))
    }

    @Test func aPipedRunIsHeadlessWithoutTheFlag() throws {
        let result = try runProcess(
            try descentBinary(), ["--data", "iris", "--epochs", "2"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("iris: train 120 val 15 test 15") == true)
        #expect(lines[1] == "command: descent --data iris --epochs 2")
        #expect(lines[2].hasPrefix("epoch 1/2  loss "))
        #expect(lines[2].contains(" samples/s  lr 0.1"))
        #expect(lines.last?.contains("(2 epochs, ") == true)
    }

    /// A mistaken command line and what descent must answer.
    struct BadArguments: Sendable, CustomStringConvertible {
        var arguments: [String]
        var message: String
        var description: String { arguments.joined(separator: " ") }
    }

    static let badArguments: [BadArguments] = [
        BadArguments(
            arguments: ["--lr", "abc"],
            message: "--lr: \"abc\" is not a number; give one such as 0.1"),
        BadArguments(
            arguments: ["--layers", "128,x"],
            message: "--layers: \"x\" in \"128,x\" is not a layer; give "
                + "items such as 256:relu, 128, dropout:0.2 separated by "
                + "commas (or none for no hidden layer)"),
        BadArguments(
            arguments: ["--epochs", "0"],
            message: "--epochs: \"0\" is not a whole number of at least 1"),
        BadArguments(
            arguments: ["--activation", "swish"],
            message: "--activation: \"swish\" is not one of relu, "
                + "leaky_relu, leaky_relu:SLOPE, gelu, tanh, sigmoid, linear"),
        BadArguments(
            arguments: ["--headless=no"],
            message: "--headless takes no value; write it alone, as "
                + "--headless"),
        BadArguments(
            arguments: ["--optimizer", "adam", "--momentum", "0.9"],
            message: "--momentum does not apply to adam; it is for "
                + "rmsprop, sgd"),
        BadArguments(
            arguments: ["--optimizer", "lion"],
            message: "--optimizer: unknown optimizer 'lion'; use one of "
                + "sgd, adam, adamw, rmsprop"),
        BadArguments(
            arguments: ["--schedule", "cosine:x"],
            message: "--schedule cosine: WARMUP_BATCHES \"x\" is not a "
                + "whole number of at least 0; write it as cosine:500:0.001"),
        BadArguments(
            arguments: ["--bogus"],
            message: "unknown option \"--bogus\"; see descent --help"),
        BadArguments(
            arguments: ["--batch"],
            message: "--batch needs a value; see descent --help"),
        BadArguments(
            arguments: ["--lr", "--headless"],
            message: "--lr needs a value; see descent --help"),
        BadArguments(
            arguments: ["--lr", "0"],
            message: "--lr: 0 must be greater than 0"),
        BadArguments(
            arguments: ["--momentum", "1"],
            message: "--momentum: 1 must be below 1, such as 0.9"),
        BadArguments(
            arguments: ["--validation", "0"],
            message: "--validation: 0 is out of range; give a fraction "
                + "above 0 and below 0.5, such as 0.1"),
    ]

    @Test(arguments: badArguments)
    func badArgumentsSayWhatIsWrong(_ bad: BadArguments) throws {
        let result = try runProcess(try descentBinary(), bad.arguments)
        #expect(result.status == 2)
        #expect(result.error == "descent: " + bad.message + "\n")
        #expect(result.output.isEmpty)
    }

    @Test func aDivergingHeadlessRunSaysSoAndFails() throws {
        let result = try runProcess(
            try descentBinary(),
            ["--data", "digits", "--lr", "100", "--headless"])
        #expect(result.status == 1)
        let last = try #require(result.output.split(separator: "\n").last)
        #expect(
            last.hasPrefix("diverged at step "), "\(result.output)")
        #expect(last.contains(" with lr 100; try a lower --lr; test loss "))
    }

    @Test func aNetworkTooLargeForMemoryIsRefusedBeforeAllocating() throws {
        let result = try runProcess(
            try descentBinary(),
            ["--data", "iris", "--layers", "100000000", "--headless"])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix(
            "descent: --layers 100000000:relu with --batch 64 needs about "))
        #expect(result.error.hasSuffix("use smaller layers or batches\n"))
    }

    @Test func aMissingDataPathFailsWithItsName() throws {
        let result = try runProcess(
            try descentBinary(), ["--data", "/nonexistent/train.csv"])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("descent: "))
        #expect(result.error.contains("/nonexistent/train.csv"))
    }

    @Test func aBrokenCSVNamesTheLine() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("descent-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.csv")
        try "a,b,label\n1,2,x\n3,4,y\n5,six,x\n".write(
            to: file, atomically: true, encoding: .utf8)
        let result = try runProcess(
            try descentBinary(), ["--data", file.path, "--headless"])
        #expect(result.status == 1)
        #expect(result.error.contains("broken.csv line 4"), "\(result.error)")
        #expect(result.error.contains("\"six\""), "\(result.error)")
    }

    @Test func controlCharactersFromAFileAreShownEscaped() throws {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("descent-esc-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "a,b,label\n1,\u{1B}[2J,x\n".write(
            to: file, atomically: true, encoding: .utf8)
        let result = try runProcess(try descentBinary(), ["--data", file.path])
        #expect(result.status == 1)
        #expect(!result.error.contains("\u{1B}"))
        #expect(result.error.contains("\"\\u{1b}[2J\" is not a number"),
            "\(result.error)")
    }

    @Test func helpListsEveryFlag() throws {
        let result = try runProcess(try descentBinary(), ["--help"])
        #expect(result.status == 0)
        for flag in [
            "--data", "--validation", "--layers", "--activation", "--init",
            "--lr", "--momentum", "--batch", "--epochs", "--seed", "--threads",
            "--headless", "--paused", "--task", "--label-smoothing",
            "--optimizer", "--nesterov", "--weight-decay", "--l1",
            "--clip-norm", "--betas", "--eps", "--schedule", "--early-stop",
            "--save", "--save-every", "--resume", "--log", "eval", "predict",
        ] {
            #expect(result.output.contains(flag), "\(flag)")
        }
    }
}
