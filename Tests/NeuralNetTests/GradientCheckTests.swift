import Testing

@testable import NeuralNet

// Tolerance: GradientCheck.tolerance, 1e-3 relative error (see its
// documentation). Each test prints the largest difference it found.
@Suite struct GradientCheckTests {
    @Test(arguments: Activation.allCases)
    func denseLayerGradientsMatchFiniteDifferences(_ activation: Activation) {
        var generator = SeededGenerator(seed: 31)
        let result = GradientCheck.denseLayer(
            activation: activation, inputs: 5, outputs: 4, rows: 3,
            generator: &generator)
        print("gradient check dense \(activation): weights \(result.weights)")
        print("gradient check dense \(activation): bias \(result.bias)")
        print("gradient check dense \(activation): input \(result.input!)")
        #expect(result.weights.checked == 20)
        #expect(result.bias.checked == 4)
        #expect(result.input?.checked == 15)
        #expect(result.weights.passes, "weights \(result.weights)")
        #expect(result.bias.passes, "bias \(result.bias)")
        #expect(result.input?.passes == true, "input \(result.input!)")
    }

    @Test func softmaxCrossEntropyGradientMatchesFiniteDifferences() {
        var generator = SeededGenerator(seed: 32)
        let logits = (0..<24).map { _ in 2 * generator.nextNormal() }
        let result = GradientCheck.softmaxCrossEntropy(
            logits: logits, labels: [0, 5, 2, 3], classes: 6)
        print("gradient check softmax cross-entropy: \(result)")
        #expect(result.checked == 24)
        #expect(result.passes, "\(result)")
    }

    func twoHiddenLayerNetwork(
        _ first: Activation, _ second: Activation, seed: UInt64
    ) throws -> (Network, [Float], [Int32]) {
        var generator = SeededGenerator(seed: seed)
        let network = Network(
            inputSize: 5,
            hidden: [
                LayerSpec(units: 7, activation: first),
                LayerSpec(units: 6, activation: second),
            ],
            outputs: 4, initialization: nil, maxBatch: 8,
            generator: &generator)
        // Nonzero biases, so their gradients flow through every path.
        let parameters = network.parameters.map { layer in
            (layer.weights,
             layer.bias.map { _ in 0.3 * generator.nextNormal() })
        }
        try network.loadParameters(parameters)
        let inputs = (0..<(8 * 5)).map { _ in generator.nextNormal() }
        let labels: [Int32] = [0, 1, 2, 3, 3, 2, 1, 0]
        return (network, inputs, labels)
    }

    @Test(arguments: [
        (Activation.tanh, Activation.relu), (.relu, .sigmoid),
        (.sigmoid, .tanh), (.linear, .relu),
    ])
    func everyLayerOfATwoHiddenLayerNetworkPassesTheCheck(
        _ first: Activation, _ second: Activation
    ) throws {
        let (network, inputs, labels) =
            try twoHiddenLayerNetwork(first, second, seed: 33)
        let results = GradientCheck.network(
            network, inputs: inputs, labels: labels)
        #expect(results.count == 3)
        for (index, result) in results.enumerated() {
            print("gradient check \(first)-\(second) layer \(index + 1): "
                  + "weights \(result.weights); bias \(result.bias)")
            #expect(result.passes, "layer \(index + 1): \(result)")
        }
        #expect(results.map(\.weights.checked) == [35, 42, 24])
        #expect(results.map(\.bias.checked) == [7, 6, 4])
    }

    @Test func aChunkedBatchPassesTheCheckToo() {
        // 8 rows through buffers of 3: chunks of 3, 3 and 2 must add up to
        // the gradient of the mean over all 8.
        var generator = SeededGenerator(seed: 34)
        let network = Network(
            inputSize: 5, hidden: [LayerSpec(units: 6, activation: .tanh)],
            outputs: 4, initialization: nil, maxBatch: 3,
            generator: &generator)
        let inputs = (0..<40).map { _ in generator.nextNormal() }
        let labels: [Int32] = [0, 1, 2, 3, 3, 2, 1, 0]
        let results = GradientCheck.network(
            network, inputs: inputs, labels: labels)
        for (index, result) in results.enumerated() {
            print("gradient check chunked layer \(index + 1): "
                  + "weights \(result.weights); bias \(result.bias)")
            #expect(result.passes, "layer \(index + 1): \(result)")
        }
    }

    // MARK: - The check must catch wrong gradients

    @Test func aSigmoidDerivativeMissingOneMinusAFails() {
        // L = Σ c_i sigmoid(z_i); the right gradient is c a (1 - a), the
        // wrong one c a.
        var generator = SeededGenerator(seed: 35)
        let z = (0..<10).map { _ in Double(generator.nextNormal()) }
        let c = (0..<10).map { _ in Double(generator.nextNormal()) }
        func loss(_ z: [Double]) -> Double {
            zip(z, c).reduce(0) { $0 + $1.1 * Activation.sigmoid.value($1.0) }
        }
        let a = z.map { Activation.sigmoid.value($0) }
        let right = (0..<10).map { Float(c[$0] * a[$0] * (1 - a[$0])) }
        let wrong = (0..<10).map { Float(c[$0] * a[$0]) }

        let good = GradientCheck.compare(analytic: right, at: z, loss: loss)
        let bad = GradientCheck.compare(analytic: wrong, at: z, loss: loss)
        print("gradient check sigmoid right: \(good); wrong: \(bad)")
        #expect(good.passes)
        #expect(!bad.passes)
        #expect(bad.maxRelativeError > 0.5)
    }

    @Test func oneCorruptedWeightGradientFailsTheNetworkCheck() throws {
        let (network, inputs, labels) =
            try twoHiddenLayerNetwork(.tanh, .relu, seed: 36)
        _ = GradientCheck.network(network, inputs: inputs, labels: labels)
        let middle = network.layers[1]
        let worst = middle.weightGradient.indices.max {
            abs(middle.weightGradient[$0]) < abs(middle.weightGradient[$1])
        }!
        middle.weightGradient[worst] *= 1.01

        let results = GradientCheck.storedGradients(
            of: network, inputs: inputs, labels: labels)
        print("gradient check, 1% off in one weight: \(results[1].weights)")
        #expect(results[0].passes)
        #expect(!results[1].weights.passes)
        #expect(results[1].weights.worstIndex == worst)
        #expect(results[2].passes)
    }

    @Test func aWrongBiasGradientFailsTheNetworkCheck() throws {
        let (network, inputs, labels) =
            try twoHiddenLayerNetwork(.sigmoid, .tanh, seed: 37)
        _ = GradientCheck.network(network, inputs: inputs, labels: labels)
        // As if the bias gradient forgot to divide by the batch size.
        network.layers[0].biasGradient =
            network.layers[0].biasGradient.map { $0 * 8 }
        let results = GradientCheck.storedGradients(
            of: network, inputs: inputs, labels: labels)
        #expect(!results[0].bias.passes, "\(results[0].bias)")
        #expect(results[0].weights.passes)
    }
}
