import Foundation
import Testing

@testable import NeuralNet

@Suite struct SGDTests {
    // One input, two classes, zero weights: logits (0, 0), softmax
    // (1/2, 1/2). With x = 2 and label 0, dL/dz = (-1/2, 1/2), so
    // dL/dW = x · dL/dz = (-1, 1) and dL/db = (-1/2, 1/2); the loss is ln 2.
    func tinyNetwork() throws -> Network {
        var generator = SeededGenerator(seed: 0)
        let network = Network(
            inputSize: 1, hidden: [], outputs: 2, initialization: nil,
            maxBatch: 1, generator: &generator)
        try network.loadParameters([(weights: [0, 0], bias: [0, 0])])
        let loss = step(network, input: [2], label: [0])
        #expect(abs(loss - Float(log(2.0))) < 1e-7)
        #expect(network.layers[0].weightGradient == [-1, 1])
        #expect(network.layers[0].biasGradient == [-0.5, 0.5])
        return network
    }

    func step(_ network: Network, input: [Float], label: [Int32]) -> Float {
        input.withUnsafeBufferPointer { x in
            label.withUnsafeBufferPointer { y in
                network.trainingStep(inputs: x, labels: y, count: y.count)
            }
        }
    }

    func expectClose(_ got: [Float], _ expected: [Float]) {
        for (g, e) in zip(got, expected) {
            #expect(abs(g - e) < 1e-6, "got \(got), expected \(expected)")
        }
    }

    @Test func plainSGDMovesAgainstTheGradient() throws {
        let network = try tinyNetwork()
        var optimizer = SGD(learningRate: 0.1, momentum: 0)
        let norms = optimizer.update(network)
        // w = 0 - 0.1 × (-1, 1); b = 0 - 0.1 × (-0.5, 0.5).
        expectClose(network.layers[0].weights, [0.1, -0.1])
        expectClose(network.layers[0].bias, [0.05, -0.05])
        #expect(norms.count == 1)
        // |g| = √2; the update is 0.1 √2.
        #expect(abs(norms[0].gradientNorm - 1.4142135) < 1e-6)
        #expect(abs(norms[0].updateNorm - 0.14142135) < 1e-6)

        // Without momentum a second update repeats the first.
        _ = optimizer.update(network)
        expectClose(network.layers[0].weights, [0.2, -0.2])
    }

    @Test func momentumAccumulatesVelocityLikePyTorch() throws {
        let network = try tinyNetwork()
        var optimizer = SGD(learningRate: 0.1, momentum: 0.9)
        // Step 1: v = g = (-1, 1); w = (0.1, -0.1).
        let first = optimizer.update(network)
        expectClose(network.layers[0].weights, [0.1, -0.1])
        expectClose(network.layers[0].bias, [0.05, -0.05])
        #expect(abs(first[0].updateNorm - 0.14142135) < 1e-6)

        // Step 2, same gradient: v = 0.9 (-1, 1) + (-1, 1) = (-1.9, 1.9);
        // w = (0.1, -0.1) - 0.1 v = (0.29, -0.29). Bias: v = (-0.95, 0.95),
        // b = (0.145, -0.145). The update is 0.1 × 1.9 √2 = 0.26870057.
        let second = optimizer.update(network)
        expectClose(network.layers[0].weights, [0.29, -0.29])
        expectClose(network.layers[0].bias, [0.145, -0.145])
        #expect(abs(second[0].gradientNorm - 1.4142135) < 1e-6)
        #expect(abs(second[0].updateNorm - 0.26870057) < 1e-6)
    }

    @Test func resetMomentumStartsTheVelocityAgain() throws {
        let network = try tinyNetwork()
        var optimizer = SGD(learningRate: 0.1, momentum: 0.9)
        _ = optimizer.update(network)
        optimizer.resetMomentum()
        let norms = optimizer.update(network)
        expectClose(network.layers[0].weights, [0.2, -0.2])
        #expect(abs(norms[0].updateNorm - 0.14142135) < 1e-6)
    }

    @Test func learningRateChangesTakeEffectOnTheNextUpdate() throws {
        let network = try tinyNetwork()
        var optimizer = SGD(learningRate: 0.1, momentum: 0)
        _ = optimizer.update(network)
        optimizer.learningRate = 1
        _ = optimizer.update(network)
        expectClose(network.layers[0].weights, [1.1, -1.1])
    }

    @Test func updateReportsOneNormPairPerLayer() {
        var generator = SeededGenerator(seed: 51)
        let network = Network(
            inputSize: 3,
            hidden: [
                LayerSpec(units: 4, activation: .relu),
                LayerSpec(units: 5, activation: .tanh),
            ],
            outputs: 2, initialization: nil, maxBatch: 4,
            generator: &generator)
        let inputs = (0..<12).map { _ in generator.nextNormal() }
        let loss = inputs.withUnsafeBufferPointer { x in
            [Int32(0), 1, 1, 0].withUnsafeBufferPointer { y in
                network.trainingStep(inputs: x, labels: y, count: 4)
            }
        }
        #expect(loss.isFinite)
        let gradientNorms = network.layers.map { layer in
            layer.weightGradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
        }
        var optimizer = SGD(learningRate: 0.5, momentum: 0.9)
        let norms = optimizer.update(network)
        #expect(norms.count == 3)
        for (index, pair) in norms.enumerated() {
            #expect(abs(pair.gradientNorm - gradientNorms[index]) < 1e-6)
            // First step: the update is lr × g.
            #expect(abs(pair.updateNorm - 0.5 * gradientNorms[index]) < 1e-6)
        }
    }

    @Test func nesterovStepsAlongTheGradientPlusTheVelocity() throws {
        let network = try tinyNetwork()
        var optimizer = SGD(learningRate: 0.1, momentum: 0.9, nesterov: true)
        // Step 1: v = g, d = g + 0.9v = 1.9g; w = -0.19 × (-1, 1).
        _ = optimizer.update(network)
        expectClose(network.layers[0].weights, [0.19, -0.19])
        expectClose(network.layers[0].bias, [0.095, -0.095])
        // Step 2, same gradient: v = 1.9g, d = g + 0.9 × 1.9g = 2.71g.
        let norms = optimizer.update(network)
        expectClose(network.layers[0].weights, [0.461, -0.461])
        #expect(abs(norms[0].updateNorm - 0.271 * 1.4142135) < 1e-6)
    }

    @Test func weightDecayAddsTheWeightsToTheGradient() throws {
        let network = try tinyNetwork()
        var optimizer = SGD(learningRate: 0.1, momentum: 0, weightDecay: 0.5)
        // Step 1 starts from zero parameters: decay adds nothing.
        _ = optimizer.update(network)
        expectClose(network.layers[0].weights, [0.1, -0.1])
        // Step 2: g = (-1, 1) + 0.5 × (0.1, -0.1) = (-0.95, 0.95); the
        // bias decays too: (-0.5, 0.5) + 0.5 × (0.05, -0.05).
        _ = optimizer.update(network)
        expectClose(network.layers[0].weights, [0.195, -0.195])
        expectClose(network.layers[0].bias, [0.0975, -0.0975])
    }

    @Test func momentumStateIsNamedLikePyTorch() throws {
        let network = try tinyNetwork()
        var optimizer = SGD(learningRate: 0.1, momentum: 0.9)
        _ = optimizer.update(network)
        #expect(optimizer.state == OptimizerState(
            step: 1,
            buffers: [
                "layers.0.weight.momentum_buffer": [-1, 1],
                "layers.0.bias.momentum_buffer": [-0.5, 0.5],
            ]))
    }

    @Test(arguments: [false, true])
    func vectorKernelEqualsTheReference(nesterov: Bool) {
        // 37 values: two 16-lane blocks and a 5-value tail.
        var generator = SeededGenerator(seed: 71)
        let gradient = (0..<37).map { _ in generator.nextNormal() }
        var weights = (0..<37).map { _ in generator.nextNormal() }
        var velocity = (0..<37).map { _ in generator.nextNormal() }
        var expectedWeights = weights
        var expectedVelocity = velocity
        let rule = SGD.Rule(
            rate: 0.1, momentum: 0.9, nesterov: nesterov, decay: 0.01)
        SGD.referenceStep(
            &expectedWeights, gradient, &expectedVelocity, rule)
        weights.withUnsafeMutableBufferPointer { w in
            gradient.withUnsafeBufferPointer { g in
                velocity.withUnsafeMutableBufferPointer { v in
                    _ = SGD.step(w, g, v, rule)
                }
            }
        }
        #expect(weights == expectedWeights)
        #expect(velocity == expectedVelocity)
    }
}
