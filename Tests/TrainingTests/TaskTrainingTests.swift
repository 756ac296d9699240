import Datasets
import Dispatch
import Foundation
import NeuralNet
import Testing
@testable import Training

/// Binary classification and regression end to end through the session,
/// on CSV files written here.
@Suite struct TaskTrainingTests {
    private func write(_ text: String, name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("descent-task-\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    private func train(
        _ data: DataSplits, layers: String, epochs: Int
    ) throws -> Snapshot {
        let configuration = TrainingConfiguration(
            hiddenLayers: try LayerSpec.parseList(
                layers, defaultActivation: .tanh),
            learningRate: 0.05, batchSize: 16, epochs: epochs, seed: 3)
        let session = TrainingSession(configuration: configuration, data: data)
        session.start()
        #expect(session.waitUntilFinished(timeout: .now() + 120))
        return session.snapshot
    }

    @Test func aNumericTargetTrainsAsRegressionWithRMSEAndRSquared() throws {
        // y = 2a - b + 0.5 on a fixed grid.
        var text = "a,b,y\n"
        for i in 0..<300 {
            let a = Double(i % 20) / 10 - 1, b = Double(i / 20) / 7.5 - 1
            text += "\(a),\(b),\(2 * a - b + 0.5)\n"
        }
        let file = try write(text, name: "line.csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let data = try DataLoader.load(
            file.path, validationFraction: 0.1, seed: 1)
        #expect(data.task == .regression)
        #expect(data.outputCount == 1)

        let final = try train(data, layers: "8", epochs: 60)
        let last = try #require(final.epochSummaries.last)
        #expect(last.validationAccuracy.isNaN)
        #expect(try #require(last.validationR2) > 0.99)
        #expect(try #require(final.testRMSE) < 0.1)
        #expect(final.testAccuracy == nil)
        #expect(final.validationAccuracy.isEmpty)
    }

    @Test func twoClassesTrainAsBinaryWithOneSigmoidOutput() throws {
        var text = "x,y,side\n"
        for i in 0..<200 {
            let x = Double(i % 20) / 10 - 1, y = Double(i / 10) / 10 - 1
            text += "\(x),\(y),\(x + y > 0 ? "right" : "left")\n"
        }
        let file = try write(text, name: "sides.csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let data = try DataLoader.load(
            file.path, validationFraction: 0.1, seed: 1)
        #expect(data.task == .binary)
        #expect(data.outputCount == 1)
        #expect(data.loss(labelSmoothing: 0) == .binaryCrossEntropy)

        let final = try train(data, layers: "4", epochs: 80)
        #expect(final.layers.last?.outputs == 1)
        #expect(try #require(final.testAccuracy) >= 0.9)
    }
}
