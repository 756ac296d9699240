import Foundation
import Testing

/// Save, resume, eval and predict through the real binary.
@Suite struct CheckpointEndToEndTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("descent-ckpt-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func saveThenEvaluatePredictAndResume() throws {
        let temp = try folder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let binary = try descentBinary()
        let checkpoint = temp.appendingPathComponent("digits.ckpt").path
        let log = temp.appendingPathComponent("run.jsonl").path

        let train = try runProcess(binary, [
            "--data", "digits", "--epochs", "2", "--save", checkpoint,
            "--log", log,
        ])
        #expect(train.status == 0, "\(train.error)")
        let lines = train.output.split(separator: "\n")
        #expect(lines[1] == "command: descent --data digits --epochs 2 "
            + "--save \(checkpoint) --log \(log)")
        #expect(lines.contains("saved \(checkpoint) after epoch 2"))
        let testLine = try #require(lines.last)

        let logLines = try String(contentsOfFile: log, encoding: .utf8)
            .split(separator: "\n")
        #expect(logLines.first?.hasPrefix("{\"type\":\"run\",\"command\":") == true)
        #expect(logLines.filter { $0.hasPrefix("{\"type\":\"epoch\"") }.count == 2)
        #expect(logLines.last?.hasPrefix("{\"type\":\"end\"") == true)

        let eval = try runProcess(binary, ["eval", "--checkpoint", checkpoint])
        #expect(eval.status == 0, "\(eval.error)")
        // The same test loss as the run reported at its end.
        let loss = try #require(testLine.firstMatch(of: /test loss ([0-9.]+)/))
        #expect(eval.output.hasPrefix(
            "digits test: 180 samples  loss \(loss.output.1)  acc "))
        #expect(eval.output.contains(
            "confusion matrix (rows: actual, columns: predicted)"))

        let predictions = temp.appendingPathComponent("p.csv").path
        let predict = try runProcess(binary, [
            "predict", "--checkpoint", checkpoint, "--output", predictions,
        ])
        #expect(predict.status == 0, "\(predict.error)")
        let rows = try String(contentsOfFile: predictions, encoding: .utf8)
            .split(separator: "\n")
        #expect(rows.count == 181)
        #expect(rows[0] == "row,label,predicted,"
            + (0...9).map { "p_\($0)" }.joined(separator: ","))

        let resumed = try runProcess(binary, [
            "--resume", checkpoint, "--epochs", "3",
        ])
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(resumed.output.contains("resuming after epoch 2 (step 46)"))
        #expect(resumed.output.contains("\nepoch 3/3  loss "))
        #expect(!resumed.output.contains("epoch 1/3"))
    }

    @Test func aDamagedCheckpointIsAClearError() throws {
        let temp = try folder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let file = temp.appendingPathComponent("broken.ckpt")
        try Data([1, 2, 3]).write(to: file)
        for arguments in [
            ["--resume", file.path], ["eval", "--checkpoint", file.path],
        ] {
            let result = try runProcess(try descentBinary(), arguments)
            #expect(result.status == 1)
            #expect(result.error.contains("broken.ckpt"), "\(result.error)")
            #expect(result.output.isEmpty)
        }
    }

    @Test func aRegressionRunSavesAndEvaluates() throws {
        let temp = try folder()
        defer { try? FileManager.default.removeItem(at: temp) }
        var text = "a,b,y\n"
        for i in 0..<200 {
            let a = Double(i % 20) / 10, b = Double(i / 20) / 10
            text += "\(a),\(b),\(a - 2 * b + 0.25)\n"
        }
        let data = temp.appendingPathComponent("line.csv")
        try text.write(to: data, atomically: true, encoding: .utf8)
        let checkpoint = temp.appendingPathComponent("line.ckpt").path
        let train = try runProcess(try descentBinary(), [
            "--data", data.path, "--epochs", "5", "--lr", "0.01",
            "--save", checkpoint,
        ])
        #expect(train.status == 0, "\(train.error)")
        let eval = try runProcess(
            try descentBinary(), ["eval", "--checkpoint", checkpoint])
        #expect(eval.status == 0, "\(eval.error)")
        #expect(eval.output.hasPrefix("line.csv test: 20 samples  loss "))
        #expect(eval.output.contains("  rmse "))
        #expect(eval.output.contains("  r2 "))
    }

    @Test func aSaveToAMissingFolderFailsBeforeTraining() throws {
        let result = try runProcess(try descentBinary(), [
            "--data", "iris", "--save", "/nonexistent-descent/run.ckpt",
        ])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.error == "descent: --save /nonexistent-descent/run.ckpt: "
            + "the folder /nonexistent-descent does not exist or cannot be "
            + "written; choose another path\n")
    }

    @Test func resumeRefusesFlagsThatWouldChangeTheRun() throws {
        let result = try runProcess(
            try descentBinary(), ["--resume", "x.ckpt", "--lr", "0.5"])
        #expect(result.status == 2)
        #expect(result.error == "descent: --resume continues a run as it "
            + "was saved; --lr cannot change it (only --epochs, --data, "
            + "--save, --save-every, --log, --headless, --paused and --threads go "
            + "with --resume)\n")
    }
}
