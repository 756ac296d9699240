import Dispatch
import Foundation
import Testing
@testable import Training

@Suite struct MetricsLogTests {
    /// A fresh folder for one test's logs; removed with `defer`.
    private struct LogFolder {
        let path: String

        init() throws {
            path = FileManager.default.temporaryDirectory
                .appendingPathComponent("descent-log-\(UUID().uuidString)")
                .path
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true)
        }

        func file(_ name: String) -> String { path + "/" + name }

        func read(_ name: String) throws -> String {
            try String(contentsOfFile: file(name), encoding: .utf8)
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    private static let command = "descent --data blobs --epochs 2 --lr 0.1"

    /// Two short epochs with every kind of event, as a session would
    /// report them.
    private func playScriptedRun(into log: MetricsLog) {
        log.logBatch(step: 1, epoch: 1, loss: 0.6931472, learningRate: 0.1)
        log.logBatch(step: 2, epoch: 1, loss: 0.5, learningRate: 0.1)
        log.record(.epochEnded(EpochSummary(
            epoch: 1, trainingLoss: 0.5965736, validationLoss: 0.25,
            validationAccuracy: 0.875, samplesPerSecond: 12500.5,
            learningRate: 0.1)))
        log.record(.event(TrainingEvent(
            step: 2, epoch: 2, kind: .learningRate(old: 0.1, new: 0.05))))
        log.record(.event(TrainingEvent(step: 2, epoch: 2, kind: .paused)))
        log.logBatch(step: 3, epoch: 2, loss: 0.375, learningRate: 0.05)
        log.record(.event(TrainingEvent(
            step: 3, epoch: 2, kind: .singleStep)))
        log.record(.event(TrainingEvent(step: 3, epoch: 2, kind: .resumed)))
        log.record(.event(TrainingEvent(
            step: 3, epoch: 2, kind: .diverged(loss: .nan))))
        log.logBatch(step: 4, epoch: 2, loss: 0.25, learningRate: 0.05)
        log.record(.epochEnded(EpochSummary(
            epoch: 2, trainingLoss: 0.3125, validationLoss: 0.5,
            validationAccuracy: 0.75, samplesPerSecond: 9000,
            learningRate: 0.05)))
        log.record(.event(TrainingEvent(
            step: 4, epoch: 2, kind: .earlyStopped(bestEpoch: 1))))
        log.record(.event(TrainingEvent(step: 4, epoch: 2, kind: .stopped)))
        log.record(.finished(finalSnapshot(testLoss: 0.125, accuracy: 0.9375)))
    }

    private func finalSnapshot(testLoss: Float?, accuracy: Float?)
        -> Snapshot
    {
        Snapshot(
            datasetName: "blobs", modelDescription: "2-8-2 relu",
            state: .finished, epoch: 2, totalEpochs: 2, step: 4,
            stepsPerEpoch: 2,
            hyperparameters: Hyperparameters(
                learningRate: 0.05, momentum: 0, batchSize: 8),
            testAccuracy: accuracy, testLoss: testLoss)
    }

    /// Every line of a JSON Lines file, parsed; fails on any that is not
    /// a JSON object.
    private func parsedLines(_ text: String) throws -> [[String: Any]] {
        #expect(text.hasSuffix("\n"))
        return try text.split(separator: "\n").map { line in
            let value = try JSONSerialization.jsonObject(
                with: Data(line.utf8))
            return try #require(value as? [String: Any], "\(line)")
        }
    }

    // MARK: - Exact contents

    @Test func aJSONLinesLogHoldsEveryLineInAFixedKeyOrder() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        let log = try MetricsLog(
            path: folder.file("run.jsonl"), command: Self.command)
        #expect(log.format == .jsonLines)
        playScriptedRun(into: log)
        try log.close()

        let expected = """
            {"type":"run","command":"descent --data blobs --epochs 2 --lr 0.1"}
            {"type":"batch","step":1,"epoch":1,"loss":0.6931472,"lr":0.1}
            {"type":"batch","step":2,"epoch":1,"loss":0.5,"lr":0.1}
            {"type":"epoch","epoch":1,"step":2,"train_loss":0.5965736,\
            "val_loss":0.25,"val_acc":0.875,"samples_per_s":12500.5,"lr":0.1}
            {"type":"event","step":2,"epoch":2,"kind":"learning_rate",\
            "old":0.1,"new":0.05}
            {"type":"event","step":2,"epoch":2,"kind":"paused"}
            {"type":"batch","step":3,"epoch":2,"loss":0.375,"lr":0.05}
            {"type":"event","step":3,"epoch":2,"kind":"single_step"}
            {"type":"event","step":3,"epoch":2,"kind":"resumed"}
            {"type":"event","step":3,"epoch":2,"kind":"diverged",\
            "loss":null,"loss_text":"nan"}
            {"type":"batch","step":4,"epoch":2,"loss":0.25,"lr":0.05}
            {"type":"epoch","epoch":2,"step":4,"train_loss":0.3125,\
            "val_loss":0.5,"val_acc":0.75,"samples_per_s":9000.0,"lr":0.05}
            {"type":"event","step":4,"epoch":2,"kind":"early_stopped",\
            "best_epoch":1}
            {"type":"event","step":4,"epoch":2,"kind":"stopped"}
            {"type":"end","test_loss":0.125,"test_accuracy":0.9375,\
            "steps":4,"epochs":2}

            """
        #expect(try folder.read("run.jsonl") == expected)
    }

    @Test func aCSVLogHoldsTheCommandTheHeaderAndOneRowPerEpoch() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        let log = try MetricsLog(
            path: folder.file("run.csv"), command: Self.command)
        #expect(log.format == .csv)
        playScriptedRun(into: log)
        try log.close()

        #expect(try folder.read("run.csv") == """
            # descent --data blobs --epochs 2 --lr 0.1
            epoch,step,train_loss,val_loss,val_acc,samples_per_s,lr
            1,2,0.5965736,0.25,0.875,12500.5,0.1
            2,4,0.3125,0.5,0.75,9000.0,0.05

            """)
    }

    @Test func epochRowsTakeTheirStepFromEventsWhenNoBatchWasLogged()
        throws
    {
        let folder = try LogFolder()
        defer { folder.remove() }
        let log = try MetricsLog(path: folder.file("run.CSV"), command: "x")
        log.record(.event(TrainingEvent(step: 7, epoch: 1, kind: .paused)))
        log.record(.epochEnded(EpochSummary(
            epoch: 1, trainingLoss: 1, validationLoss: 2,
            validationAccuracy: 0.5, samplesPerSecond: 10,
            learningRate: 0.01)))
        try log.close()

        #expect(try folder.read("run.CSV") == "# x\n" + MetricsLog.csvHeader
            + "1,7,1.0,2.0,0.5,10.0,0.01\n")
    }

    @Test func aRunWithoutATestSetEndsWithNullTestValues() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        let log = try MetricsLog(path: folder.file("run.jsonl"), command: "x")
        log.record(.finished(finalSnapshot(testLoss: nil, accuracy: nil)))
        try log.close()

        #expect(try folder.read("run.jsonl") == """
            {"type":"run","command":"x"}
            {"type":"end","test_loss":null,"test_accuracy":null,\
            "steps":4,"epochs":2}

            """)
    }

    @Test func regressionEpochsAddRMSEAndRSquared() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        let log = try MetricsLog(path: folder.file("run.jsonl"), command: "x")
        log.record(.epochEnded(EpochSummary(
            epoch: 1, trainingLoss: 0.5, validationLoss: 0.25,
            validationAccuracy: .nan, samplesPerSecond: 100,
            learningRate: 0.1, validationRMSE: 0.5, validationR2: 0.75)))
        try log.close()

        #expect(try folder.read("run.jsonl") == """
            {"type":"run","command":"x"}
            {"type":"epoch","epoch":1,"step":0,"train_loss":0.5,\
            "val_loss":0.25,"val_acc":null,"val_acc_text":"nan",\
            "val_rmse":0.5,"val_r2":0.75,"samples_per_s":100.0,"lr":0.1}

            """)
    }

    @Test func anExistingFileIsEmptiedFirst() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        try String(repeating: "old line\n", count: 100).write(
            toFile: folder.file("run.jsonl"), atomically: false,
            encoding: .utf8)
        let log = try MetricsLog(path: folder.file("run.jsonl"), command: "x")
        try log.close()

        #expect(try folder.read("run.jsonl") ==
            "{\"type\":\"run\",\"command\":\"x\"}\n")
    }

    // MARK: - Valid JSON

    @Test func everyJSONLineParsesToTheValuesRecorded() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        let log = try MetricsLog(
            path: folder.file("run.jsonl"), command: Self.command)
        playScriptedRun(into: log)
        try log.close()

        let lines = try parsedLines(try folder.read("run.jsonl"))
        #expect(lines.count == 15)
        #expect(lines.map { $0["type"] as? String } == [
            "run", "batch", "batch", "epoch", "event", "event", "batch",
            "event", "event", "event", "batch", "epoch", "event", "event",
            "end",
        ])
        #expect(lines[0]["command"] as? String == Self.command)
        #expect((lines[1]["loss"] as? NSNumber)?.floatValue == 0.6931472)
        #expect((lines[3]["samples_per_s"] as? NSNumber)?.doubleValue
            == 12500.5)
        #expect((lines[4]["new"] as? NSNumber)?.floatValue == 0.05)
        #expect(lines[9]["loss"] is NSNull)
        #expect(lines[9]["loss_text"] as? String == "nan")
        #expect((lines[12]["best_epoch"] as? NSNumber)?.intValue == 1)
        #expect((lines[14]["test_accuracy"] as? NSNumber)?.floatValue
            == 0.9375)
    }

    @Test func numbersReadBackToTheSameFloat() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        let values: [Float] = [
            0.1, 1e-5, -0.0, 3.4028235e38, 1.1754944e-38,
            .leastNonzeroMagnitude, 123456792, 2.5, -7.25e-12, .pi,
        ]
        let log = try MetricsLog(path: folder.file("run.jsonl"), command: "x")
        for (index, value) in values.enumerated() {
            log.logBatch(
                step: index + 1, epoch: 1, loss: value, learningRate: value)
        }
        try log.close()

        let text = try folder.read("run.jsonl")
        #expect(text.contains(#""loss":0.1,"lr":0.1}"#))
        #expect(text.contains(#""loss":1e-05,"#))
        #expect(text.contains(#""loss":-0.0,"#))
        #expect(text.contains(#""loss":3.4028235e+38,"#))
        let lines = try parsedLines(text).dropFirst()
        let losses = lines.map {
            ($0["loss"] as? NSNumber).map { Float($0.doubleValue) }
        }
        #expect(losses == values)
    }

    // MARK: - Non-finite numbers

    @Test func nonFiniteNumbersBecomeNullFollowedByTheirText() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        let log = try MetricsLog(path: folder.file("run.jsonl"), command: "x")
        log.logBatch(step: 1, epoch: 1, loss: .nan, learningRate: 0.1)
        log.logBatch(
            step: 2, epoch: 1, loss: -Float.nan, learningRate: .infinity)
        log.record(.epochEnded(EpochSummary(
            epoch: 1, trainingLoss: .infinity,
            validationLoss: -Float.infinity,
            validationAccuracy: 0, samplesPerSecond: .nan,
            learningRate: 0.1)))
        log.record(.event(TrainingEvent(
            step: 2, epoch: 1, kind: .diverged(loss: -Float.infinity))))
        log.record(.event(TrainingEvent(
            step: 2, epoch: 1, kind: .learningRate(old: .nan, new: 1))))
        log.record(.finished(finalSnapshot(testLoss: .nan, accuracy: 0)))
        try log.close()

        let text = try folder.read("run.jsonl")
        #expect(text == """
            {"type":"run","command":"x"}
            {"type":"batch","step":1,"epoch":1,"loss":null,"loss_text":"nan",\
            "lr":0.1}
            {"type":"batch","step":2,"epoch":1,"loss":null,"loss_text":"nan",\
            "lr":null,"lr_text":"inf"}
            {"type":"epoch","epoch":1,"step":2,"train_loss":null,\
            "train_loss_text":"inf","val_loss":null,"val_loss_text":"-inf",\
            "val_acc":0.0,"samples_per_s":null,"samples_per_s_text":"nan",\
            "lr":0.1}
            {"type":"event","step":2,"epoch":1,"kind":"diverged",\
            "loss":null,"loss_text":"-inf"}
            {"type":"event","step":2,"epoch":1,"kind":"learning_rate",\
            "old":null,"old_text":"nan","new":1.0}
            {"type":"end","test_loss":null,"test_loss_text":"nan",\
            "test_accuracy":0.0,"steps":4,"epochs":2}

            """)
        #expect(try parsedLines(text).count == 7)
    }

    @Test func nonFiniteNumbersInCSVAreWrittenAsPythonReadsThem() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        let log = try MetricsLog(path: folder.file("run.csv"), command: "x")
        log.record(.epochEnded(EpochSummary(
            epoch: 1, trainingLoss: .nan, validationLoss: .infinity,
            validationAccuracy: 0.5, samplesPerSecond: -Double.infinity,
            learningRate: -Float.nan)))
        try log.close()

        #expect(try folder.read("run.csv") == "# x\n" + MetricsLog.csvHeader
            + "1,0,nan,inf,0.5,-inf,nan\n")
    }

    // MARK: - Strings

    @Test func quotesNewlinesControlsAndUnicodeAreEscapedPerRFC8259()
        throws
    {
        let folder = try LogFolder()
        defer { folder.remove() }
        let command = "descent --data \"my set\" C:\\runs\nnext\tcol\r"
            + "\u{8}\u{C}\u{1}\u{1F} é € 😀 \u{2028}\u{2029}"
        let log = try MetricsLog(
            path: folder.file("run.jsonl"), command: command)
        try log.close()

        let text = try folder.read("run.jsonl")
        #expect(text == #"{"type":"run","command":"descent --data \"my set\" "#
            + #"C:\\runs\nnext\tcol\r\b\f\u0001\u001f é € 😀 "#
            + #"\u2028\u2029"}"# + "\n")
        let lines = try parsedLines(text)
        #expect(lines.first?["command"] as? String == command)
    }

    @Test func aCommandWithLineBreaksStaysOneCommentLineInCSV() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        let log = try MetricsLog(
            path: folder.file("run.csv"),
            command: "descent --note \"a\r\nb\" é\tx")
        try log.close()

        #expect(try folder.read("run.csv")
            == "# descent --note \"a\\r\\nb\" é\tx\n" + MetricsLog.csvHeader)
    }

    // MARK: - Buffering

    @Test func batchLinesReachTheFileOnceSixtyFourKilobytesCollect()
        throws
    {
        let folder = try LogFolder()
        defer { folder.remove() }
        let path = folder.file("run.jsonl")
        let log = try MetricsLog(path: path, command: "x")
        let first = MetricsLog.runLine(command: "x")
        var lines: [String] = []
        for step in 1...2000 {
            let loss = 1 / Float(step)
            lines.append(MetricsLog.batchLine(
                step: step, epoch: 1, loss: loss, learningRate: 0.01))
            log.logBatch(step: step, epoch: 1, loss: loss, learningRate: 0.01)
        }

        // The first flush comes with the line that fills the buffer.
        var buffered = 0
        var flushed = 0
        for line in lines {
            buffered += line.utf8.count
            if buffered >= MetricsLogFile.flushThreshold {
                flushed += buffered
                buffered = 0
            }
        }
        #expect(flushed >= MetricsLogFile.flushThreshold)
        #expect(try folder.read("run.jsonl").utf8.count
            == first.utf8.count + flushed)

        try log.close()
        #expect(try folder.read("run.jsonl") == first + lines.joined())
    }

    @Test func anEpochEndWritesEverythingBeforeIt() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        let log = try MetricsLog(path: folder.file("run.jsonl"), command: "x")
        log.logBatch(step: 1, epoch: 1, loss: 0.5, learningRate: 0.1)
        #expect(try folder.read("run.jsonl")
            == MetricsLog.runLine(command: "x"))

        let summary = EpochSummary(
            epoch: 1, trainingLoss: 0.5, validationLoss: 0.5,
            validationAccuracy: 1, samplesPerSecond: 1, learningRate: 0.1)
        log.record(.epochEnded(summary))
        #expect(try folder.read("run.jsonl")
            == MetricsLog.runLine(command: "x")
            + MetricsLog.batchLine(
                step: 1, epoch: 1, loss: 0.5, learningRate: 0.1)
            + MetricsLog.epochLine(summary, step: 1))
        try log.close()
    }

    @Test func batchesLoggedFromManyThreadsAllArriveWhole() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        let log = try MetricsLog(path: folder.file("run.jsonl"), command: "x")
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for index in 0..<1000 {
                log.logBatch(
                    step: thread * 1000 + index + 1, epoch: thread + 1,
                    loss: 0.5, learningRate: 0.1)
            }
        }
        try log.close()

        let lines = try parsedLines(try folder.read("run.jsonl"))
        let steps = lines.dropFirst().compactMap {
            ($0["step"] as? NSNumber)?.intValue
        }
        #expect(steps.sorted() == Array(1...4000))
    }

    @Test func callsAfterCloseWriteNothing() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        let log = try MetricsLog(path: folder.file("run.jsonl"), command: "x")
        try log.close()
        log.logBatch(step: 1, epoch: 1, loss: 0.5, learningRate: 0.1)
        log.record(.event(TrainingEvent(step: 1, epoch: 1, kind: .paused)))
        try log.close()

        #expect(try folder.read("run.jsonl")
            == MetricsLog.runLine(command: "x"))
    }

    // MARK: - Errors

    @Test func anUnknownEndingNamesBothAcceptedEndings() {
        let cases: [(path: String, suggestion: String)] = [
            ("runs/metrics.txt", "runs/metrics.jsonl"),
            ("runs/metrics.json", "runs/metrics.jsonl"),
            ("metrics", "metrics.jsonl"),
            ("runs.d/metrics", "runs.d/metrics.jsonl"),
        ]
        for (path, suggestion) in cases {
            #expect(throws: MetricsLogError.unsupportedFormat(path: path)) {
                try MetricsLog(path: path, command: "x")
            }
            #expect(MetricsLogError.unsupportedFormat(path: path).description
                == "metrics log \(path): the name must end in .jsonl (one "
                + "JSON object per line) or .csv (one row per epoch); "
                + "rename it, such as \(suggestion)")
        }
        #expect(!FileManager.default.fileExists(atPath: "runs/metrics.txt"))
    }

    @Test func aMissingFolderIsNamedInTheError() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        let path = folder.file("missing/run.jsonl")
        let error = MetricsLogError.cannotCreate(
            path: path, reason: "the folder \(folder.path)/missing does not "
                + "exist")
        #expect(throws: error) { try MetricsLog(path: path, command: "x") }
        #expect(error.description == "metrics log \(path): cannot create "
            + "it, the folder \(folder.path)/missing does not exist; choose "
            + "a path in a folder that exists and that you can write to")
        #expect(error.path == path)
    }

    @Test func aFolderInPlaceOfTheFileIsRefused() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        let path = folder.file("old.csv")
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: false)

        #expect(throws: MetricsLogError.cannotCreate(
            path: path, reason: "it is a folder")) {
            try MetricsLog(path: path, command: "x")
        }
    }

    @Test func aFailedWriteIsReportedByCloseWithThePath() throws {
        let folder = try LogFolder()
        defer { folder.remove() }
        // /dev/full accepts open(2) and fails every write with ENOSPC.
        let path = folder.file("full.jsonl")
        try FileManager.default.createSymbolicLink(
            atPath: path, withDestinationPath: "/dev/full")
        let log = try MetricsLog(path: path, command: "x")
        log.logBatch(step: 1, epoch: 1, loss: 0.5, learningRate: 0.1)

        let error = MetricsLogError.writeFailed(
            path: path, reason: "No space left on device")
        #expect(throws: error) { try log.close() }
        #expect(throws: error) { try log.close() }
        #expect(error.description == "metrics log \(path): writing failed "
            + "(No space left on device), so the log is incomplete; free "
            + "some space or choose another folder")
    }

    @Test func theFolderOfAPathIsItsPartBeforeTheLastSlash() {
        #expect(MetricsLogFile.folder(of: "run.jsonl") == ".")
        #expect(MetricsLogFile.folder(of: "/run.jsonl") == "/")
        #expect(MetricsLogFile.folder(of: "a/b/run.jsonl") == "a/b")
    }
}
