import Checkpoints
import Datasets
import Dispatch
import Foundation
import NeuralNet
import Testing
@testable import Training

@Suite struct CheckpointResumeTests {
    /// Adam, dropout, a per-batch schedule and clipping: every piece of
    /// state a checkpoint must carry.
    private func configuration() -> TrainingConfiguration {
        var configuration = TrainingConfiguration(
            hiddenLayers: try! LayerSpec.parseList(
                "8:gelu,dropout:0.25,6:tanh", defaultActivation: .relu),
            learningRate: 0.01, optimizer: .adam, batchSize: 16, epochs: 4,
            seed: 11, schedule: .cosine(warmupSteps: 5))
        configuration.optimizer.clipNorm = 1
        return configuration
    }

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("descent-resume-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: true)
        return url
    }

    /// A whole run that saves `file` at its end.
    @discardableResult
    private func savedRun(to file: URL) throws -> TrainingSession {
        let session = TrainingSession(
            configuration: configuration(), data: blobSplits(),
            checkpoints: CheckpointPlan(
                url: file, everyEpochs: nil,
                data: DataReference(spec: "blobs", validationFraction: 0.1)))
        session.start()
        #expect(session.waitUntilFinished(timeout: .now() + 60))
        return session
    }

    @Test func aResumedRunMatchesAnUninterruptedOne() throws {
        let temp = try folder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let file = temp.appendingPathComponent("run.ckpt")
        let middle = temp.appendingPathComponent("epoch2.ckpt")
        let plan = CheckpointPlan(
            url: file, everyEpochs: 2,
            data: DataReference(spec: "blobs", validationFraction: 0.1))

        // The full run keeps a copy of the checkpoint written after epoch 2.
        let full = TrainingSession(
            configuration: configuration(), data: blobSplits(),
            checkpoints: plan
        ) { notice in
            if case .saved(_, 2) = notice {
                try? FileManager.default.copyItem(at: file, to: middle)
            }
        }
        full.start()
        #expect(full.waitUntilFinished(timeout: .now() + 60))
        let uninterrupted = full.snapshot

        let checkpoint = try TrainingCheckpoint(contentsOf: middle)
        #expect(checkpoint.epochsCompleted == 2)
        try checkpoint.validate(for: blobSplits())
        let resumed = TrainingSession(
            configuration: try checkpoint.configuration(), data: blobSplits(),
            resume: checkpoint)
        resumed.start()
        #expect(resumed.waitUntilFinished(timeout: .now() + 60))
        let final = resumed.snapshot

        #expect(final.step == uninterrupted.step)
        #expect(final.trainingLoss == uninterrupted.trainingLoss)
        #expect(final.validationLoss == uninterrupted.validationLoss)
        #expect(final.layers.map(\.weights) == uninterrupted.layers.map(\.weights))
        #expect(final.epochSummaries.map(\.trainingLoss)
            == uninterrupted.epochSummaries.map(\.trainingLoss))
        #expect(final.testLoss == uninterrupted.testLoss)
    }

    @Test func theSavedWeightsUsePyTorchsLinearLayout() throws {
        let temp = try folder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let file = temp.appendingPathComponent("run.ckpt")
        let session = try savedRun(to: file)
        let weights = session.snapshot.layers[0]

        let raw = try SafetensorsFile(contentsOf: file)
        let tensor = try #require(raw.tensor(named: "layers.0.weight"))
        #expect(tensor.shape == [8, 2])
        // torch's [out, in] is Descent's in × out, transposed.
        #expect(tensor.values[1] == weights.weights[1 * 8 + 0])
        #expect(raw.tensor(named: "layers.2.bias")?.shape == [2])
        #expect(raw.metadata["format"] == "descent-checkpoint")
        #expect(raw.tensor(named: "optimizer.layers.0.weight.exp_avg") != nil)
    }

    @Test func aTruncatedCheckpointIsAnErrorNotACrash() throws {
        let temp = try folder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let file = temp.appendingPathComponent("run.ckpt")
        _ = try savedRun(to: file)
        let bytes = try Data(contentsOf: file)
        for length in [0, 7, 8, 100, bytes.count / 2, bytes.count - 1] {
            let cut = temp.appendingPathComponent("cut\(length).ckpt")
            try bytes.prefix(length).write(to: cut)
            #expect(throws: CheckpointError.self) {
                _ = try TrainingCheckpoint(contentsOf: cut)
            }
        }
    }

    @Test func aCheckpointForAnotherNetworkShapeIsRefused() throws {
        let temp = try folder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let file = temp.appendingPathComponent("run.ckpt")
        _ = try savedRun(to: file)
        let checkpoint = try TrainingCheckpoint(contentsOf: file)
        // The same blobs with three more features.
        func widened(_ set: Dataset) -> Dataset {
            var features: [Float] = []
            for row in 0..<set.count { features += set.row(row) + [0, 0, 0] }
            return Dataset(
                features: features, labels: set.labels, featureCount: 5,
                classNames: set.classNames)
        }
        let splits = blobSplits()
        let wideBlobs = DataSplits(
            name: "wide", source: "memory", train: widened(splits.train),
            validation: widened(splits.validation), test: nil)
        let error = #expect(throws: CheckpointError.self) {
            try checkpoint.validate(for: wideBlobs)
        }
        #expect(error?.description == "run.ckpt: its weights are for a "
            + "2-8-6-2 network, not 5-8-6-2 gelu,tanh; resume it with the "
            + "data it was trained on")
    }
}
