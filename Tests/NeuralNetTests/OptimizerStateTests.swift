import Testing

@testable import NeuralNet

@Suite struct OptimizerStateTests {
    func network(seed: UInt64 = 5) -> Network {
        var generator = SeededGenerator(seed: seed)
        return Network(
            inputSize: 3, hidden: [LayerSpec(units: 4, activation: .tanh)],
            outputs: 2, initialization: nil, maxBatch: 4,
            generator: &generator)
    }

    func train(
        _ network: Network, _ optimizer: inout some Optimizer, steps: Int
    ) -> [Float] {
        let inputs: [Float] = [0.5, -1, 2, 1, 0, -0.5, -2, 1, 0.25, 1, 1, 1]
        let labels: [Int32] = [0, 1, 1, 0]
        return (0..<steps).map { _ in
            let loss = inputs.withUnsafeBufferPointer { x in
                labels.withUnsafeBufferPointer { y in
                    network.trainingStep(inputs: x, labels: y, count: 4)
                }
            }
            _ = optimizer.update(network)
            return loss
        }
    }

    // Three steps, save, three more; against a copy that loads the saved
    // state into a fresh optimizer halfway: the same losses and weights.
    func expectResumeIsExact(_ make: () -> some Optimizer) throws {
        let straight = network()
        var optimizer = make()
        _ = train(straight, &optimizer, steps: 3)
        let saved = optimizer.state
        let weights = straight.parameters
        let expected = train(straight, &optimizer, steps: 3)

        let resumed = network()
        try resumed.loadParameters(weights)
        var fresh = make()
        try fresh.load(saved, for: resumed)
        #expect(fresh.state == saved)
        #expect(train(resumed, &fresh, steps: 3) == expected)
        #expect(resumed.parameters.map(\.weights)
            == straight.parameters.map(\.weights))
    }

    @Test func everyOptimizerResumesExactlyFromItsSavedState() throws {
        try expectResumeIsExact {
            SGD(learningRate: 0.1, momentum: 0.9, nesterov: true)
        }
        try expectResumeIsExact { Adam(learningRate: 0.01) }
        try expectResumeIsExact { AdamW(learningRate: 0.01) }
        try expectResumeIsExact {
            RMSProp(learningRate: 0.01, momentum: 0.5, centered: true)
        }
    }

    @Test func stateNamesFollowPyTorch() {
        let network = network()
        var adam = Adam(learningRate: 0.01)
        #expect(adam.state == OptimizerState(step: 0, buffers: [:]))
        _ = train(network, &adam, steps: 1)
        #expect(adam.state.step == 1)
        #expect(adam.state.buffers.keys.sorted() == [
            "layers.0.bias.exp_avg", "layers.0.bias.exp_avg_sq",
            "layers.0.weight.exp_avg", "layers.0.weight.exp_avg_sq",
            "layers.1.bias.exp_avg", "layers.1.bias.exp_avg_sq",
            "layers.1.weight.exp_avg", "layers.1.weight.exp_avg_sq",
        ])
        #expect(adam.state.buffers["layers.0.weight.exp_avg"]?.count == 12)
        var plain = SGD(learningRate: 0.1, momentum: 0)
        _ = train(network, &plain, steps: 1)
        #expect(plain.state == OptimizerState(step: 1, buffers: [:]))
    }

    @Test func loadRejectsMissingExtraAndMisSizedBuffers() throws {
        let network = network()
        var adam = Adam(learningRate: 0.01)
        _ = train(network, &adam, steps: 1)
        let good = adam.state

        var missing = good
        missing.buffers["layers.1.bias.exp_avg_sq"] = nil
        var fresh = Adam(learningRate: 0.01)
        #expect(throws: OptimizerError.missingBuffer(
            "layers.1.bias.exp_avg_sq")) {
            try fresh.load(missing, for: network)
        }

        var extra = good
        extra.buffers["layers.0.weight.momentum_buffer"] = [0]
        #expect(throws: OptimizerError.unexpectedBuffer(
            "layers.0.weight.momentum_buffer")) {
            try fresh.load(extra, for: network)
        }

        var resized = good
        resized.buffers["layers.0.weight.exp_avg"] = [1, 2]
        #expect(throws: OptimizerError.bufferSizeMismatch(
            name: "layers.0.weight.exp_avg", expected: 12, found: 2)) {
            try fresh.load(resized, for: network)
        }
        #expect(fresh.state == OptimizerState(step: 0, buffers: [:]))

        // Moments lost but the step kept would skew the bias correction.
        #expect(throws: OptimizerError.missingBuffer(
            "layers.0.weight.exp_avg")) {
            try fresh.load(OptimizerState(step: 3, buffers: [:]), for: network)
        }
        try fresh.load(OptimizerState(step: 0, buffers: [:]), for: network)
        #expect(fresh.state == OptimizerState(step: 0, buffers: [:]))

        var negative = good
        negative.step = -1
        #expect(throws: OptimizerError.invalidStep(-1)) {
            try fresh.load(negative, for: network)
        }
    }
}
