import Foundation
import Testing

@testable import NeuralNet

// Reads Fixtures/optimizers.json, written by
// Tests/Fixtures/make_optimizers.py: a 4-5-3 tanh network, five fixed
// batches, and for each optimizer configuration the reference losses,
// global gradient norms and final parameters.
struct OptimizerFixture: Decodable {
    struct Layer: Decodable {
        var weights: [Double]
        var bias: [Double]
    }
    struct Batch: Decodable {
        var inputs: [Double]
        var labels: [Int32]
    }
    struct Configuration: Decodable {
        var kind: String
        var lr: Float
        var momentum: Float?
        var nesterov: Bool?
        var weight_decay: Float?
        var centered: Bool?
        var l1: Float?
        var clip_norm: Float?
    }
    struct Case: Decodable {
        var name: String
        var config: Configuration
        var losses: [Double]
        var gradient_norms: [Double]
        var final: [Layer]
    }

    var reference: String
    var shape: [Int]
    var initial: [Layer]
    var batches: [Batch]
    var cases: [Case]

    static func load() throws -> OptimizerFixture {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/optimizers.json")
        return try JSONDecoder().decode(
            OptimizerFixture.self, from: Data(contentsOf: url))
    }
}

@Suite struct OptimizerParityTests {
    // Losses and the global norm agree to 1e-5 relative. Parameters are
    // compared relative to max(|reference|, 1): several end near zero,
    // where a relative error says nothing.
    static let tolerance = 1e-5

    func configuration(
        _ given: OptimizerFixture.Configuration
    ) throws -> OptimizerConfiguration {
        var configuration = OptimizerConfiguration(
            kind: try OptimizerKind(parsing: given.kind),
            learningRate: given.lr)
        configuration.momentum = given.momentum ?? 0
        configuration.nesterov = given.nesterov ?? false
        configuration.weightDecay = given.weight_decay
        configuration.centered = given.centered ?? false
        configuration.l1 = given.l1 ?? 0
        configuration.clipNorm = given.clip_norm
        return configuration
    }

    func relative(_ value: Float, _ reference: Double) -> Double {
        abs(Double(value) - reference) / max(abs(reference), 1)
    }

    @Test(arguments: try OptimizerFixture.load().cases.map(\.name))
    func optimizerMatchesTheReferenceOverFiveSteps(name: String) throws {
        let fixture = try OptimizerFixture.load()
        let reference = try #require(fixture.cases.first { $0.name == name })
        var generator = SeededGenerator(seed: 0)
        let network = Network(
            inputSize: fixture.shape[0],
            hidden: [LayerSpec(units: fixture.shape[1], activation: .tanh)],
            outputs: fixture.shape[2], initialization: nil, maxBatch: 6,
            generator: &generator)
        try network.loadParameters(fixture.initial.map {
            (weights: $0.weights.map(Float.init), bias: $0.bias.map(Float.init))
        })
        var optimizer = try configuration(reference.config).makeOptimizer()

        var worst = 0.0
        for (index, batch) in fixture.batches.enumerated() {
            let inputs = batch.inputs.map(Float.init)
            let loss = inputs.withUnsafeBufferPointer { x in
                batch.labels.withUnsafeBufferPointer { y in
                    network.trainingStep(inputs: x, labels: y, count: y.count)
                }
            }
            _ = optimizer.update(network)
            let lossError = relative(loss, reference.losses[index])
            let normError = relative(
                optimizer.globalGradientNorm, reference.gradient_norms[index])
            #expect(lossError <= Self.tolerance, "step \(index + 1) loss")
            #expect(normError <= Self.tolerance, "step \(index + 1) norm")
            worst = max(worst, lossError, normError)
        }
        for (layer, expected) in zip(network.layers, reference.final) {
            let pairs =
                Array(zip(layer.weights, expected.weights))
                + Array(zip(layer.bias, expected.bias))
            for (value, target) in pairs {
                let error = relative(value, target)
                #expect(error <= Self.tolerance, "\(value) vs \(target)")
                worst = max(worst, error)
            }
        }
        print("parity \(name): largest difference \(worst)")
    }
}
